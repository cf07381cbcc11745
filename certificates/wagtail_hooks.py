from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSetGroup

from certificates import admin_views
from certificates.viewsets import (
    CertificateTemplateViewSet,
    CertificateViewSet,
    class_button,
)
from courses.viewsets import CLASS_HEADER_BUTTONS

SUBMENU_HOOK = "register_certificates_menu_item"


class CertificatesViewSetGroup(ViewSetGroup):
    menu_label = _("Chứng nhận")
    menu_icon = "doc-full"
    menu_order = 205
    submenu_hook = SUBMENU_HOOK
    items = (CertificateViewSet, CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificates_viewsets():
    return CertificatesViewSetGroup()


@hooks.register("register_admin_urls")
def register_certificates_admin_urls():
    return admin_views.admin_urls()


class RegisterExportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register(SUBMENU_HOOK)
def register_register_export_menu_item():
    return RegisterExportMenuItem(
        _("Sổ cấp (tải XLSX)"),
        reverse("certificates_admin:register"),
        icon_name="download",
        order=10,
    )


if class_button not in CLASS_HEADER_BUTTONS:
    CLASS_HEADER_BUTTONS.append(class_button)
