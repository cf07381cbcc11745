"""Use cases that write: one typed, keyword-only function each, in one transaction."""

from decimal import Decimal
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.attendance_rules import Points, SessionFact, attendance_percent
from courses.completion import CompletionFacts, unmet_requirements
from courses.models import (
    Attempt,
    ClassEditAfterLock,
    Course,
    Enrollment,
    Lesson,
    LessonProgress,
    Quiz,
    Trainee,
    TrainingClass,
    User,
)
from courses.progress_cache import forget_enrolled_courses, forget_lesson_state
from courses.signals import enrollment_completed


class EnrollmentRefused(Exception):
    """Enrollment cannot happen; `message` says why, in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ClassLocked(Exception):
    """The class was locked at closing; only a superuser with a reason may change it."""


def trainee_for_user(user: User) -> Trainee:
    """The trainee record behind a login, created on first need from the account."""
    trainee, _created = Trainee.objects.get_or_create(
        user=user, defaults={"full_name": user.get_full_name()}
    )
    return trainee


def _take_seat(training_class: TrainingClass) -> None:
    # One conditional UPDATE: PostgreSQL re-checks the condition on the locked row, so
    # N seats and any number of simultaneous requests give exactly N winners.
    taken = TrainingClass.objects.filter(
        pk=training_class.pk,
        locked_at__isnull=True,
        seats_taken__lt=F("capacity"),
    ).update(seats_taken=F("seats_taken") + 1)
    if not taken:
        training_class.refresh_from_db(fields=["locked_at", "seats_taken", "capacity"])
        if training_class.is_locked:
            raise EnrollmentRefused(_("Lớp đã khoá sổ, không nhận thêm học viên."))
        raise EnrollmentRefused(_("Lớp đã đủ số chỗ."))


@transaction.atomic
def enroll(
    *,
    trainee: Trainee,
    training_class: TrainingClass,
    method: Enrollment.Method,
    by: User | None = None,
) -> Enrollment:
    """Put a trainee in a class, or raise EnrollmentRefused if full, locked or in."""
    forget_enrolled_courses([trainee.user_id])
    existing = (
        Enrollment.objects.select_for_update()
        .filter(trainee=trainee, training_class=training_class)
        .first()
    )
    if existing and existing.status == Enrollment.Status.ACTIVE:
        raise EnrollmentRefused(_("Học viên đã có trong lớp này."))
    _take_seat(training_class)
    if existing:
        existing.status = Enrollment.Status.ACTIVE
        existing.withdrawn_at = None
        existing.method, existing.enrolled_by = method, by
        existing.save(update_fields=["status", "withdrawn_at", "method", "enrolled_by"])
        return existing
    try:
        with transaction.atomic():
            return Enrollment.objects.create(
                trainee=trainee,
                training_class=training_class,
                method=method,
                enrolled_by=by,
            )
    except IntegrityError as exc:
        # A simultaneous request for the same trainee won; ours gives its seat back
        # by rolling back with the whole transaction.
        raise EnrollmentRefused(_("Học viên đã có trong lớp này.")) from exc


def self_enroll(*, user: User, training_class: TrainingClass) -> Enrollment:
    """A trainee's own enrolment: only in online classes that are open."""
    if (
        not TrainingClass.objects.open_for_self_enrollment()
        .filter(pk=training_class.pk)
        .exists()
    ):
        raise EnrollmentRefused(_("Lớp này không nhận tự đăng ký trực tuyến."))
    return enroll(
        trainee=trainee_for_user(user),
        training_class=training_class,
        method=Enrollment.Method.SELF,
        by=user,
    )


@transaction.atomic
def withdraw(*, enrollment: Enrollment, by: User | None = None) -> Enrollment:
    """Take a trainee out of a class, keeping the record and freeing the seat."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.status == Enrollment.Status.WITHDRAWN:
        return enrollment
    if enrollment.training_class.is_locked:
        raise ClassLocked
    forget_enrolled_courses([enrollment.trainee.user_id])
    enrollment.status = Enrollment.Status.WITHDRAWN
    enrollment.withdrawn_at = timezone.now()
    enrollment.save(update_fields=["status", "withdrawn_at"])
    TrainingClass.objects.filter(pk=enrollment.training_class_id).update(
        seats_taken=F("seats_taken") - 1
    )
    return enrollment


@transaction.atomic
def open_lesson(*, enrollment: Enrollment, lesson: Lesson) -> LessonProgress:
    """Note that the trainee opened a lesson, so the dashboard can resume there."""
    progress, created = LessonProgress.objects.get_or_create(
        enrollment=enrollment, lesson=lesson
    )
    if created or enrollment.last_lesson_id != lesson.pk:
        forget_lesson_state(enrollment.pk)
    if enrollment.last_lesson_id != lesson.pk:
        enrollment.last_lesson = lesson
        enrollment.save(update_fields=["last_lesson"])
    return progress


@transaction.atomic
def complete_lesson(*, enrollment: Enrollment, lesson: Lesson) -> LessonProgress:
    """Mark a lesson done (idempotent), then see whether the class is complete."""
    progress = open_lesson(enrollment=enrollment, lesson=lesson)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
        forget_lesson_state(enrollment.pk)
    evaluate_completion(enrollment=enrollment)
    return progress


def _attendance_percent(enrollment: Enrollment) -> Decimal | None:
    training_class = enrollment.training_class
    if training_class.completion_attendance_percent is None:
        return None
    sessions = [
        SessionFact(pk, held_on, part != "timed")
        for pk, held_on, part in training_class.sessions.values_list(
            "pk", "held_on", "part"
        )
    ]
    statuses = dict(enrollment.attendance_records.values_list("session_id", "status"))
    return attendance_percent(
        sessions,
        statuses,
        enrolled_on=timezone.localdate(enrollment.enrolled_at),
        points=Points(
            late=training_class.late_points, excused=training_class.excused_points
        ),
    )


def completion_facts(enrollment: Enrollment) -> CompletionFacts:
    counted = Enrollment.objects.with_progress().get(pk=enrollment.pk)
    post_tests = Quiz.objects.filter(
        course=counted.training_class.course_id, purpose=Quiz.Purpose.POST_TEST
    )
    training_class = counted.training_class
    return CompletionFacts(
        attendance_required_percent=(
            Decimal(training_class.completion_attendance_percent)
            if training_class.completion_attendance_percent is not None
            else None
        ),
        attendance_percent=_attendance_percent(counted),
        lessons_total=counted.lessons_total,
        lessons_done=counted.lessons_done,
        post_test_required=post_tests.exists(),
        post_test_passed=Attempt.objects.filter(
            quiz__in=post_tests, trainee=counted.trainee_id, passed=True
        ).exists(),
    )


@transaction.atomic
def evaluate_completion(*, enrollment: Enrollment) -> bool:
    """Apply the class's completion rule; on first success send enrollment_completed."""
    enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
    if enrollment.completed_at is not None:
        return True
    if enrollment.status != Enrollment.Status.ACTIVE:
        return False
    if unmet_requirements(completion_facts(enrollment)):
        return False
    enrollment.completed_at = timezone.now()
    enrollment.save(update_fields=["completed_at"])
    transaction.on_commit(
        partial(enrollment_completed.send, sender=Enrollment, enrollment=enrollment)
    )
    return True


@transaction.atomic
def sync_lesson(
    *,
    lesson: Lesson | None,
    course: Course,
    title: str,
    position: int,
    is_published: bool,
) -> Lesson:
    """Keep the domain's lesson in step with its page (called by the cms)."""
    if lesson is None:
        return Lesson.objects.create(
            course=course, title=title, position=position, is_published=is_published
        )
    Lesson.objects.filter(pk=lesson.pk).update(
        course=course, title=title, position=position, is_published=is_published
    )
    lesson.refresh_from_db()
    return lesson


@transaction.atomic
def lock_class(*, training_class: TrainingClass) -> TrainingClass:
    """Close the books on a class: after this only a superuser may edit it."""
    TrainingClass.objects.filter(pk=training_class.pk, locked_at__isnull=True).update(
        locked_at=timezone.now(), is_enrollment_open=False
    )
    training_class.refresh_from_db()
    return training_class


@transaction.atomic
def record_edit_after_lock(
    *, training_class: TrainingClass, by: User, reason: str, changes: dict
) -> ClassEditAfterLock:
    """Log a superuser's edit of a locked class; anyone else is refused."""
    if not by.is_superuser:
        raise ClassLocked
    if not reason.strip():
        raise ValueError("reason required")
    return ClassEditAfterLock.objects.create(
        training_class=training_class, edited_by=by, reason=reason, changes=changes
    )
