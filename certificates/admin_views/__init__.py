"""Organisers' certificate screens in the Wagtail admin: thin adapters over services.

Scoped like every class screen: a class, certificate, template or organisation outside
the user's reach answers 404. Every response carrying people's data is private and
never stored by a cache, and every download of it is logged (ExportLog).

Split by what the organiser is looking at: a template's preview, one certificate, one
class, the register.
"""

from django.urls import include, path

from certificates.admin_views import classes, register
from certificates.admin_views.common import (
    ADD_TEMPLATE,
    CHANGE,
    ISSUE,
    VIEW,
    VIEW_TEMPLATE,
)
from certificates.admin_views.preview import template_preview
from certificates.admin_views.single import certificate_pdf, reissue, revoke

__all__ = [
    "ADD_TEMPLATE",
    "CHANGE",
    "ISSUE",
    "VIEW",
    "VIEW_TEMPLATE",
    "admin_urls",
    "certificate_pdf",
    "reissue",
    "revoke",
    "template_preview",
]


def admin_urls() -> list:
    urls = [
        path("classes/<int:class_id>/", classes.class_certificates, name="class"),
        path(
            "classes/<int:class_id>/issue/", classes.issue_for_class, name="class_issue"
        ),
        path(
            "classes/<int:class_id>/override/<int:enrollment_id>/",
            classes.issue_override,
            name="class_override",
        ),
        path(
            "classes/<int:class_id>/certificates.pdf",
            classes.class_pdf,
            name="class_pdf",
        ),
        path(
            "classes/<int:class_id>/certificates.zip",
            classes.class_zip,
            name="class_zip",
        ),
        path("register/", register.register_export, name="register"),
    ]
    return [path("certificates/", include((urls, "certificates_admin")))]
