"""Trainers' quiz screens in the Wagtail admin: statistics, gain, results export.

Scoped like every class screen: a class outside the user's reach answers 404.
"""

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from courses.exports.services import log_export
from courses.models import Quiz, TrainingClass
from courses.quiz_reports import (
    graded_attempts,
    knowledge_gain_for_class,
    question_reports,
)
from courses.quiz_resources import AttemptResultResource
from courses.vietnamese import name_sort_key


def _class_for(request: HttpRequest, class_id: int) -> TrainingClass:
    return get_object_or_404(
        TrainingClass.objects.visible_to(request.user).select_related("course"),
        pk=class_id,
    )


def _course_quizzes(training_class: TrainingClass):
    return Quiz.objects.filter(course=training_class.course).order_by("purpose")


@permission_required("courses.view_trainingclass", raise_exception=True)
def class_quiz_report(request: HttpRequest, class_id: int) -> HttpResponse:
    training_class = _class_for(request, class_id)
    quizzes = _course_quizzes(training_class)
    chosen = quizzes.filter(pk=request.GET.get("quiz") or 0).first() or quizzes.first()
    gain, gain_lines = knowledge_gain_for_class(training_class)
    return TemplateResponse(
        request,
        "courses/admin/class_quiz_report.html",
        {
            "training_class": training_class,
            "quizzes": quizzes,
            "quiz": chosen,
            "reports": question_reports(chosen, training_class) if chosen else [],
            "attempts": (
                sorted(
                    graded_attempts(chosen, training_class),
                    key=lambda a: name_sort_key(a.trainee.full_name),
                )
                if chosen
                else []
            ),
            "gain": gain,
            "gain_lines": gain_lines,
            "page_title": _("Kết quả kiểm tra"),
        },
    )


@permission_required("courses.view_trainingclass", raise_exception=True)
def export_class_results(request: HttpRequest, class_id: int, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    training_class = _class_for(request, class_id)
    attempts = sorted(
        (
            attempt
            for quiz in _course_quizzes(training_class)
            for attempt in graded_attempts(quiz, training_class).select_related("quiz")
        ),
        key=lambda a: (name_sort_key(a.trainee.full_name), a.quiz_id, a.number),
    )
    dataset = AttemptResultResource().export(queryset=attempts)
    filename = f"ket-qua-kiem-tra-{training_class.code}"
    log_export(
        user=request.user,
        kind="quiz_results",
        file_format=fmt,
        filters={"training_class": training_class.pk},
        row_count=len(attempts),
    )
    if fmt == "xlsx":
        response = HttpResponse(
            dataset.export("xlsx"),
            content_type=(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            ),
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    # Excel opens UTF-8 CSV correctly only with a byte-order mark.
    response = HttpResponse(
        "\ufeff" + dataset.export("csv"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
