"""Quiz attempts: start, save as you go, submit exactly once, close when time is up."""

import datetime as dt
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import grading
from courses.models import (
    Answer,
    Attempt,
    Choice,
    Enrollment,
    Question,
    Quiz,
    Trainee,
)
from courses.services.enrollment import evaluate_completion

# A phone on a weak network may send its last save a little after the bell.
GRACE = dt.timedelta(seconds=60)


class AttemptRefused(Exception):
    """The trainee may not (now) start, save or submit; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class StaleAttempt(AttemptRefused):
    """The page was older than what the server already holds."""


@dataclass(frozen=True)
class SubmittedAnswer:
    choice_ids: tuple[int, ...] = ()
    text: str = ""


def _draw_layout(quiz: Quiz) -> list[dict]:
    rng = secrets.SystemRandom()
    chosen: list[int] = []
    for item in quiz.items.select_related("question", "category"):
        if item.question_id:
            if item.question_id not in chosen:
                chosen.append(item.question_id)
            continue
        pool = list(
            Question.objects.filter(category=item.category_id)
            .exclude(pk__in=chosen)
            .values_list("pk", flat=True)
        )
        chosen.extend(rng.sample(pool, min(item.draw_count, len(pool))))
    if quiz.shuffle_questions:
        rng.shuffle(chosen)
    choices_by_question: dict[int, list[int]] = {pk: [] for pk in chosen}
    for question_id, choice_id in (
        Choice.objects.filter(question__in=chosen)
        .order_by("sort_order", "pk")
        .values_list("question_id", "pk")
    ):
        choices_by_question[question_id].append(choice_id)
    if quiz.shuffle_choices:
        for ids in choices_by_question.values():
            rng.shuffle(ids)
    return [{"question": pk, "choices": choices_by_question[pk]} for pk in chosen]


def _refusal_to_start(quiz: Quiz, trainee: Trainee, now: dt.datetime) -> str | None:
    if quiz.closes_at and now >= quiz.closes_at:
        return _("Bài kiểm tra đã đóng.")
    done = quiz.attempts.filter(trainee=trainee).graded()
    if quiz.attempts_allowed and done.count() >= quiz.attempts_allowed:
        return _("Bạn đã làm hết %(n)d lần được phép.") % {"n": quiz.attempts_allowed}
    last = done.order_by("-submitted_at").first()
    if last and quiz.minutes_between_attempts:
        ready_at = last.submitted_at + dt.timedelta(
            minutes=quiz.minutes_between_attempts
        )
        if now < ready_at:
            local = timezone.localtime(ready_at)
            return _("Bạn có thể làm lại từ %(time)s.") % {
                "time": local.strftime("%H:%M %d/%m/%Y")
            }
    return None


def start_attempt(*, quiz: Quiz, trainee: Trainee) -> Attempt:
    """Resume the trainee's open attempt, or start a new one if the rules allow."""
    now = timezone.now()
    current = quiz.attempts.in_progress().filter(trainee=trainee).first()
    if current:
        if _is_overdue(current, now):
            submit_attempt(attempt=current)
        else:
            return current
    refusal = _refusal_to_start(quiz, trainee, now)
    if refusal:
        raise AttemptRefused(refusal)
    number = quiz.attempts.filter(trainee=trainee).count() + 1
    deadline = (
        now + dt.timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes
        else None
    )
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                quiz=quiz,
                trainee=trainee,
                number=number,
                layout=_draw_layout(quiz),
                deadline_at=deadline,
            )
    except IntegrityError:
        # Two tabs started at once: the one in progress is the attempt.
        return quiz.attempts.in_progress().get(trainee=trainee)


def _is_overdue(attempt: Attempt, now: dt.datetime) -> bool:
    return attempt.deadline_at is not None and now > attempt.deadline_at + GRACE


def _store_answers(attempt: Attempt, answers: Mapping[int, SubmittedAnswer]) -> None:
    allowed = {entry["question"]: set(entry["choices"]) for entry in attempt.layout}
    for question_id, answer in answers.items():
        if question_id not in allowed:
            continue
        Answer.objects.update_or_create(
            attempt=attempt,
            question_id=question_id,
            defaults={
                "choice_ids": sorted(set(answer.choice_ids) & allowed[question_id]),
                "text": answer.text[:500],
            },
        )


@transaction.atomic
def save_answers(
    *, attempt: Attempt, answers: Mapping[int, SubmittedAnswer], version: int
) -> Attempt:
    """Keep the trainee's answers so far; refuse a page older than the last save."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.IN_PROGRESS:
        raise AttemptRefused(_("Bài đã nộp, không sửa được nữa."))
    if _is_overdue(attempt, timezone.now()):
        # Time is up: the attempt is closed with what was saved before; the caller
        # sees a graded attempt and says so.
        return _grade(attempt, auto=True)
    if version != attempt.version:
        raise StaleAttempt(
            _(
                "Trang này cũ hơn bài đã lưu (có thể bạn mở ở máy khác). "
                "Tải lại trang để tiếp tục."
            )
        )
    _store_answers(attempt, answers)
    attempt.version += 1
    attempt.save(update_fields=["version"])
    return attempt


@transaction.atomic
def submit_attempt(
    *,
    attempt: Attempt,
    answers: Mapping[int, SubmittedAnswer] | None = None,
    version: int | None = None,
    by=None,
) -> Attempt:
    """Grade an attempt exactly once: later or simultaneous submits get the result."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status == Attempt.Status.GRADED:
        return attempt
    overdue = _is_overdue(attempt, timezone.now())
    if answers and not overdue:
        if version is not None and version != attempt.version:
            raise StaleAttempt(
                _(
                    "Trang này cũ hơn bài đã lưu (có thể bạn mở ở máy khác). "
                    "Tải lại trang để xem bài mới nhất rồi nộp."
                )
            )
        _store_answers(attempt, answers)
    attempt.submitted_by = by
    return _grade(attempt, auto=overdue)


def gradable_question(question: Question) -> grading.GradableQuestion:
    """The question as the pure grader takes it (its choices prefetched)."""
    choices = list(question.choices.all())
    return grading.GradableQuestion(
        id=question.pk,
        kind=grading.QuestionKind(question.kind),
        points=question.points,
        choice_ids=frozenset(c.pk for c in choices),
        correct_choice_ids=frozenset(c.pk for c in choices if c.is_correct),
        partial_credit=question.partial_credit,
        accepted_answers=question.accepted_answer_list,
        ignore_case=question.ignore_case,
        ignore_diacritics=question.ignore_diacritics,
    )


def _grade(attempt: Attempt, *, auto: bool) -> Attempt:
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related(
        "choices"
    )
    by_id = {q.pk: q for q in questions}
    gradable = [
        gradable_question(by_id[pk]) for pk in attempt.question_ids if pk in by_id
    ]
    stored = {a.question_id: a for a in attempt.answers.all()}
    result = grading.grade_attempt(
        gradable,
        [
            grading.Response(
                question_id=a.question_id,
                choice_ids=frozenset(a.choice_ids),
                text=a.text,
            )
            for a in stored.values()
        ],
        pass_mark_percent=attempt.quiz.pass_mark_percent,
    )
    for question_result in result.results:
        answer = stored.get(question_result.question_id)
        if answer is None:
            continue
        answer.awarded = question_result.awarded
        answer.is_correct = question_result.is_correct
    Answer.objects.bulk_update(stored.values(), ["awarded", "is_correct"])
    attempt.status = Attempt.Status.GRADED
    attempt.submitted_at = timezone.now()
    attempt.was_auto_submitted = auto
    attempt.score, attempt.max_score = result.score, result.max_score
    attempt.percent, attempt.passed = result.percent, result.passed
    attempt.save()
    if attempt.quiz.purpose == Quiz.Purpose.POST_TEST and attempt.passed:
        for enrollment in Enrollment.objects.active().filter(
            trainee=attempt.trainee,
            training_class__course=attempt.quiz.course_id,
        ):
            evaluate_completion(enrollment=enrollment)
    return attempt


def close_overdue_attempts() -> int:
    """Submit, with what was saved, every attempt past its time limit and grace."""
    cutoff = timezone.now() - GRACE
    closed = 0
    for attempt in Attempt.objects.in_progress().filter(deadline_at__lt=cutoff):
        submit_attempt(attempt=attempt)
        closed += 1
    return closed
