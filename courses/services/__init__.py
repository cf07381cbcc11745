"""Use cases that write, one module per sub-domain; import them from here."""

from courses.services.enrollment import (
    ClassLocked,
    EnrollmentRefused,
    complete_lesson,
    completion_facts,
    enroll,
    evaluate_completion,
    lock_class,
    open_lesson,
    record_edit_after_lock,
    self_enroll,
    sync_lesson,
    trainee_for_user,
    withdraw,
)
from courses.services.quizzes import (
    AttemptRefused,
    StaleAttempt,
    SubmittedAnswer,
    close_overdue_attempts,
    save_answers,
    start_attempt,
    submit_attempt,
)

__all__ = [
    "AttemptRefused",
    "ClassLocked",
    "EnrollmentRefused",
    "StaleAttempt",
    "SubmittedAnswer",
    "close_overdue_attempts",
    "complete_lesson",
    "completion_facts",
    "enroll",
    "evaluate_completion",
    "lock_class",
    "open_lesson",
    "record_edit_after_lock",
    "save_answers",
    "self_enroll",
    "start_attempt",
    "submit_attempt",
    "sync_lesson",
    "trainee_for_user",
    "withdraw",
]
