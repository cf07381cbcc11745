"""Recording attendance: one record per session and enrollment, every change kept."""

import datetime as dt
from pathlib import Path

from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from courses import qr_codes
from courses.attendance_rules import is_expected
from courses.models import (
    Attempt,
    AttendanceChange,
    AttendanceMethod,
    AttendanceRecord,
    AttendanceStatus,
    ClassSession,
    Consent,
    DataSubjectRequest,
    Enrollment,
    LessonProgress,
    QrCheckIn,
    SessionEvidence,
    Trainee,
    TrainingClass,
    User,
)
from courses.phones import InvalidPhone, normalise_phone
from courses.progress_cache import forget_enrolled_courses
from courses.services.enrollment import EnrollmentRefused, enroll, evaluate_completion
from courses.vietnamese import nfc


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


# --- Roll call, QR check-in, walk-ins, paper evidence (issue 5 §1-5) ----------------


def is_expected_at(enrollment: Enrollment, session: ClassSession) -> bool:
    """Whether the trainee was in the class on the session's day (no late enrolee)."""
    return is_expected(session.held_on, timezone.localdate(enrollment.enrolled_at))


@transaction.atomic
def mark_expected_present(
    *,
    session: ClassSession,
    by: User | None = None,
    method: AttendanceMethod | str = AttendanceMethod.ROLL_CALL,
) -> list[AttendanceRecord]:
    """ "All present" as roll call means it: everyone not yet recorded who was
    enrolled by the session's day; late enrolees are left for a deliberate tap."""
    recorded = set(session.attendance_records.values_list("enrollment_id", flat=True))
    enrollments = (
        session.training_class.enrollments.active()
        .exclude(pk__in=recorded)
        .select_related("training_class")
    )
    return [
        record_attendance(
            session=session,
            enrollment=enrollment,
            status=AttendanceStatus.PRESENT,
            method=method,
            by=by,
        )
        for enrollment in enrollments
        if is_expected_at(enrollment, session)
    ]


@transaction.atomic
def check_in_with_code(
    *, session: ClassSession, user: User, code: str, now: dt.datetime | None = None
) -> AttendanceRecord:
    """A trainee's own scan of the session's rotating code: present, or late after
    the class's grace period; once per session, backed by QrCheckIn's constraint."""
    now = timezone.localtime(now or timezone.now())
    window = qr_codes.verify(code, session.pk, now)
    if window is None:
        if qr_codes.is_expired(code, session.pk, now):
            raise AttendanceRefused(
                _("Mã đã hết hạn. Hãy quét lại mã đang hiện trên màn hình.")
            )
        raise AttendanceRefused(_("Mã không đúng cho buổi học này."))
    enrollment = (
        Enrollment.objects.active()
        .select_related("training_class")
        .filter(training_class=session.training_class_id, trainee__user=user)
        .first()
    )
    if enrollment is None:
        raise AttendanceRefused(_("Bạn không có tên trong lớp của buổi học này."))
    try:
        with transaction.atomic():
            QrCheckIn.objects.create(
                session=session, enrollment=enrollment, window=window
            )
    except IntegrityError as exc:
        raise AttendanceRefused(_("Bạn đã điểm danh buổi học này rồi.")) from exc
    existing = AttendanceRecord.objects.filter(
        session=session, enrollment=enrollment
    ).first()
    if existing and existing.status == AttendanceStatus.PRESENT:
        # The trainer saw them on time; a scan made later does not make them late.
        return existing
    late = qr_codes.is_late(
        held_on=session.held_on,
        part=session.part,
        starts_at=session.starts_at,
        late_after_minutes=session.training_class.late_after_minutes,
        at=now,
    )
    return record_attendance(
        session=session,
        enrollment=enrollment,
        status=AttendanceStatus.LATE if late else AttendanceStatus.PRESENT,
        method=AttendanceMethod.QR,
        by=user,
    )


@transaction.atomic
def add_walk_in(
    *,
    session: ClassSession,
    full_name: str,
    phone: str = "",
    by: User | None = None,
    method: AttendanceMethod | str = AttendanceMethod.ROLL_CALL,
) -> Enrollment:
    """Someone at the class who is not on the list: a new trainee of the class's
    organisation, enrolled as a walk-in and marked present. Merge later if they
    turn out to be a known trainee (merge_trainees)."""
    full_name = nfc(full_name).strip()
    if not full_name:
        raise AttendanceRefused(_("Cần nhập họ và tên."))
    e164 = ""
    if phone.strip():
        try:
            e164, _repaired = normalise_phone(phone)
        except InvalidPhone as exc:
            raise AttendanceRefused(_("Số điện thoại không hợp lệ.")) from exc
    training_class = session.training_class
    trainee = Trainee.objects.create(
        full_name=full_name, phone=e164, organisation=training_class.organisation
    )
    try:
        enrollment = enroll(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.WALK_IN,
            by=by,
        )
    except EnrollmentRefused as exc:
        raise AttendanceRefused(exc.message) from exc
    record_attendance(
        session=session,
        enrollment=enrollment,
        status=AttendanceStatus.PRESENT,
        method=method,
        by=by,
    )
    return enrollment


def _merge_enrollment_into(duplicate: Enrollment, kept: Enrollment) -> None:
    """Both were in the class: the kept one's records win, the rest move over."""
    for model in (AttendanceRecord, QrCheckIn):
        taken = model.objects.filter(enrollment=kept).values("session_id")
        model.objects.filter(enrollment=duplicate).exclude(session_id__in=taken).update(
            enrollment=kept
        )
    read = LessonProgress.objects.filter(enrollment=kept).values("lesson_id")
    LessonProgress.objects.filter(enrollment=duplicate).exclude(
        lesson_id__in=read
    ).update(enrollment=kept)
    if duplicate.status == Enrollment.Status.ACTIVE:
        TrainingClass.objects.filter(pk=duplicate.training_class_id).update(
            seats_taken=F("seats_taken") - 1
        )
    duplicate.delete()  # its leftover records go with it (CASCADE)


@transaction.atomic
def merge_trainees(
    *, keep: Trainee, duplicate: Trainee, by: User | None = None
) -> Trainee:
    """Fold a duplicate trainee (typically a walk-in) into the known one: classes,
    attendance, quiz attempts and consents move to `keep`; the duplicate goes."""
    if keep.pk == duplicate.pk:
        raise AttendanceRefused(_("Hai học viên phải khác nhau."))
    keep = Trainee.objects.select_for_update().get(pk=keep.pk)
    forget_enrolled_courses([keep.user_id, duplicate.user_id])
    duplicate = Trainee.objects.select_for_update().get(pk=duplicate.pk)
    kept_classes = {
        e.training_class_id: e for e in Enrollment.objects.filter(trainee=keep)
    }
    for enrollment in Enrollment.objects.filter(trainee=duplicate):
        kept = kept_classes.get(enrollment.training_class_id)
        if kept is None:
            enrollment.trainee = keep
            enrollment.save(update_fields=["trainee"])
        else:
            _merge_enrollment_into(enrollment, kept)
    for quiz_id in (
        Attempt.objects.filter(trainee=duplicate)
        .values_list("quiz_id", flat=True)
        .distinct()
    ):
        kept_attempts = Attempt.objects.filter(trainee=keep, quiz_id=quiz_id)
        if (
            kept_attempts.in_progress().exists()
            and Attempt.objects.filter(trainee=duplicate, quiz_id=quiz_id)
            .in_progress()
            .exists()
        ):
            raise AttendanceRefused(
                _("Cả hai học viên đang làm dở cùng một bài kiểm tra.")
            )
        # Renumber after the kept trainee's attempts: numbers stay unique per quiz.
        offset = kept_attempts.aggregate(m=Max("number"))["m"] or 0
        Attempt.objects.filter(trainee=duplicate, quiz_id=quiz_id).update(
            trainee=keep, number=F("number") + offset
        )
    held = Consent.objects.filter(trainee=keep, withdrawn_at__isnull=True).values(
        "purpose"
    )
    Consent.objects.filter(trainee=duplicate).exclude(
        withdrawn_at__isnull=True, purpose__in=held
    ).update(trainee=keep)
    # Two open requests of one kind would break the one-open-per-kind rule: the
    # duplicate's is answered as merged into the kept trainee's.
    open_kinds = DataSubjectRequest.objects.filter(
        trainee=keep, status=DataSubjectRequest.Status.OPEN
    ).values("kind")
    DataSubjectRequest.objects.filter(
        trainee=duplicate, status=DataSubjectRequest.Status.OPEN, kind__in=open_kinds
    ).update(
        status=DataSubjectRequest.Status.DONE,
        outcome=_("Gộp vào yêu cầu cùng loại của hồ sơ học viên được giữ lại."),
        handled_by=by,
        handled_at=timezone.now(),
    )
    DataSubjectRequest.objects.filter(trainee=duplicate).update(trainee=keep)
    changed = []
    if keep.user_id is None and duplicate.user_id is not None:
        keep.user_id, duplicate.user_id = duplicate.user_id, None
        duplicate.save(update_fields=["user"])
        changed.append("user")
    if not keep.phone and duplicate.phone:
        keep.phone = duplicate.phone
        changed.append("phone")
    if changed:
        keep.save()
    duplicate.delete()  # remaining duplicate consents go with it
    return keep


EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
# Extension → how such a file starts; the name alone is not trusted.
EVIDENCE_SIGNATURES = {
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".pdf": (b"%PDF-",),
}


@transaction.atomic
def attach_evidence(
    *, session: ClassSession, file: File, by: User | None = None, note: str = ""
) -> SessionEvidence:
    """Keep the scan or photo of the signed sheet with the session, privately."""
    extension = Path(file.name or "").suffix.lower()
    if extension not in EVIDENCE_SIGNATURES:
        raise AttendanceRefused(_("Chỉ nhận ảnh JPG, PNG hoặc tệp PDF."))
    if file.size is None or file.size > EVIDENCE_MAX_BYTES:
        raise AttendanceRefused(_("Tệp lớn hơn 10 MB."))
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if not head.startswith(EVIDENCE_SIGNATURES[extension]):
        raise AttendanceRefused(_("Nội dung tệp không khớp với đuôi tệp."))
    return SessionEvidence.objects.create(
        session=session, file=file, note=nfc(note), uploaded_by=by
    )
