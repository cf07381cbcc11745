"""Quiz text, imported questions and typed answers."""

import pytest
from django.http import HttpRequest
from django.test import RequestFactory
from django.urls import reverse

from courses.models import Question, User
from courses.vietnamese import nfc, nfc_text
from tests.lms.xss.audit import assert_inert, get, listing
from tests.lms.xss.placement import EVERYTHING
from tests.lms.xss_payloads import markers_of, pack

pytestmark = pytest.mark.django_db


def test_quiz_text_and_typed_answers_are_shown_as_text(world, as_admin, as_trainee):
    quiz = world.big_quiz
    questions = Question.objects.count()
    everything = markers_of(EVERYTHING)
    question = quiz.items.first().question
    pages = {
        "quiz attempt (answers saved)": world.rendered["quiz attempt (answers saved)"],
        "quiz review": get(
            as_trainee, reverse("courses:attempt-review", args=[world.attempt.pk])
        ),
        "quiz intro": get(as_trainee, reverse("courses:quiz", args=[quiz.pk])),
        "post-test report": get(
            as_admin,
            reverse("courses_class_quiz_report", args=[world.training_class.pk]),
        ),
        "question edit": get(
            as_admin,
            reverse("wagtailsnippets_courses_question:edit", args=[question.pk]),
        ),
        "quiz edit": get(
            as_admin, reverse("wagtailsnippets_courses_quiz:edit", args=[quiz.pk])
        ),
        "question preview": question.serve_preview(
            _admin_request(world.admin), "answers"
        )
        .render()
        .content.decode(),
        "quiz preview": quiz.serve_preview(_admin_request(world.admin), "")
        .render()
        .content.decode(),
        "quiz list": get(as_admin, reverse("wagtailsnippets_courses_quiz:list")),
        "category list": get(
            as_admin, reverse("wagtailsnippets_courses_questioncategory:list")
        ),
        **listing(
            as_admin,
            reverse("wagtailsnippets_courses_question:list"),
            questions,
            at_most=3,
        ),
    }
    assert_inert(
        pages,
        each_shows={
            "quiz attempt (answers saved)": everything,
            # Question text, choices, explanations, accepted and typed answers.
            "quiz review": everything,
            "question preview": markers_of(
                p for p in EVERYTHING if p.text in question.text
            ),
        },
    )
    typed = "".join(world.attempt.answers.values_list("text", flat=True))
    assert all(nfc(text) in typed for text, _held in pack(EVERYTHING, limit=500))


def test_imported_questions_stay_plain_text(world):
    """The import takes text, not HTML: what a cell says is stored as written (NFC)
    and escaped on every page, so there is nothing to sanitise."""
    assert_inert(
        {
            name: html
            for name, html in world.rendered.items()
            if name.startswith("question import")
        },
        each_shows={
            "question import preview (errors)": markers_of(EVERYTHING),
            "question import preview": markers_of(EVERYTHING),
        },
    )
    imported = Question.objects.filter(text__startswith="Nhập 0: ").get()
    text, _held = pack(EVERYTHING, limit=500)[0]
    assert imported.text == nfc_text(f"Nhập 0: {text}")


def _admin_request(user: User) -> HttpRequest:
    request = RequestFactory().get("/admin/")
    request.user = user
    return request
