import pytest
from django.urls import reverse

from cms.blocks import QuizBlock
from courses.models import Question, QuestionCategory, Quiz, QuizItem
from tests.courses.factories import CourseFactory
from tests.courses.quiz_factories import short_answer_question, single_choice_question

pytestmark = pytest.mark.django_db

RIGHT = "Ghi Chuyển đi kèm ngày và lý do"


@pytest.fixture
def quiz():
    course = CourseFactory(code="DS")
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    quiz = Quiz.objects.create(
        title="Kiểm tra cuối khoá: Sổ A0",
        course=course,
        purpose=Quiz.Purpose.POST_TEST,
        pass_mark_percent=70,
        attempts_allowed=3,
        time_limit_minutes=20,
    )
    fixed = single_choice_question(
        category, text="Hộ chuyển đi thì ghi thế nào?", right=RIGHT
    )
    short_answer_question(category, accepted="giao ban")
    for n in range(4):
        single_choice_question(category, text=f"Câu dự phòng {n}?", right=RIGHT)
    QuizItem.objects.create(quiz=quiz, question=fixed, sort_order=0)
    QuizItem.objects.create(quiz=quiz, category=category, draw_count=4, sort_order=1)
    return quiz


def render(quiz_id, intro="Làm bài để ôn lại sổ A0.") -> str:
    block = QuizBlock()
    # The form a StreamField stores: the quiz as its id.
    return block.render(block.to_python({"quiz": quiz_id, "intro": intro}))


def test_quiz_card_links_to_the_quiz_and_states_its_rules(quiz):
    html = render(quiz.pk)
    assert f'href="{reverse("courses:quiz", args=[quiz.pk])}"' in html
    assert "Làm bài kiểm tra" in html
    assert "Kiểm tra cuối khoá: Sổ A0" in html
    assert "Làm bài để ôn lại sổ A0." in html
    assert "5 câu hỏi" in html  # one fixed question and four drawn
    assert "Điểm đạt: 70%" in html
    assert "20 phút" in html


def test_quiz_card_gives_away_no_answer(quiz):
    html = render(quiz.pk)
    for question in Question.objects.prefetch_related("choices"):
        assert question.text not in html
        assert not question.explanation or question.explanation not in html
        for choice in question.choices.all():
            assert choice.text not in html
    assert RIGHT not in html
    assert "giao ban" not in html


def test_quiz_card_of_a_deleted_quiz_renders_nothing(quiz):
    missing = quiz.pk + 1000
    assert render(missing).strip() == ""


def test_quiz_chooser_offers_quizzes_in_the_editor(quiz):
    chooser = QuizBlock().child_blocks["quiz"]
    assert chooser.widget.model is Quiz
    assert chooser.field.clean(quiz.pk) == quiz


def test_quiz_block_preview_shows_a_real_quiz_card(quiz):
    block = QuizBlock()
    value = block.get_preview_value()
    assert value["quiz"] == quiz
    assert reverse("courses:quiz", args=[quiz.pk]) in block.render(value)
