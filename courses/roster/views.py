"""Wagtail admin: upload a roster → preview (nothing written) → confirm (writes).

Thin adapters over courses.roster.services. Only holders of courses.import_trainee
get in, and only for classes they may see.
"""

from functools import wraps

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages

from courses.models import TrainingClass
from courses.roster.reading import MAX_UPLOAD_BYTES
from courses.roster.services import RosterRejected, check_roster, import_roster
from courses.roster.template import template_workbook
from courses.roster.uploads import discard_upload, keep_upload, read_upload

PERMISSION = "courses.import_trainee"
SESSION_KEY = "roster_uploads"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_import(user) -> bool:
    return user.is_authenticated and user.has_perm(PERMISSION)


def import_permission_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


class RosterUploadForm(forms.Form):
    training_class = forms.ModelChoiceField(
        label=gettext_lazy("Lớp"), queryset=TrainingClass.objects.none()
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp danh sách (.xlsx hoặc .csv, tối đa 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["training_class"].queryset = TrainingClass.objects.visible_to(
            user
        ).filter(locked_at__isnull=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn 5 MB. Hãy bỏ bớt các trang không cần.")
            )
        return upload


def _visible_class(user, class_id) -> TrainingClass:
    training_class = TrainingClass.objects.visible_to(user).filter(pk=class_id).first()
    if training_class is None:
        raise PermissionDenied
    return training_class


@import_permission_required
@require_http_methods(["GET", "POST"])
def upload(request):
    form = RosterUploadForm(
        request.POST or None, request.FILES or None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        training_class = _visible_class(
            request.user, form.cleaned_data["training_class"].pk
        )
        data = form.cleaned_data["file"].read()
        filename = form.cleaned_data["file"].name
        report = check_roster(
            data=data, filename=filename, training_class=training_class
        )
        token = ""
        if report.is_valid:
            token = keep_upload(data)
            uploads = request.session.get(SESSION_KEY, {})
            uploads[token] = {"class": training_class.pk, "filename": filename}
            request.session[SESSION_KEY] = uploads
        return TemplateResponse(
            request,
            "courses/roster/preview.html",
            {"report": report, "token": token, "filename": filename},
        )
    return TemplateResponse(request, "courses/roster/upload.html", {"form": form})


@import_permission_required
@require_http_methods(["POST"])
def confirm(request):
    token = request.POST.get("token", "")
    pending = request.session.get(SESSION_KEY, {}).pop(token, None)
    request.session.modified = True
    data = read_upload(token) if pending else None
    if data is None:
        messages.error(
            request,
            _("Bản xem trước đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại."),
        )
        return redirect("courses_roster:upload")
    training_class = _visible_class(request.user, pending["class"])
    try:
        report = import_roster(
            data=data,
            filename=pending["filename"],
            training_class=training_class,
            by=request.user,
        )
    except RosterRejected as rejected:
        # Something changed since the preview (a seat taken, a duplicate added).
        return TemplateResponse(
            request,
            "courses/roster/preview.html",
            {"report": rejected.report, "token": "", "filename": pending["filename"]},
        )
    finally:
        discard_upload(token)
    messages.success(
        request,
        ngettext(
            "Đã thêm %(count)s học viên vào lớp %(code)s.",
            "Đã thêm %(count)s học viên vào lớp %(code)s.",
            report.created,
        )
        % {"count": report.created, "code": training_class.code},
    )
    return redirect("courses_roster:upload")


@import_permission_required
def template(request):
    response = HttpResponse(template_workbook(), content_type=XLSX)
    response["Content-Disposition"] = (
        'attachment; filename="mau-danh-sach-hoc-vien.xlsx"'
    )
    return response
