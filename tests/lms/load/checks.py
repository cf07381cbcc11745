"""Checking the result: the attempts in the database, and the figures printed."""

from decimal import Decimal

from courses import grading
from courses.models import Attempt, Question, Quiz
from courses.services.quizzes import gradable_question
from tests.lms.load.trainees import Tally
from tests.lms.load.world import Plan


def regrade(attempt: Attempt, responses) -> grading.AttemptResult:
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related(
        "choices"
    )
    by_id = {q.pk: q for q in questions}
    return grading.grade_attempt(
        [gradable_question(by_id[pk]) for pk in attempt.question_ids],
        responses,
        pass_mark_percent=Decimal(attempt.quiz.pass_mark_percent),
    )


def check_attempts(plan: Plan, tally: Tally) -> list[str]:
    """Everything wrong with the attempts in the database, as sentences."""
    wrong = []
    attempts = list(
        Attempt.objects.select_related("quiz", "trainee__user").prefetch_related(
            "answers"
        )
    )
    by_trainee: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_trainee.setdefault(attempt.trainee.user.username, []).append(attempt)

    for username, own in by_trainee.items():
        open_ones = [a.pk for a in own if a.status == Attempt.Status.IN_PROGRESS]
        if len(open_ones) > 1:
            wrong.append(f"{username} has {len(open_ones)} attempts in progress")
        for quiz in {a.quiz for a in own}:
            numbers = sorted(a.number for a in own if a.quiz_id == quiz.pk)
            if numbers != list(range(1, len(numbers) + 1)):
                wrong.append(f"{username}: attempt numbers {numbers} on {quiz}")
            if quiz.attempts_allowed and len(numbers) > quiz.attempts_allowed:
                wrong.append(f"{username}: {len(numbers)} attempts at {quiz}")
        if tally.refused[username]:
            used = [
                a
                for a in own
                if a.quiz.purpose == Quiz.Purpose.POST_TEST
                and a.status == Attempt.Status.GRADED
            ]
            if len(used) != plan.post_test_attempts:
                wrong.append(f"{username} refused after {len(used)} attempts")

    graded = {a.pk: a for a in attempts if a.status == Attempt.Status.GRADED}
    if set(graded) != set(tally.submitted):
        wrong.append(
            f"graded {sorted(graded)} but trainees submitted {sorted(tally.submitted)}"
        )
    for attempt in graded.values():
        stored = [
            grading.Response(
                question_id=a.question_id,
                choice_ids=frozenset(a.choice_ids),
                text=a.text,
            )
            for a in attempt.answers.all()
        ]
        result = regrade(attempt, stored)
        shown = (attempt.score, attempt.max_score, attempt.percent, attempt.passed)
        if shown != (result.score, result.max_score, result.percent, result.passed):
            wrong.append(f"attempt {attempt.pk}: stored {shown}, regraded {result}")
        awarded = {
            a.question_id: (a.awarded, a.is_correct) for a in attempt.answers.all()
        }
        for one in result.results:
            if one.question_id in awarded and awarded[one.question_id] != (
                one.awarded,
                one.is_correct,
            ):
                wrong.append(f"attempt {attempt.pk} q{one.question_id}: {awarded}")
        sent = tally.submitted.get(attempt.pk, {})
        from_client = regrade(
            attempt,
            [
                grading.Response(question_id=q, choice_ids=frozenset(c), text=t)
                for q, (c, t) in sent.items()
            ],
        )
        if from_client.score != attempt.score:
            wrong.append(
                f"attempt {attempt.pk}: scored {attempt.score} but the answers sent "
                f"score {from_client.score} (stored {stored}, sent {sent})"
            )
    return wrong


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def figures(tally: Tally, elapsed: float) -> str:
    made = len(tally.seconds)
    return (
        f"{made} requests in {elapsed:.0f} s ({made / elapsed:.1f}/s), "
        f"statuses {dict(sorted(tally.statuses.items()))}, "
        f"p50 {percentile(tally.seconds, 0.5):.2f} s, "
        f"p95 {percentile(tally.seconds, 0.95):.2f} s, "
        f"max {percentile(tally.seconds, 1):.2f} s; "
        f"sign-in p50 {percentile(tally.sign_in_seconds, 0.5):.2f} s, "
        f"max {percentile(tally.sign_in_seconds, 1):.2f} s; "
        f"{len(tally.submitted)} attempts submitted, "
        f"{sum(tally.refused.values())} starts refused after the allowance; "
        f"{len(tally.problems)} problems"
    )
