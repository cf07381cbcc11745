"""Celery tasks of the courses app: adapters, one service call each."""

from celery import shared_task

from courses.roster.uploads import purge_stale_uploads
from courses.services.quizzes import close_overdue_attempts


@shared_task(name="courses.purge_stale_roster_uploads")
def purge_stale_roster_uploads() -> int:
    """Remove roster files whose preview was never confirmed (run every ~15 min)."""
    return purge_stale_uploads()


@shared_task(name="courses.close_overdue_quiz_attempts")
def close_overdue_quiz_attempts() -> int:
    """Submit attempts past their time limit, with what was saved (every minute)."""
    return close_overdue_attempts()
