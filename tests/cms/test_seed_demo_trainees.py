"""The demo's trainees, sessions and the open online class."""

import unicodedata

import pytest
from django.core.management import call_command

from courses.models import ClassSession, Enrollment, Trainee, TrainingClass

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed_demo", verbosity=0)


def test_demo_trainee_account_has_its_trainee_record(seeded):
    trainee = Trainee.objects.get(user__username="hocvien")
    assert trainee.full_name == "Ma Thị Hoà"
    assert not trainee.enrollments.exists()


def test_demo_population_class_is_open_online_with_seats(seeded):
    training_class = TrainingClass.objects.get(code="DEMO-DS-01")
    assert training_class.mode == TrainingClass.Mode.ONLINE
    assert training_class.is_enrollment_open
    assert training_class.seats_left > 0
    assert (
        TrainingClass.objects.open_for_self_enrollment()
        .filter(pk=training_class.pk)
        .exists()
    )


def test_every_demo_class_has_a_morning_and_an_afternoon_session_each_day(seeded):
    for training_class in TrainingClass.objects.filter(code__startswith="DEMO-"):
        days = (training_class.ends_on - training_class.starts_on).days + 1
        sessions = ClassSession.objects.filter(training_class=training_class)
        assert sessions.count() == 2 * days, training_class.code
        assert set(sessions.values_list("part", flat=True)) == {
            ClassSession.Part.MORNING,
            ClassSession.Part.AFTERNOON,
        }


@pytest.mark.parametrize("code", ["DEMO-CTXH-01", "DEMO-CLB-01"])
def test_demo_classes_have_twelve_fictional_trainees_in_nfc(seeded, code):
    enrollments = Enrollment.objects.active().filter(training_class__code=code)
    names = list(enrollments.values_list("trainee__full_name", flat=True))
    assert len(names) == 12
    assert all(unicodedata.is_normalized("NFC", name) for name in names)
    assert TrainingClass.objects.get(code=code).seats_taken == 12


def test_seeding_twice_adds_no_trainee_session_or_enrollment(seeded):
    counts = (
        Trainee.objects.count(),
        ClassSession.objects.count(),
        Enrollment.objects.count(),
    )
    call_command("seed_demo", verbosity=0)
    assert (
        Trainee.objects.count(),
        ClassSession.objects.count(),
        Enrollment.objects.count(),
    ) == counts
