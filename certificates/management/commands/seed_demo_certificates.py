from django.core.management.base import BaseCommand

from certificates.demo import seed_demo_certificate_templates


class Command(BaseCommand):
    help = (
        "Tạo mẫu giấy chứng nhận cho các đơn vị tổ chức lớp demo (chạy sau seed_demo)."
    )

    def handle(self, *args, **options):
        created = seed_demo_certificate_templates()
        for name in created:
            self.stdout.write(f"  + certificate template for {name}")
        if not created:
            self.stdout.write("Demo certificate templates already present.")
