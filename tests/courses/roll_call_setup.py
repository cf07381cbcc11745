"""A class of the organizer's organisation, taught by the trainer, with a session
today and a few enrolled trainees: what the attendance tests start from."""

import datetime as dt

import pytest
from django.utils import timezone

from courses.models import Enrollment
from courses.services import enroll
from tests.courses.factories import (
    ClassSessionFactory,
    TraineeFactory,
    TrainingClassFactory,
    UserFactory,
)


@pytest.fixture
def training_class(organisation, trainer):
    today = timezone.localdate()
    training_class = TrainingClassFactory(
        organisation=organisation,
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=1),
        capacity=200,
    )
    training_class.trainers.add(trainer)
    return training_class


@pytest.fixture
def session(training_class):
    return ClassSessionFactory(
        training_class=training_class, held_on=timezone.localdate()
    )


def enrol(training_class, full_name: str, *, with_user: bool = False) -> Enrollment:
    user = UserFactory(full_name=full_name) if with_user else None
    trainee = TraineeFactory(
        full_name=full_name, organisation=training_class.organisation, user=user
    )
    return enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
