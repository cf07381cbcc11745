from django.core.management.base import BaseCommand

from cms.services import ensure_site_structure


class Command(BaseCommand):
    help = (
        "Tạo trang chủ, danh mục khoá học, nhóm quyền và quy trình duyệt (idempotent)."
    )

    def handle(self, *args, **options):
        catalogue = ensure_site_structure()
        self.stdout.write(self.style.SUCCESS(f"Site ready; catalogue: {catalogue.url}"))
