import unicodedata
from decimal import Decimal

import pytest

from cms.demo.quizzes import seed_demo_quizzes
from courses.models import Choice, Question, QuestionCategory, Quiz, QuizItem
from courses.services.quizzes import SubmittedAnswer, start_attempt, submit_attempt
from courses.vietnamese import fold
from tests.courses.factories import CourseFactory, TraineeFactory

pytestmark = pytest.mark.django_db

DEMO_CODES = ("DS", "CTXH", "CLB")


@pytest.fixture
def demo_courses():
    return {code: CourseFactory(code=code) for code in DEMO_CODES}


def snapshot() -> dict:
    return {
        "categories": sorted(QuestionCategory.objects.values_list("pk", "name")),
        "questions": sorted(Question.objects.values_list("pk", "text", "explanation")),
        "choices": sorted(Choice.objects.values_list("pk", "text", "is_correct")),
        "quizzes": sorted(Quiz.objects.values_list("pk", "title", "purpose")),
        "items": sorted(QuizItem.objects.values_list("pk", "category", "draw_count")),
    }


def test_each_demo_course_gets_a_bank_of_at_least_ten_questions(demo_courses):
    seed_demo_quizzes()
    for course in demo_courses.values():
        category = QuestionCategory.objects.get(course=course)
        kinds = set(category.questions.values_list("kind", flat=True))
        assert category.questions.count() >= 10, course.code
        assert kinds == set(Question.Kind.values), course.code
        assert category.questions.filter(partial_credit=True).count() in {1, 2}
        assert not category.questions.filter(explanation="").exists()


def test_each_demo_course_gets_a_pre_test_and_a_post_test(demo_courses):
    seed_demo_quizzes()
    for course in demo_courses.values():
        category = QuestionCategory.objects.get(course=course)
        pre = Quiz.objects.get(course=course, purpose=Quiz.Purpose.PRE_TEST)
        post = Quiz.objects.get(course=course, purpose=Quiz.Purpose.POST_TEST)
        assert [(i.category, i.draw_count) for i in pre.items.all()] == [(category, 8)]
        assert pre.time_limit_minutes is None
        assert pre.review_shows == Quiz.ReviewShows.SCORE
        assert [(i.category, i.draw_count) for i in post.items.all()] == [
            (category, 10)
        ]
        assert post.pass_mark_percent == 70
        assert post.attempts_allowed == 3
        assert post.time_limit_minutes == 20
        assert post.review_shows == Quiz.ReviewShows.EXPLANATIONS
        assert post.review_when == Quiz.ReviewWhen.AFTER_SUBMIT


def test_seeding_demo_quizzes_twice_changes_nothing(demo_courses):
    seed_demo_quizzes()
    first = snapshot()
    seed_demo_quizzes()
    assert snapshot() == first
    assert Quiz.objects.count() == 6


def test_seeding_skips_a_demo_course_that_does_not_exist():
    CourseFactory(code="DS")
    seed_demo_quizzes()
    assert set(Quiz.objects.values_list("course__code", flat=True)) == {"DS"}


def test_seeding_keeps_a_post_test_the_course_already_has(demo_courses):
    own = Quiz.objects.create(
        title="Bài cuối khoá của giảng viên",
        course=demo_courses["DS"],
        purpose=Quiz.Purpose.POST_TEST,
    )
    seed_demo_quizzes()
    own.refresh_from_db()
    assert own.title == "Bài cuối khoá của giảng viên"
    assert not own.items.exists()


def test_every_demo_question_can_be_graded(demo_courses):
    seed_demo_quizzes()
    questions = Question.objects.prefetch_related("choices")
    assert questions.count() >= 30
    for question in questions:
        correct = [c for c in question.choices.all() if c.is_correct]
        if question.kind in {Question.Kind.SINGLE, Question.Kind.TRUE_FALSE}:
            assert len(correct) == 1, question.text
        if question.kind == Question.Kind.TRUE_FALSE:
            assert [c.text for c in question.choices.all()] == ["Đúng", "Sai"]
        if question.kind == Question.Kind.MULTIPLE:
            assert len(correct) >= 2, question.text
            assert len(correct) < question.choices.count(), question.text
        if question.kind == Question.Kind.SHORT:
            assert question.accepted_answer_list, question.text
            assert question.ignore_diacritics
            assert not question.choices.exists()


def test_demo_text_is_stored_in_nfc(demo_courses):
    seed_demo_quizzes()
    texts = [
        *Question.objects.values_list("text", flat=True),
        *Question.objects.values_list("explanation", flat=True),
        *Question.objects.values_list("accepted_answers", flat=True),
        *Choice.objects.values_list("text", flat=True),
        *Quiz.objects.values_list("title", flat=True),
    ]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


@pytest.mark.parametrize("code", DEMO_CODES)
def test_all_right_answers_to_a_demo_post_test_score_full_marks(demo_courses, code):
    seed_demo_quizzes()
    post = Quiz.objects.get(course=demo_courses[code], purpose=Quiz.Purpose.POST_TEST)
    attempt = start_attempt(quiz=post, trainee=TraineeFactory())
    assert len(attempt.layout) == 10
    answers = {}
    for question in Question.objects.filter(pk__in=attempt.question_ids):
        if question.kind == Question.Kind.SHORT:
            # Typed without marks, as on a phone without a Vietnamese keyboard.
            answers[question.pk] = SubmittedAnswer(
                text=fold(question.accepted_answer_list[0])
            )
        else:
            right = question.choices.filter(is_correct=True)
            answers[question.pk] = SubmittedAnswer(
                choice_ids=tuple(right.values_list("pk", flat=True))
            )
    graded = submit_attempt(attempt=attempt, answers=answers, version=attempt.version)
    assert graded.percent == Decimal(100)
    assert graded.passed


def test_a_demo_pre_test_draws_eight_different_questions(demo_courses):
    seed_demo_quizzes()
    pre = Quiz.objects.get(course=demo_courses["CLB"], purpose=Quiz.Purpose.PRE_TEST)
    attempt = start_attempt(quiz=pre, trainee=TraineeFactory())
    assert len(set(attempt.question_ids)) == 8
    category = QuestionCategory.objects.get(course=demo_courses["CLB"])
    assert set(attempt.question_ids) <= set(
        category.questions.values_list("pk", flat=True)
    )
