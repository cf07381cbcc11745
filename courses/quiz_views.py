"""Taking a quiz on a phone: start, answer (saved as you go), submit, review.

Pages carry question and choice ids only; which choice is right stays on the server
until the review policy allows it. Every attempt URL is checked against its owner,
so another trainee's attempt id answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.models import Attempt, Question, Quiz, Trainee
from courses.services import trainee_for_user
from courses.services.quizzes import (
    AttemptRefused,
    StaleAttempt,
    SubmittedAnswer,
    save_answers,
    start_attempt,
    submit_attempt,
)


def _own_attempt(request: HttpRequest, attempt_id: int) -> Attempt:
    return get_object_or_404(
        Attempt.objects.select_related("quiz", "trainee"),
        pk=attempt_id,
        trainee__user=request.user,
    )


def _answers_from(request: HttpRequest, attempt: Attempt) -> dict[int, SubmittedAnswer]:
    """Only the fields of questions in this attempt; anything else is ignored."""
    answers = {}
    for entry in attempt.layout:
        question_id = entry["question"]
        key = f"q{question_id}"
        if key not in request.POST and f"{key}-text" not in request.POST:
            continue
        choice_ids = []
        for raw in request.POST.getlist(key):
            if raw.isdigit():
                choice_ids.append(int(raw))
        answers[question_id] = SubmittedAnswer(
            choice_ids=tuple(choice_ids), text=request.POST.get(f"{key}-text", "")
        )
    return answers


def _version(request: HttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


@login_required
def quiz_intro(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    # Only looked up: a page view makes no trainee record (starting an attempt does).
    trainee = Trainee.objects.filter(user=request.user).first()
    attempts = (
        quiz.attempts.filter(trainee=trainee).order_by("number")
        if trainee is not None
        else quiz.attempts.none()
    )
    return TemplateResponse(
        request,
        "courses/quiz/intro.html",
        {
            "quiz": quiz,
            "attempts": attempts,
            "current": attempts.filter(status=Attempt.Status.IN_PROGRESS).first(),
            "question_count": quiz.question_count(),
        },
    )


@login_required
@require_POST
def quiz_start(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    try:
        attempt = start_attempt(quiz=quiz, trainee=trainee_for_user(request.user))
    except AttemptRefused as refused:
        messages.error(request, refused.message)
        return redirect("courses:quiz", quiz_id=quiz.pk)
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_required
def attempt_page(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.status == Attempt.Status.GRADED:
        return redirect("courses:attempt-review", attempt_id=attempt.pk)
    questions = _prefetch_choices(attempt.question_ids).in_bulk()
    choices = {c.pk: c for q in questions.values() for c in q.choices.all()}
    saved = {a.question_id: a for a in attempt.answers.all()}
    items = []
    for position, entry in enumerate(attempt.layout, start=1):
        question = questions.get(entry["question"])
        if question is None:
            continue
        answer = saved.get(question.pk)
        items.append(
            {
                "position": position,
                "question": question,
                "choices": [choices[c] for c in entry["choices"] if c in choices],
                "chosen": set(answer.choice_ids) if answer else set(),
                "text": answer.text if answer else "",
            }
        )
    seconds_left = (
        max(int((attempt.deadline_at - timezone.now()).total_seconds()), 0)
        if attempt.deadline_at
        else None
    )
    return TemplateResponse(
        request,
        "courses/quiz/attempt.html",
        {"attempt": attempt, "items": items, "seconds_left": seconds_left},
    )


def _prefetch_choices(ids):
    return Question.objects.filter(pk__in=ids).prefetch_related("choices")


@login_required
@require_POST
def attempt_save(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    wants_json = request.headers.get("Accept") == "application/json"
    version = _version(request)
    try:
        attempt = save_answers(
            attempt=attempt,
            answers=_answers_from(request, attempt),
            # A page without a version is as stale as can be.
            version=-1 if version is None else version,
        )
    except StaleAttempt as stale:
        if wants_json:
            return JsonResponse({"error": stale.message, "stale": True}, status=409)
        messages.warning(request, stale.message)
        return redirect("courses:attempt", attempt_id=attempt.pk)
    except AttemptRefused as refused:
        if wants_json:
            return JsonResponse({"error": refused.message}, status=409)
        messages.error(request, refused.message)
        return redirect("courses:attempt-review", attempt_id=attempt.pk)
    if attempt.status == Attempt.Status.GRADED:
        message = _("Đã hết giờ: bài được nộp với các câu đã lưu.")
        if wants_json:
            return JsonResponse({"error": message, "closed": True}, status=409)
        messages.info(request, message)
        return redirect("courses:attempt-review", attempt_id=attempt.pk)
    if wants_json:
        return JsonResponse({"version": attempt.version})
    messages.success(request, _("Đã lưu câu trả lời."))
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_required
@require_POST
def attempt_submit(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    try:
        attempt = submit_attempt(
            attempt=attempt,
            answers=_answers_from(request, attempt),
            version=_version(request),
            by=request.user,
        )
    except StaleAttempt as stale:
        messages.warning(request, stale.message)
        return redirect("courses:attempt", attempt_id=attempt.pk)
    return redirect("courses:attempt-review", attempt_id=attempt.pk)


def review_allowed(attempt: Attempt) -> bool:
    quiz = attempt.quiz
    if attempt.status != Attempt.Status.GRADED:
        return False
    if quiz.review_when == Quiz.ReviewWhen.AFTER_CLOSE:
        return quiz.closes_at is not None and timezone.now() >= quiz.closes_at
    return True


@login_required
def attempt_review(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.status != Attempt.Status.GRADED:
        return redirect("courses:attempt", attempt_id=attempt.pk)
    quiz = attempt.quiz
    show_answers = review_allowed(attempt) and quiz.review_shows != (
        Quiz.ReviewShows.SCORE
    )
    show_explanations = (
        show_answers and quiz.review_shows == Quiz.ReviewShows.EXPLANATIONS
    )
    items = []
    if show_answers:
        questions = _prefetch_choices(attempt.question_ids).in_bulk()
        saved = {a.question_id: a for a in attempt.answers.all()}
        for position, entry in enumerate(attempt.layout, start=1):
            question = questions.get(entry["question"])
            if question is None:
                continue
            by_id = {c.pk: c for c in question.choices.all()}
            answer = saved.get(question.pk)
            items.append(
                {
                    "position": position,
                    "question": question,
                    "choices": [by_id[c] for c in entry["choices"] if c in by_id],
                    "chosen": set(answer.choice_ids) if answer else set(),
                    "text": answer.text if answer else "",
                    "is_correct": bool(answer and answer.is_correct),
                }
            )
    return TemplateResponse(
        request,
        "courses/quiz/review.html",
        {
            "attempt": attempt,
            "quiz": quiz,
            "items": items,
            "show_answers": show_answers,
            "show_explanations": show_explanations,
        },
    )
