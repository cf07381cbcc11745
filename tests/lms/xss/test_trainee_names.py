"""Trainee names, typed, walked in and imported."""

import pytest
from django.urls import reverse

from courses.models import Enrollment, Trainee
from courses.vietnamese import nfc
from tests.lms.xss.audit import assert_inert, get, listing
from tests.lms.xss.placement import EVERYTHING, ROSTER_FAMILY_NAME, ROSTER_NAMES
from tests.lms.xss_payloads import markers_of

pytestmark = pytest.mark.django_db


def test_trainee_names_are_shown_as_text_on_staff_pages(world, as_admin):
    training_class = world.training_class
    names = world.placed["names"]
    trainees = Trainee.objects.count()
    enrollments = Enrollment.objects.filter(training_class=training_class).count()
    roll_call = reverse("courses:roll-call", args=[world.session.pk])
    pages = {
        "roll call": get(as_admin, roll_call),
        "class sessions": get(
            as_admin, reverse("courses:class-sessions", args=[training_class.pk])
        ),
        "qr screen": get(
            as_admin, reverse("courses:qr-screen", args=[world.session.pk])
        ),
        "class certificates": get(
            as_admin, reverse("certificates_admin:class", args=[training_class.pk])
        ),
        "pre-test report": get(
            as_admin,
            reverse("courses_class_quiz_report", args=[training_class.pk])
            + f"?quiz={world.pre_quiz.pk}",
        ),
        "trainee edit": get(
            as_admin,
            reverse("trainee:edit", args=[world.certificates[5].enrollment.trainee_id]),
        ),
        **listing(as_admin, reverse("trainee:index"), trainees),
        # Rows render alike: the first pages stand for the rest.
        **listing(as_admin, reverse("enrollment:index"), enrollments, at_most=3),
    }
    roster_and_walk_ins = world.placed["roster names"] | world.placed["walk-ins"]
    assert_inert(
        pages,
        shows=names | roster_and_walk_ins,
        each_shows={
            "roll call": names | roster_and_walk_ins,
            "class certificates": names,
            "pre-test report": names,
        },
    )


def test_roster_cells_are_shown_as_text_in_the_import_preview(world):
    previews = {
        name: html for name, html in world.rendered.items() if name.startswith("roster")
    }
    assert_inert(
        previews,
        each_shows={
            # Refused cells are quoted back in the error messages.
            "roster preview (errors)": markers_of(EVERYTHING),
            "roster preview": world.placed["roster names"],
        },
    )
    imported = set(
        Trainee.objects.filter(
            enrollments__method=Enrollment.Method.IMPORT
        ).values_list("full_name", flat=True)
    )
    assert {nfc(f"{ROSTER_FAMILY_NAME} {p.text}") for p in ROSTER_NAMES} <= imported
