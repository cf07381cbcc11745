"""Wagtail admin: upload questions (XLSX) → preview, nothing written → confirm.

Thin adapters over courses.question_import. Only holders of courses.add_question get
in. Between preview and confirm the file waits in default storage under
`question-imports/`; the page carries a signed token naming it, its course and its
uploader, so nothing depends on the session. Confirming deletes the file.
"""

import secrets
from functools import wraps

from django import forms
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from courses.models import Course
from courses.question_import.reading import MAX_UPLOAD_BYTES
from courses.question_import.services import QuestionImportResult, import_questions
from courses.question_import.template import question_template_xlsx

PERMISSION = "courses.add_question"
UPLOAD_DIR = "question-imports"
SIGNER_SALT = "courses.question_import"
TOKEN_MAX_AGE = 60 * 60
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _storage():
    # Uploads awaiting confirmation hold personal data: the private storage has no URL.
    return storages["private"]


def can_import_questions(user) -> bool:
    return user.is_authenticated and user.has_perm(PERMISSION)


def question_import_permission_required(view):
    # A real 403: Wagtail would turn PermissionDenied into a redirect to its dashboard.
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not can_import_questions(request.user):
            return permission_denied(request, PermissionDenied())
        return view(request, *args, **kwargs)

    return wrapped


class QuestionUploadForm(forms.Form):
    course = forms.ModelChoiceField(
        label=gettext_lazy("Khoá học"), queryset=Course.objects.order_by("title")
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp câu hỏi (.xlsx, tối đa 5 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        return upload


# --- the file between preview and confirm -----------------------------------------


def _keep(data: bytes, *, course: Course, user, filename: str) -> str:
    """Store the bytes; return a signed token naming them, the course and the user."""
    name = _storage().save(
        f"{UPLOAD_DIR}/{secrets.token_hex(16)}.xlsx", ContentFile(data)
    )
    return signing.dumps(
        {"file": name, "course": course.pk, "user": user.pk, "filename": filename},
        salt=SIGNER_SALT,
    )


def _pending(token: str, user) -> dict | None:
    try:
        pending = signing.loads(token, salt=SIGNER_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        return None
    if pending.get("user") != user.pk or not str(pending.get("file", "")).startswith(
        f"{UPLOAD_DIR}/"
    ):
        return None
    if not _storage().exists(pending["file"]):
        return None
    return pending


def _preview(
    request: HttpRequest,
    result: QuestionImportResult,
    *,
    course: Course,
    filename: str,
    token: str = "",
) -> TemplateResponse:
    return TemplateResponse(
        request,
        "courses/admin/question_import_preview.html",
        {"result": result, "course": course, "filename": filename, "token": token},
    )


# --- views -----------------------------------------------------------------------


@question_import_permission_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    form = QuestionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        course = form.cleaned_data["course"]
        data = form.cleaned_data["file"].read()
        filename = form.cleaned_data["file"].name
        result = import_questions(
            file=data, filename=filename, course=course, dry_run=True
        )
        token = (
            _keep(data, course=course, user=request.user, filename=filename)
            if result.is_valid
            else ""
        )
        return _preview(request, result, course=course, filename=filename, token=token)
    return TemplateResponse(
        request, "courses/admin/question_import.html", {"form": form}
    )


@question_import_permission_required
@require_http_methods(["POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    pending = _pending(request.POST.get("token", ""), request.user)
    course = Course.objects.filter(pk=pending["course"]).first() if pending else None
    if pending is None or course is None:
        messages.error(
            request,
            _("Bản xem trước đã hết hạn hoặc đã được nhập. Hãy tải tệp lên lại."),
        )
        return redirect("courses_question_import")
    try:
        with _storage().open(pending["file"], "rb") as stored:
            data = stored.read()
        result = import_questions(
            file=data, filename=pending["filename"], course=course, dry_run=False
        )
    finally:
        _storage().delete(pending["file"])
    if not result.created:
        # Something changed since the preview (e.g. the same question added meanwhile).
        return _preview(request, result, course=course, filename=pending["filename"])
    messages.success(
        request,
        ngettext(
            "Đã thêm %(count)s câu hỏi vào ngân hàng câu hỏi của khoá “%(course)s”.",
            "Đã thêm %(count)s câu hỏi vào ngân hàng câu hỏi của khoá “%(course)s”.",
            result.created,
        )
        % {"count": result.created, "course": course.title},
    )
    return redirect("wagtailsnippets_courses_question:list")


@question_import_permission_required
def template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(question_template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-cau-hoi.xlsx"'
    return response


# --- wiring (called from courses.wagtail_hooks) ----------------------------------


def register_question_import_urls() -> list:
    """The admin URLs, to return from a `register_admin_urls` hook."""
    return [
        path("questions/import/", upload, name="courses_question_import"),
        path(
            "questions/import/confirm/",
            confirm,
            name="courses_question_import_confirm",
        ),
        path(
            "questions/import/template.xlsx",
            template,
            name="courses_question_import_template",
        ),
    ]


class QuestionImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_import_questions(request.user)


QUESTION_IMPORT_MENU_ITEM = QuestionImportMenuItem(
    gettext_lazy("Nhập câu hỏi"),
    reverse_lazy("courses_question_import"),
    name="question-import",
    icon_name="upload",
    order=215,
)
