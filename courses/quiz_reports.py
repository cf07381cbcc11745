"""Read-side of quizzes for trainers: per-question statistics and knowledge gain.

Gathers rows with a fixed number of queries and hands plain data to the pure
`quiz_stats` functions.
"""

from dataclasses import dataclass
from decimal import Decimal

from courses import grading, quiz_stats
from courses.models import Attempt, Question, Quiz, TrainingClass
from courses.vietnamese import sorted_by_name


def graded_attempts(quiz: Quiz, training_class: TrainingClass | None = None):
    attempts = quiz.attempts.graded().select_related("trainee")
    if training_class is not None:
        attempts = attempts.filter(
            trainee__enrollments__training_class=training_class
        ).distinct()
    return attempts.prefetch_related("answers")


@dataclass(frozen=True)
class QuestionReport:
    question: Question
    stats: quiz_stats.QuestionStats
    choices: list[tuple[str, bool, int]]  # text, is_correct, times picked


def question_reports(
    quiz: Quiz, training_class: TrainingClass | None = None
) -> list[QuestionReport]:
    attempts = list(graded_attempts(quiz, training_class))
    results, responses = [], []
    for attempt in attempts:
        answers = list(attempt.answers.all())
        results.append(
            [
                grading.QuestionResult(
                    question_id=a.question_id,
                    awarded=a.awarded or Decimal(0),
                    possible=Decimal(1),
                    is_correct=bool(a.is_correct),
                )
                for a in answers
            ]
        )
        responses.append(
            [
                grading.Response(
                    question_id=a.question_id,
                    choice_ids=frozenset(a.choice_ids),
                    text=a.text,
                )
                for a in answers
            ]
        )
    stats = quiz_stats.question_statistics(results, responses)
    question_ids = {pk for attempt in attempts for pk in attempt.question_ids}
    questions = Question.objects.filter(pk__in=question_ids).prefetch_related("choices")
    reports = []
    for question in questions:
        question_stats = stats.get(question.pk)
        if question_stats is None:
            continue
        reports.append(
            QuestionReport(
                question=question,
                stats=question_stats,
                choices=[
                    (c.text, c.is_correct, question_stats.choice_counts.get(c.pk, 0))
                    for c in question.choices.all()
                ],
            )
        )
    return reports


@dataclass(frozen=True)
class GainLine:
    full_name: str
    pre: Decimal | None
    post: Decimal | None
    gain: Decimal | None


def _best_percent_by_trainee(attempts) -> dict[int, Decimal]:
    best: dict[int, Decimal] = {}
    for trainee_id, percent in attempts.values_list("trainee_id", "percent"):
        best[trainee_id] = max(percent, best.get(trainee_id, percent))
    return best


def knowledge_gain_for_class(
    training_class: TrainingClass,
) -> tuple[quiz_stats.KnowledgeGain, list[GainLine]]:
    """Mean pre, mean post and gain, and a line per trainee sorted by given name."""
    course = training_class.course
    enrolled = training_class.enrollments.active().values("trainee_id")
    scores = {}
    for purpose in (Quiz.Purpose.PRE_TEST, Quiz.Purpose.POST_TEST):
        scores[purpose] = _best_percent_by_trainee(
            Attempt.objects.graded().filter(
                quiz__course=course, quiz__purpose=purpose, trainee__in=enrolled
            )
        )
    gain = quiz_stats.knowledge_gain(
        scores[Quiz.Purpose.PRE_TEST], scores[Quiz.Purpose.POST_TEST]
    )
    names = dict(
        training_class.enrollments.active().values_list(
            "trainee_id", "trainee__full_name"
        )
    )
    lines = [
        GainLine(names.get(row.trainee_id, "?"), row.pre, row.post, row.gain)
        for row in gain.rows
    ]
    return gain, sorted_by_name(lines, key=lambda line: line.full_name)
