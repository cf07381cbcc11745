"""Enrolment, withdrawal and completion, through the services."""

import threading

import pytest
from django.db import connection

from courses.models import Enrollment, TrainingClass
from courses.services import (
    EnrollmentRefused,
    complete_lesson,
    enroll,
    evaluate_completion,
    self_enroll,
    withdraw,
)
from courses.signals import enrollment_completed
from tests.courses.factories import (
    LessonFactory,
    TraineeFactory,
    TrainingClassFactory,
    UserFactory,
)

ORGANIZER = Enrollment.Method.ORGANIZER


@pytest.mark.django_db
def test_enrolling_takes_a_seat_and_withdrawing_gives_it_back():
    training_class = TrainingClassFactory(capacity=2)
    enrollment = enroll(
        trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER
    )
    training_class.refresh_from_db()
    assert training_class.seats_taken == 1
    withdraw(enrollment=enrollment)
    training_class.refresh_from_db()
    assert training_class.seats_taken == 0
    assert Enrollment.objects.get().status == Enrollment.Status.WITHDRAWN


@pytest.mark.django_db
def test_trainee_cannot_enroll_twice():
    training_class = TrainingClassFactory()
    trainee = TraineeFactory()
    enroll(trainee=trainee, training_class=training_class, method=ORGANIZER)
    with pytest.raises(EnrollmentRefused, match="đã có trong lớp"):
        enroll(trainee=trainee, training_class=training_class, method=ORGANIZER)
    training_class.refresh_from_db()
    assert training_class.seats_taken == 1


@pytest.mark.django_db
def test_withdrawn_trainee_can_come_back_into_the_same_row():
    training_class = TrainingClassFactory()
    trainee = TraineeFactory()
    first = enroll(trainee=trainee, training_class=training_class, method=ORGANIZER)
    withdraw(enrollment=first)
    again = enroll(trainee=trainee, training_class=training_class, method=ORGANIZER)
    assert again.pk == first.pk
    assert again.status == Enrollment.Status.ACTIVE


@pytest.mark.django_db
def test_full_class_refuses_with_a_reason_in_vietnamese():
    training_class = TrainingClassFactory(capacity=1)
    enroll(trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER)
    with pytest.raises(EnrollmentRefused, match="đủ số chỗ"):
        enroll(
            trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER
        )


@pytest.mark.django_db
def test_locked_class_refuses_enrolment():
    from django.utils import timezone

    training_class = TrainingClassFactory(locked_at=timezone.now())
    with pytest.raises(EnrollmentRefused, match="khoá sổ"):
        enroll(
            trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER
        )


@pytest.mark.django_db
def test_self_enrolment_only_in_open_online_classes(trainee):
    in_person = TrainingClassFactory(is_enrollment_open=True)
    with pytest.raises(EnrollmentRefused):
        self_enroll(user=trainee, training_class=in_person)
    online = TrainingClassFactory(
        is_enrollment_open=True, mode=TrainingClass.Mode.ONLINE
    )
    enrollment = self_enroll(user=trainee, training_class=online)
    assert enrollment.trainee.user == trainee
    assert enrollment.trainee.full_name == trainee.full_name


@pytest.mark.django_db
def test_database_refuses_more_seats_than_capacity_whoever_writes():
    from django.db import IntegrityError, transaction

    training_class = TrainingClassFactory(capacity=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingClass.objects.filter(pk=training_class.pk).update(seats_taken=2)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_completing_every_lesson_sends_enrollment_completed_once():
    training_class = TrainingClassFactory()
    lessons = LessonFactory.create_batch(2, course=training_class.course)
    enrollment = enroll(
        trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER
    )
    received = []

    def listener(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    enrollment_completed.connect(listener)
    try:
        complete_lesson(enrollment=enrollment, lesson=lessons[0])
        assert received == []
        complete_lesson(enrollment=enrollment, lesson=lessons[1])
        complete_lesson(enrollment=enrollment, lesson=lessons[1])
        assert evaluate_completion(enrollment=enrollment) is True
    finally:
        enrollment_completed.disconnect(listener)
    assert received == [enrollment.pk]
    enrollment.refresh_from_db()
    assert enrollment.is_completed


@pytest.mark.django_db
def test_unpublished_lessons_do_not_count_towards_completion():
    training_class = TrainingClassFactory()
    done = LessonFactory(course=training_class.course)
    LessonFactory(course=training_class.course, is_published=False)
    enrollment = enroll(
        trainee=TraineeFactory(), training_class=training_class, method=ORGANIZER
    )
    complete_lesson(enrollment=enrollment, lesson=done)
    enrollment.refresh_from_db()
    assert enrollment.is_completed


@pytest.mark.django_db
def test_course_without_lessons_never_completes():
    enrollment = enroll(
        trainee=TraineeFactory(),
        training_class=TrainingClassFactory(),
        method=ORGANIZER,
    )
    assert evaluate_completion(enrollment=enrollment) is False


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_n_seats_and_3n_simultaneous_requests_give_exactly_n_enrollments():
    seats = 10
    training_class = TrainingClassFactory(
        capacity=seats, is_enrollment_open=True, mode=TrainingClass.Mode.ONLINE
    )
    users = [UserFactory() for _ in range(3 * seats)]
    barrier = threading.Barrier(len(users))
    outcomes: list[str] = []

    def attempt(user):
        try:
            barrier.wait()
            self_enroll(user=user, training_class=training_class)
            outcomes.append("in")
        except EnrollmentRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("in") == seats
    assert outcomes.count("refused") == 2 * seats
    assert Enrollment.objects.filter(training_class=training_class).count() == seats
    training_class.refresh_from_db()
    assert training_class.seats_taken == seats


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_trainee_enrolling_from_two_phones_at_once_gets_one_seat(trainee):
    training_class = TrainingClassFactory(
        capacity=5, is_enrollment_open=True, mode=TrainingClass.Mode.ONLINE
    )
    from courses.services import trainee_for_user

    trainee_for_user(trainee)
    barrier = threading.Barrier(6)
    outcomes: list[str] = []

    def attempt():
        try:
            barrier.wait()
            self_enroll(user=trainee, training_class=training_class)
            outcomes.append("in")
        except EnrollmentRefused:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("in") == 1
    training_class.refresh_from_db()
    assert training_class.seats_taken == 1
