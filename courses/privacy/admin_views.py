"""The organisers' queue of data requests in the Wagtail admin.

Scoped like every other domain screen: an organiser sees the requests of the trainees
in their organisation tree (`Trainee.objects.visible_to`), and a guessed id of
another organisation's request answers 404. Handling a request means changing a
trainee's record, so it needs `courses.change_trainee`; a request is never deleted.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from courses.exports.services import log_export
from courses.models import DataSubjectRequest, Trainee, User
from courses.privacy import SENSITIVE_PERMISSION
from courses.privacy.registry import entries
from courses.privacy.subject_rights import (
    RequestRefused,
    answer_request,
    erase_personal_data,
    export_personal_data,
    file_request,
)
from courses.viewsets import ScopedEditView, ScopedIndexView, ScopedModelViewSet

PERMISSION = "courses.change_trainee"


class AdminRequest(HttpRequest):
    user: User  # the admin lets only signed-in staff through


class RequestQueuePolicy(ModelPermissionPolicy):
    """Whoever may change trainee records answers their requests; none is deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and user.has_perm(PERMISSION)

    def users_with_any_permission(self, actions):
        return ModelPermissionPolicy(Trainee).users_with_permission("change")


class DataRequestAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "trainee" in self.fields and self.for_user is not None:
            self.fields["trainee"].queryset = Trainee.objects.visible_to(
                self.for_user
            ).order_by("given_name", "full_name")
        if "status" in self.fields:
            self.fields["status"].choices = [
                choice
                for choice in DataSubjectRequest.Status.choices
                if choice[0] != DataSubjectRequest.Status.OPEN
            ]


class DueColumn(Column):
    cell_template_name = "courses/privacy/admin/due_cell.html"


class RequestIndexView(ScopedIndexView):
    def get_base_queryset(self):
        # Open requests first, the soonest due on top; answered ones after.
        return (
            self.scoped()
            .select_related("trainee")
            .annotate(
                is_answered=Case(
                    When(status=DataSubjectRequest.Status.OPEN, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("is_answered", "due_on", "pk")
        )

    @cached_property
    def table_class(self):
        class QueueTable(super().table_class):
            def get_row_classname(self, instance):
                return "data-request-overdue" if instance.is_overdue else ""

        return QueueTable

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Tải dữ liệu của học viên (ZIP)"),
                reverse("datasubjectrequest:export", args=[instance.pk]),
                icon_name="download",
                priority=15,
            )
        )
        if instance.kind == DataSubjectRequest.Kind.ERASE and (
            instance.status == DataSubjectRequest.Status.OPEN
        ):
            buttons.append(
                MenuItem(
                    _("Xoá dữ liệu…"),
                    reverse("datasubjectrequest:erase", args=[instance.pk]),
                    icon_name="bin",
                    priority=16,
                )
            )
        return buttons


class RequestCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return file_request(
            trainee=data["trainee"],
            kind=data["kind"],
            details=data.get("details", ""),
            by=self.request.user,
            received_at=data.get("received_at"),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RequestRefused as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form)


class RequestAnswerView(ScopedEditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return answer_request(
            request=DataSubjectRequest.objects.get(pk=self.object.pk),
            status=data["status"],
            outcome=data.get("outcome", ""),
            by=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except RequestRefused as refused:
            form.add_error(None, refused.message)
            return self.form_invalid(form)


def _visible_request(request: AdminRequest, pk: int) -> DataSubjectRequest:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(
        DataSubjectRequest.objects.visible_to(request.user).select_related("trainee"),
        pk=pk,
    )


@never_cache
def export_view(request: AdminRequest, pk: int) -> HttpResponse:
    """The trainee's data as the ZIP they would download, for handing over."""
    data_request = _visible_request(request, pk)
    mask = not request.user.has_perm(SENSITIVE_PERMISSION)
    archive = export_personal_data(trainee=data_request.trainee, mask_sensitive=mask)
    log_export(
        user=request.user,
        kind="personal_data",
        file_format="zip",
        filters={"trainee": data_request.trainee_id, "request": data_request.pk},
        row_count=1,
    )
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="du-lieu-ca-nhan-yeu-cau-{data_request.pk}.zip"'
    )
    return response


def erase_view(request: AdminRequest, pk: int) -> HttpResponse:
    """GET: what erasing will delete, anonymise and keep. POST: erase."""
    data_request = _visible_request(request, pk)
    index = reverse("datasubjectrequest:index")
    if data_request.kind != DataSubjectRequest.Kind.ERASE or (
        data_request.status != DataSubjectRequest.Status.OPEN
    ):
        messages.error(request, _("Chỉ xoá theo một yêu cầu xoá đang chờ xử lý."))
        return redirect(index)
    if request.method == "POST":
        try:
            erase_personal_data(
                trainee=data_request.trainee, request=data_request, by=request.user
            )
        except RequestRefused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(
                request,
                _("Đã xoá dữ liệu theo yêu cầu #%(number)s.")
                % {"number": data_request.pk},
            )
        return redirect(index)
    trainee = data_request.trainee
    plan = [
        {
            "title": entry.model._meta.verbose_name_plural,
            "count": entry.rows(trainee).count(),
            "erasure": entry.erasure,
            "reason": entry.reason,
        }
        for entry in entries()
    ]
    return TemplateResponse(
        request,
        "courses/privacy/admin/erase_confirm.html",
        {
            "data_request": data_request,
            "plan": [step for step in plan if step["count"]],
            "index_url": index,
            "header_title": _("Xoá dữ liệu theo yêu cầu #%(number)s")
            % {"number": data_request.pk},
        },
    )


class DataSubjectRequestViewSet(ScopedModelViewSet):
    model = DataSubjectRequest
    icon = "warning"
    menu_label = gettext_lazy("Yêu cầu về dữ liệu cá nhân")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = RequestIndexView
    add_view_class = RequestCreateView
    edit_view_class = RequestAnswerView
    list_display = [
        "trainee",
        "kind",
        Column(
            "received_at",
            label=gettext_lazy("Nhận ngày"),
            accessor=lambda r: r.received_at.strftime("%d/%m/%Y"),
        ),
        DueColumn("due_on", label=gettext_lazy("Hạn trả lời"), sort_key="due_on"),
        "status",
    ]
    list_filter = ["status", "kind"]
    add_handler = ObjectList(
        [
            FieldPanel("trainee"),
            FieldPanel("kind"),
            FieldPanel("details"),
            FieldPanel("received_at"),
        ],
        base_form_class=DataRequestAdminForm,
    )
    edit_handler = ObjectList(
        [
            FieldPanel("trainee", read_only=True),
            FieldPanel("kind", read_only=True),
            FieldPanel("details", read_only=True),
            FieldPanel("received_at", read_only=True),
            FieldPanel("due_on", read_only=True),
            FieldPanel("status"),
            FieldPanel("outcome"),
        ],
        base_form_class=DataRequestAdminForm,
    )

    def get_add_view_kwargs(self, **kwargs):
        # Recording a request picks the trainee; answering one only sets the answer.
        add_handler = self.add_handler.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=add_handler, form_class=add_handler.get_form_class(), **kwargs
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<int:pk>/", export_view, name="export"),
            path("erase/<int:pk>/", erase_view, name="erase"),
        ]
