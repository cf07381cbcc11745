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
