"""Attendance: one record per session and trainee, every change kept, fair rates."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from hypothesis import given
from hypothesis import strategies as st

from courses.attendance_rules import (
    Points,
    SessionFact,
    allowance_amount,
    attendance_percent,
    days_present,
)
from courses.models import AttendanceRecord, ClassSession, Enrollment
from courses.services import enroll
from courses.services.attendance import (
    AttendanceRefused,
    mark_expected_present,
    record_attendance,
)
from tests.courses.factories import (
    ClassSessionFactory,
    TraineeFactory,
    TrainingClassFactory,
)

DAY1, DAY2 = dt.date(2026, 12, 8), dt.date(2026, 12, 9)
SESSIONS = [
    SessionFact(1, DAY1),
    SessionFact(2, DAY1),
    SessionFact(3, DAY2),
    SessionFact(4, DAY2),
]


def test_late_enrolee_is_not_counted_absent_for_earlier_sessions():
    statuses = {3: "present", 4: "present"}
    assert attendance_percent(
        SESSIONS, statuses, enrolled_on=DAY2, points=Points()
    ) == Decimal(100)
    assert attendance_percent(
        SESSIONS, statuses, enrolled_on=DAY1, points=Points()
    ) == Decimal(50)


def test_points_per_status_are_the_class_settings():
    statuses = {1: "present", 2: "late", 3: "excused", 4: "absent"}
    points = Points(late=Decimal("0.5"), excused=Decimal("0.5"))
    assert attendance_percent(
        SESSIONS, statuses, enrolled_on=DAY1, points=points
    ) == Decimal(50)


def test_allowance_days_count_half_days_and_not_excused_absence():
    statuses = {1: "present", 2: "late", 3: "excused", 4: "present"}
    days = days_present(SESSIONS, statuses)
    assert days == Decimal("1.5")
    assert allowance_amount(days, Decimal(150_000)) == Decimal(225_000)


@given(
    st.dictionaries(
        st.sampled_from([1, 2, 3, 4]),
        st.sampled_from(["present", "late", "excused", "absent"]),
    )
)
def test_attendance_percent_stays_between_0_and_100(statuses):
    percent = attendance_percent(
        SESSIONS, statuses, enrolled_on=DAY1, points=Points(late=Decimal("0.5"))
    )
    assert Decimal(0) <= percent <= Decimal(100)


@pytest.fixture
def session_and_enrollment(db):
    training_class = TrainingClassFactory()
    session = ClassSessionFactory(training_class=training_class)
    enrollment = enroll(
        trainee=TraineeFactory(),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    return session, enrollment


def test_a_change_of_status_is_kept_in_the_history(session_and_enrollment, trainer):
    session, enrollment = session_and_enrollment
    record_attendance(
        session=session, enrollment=enrollment, status="absent", method="roll_call"
    )
    record = record_attendance(
        session=session,
        enrollment=enrollment,
        status="late",
        method="roll_call",
        by=trainer,
        note="Đến lúc 8 giờ 20",
    )
    changes = list(record.changes.order_by("pk"))
    assert [(c.old_status, c.new_status) for c in changes] == [
        ("", "absent"),
        ("absent", "late"),
    ]
    assert changes[-1].changed_by == trainer
    assert AttendanceRecord.objects.count() == 1


def test_repeating_the_same_status_logs_nothing(session_and_enrollment):
    session, enrollment = session_and_enrollment
    for _ in range(3):
        record = record_attendance(
            session=session, enrollment=enrollment, status="present", method="qr"
        )
    assert record.changes.count() == 1


def test_database_refuses_a_second_record_for_the_same_pair(session_and_enrollment):
    session, enrollment = session_and_enrollment
    record_attendance(
        session=session, enrollment=enrollment, status="present", method="qr"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceRecord.objects.create(
            session=session, enrollment=enrollment, status="absent", method="paper"
        )


def test_a_trainee_of_another_class_is_refused(session_and_enrollment):
    session, _enrollment = session_and_enrollment
    stranger = enroll(
        trainee=TraineeFactory(),
        training_class=TrainingClassFactory(),
        method=Enrollment.Method.ORGANIZER,
    )
    with pytest.raises(AttendanceRefused):
        record_attendance(
            session=session, enrollment=stranger, status="present", method="qr"
        )


def test_all_present_leaves_the_exceptions_already_taken(session_and_enrollment):
    session, enrollment = session_and_enrollment
    other = enroll(
        trainee=TraineeFactory(),
        training_class=session.training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    record_attendance(
        session=session, enrollment=enrollment, status="excused", method="roll_call"
    )
    mark_expected_present(session=session)
    statuses = dict(session.attendance_records.values_list("enrollment_id", "status"))
    assert statuses == {enrollment.pk: "excused", other.pk: "present"}
    assert ClassSession.objects.count() == 1


def test_completion_waits_for_the_attendance_threshold(db):
    from courses.services import complete_lesson
    from tests.courses.factories import LessonFactory

    training_class = TrainingClassFactory(completion_attendance_percent=75)
    sessions = [
        ClassSessionFactory(training_class=training_class, part=part)
        for part in ("morning", "afternoon")
    ]
    lesson = LessonFactory(course=training_class.course)
    enrollment = enroll(
        trainee=TraineeFactory(),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    complete_lesson(enrollment=enrollment, lesson=lesson)
    record_attendance(
        session=sessions[0], enrollment=enrollment, status="present", method="qr"
    )
    enrollment.refresh_from_db()
    assert not enrollment.is_completed  # 50 % < 75 %
    record_attendance(
        session=sessions[1], enrollment=enrollment, status="present", method="qr"
    )
    enrollment.refresh_from_db()
    assert enrollment.is_completed
