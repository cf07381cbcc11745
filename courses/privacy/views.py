"""A trainee's own data: what is held, a download of it, and requests about it.

Thin adapters over `courses.privacy.subject_rights`. A trainee only ever reaches
their own record, found from their login.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.dashboard_panels import Panel, register_panel
from courses.models import DataSubjectRequest, Trainee, User
from courses.privacy.registry import entries
from courses.privacy.subject_rights import (
    RequestRefused,
    export_personal_data,
    file_request,
)
from courses.services import trainee_for_user
from courses.vietnamese import nfc_text


class AuthenticatedRequest(HttpRequest):
    user: User  # what @login_required guarantees


class DataRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Bạn muốn"), choices=DataSubjectRequest.Kind.choices
    )
    details = forms.CharField(
        label=gettext_lazy("Nội dung (nếu cần)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Ví dụ: ngày sinh đúng là 05/03/1985. Không ghi thông tin của người khác."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["details"] = nfc_text(cleaned.get("details", ""))
        if cleaned.get("kind") == DataSubjectRequest.Kind.CORRECT and not (
            cleaned["details"].strip()
        ):
            self.add_error(
                "details", _("Hãy ghi thông tin nào cần sửa và sửa thành gì.")
            )
        return cleaned


def _own_trainee(user: User) -> Trainee | None:
    return Trainee.objects.filter(user=user).first()


def _requests_of(trainee: Trainee | None):
    if trainee is None:
        return DataSubjectRequest.objects.none()
    return trainee.data_requests.order_by("-received_at", "-pk")


def dashboard_panel_context(request: HttpRequest) -> dict:
    """The "Dữ liệu cá nhân của bạn" panel of "Khóa học của tôi"."""
    user = request.user
    trainee = _own_trainee(user) if isinstance(user, User) else None
    return {
        "open_requests": _requests_of(trainee).filter(
            status=DataSubjectRequest.Status.OPEN
        ),
        "request_form": DataRequestForm(),
    }


def _my_data_page(
    request: AuthenticatedRequest, form: DataRequestForm, status: int = 200
) -> TemplateResponse:
    trainee = _own_trainee(request.user)
    held = []
    if trainee is not None:
        for entry in entries():
            count = entry.rows(trainee).count()
            if count:
                held.append(
                    {
                        "title": entry.model._meta.verbose_name_plural,
                        "count": count,
                        "reason": entry.reason,
                    }
                )
    return TemplateResponse(
        request,
        "courses/privacy/my_data.html",
        {
            "trainee": trainee,
            "held": held,
            "data_requests": _requests_of(trainee),
            "request_form": form,
        },
        status=status,
    )


@login_required
def my_data(request: AuthenticatedRequest) -> HttpResponse:
    """What is held about me, kind by kind, with what erasure would do to each."""
    return _my_data_page(request, DataRequestForm())


@never_cache
@login_required
def download_my_data(request: AuthenticatedRequest) -> HttpResponse:
    trainee = _own_trainee(request.user)
    if trainee is None:
        raise Http404
    response = HttpResponse(
        export_personal_data(trainee=trainee), content_type="application/zip"
    )
    response["Content-Disposition"] = 'attachment; filename="du-lieu-ca-nhan.zip"'
    return response


@require_POST
@login_required
def file_data_request(request: AuthenticatedRequest) -> HttpResponse:
    form = DataRequestForm(request.POST)
    if not form.is_valid():
        return _my_data_page(request, form, status=400)
    try:
        filed = file_request(
            trainee=trainee_for_user(request.user),
            kind=form.cleaned_data["kind"],
            details=form.cleaned_data["details"],
            by=request.user,
        )
    except RequestRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _(
                "Đã gửi yêu cầu #%(number)s (%(kind)s). Cán bộ tổ chức sẽ trả lời "
                "trước ngày %(due)s."
            )
            % {
                "number": filed.pk,
                "kind": filed.get_kind_display(),
                "due": filed.due_on.strftime("%d/%m/%Y"),
            },
        )
    return redirect("courses:my-data")


# courses has no AppConfig.ready(); courses.urls imports this module, so the panel is
# in place before any page is served.
register_panel(Panel("courses/privacy/dashboard_panel.html", dashboard_panel_context))
