"""Admin views for exports: thin adapters over courses.exports.files, scoped.

Another organisation's class or session answers 404, never a file.
"""

import tempfile

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, re_path, reverse

from courses.exports import files
from courses.exports.queries import ExportRefused, sessions_in_order
from courses.exports.services import CONTENT_TYPES
from courses.models import ClassSession, TrainingClass


def _visible_class(request, class_id: int) -> TrainingClass:
    return get_object_or_404(
        TrainingClass.objects.visible_to(request.user), pk=class_id
    )


def _download(write, filename: str, file_format: str) -> FileResponse:
    # Spooled to disk past 8 MB: a large list never sits whole in memory.
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    write(spool)
    spool.seek(0)
    return FileResponse(
        spool,
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES[file_format],
    )


def class_exports(request, class_id: int):
    training_class = _visible_class(request, class_id)
    return TemplateResponse(
        request,
        "courses/exports/class_exports.html",
        {
            "training_class": training_class,
            "sessions": sessions_in_order(training_class),
            "has_rates": training_class.allowance_rates.exists(),
        },
    )


def attendance(request, class_id: str, file_format: str):
    training_class = _visible_class(request, int(class_id))
    filters = {
        "training_class": training_class.pk,
        "date_from": request.GET.get("date_from", ""),
        "date_to": request.GET.get("date_to", ""),
    }
    return _download(
        lambda out: files.export_attendance(
            user=request.user, filters=filters, file_format=file_format, out=out
        ),
        f"diem-danh-{training_class.code}.{file_format}",
        file_format,
    )


def allowances(request, class_id: str, file_format: str):
    training_class = _visible_class(request, int(class_id))
    try:
        return _download(
            lambda out: files.export_allowances(
                user=request.user,
                training_class=training_class,
                file_format=file_format,
                out=out,
            ),
            f"ky-nhan-ho-tro-{training_class.code}.{file_format}",
            file_format,
        )
    except ExportRefused as refused:
        messages.error(request, refused.message)
        return redirect("courses_class_exports", class_id=training_class.pk)


def class_sign_in_sheets(request, class_id: int):
    training_class = _visible_class(request, class_id)
    try:
        return _download(
            lambda out: files.export_sign_in_sheets(
                user=request.user, training_class=training_class, out=out, session=None
            ),
            f"danh-sach-ky-ten-{training_class.code}.pdf",
            "pdf",
        )
    except ExportRefused as refused:
        messages.error(request, refused.message)
        return redirect("courses_class_exports", class_id=training_class.pk)


def session_sign_in_sheet(request, session_id: int):
    session = get_object_or_404(
        ClassSession.objects.select_related("training_class").filter(
            training_class__in=TrainingClass.objects.visible_to(request.user)
        ),
        pk=session_id,
    )
    return _download(
        lambda out: files.export_sign_in_sheets(
            user=request.user,
            training_class=session.training_class,
            out=out,
            session=session,
        ),
        f"ky-ten-{session.training_class.code}-{session.held_on:%Y%m%d}-{session.part}.pdf",
        "pdf",
    )


def export_urls() -> list:
    return [
        path(
            "classes/<int:class_id>/exports/",
            class_exports,
            name="courses_class_exports",
        ),
        re_path(
            r"^classes/(?P<class_id>\d+)/exports/attendance\.(?P<file_format>csv|xlsx)$",
            attendance,
            name="courses_class_attendance_export",
        ),
        re_path(
            r"^classes/(?P<class_id>\d+)/exports/allowances\.(?P<file_format>xlsx|pdf)$",
            allowances,
            name="courses_class_allowances_export",
        ),
        path(
            "classes/<int:class_id>/exports/sign-in-sheets.pdf",
            class_sign_in_sheets,
            name="courses_class_sign_in_sheets",
        ),
        path(
            "classes/sessions/<int:session_id>/sign-in-sheet.pdf",
            session_sign_in_sheet,
            name="courses_session_sign_in_sheet",
        ),
    ]


def class_exports_url(training_class: TrainingClass) -> str:
    return reverse("courses_class_exports", args=[training_class.pk])
