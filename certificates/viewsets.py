"""Wagtail admin screens for certificate templates and issued certificates.

Scoped like the courses screens (courses.viewsets): a template or certificate of
another organisation answers 404. Certificates have no add or edit form: the
services issue them, and only revoke and re-issue change them.
"""

import datetime as dt

import django_filters
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button

from certificates import admin_views
from certificates.forms import CertificateTemplateForm
from certificates.models import Certificate, CertificateTemplate
from certificates.printed import dmy
from certificates.services import PRINTED_FIELDS, printed_snapshot, verify_url
from courses.models import TrainingClass
from courses.viewsets import (
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    ScopedModelViewSet,
)


def _preview_button(template: CertificateTemplate, priority: int) -> Button:
    return Button(
        _("Xem thử PDF"),
        url=reverse("certificatetemplate:preview_pdf", args=[template.pk]),
        icon_name="view",
        attrs={"target": "_blank", "rel": "noopener"},
        priority=priority,
    )


class CertificateTemplateIndexView(ScopedIndexView):
    def get_list_more_buttons(self, instance):
        return [*super().get_list_more_buttons(instance), _preview_button(instance, 15)]


class CertificateTemplateEditView(ScopedEditView):
    @cached_property
    def header_more_buttons(self):
        return [*super().header_more_buttons, _preview_button(self.object, 5)]


class CertificateTemplateViewSet(ScopedModelViewSet):
    model = CertificateTemplate
    icon = "doc-full"
    menu_label = _("Mẫu giấy chứng nhận")
    index_view_class = CertificateTemplateIndexView
    edit_view_class = CertificateTemplateEditView
    list_display = ["name", "organisation", "is_default", "register_suffix"]
    list_filter = ["is_default"]
    search_fields = ["name", "issuing_body"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("organisation"),
                    FieldPanel("name"),
                    FieldPanel("is_default"),
                ],
                heading=_("Đơn vị và tên mẫu"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("parent_body"),
                    FieldPanel("issuing_body"),
                    FieldPanel("title"),
                ],
                heading=_("Phần đầu giấy"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("wording"),
                    FieldRowPanel(
                        [FieldPanel("result_label"), FieldPanel("default_result")]
                    ),
                ],
                heading=_("Nội dung"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("place"),
                    FieldRowPanel(
                        [FieldPanel("signer_title"), FieldPanel("signer_name")]
                    ),
                    FieldPanel("signature_image"),
                ],
                heading=_("Nơi cấp, người ký"),
            ),
            FieldRowPanel(
                [FieldPanel("register_suffix"), FieldPanel("validity_months")],
                heading=_("Số vào sổ và thời hạn"),
            ),
        ],
        base_form_class=CertificateTemplateForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "preview/<int:pk>/",
                admin_views.template_preview,
                name="preview_pdf",
            ),
        ]


class DateColumn(Column):
    """A date as dd/mm/yyyy."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return dmy(value) if value else ""


def _visible_classes(request):
    if request is None:
        return TrainingClass.objects.none()
    return TrainingClass.objects.visible_to(request.user).order_by("code")


class CertificateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"), choices=Certificate.Status.choices
    )
    register_year = django_filters.NumberFilter(label=_("Năm cấp"))
    training_class = django_filters.ModelChoiceFilter(
        label=_("Lớp"),
        field_name="enrollment__training_class",
        queryset=_visible_classes,
    )

    class Meta:
        model = Certificate
        fields = ["status", "register_year", "training_class"]


class CertificateInspectView(ScopedInspectView):
    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_page_title(self):
        return _("Giấy chứng nhận")

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, dt.datetime):
            return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
        if isinstance(value, dt.date):
            return dmy(value)
        if value is None or value == "":
            return "—"
        return value

    def history(self) -> list[dict]:
        """Each earlier edition, with the printed values the next one changed."""
        revisions = list(
            self.object.revisions.select_related("replaced_by").order_by("edition")
        )
        current = printed_snapshot(self.object)
        history = []
        for index, revision in enumerate(revisions):
            after = (
                revisions[index + 1].printed if index + 1 < len(revisions) else current
            )
            changed = [
                {
                    "label": getattr(
                        Certificate._meta.get_field(name), "verbose_name", name
                    ),
                    "before": revision.printed.get(name, ""),
                    "after": after.get(name, ""),
                }
                for name in PRINTED_FIELDS
                if name != "wording"
                and revision.printed.get(name, "") != after.get(name, "")
            ]
            history.append(
                {
                    "revision": revision,
                    "changed": changed,
                    "wording_changed": revision.printed.get("wording", "")
                    != after.get("wording", ""),
                }
            )
        return history

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        certificate = self.object
        user = self.request.user
        can_change = user.has_perm(admin_views.CHANGE)
        is_revoked = certificate.status == Certificate.Status.REVOKED
        class_id = certificate.enrollment.training_class_id
        context.update(
            {
                "certificate": certificate,
                "history": self.history(),
                "verify_url": verify_url(certificate),
                "pdf_url": reverse("certificate:pdf", args=[certificate.pk]),
                "class_url": (
                    reverse("certificates_admin:class", args=[class_id])
                    if user.has_perm(admin_views.ISSUE)
                    else ""
                ),
                "revoke_url": (
                    reverse("certificate:revoke", args=[certificate.pk])
                    if can_change and not is_revoked
                    else ""
                ),
                "reissue_url": (
                    reverse("certificate:reissue", args=[certificate.pk])
                    if can_change and not is_revoked
                    else ""
                ),
            }
        )
        return context


class CertificateViewSet(ScopedModelViewSet):
    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Giấy chứng nhận đã cấp")
    inspect_view_class = CertificateInspectView
    inspect_view_enabled = True
    inspect_template_name = "certificates/admin/certificate_inspect.html"
    inspect_view_fields = [
        "register_number",
        "status",
        "holder_name",
        "holder_birth",
        "holder_unit",
        "holder_role",
        "course_title",
        "class_title",
        "class_code",
        "class_starts_on",
        "class_ends_on",
        "class_place",
        "result_label",
        "result",
        "issued_on",
        "expires_on",
        "edition",
        "organisation",
        "issued_by",
        "override_reason",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
    ]
    list_display = [
        "register_number",
        "holder_name",
        "course_title",
        "class_code",
        DateColumn("issued_on", label=_("Ngày cấp"), sort_key="issued_on"),
        "status",
    ]
    filterset_class = CertificateFilterSet
    search_fields = [
        "holder_name",
        "register_number",
        # Folded, so that "hoa" finds "Hoà" as in the trainees' list.
        "enrollment__trainee__name_folded",
    ]
    # Issued by the services only: the listing and the detail, nothing to type in.
    form_fields: list[str] = []

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        finder = super().url_finder_class
        finder.edit_url_name = self.get_url_name("inspect")
        return finder

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("pdf/<int:pk>/", admin_views.certificate_pdf, name="pdf"),
            path("revoke/<int:pk>/", admin_views.revoke, name="revoke"),
            path("reissue/<int:pk>/", admin_views.reissue, name="reissue"),
        ]


def class_button(training_class: TrainingClass, user) -> Button | None:
    """ "Giấy chứng nhận" on a class's edit screen, for those who may issue."""
    if not user.has_perm("certificates.add_certificate"):
        return None
    return Button(
        _("Giấy chứng nhận"),
        url=reverse("certificates_admin:class", args=[training_class.pk]),
        icon_name="doc-full",
        priority=50,
    )
