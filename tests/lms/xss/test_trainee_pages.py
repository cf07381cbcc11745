"""The trainee's own pages, and the screens about their class and requests."""

import pytest
from django.urls import reverse

from courses.models import Enrollment
from courses.vietnamese import nfc
from tests.lms.xss.audit import assert_inert, get
from tests.lms.xss.placement import EVERYTHING
from tests.lms.xss_payloads import markers_of

pytestmark = pytest.mark.django_db


def test_trainee_pages_show_their_records_as_text(world, as_trainee):
    enrollment = Enrollment.objects.get(
        trainee=world.trainee, training_class=world.training_class
    )
    pages = {
        "dashboard": get(as_trainee, reverse("courses:dashboard")),
        "progress": get(as_trainee, reverse("courses:progress", args=[enrollment.pk])),
        "open classes": get(as_trainee, reverse("courses:open-classes")),
        "my data": get(as_trainee, reverse("courses:my-data")),
    }
    class_title = markers_of(
        p for p in EVERYTHING if p.text in world.training_class.title
    )
    assert_inert(
        pages,
        each_shows={
            "open classes": class_title,
            "progress": markers_of(
                p
                for page in world.lesson_pages
                for p in EVERYTHING
                if nfc(p.text) in page.title
            ),
        },
    )


def test_class_and_request_screens_show_text_as_text(world, as_admin):
    pages = {
        "data requests": get(as_admin, reverse("datasubjectrequest:index")),
        "erase confirm": get(
            as_admin, reverse("datasubjectrequest:erase", args=[world.data_request.pk])
        ),
        "organiser dashboard": get(as_admin, reverse("courses_organiser_dashboard")),
        "class edit": get(
            as_admin, reverse("trainingclass:edit", args=[world.training_class.pk])
        ),
        "class list": get(as_admin, reverse("trainingclass:index")),
        "class exports": get(
            as_admin, reverse("courses_class_exports", args=[world.training_class.pk])
        ),
    }
    class_title = markers_of(
        p for p in EVERYTHING if p.text in world.training_class.title
    )
    assert_inert(
        pages,
        each_shows={
            # The request's details, as the trainee typed them.
            "erase confirm": markers_of(EVERYTHING),
            "class edit": class_title,
            "class list": class_title,
        },
    )
