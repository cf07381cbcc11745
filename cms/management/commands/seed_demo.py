from django.core.management.base import BaseCommand

from cms.demo.seed import seed_demo


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu: 3 khoá học, bài học, tổ chức, lớp và tài khoản demo."

    def handle(self, *args, **options):
        report = seed_demo()
        if report.created:
            for what in report.created:
                self.stdout.write(f"  + {what}")
            self.stdout.write(self.style.SUCCESS(f"{len(report.created)} created."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
