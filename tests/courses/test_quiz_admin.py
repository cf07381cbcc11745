"""Trainers write questions and quizzes in the admin and preview them."""

import pytest
from django.test import RequestFactory

from courses.models import Question
from tests.courses.factories import CourseFactory
from tests.courses.quiz_factories import quiz_with_questions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/courses/question/",
        "/admin/snippets/courses/question/add/",
        "/admin/snippets/courses/quiz/",
        "/admin/snippets/courses/quiz/add/",
        "/admin/snippets/courses/questioncategory/",
    ],
)
def test_trainer_opens_the_quiz_screens(client, trainer, path):
    quiz_with_questions(CourseFactory(), count=1)
    client.force_login(trainer)
    assert client.get(path).status_code == 200


def test_trainee_cannot_open_the_question_bank(client, trainee):
    client.force_login(trainee)
    assert client.get("/admin/snippets/courses/question/").status_code == 302


def test_question_preview_hides_the_key_unless_asked(trainer):
    quiz_with_questions(CourseFactory(), count=1)
    question = Question.objects.get()
    request = RequestFactory().get("/")
    request.user = trainer
    as_trainee = question.serve_preview(request, "").render().content.decode()
    with_key = question.serve_preview(request, "answers").render().content.decode()
    assert "Hộ gia đình" in as_trainee
    assert "✓" not in as_trainee
    assert "Hộ gia đình ✓" in with_key


def _question_form(category, kind, choices, **extra):
    data = {
        "category": category.pk,
        "kind": kind,
        "text": "Ai giữ tiền quỹ?",
        "points": "1",
        "accepted_answers": "",
        "ignore_case": "on",
        "explanation": "",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for n, (text, right) in enumerate(choices):
        data[f"choices-{n}-text"] = text
        data[f"choices-{n}-ORDER"] = str(n + 1)
        if right:
            data[f"choices-{n}-is_correct"] = "on"
    data.update(extra)
    return data


def test_single_choice_question_with_two_right_answers_is_refused(client, trainer):
    from courses.models import QuestionCategory

    category = QuestionCategory.objects.create(name="Quỹ")
    client.force_login(trainer)
    response = client.post(
        "/admin/snippets/courses/question/add/",
        _question_form(category, "single", [("Thủ quỹ", True), ("Kế toán", True)]),
    )
    assert "cần đúng một lựa chọn đúng" in response.content.decode()
    assert not Question.objects.exists()


def test_a_valid_single_choice_question_is_saved_with_its_choices(client, trainer):
    from courses.models import QuestionCategory

    category = QuestionCategory.objects.create(name="Quỹ")
    client.force_login(trainer)
    client.post(
        "/admin/snippets/courses/question/add/",
        _question_form(category, "single", [("Thủ quỹ", True), ("Kế toán", False)]),
    )
    question = Question.objects.get()
    assert question.choices.filter(is_correct=True).count() == 1
