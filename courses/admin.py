from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from courses.models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Hồ sơ"), {"fields": ("full_name",)}),
    )
    list_display = ("username", "full_name", "email", "is_staff")
    search_fields = ("username", "full_name", "email")


def superusers_only(request: HttpRequest) -> bool:
    """Who may use the Django admin at all: superusers.

    Trainers and organisers are staff for Wagtail's admin, whose screens are scoped
    to their classes and organisation (courses.viewsets). The Django admin would show
    them unscoped screens for whatever model permissions their roles hold (images,
    documents): it is the superusers' tool.
    """
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only  # type: ignore[method-assign]
