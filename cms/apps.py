from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Tài liệu tập huấn")

    def ready(self) -> None:
        from cms import signals  # noqa: F401  (connects the page-cache purge)
