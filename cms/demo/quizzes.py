"""Demo pre- and post-tests for the three demo courses, drawn from demo question banks.

Everything is found by its natural key (course code, category name, question text,
quiz purpose), so a second run changes nothing, and a question an editor has since
changed in the admin is left as they left it.
"""

from django.db import transaction

from cms.demo.quiz_content import BANKS, DemoBank, DemoQuestion
from courses.models import Choice, Course, Question, QuestionCategory, Quiz, QuizItem
from courses.vietnamese import nfc, nfc_text

PRE_TEST_DRAW = 8
POST_TEST_DRAW = 10

# A pre-test measures what trainees bring, so it is sat once and shows only the score:
# answers shown before the course would teach the post-test.
PRE_TEST_RULES = {
    "pass_mark_percent": 70,
    "attempts_allowed": 1,
    "time_limit_minutes": None,
    "review_shows": Quiz.ReviewShows.SCORE,
    "review_when": Quiz.ReviewWhen.AFTER_SUBMIT,
}
POST_TEST_RULES = {
    "pass_mark_percent": 70,
    "attempts_allowed": 3,
    "time_limit_minutes": 20,
    "review_shows": Quiz.ReviewShows.EXPLANATIONS,
    "review_when": Quiz.ReviewWhen.AFTER_SUBMIT,
}


def seed_demo_quizzes() -> None:
    """Give each demo course that exists a question bank, a pre-test and a post-test."""
    courses = Course.objects.in_bulk(
        [bank.course_code for bank in BANKS], field_name="code"
    )
    for bank in BANKS:
        course = courses.get(bank.course_code)
        if course is not None:
            _seed_bank(course, bank)


@transaction.atomic
def _seed_bank(course: Course, bank: DemoBank) -> None:
    category, _ = QuestionCategory.objects.get_or_create(
        course=course, name=nfc(bank.category)
    )
    for spec in bank.questions:
        _seed_question(category, spec)
    _seed_quiz(
        course,
        category,
        purpose=Quiz.Purpose.PRE_TEST,
        title=bank.pre_test_title,
        draw=PRE_TEST_DRAW,
        rules=PRE_TEST_RULES,
    )
    _seed_quiz(
        course,
        category,
        purpose=Quiz.Purpose.POST_TEST,
        title=bank.post_test_title,
        draw=POST_TEST_DRAW,
        rules=POST_TEST_RULES,
    )


def _seed_question(category: QuestionCategory, spec: DemoQuestion) -> None:
    question, created = Question.objects.get_or_create(
        category=category,
        text=nfc_text(spec.text),
        defaults={
            "kind": spec.kind,
            "explanation": spec.explanation,
            "partial_credit": spec.partial_credit,
            "accepted_answers": "\n".join(spec.accepted_answers),
            "ignore_diacritics": spec.kind == Question.Kind.SHORT,
        },
    )
    if created:
        Choice.objects.bulk_create(
            Choice(question=question, text=nfc(text), is_correct=right, sort_order=n)
            for n, (text, right) in enumerate(spec.choices)
        )


def _seed_quiz(
    course: Course,
    category: QuestionCategory,
    *,
    purpose: Quiz.Purpose,
    title: str,
    draw: int,
    rules: dict,
) -> None:
    # One pre-test and one post-test per course (a database rule), so the purpose
    # is the key: a course that already has one keeps it, questions and all.
    quiz, created = Quiz.objects.get_or_create(
        course=course, purpose=purpose, defaults={"title": nfc(title), **rules}
    )
    if created:
        QuizItem.objects.create(quiz=quiz, category=category, draw_count=draw)
