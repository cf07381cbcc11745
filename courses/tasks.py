"""Celery tasks of the courses app: adapters, one service call each."""

from celery import shared_task

from courses.export_jobs import purge_expired_export_files, run_export_job
from courses.roster.uploads import purge_stale_uploads
from courses.services.accounts import send_password_reset_mail
from courses.services.quizzes import close_overdue_attempts


@shared_task(name="courses.purge_stale_roster_uploads")
def purge_stale_roster_uploads() -> int:
    """Remove roster files whose preview was never confirmed (run every ~15 min)."""
    return purge_stale_uploads()


@shared_task(name="courses.close_overdue_quiz_attempts")
def close_overdue_quiz_attempts() -> int:
    """Submit attempts past their time limit, with what was saved (every minute)."""
    return close_overdue_attempts()


@shared_task(name="courses.run_attendance_export")
def run_attendance_export(job_id: int) -> str:
    """Write a queued attendance export to its file; a job already taken is left."""
    return run_export_job(job_id=job_id).status


@shared_task(name="courses.purge_expired_export_files")
def purge_expired_exports() -> int:
    """Delete large exports' files past their retention period (every hour)."""
    return purge_expired_export_files()


@shared_task(
    name="courses.mail_password_reset_links",
    autoretry_for=(OSError,),  # smtplib's errors and refused connections
    retry_backoff=30,
    max_retries=4,
)
def mail_password_reset_links(
    user_ids: list[int], *, domain: str, use_https: bool, language: str
) -> None:
    """Ids in, never the address: the broker and the worker's log hold no email."""
    send_password_reset_mail(
        user_ids=user_ids, domain=domain, use_https=use_https, language=language
    )
