"""`manage.py purge_roster_uploads`: the cron path for hosts without Celery beat."""

from django.core.management.base import BaseCommand

from courses.roster.uploads import purge_stale_uploads


class Command(BaseCommand):
    help = "Xoá các tệp danh sách đã tải lên quá một giờ mà không xác nhận nhập."

    def handle(self, *args, **options):
        self.stdout.write(str(purge_stale_uploads()))
