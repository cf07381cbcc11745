"""Recording attendance: one record per session and enrollment, every change kept."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from courses.models import (
    AttendanceChange,
    AttendanceMethod,
    AttendanceRecord,
    AttendanceStatus,
    ClassSession,
    Enrollment,
    User,
)
from courses.services.enrollment import evaluate_completion


class AttendanceRefused(Exception):
    """Attendance cannot be recorded; `message` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _check(session: ClassSession, enrollment: Enrollment) -> None:
    if enrollment.training_class_id != session.training_class_id:
        raise AttendanceRefused(_("Học viên không thuộc lớp của buổi học này."))
    if enrollment.status != Enrollment.Status.ACTIVE:
        raise AttendanceRefused(_("Học viên đã rút khỏi lớp."))
    if session.training_class.is_locked:
        raise AttendanceRefused(_("Lớp đã khoá sổ, không sửa điểm danh được nữa."))


@transaction.atomic
def record_attendance(
    *,
    session: ClassSession,
    enrollment: Enrollment,
    status: AttendanceStatus | str,
    method: AttendanceMethod | str,
    by: User | None = None,
    note: str = "",
) -> AttendanceRecord:
    """Set a trainee's status at a session; a change is logged, a repeat is not."""
    _check(session, enrollment)
    record = (
        AttendanceRecord.objects.select_for_update()
        .filter(session=session, enrollment=enrollment)
        .first()
    )
    if record is None:
        try:
            with transaction.atomic():
                record = AttendanceRecord.objects.create(
                    session=session,
                    enrollment=enrollment,
                    status=status,
                    method=method,
                    note=note,
                    recorded_by=by,
                )
        except IntegrityError:
            # Someone recorded the same pair a moment ago: update theirs instead.
            record = AttendanceRecord.objects.select_for_update().get(
                session=session, enrollment=enrollment
            )
        else:
            AttendanceChange.objects.create(
                record=record,
                changed_by=by,
                new_status=status,
                new_note=record.note,
                method=method,
            )
            evaluate_completion(enrollment=enrollment)
            return record
    if record.status == status and record.note == note:
        return record
    AttendanceChange.objects.create(
        record=record,
        changed_by=by,
        old_status=record.status,
        new_status=status,
        old_note=record.note,
        new_note=note,
        method=method,
    )
    record.status, record.note = status, note
    record.method, record.recorded_by = method, by
    record.save()
    evaluate_completion(enrollment=enrollment)
    return record


@transaction.atomic
def mark_all_present(
    *, session: ClassSession, by: User | None = None
) -> list[AttendanceRecord]:
    """Roll call's first tap: everyone not yet recorded is present."""
    recorded = set(session.attendance_records.values_list("enrollment_id", flat=True))
    return [
        record_attendance(
            session=session,
            enrollment=enrollment,
            status=AttendanceStatus.PRESENT,
            method=AttendanceMethod.ROLL_CALL,
            by=by,
        )
        for enrollment in session.training_class.enrollments.active()
        .exclude(pk__in=recorded)
        .select_related("training_class")
    ]
