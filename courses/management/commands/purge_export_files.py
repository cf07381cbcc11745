"""`manage.py purge_export_files`: the cron path for hosts without Celery beat."""

from django.core.management.base import BaseCommand

from courses.export_jobs import purge_expired_export_files


class Command(BaseCommand):
    help = "Xoá tệp của các lần xuất dữ liệu lớn đã quá thời hạn lưu."

    def handle(self, *args, **options):
        self.stdout.write(str(purge_expired_export_files()))
