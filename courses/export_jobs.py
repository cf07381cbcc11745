"""Large attendance exports run by a Celery worker, with progress and a private file.

Rows stream from the query into a temporary file and from there to private storage,
so memory stays flat however many rows. Progress is a single-column UPDATE every
1,000 rows (the writers' pace), visible at once to the admin page polling it. The
file is deleted `EXPORT_FILE_RETENTION_DAYS` after it was written.
"""

import datetime as dt
import logging
import tempfile
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.exports.queries import attendance_rows
from courses.exports.services import log_export
from courses.exports.writers import write_csv, write_xlsx
from courses.models import ExportJob, User

logger = logging.getLogger(__name__)

KIND = "attendance"
WRITERS = {"csv": write_csv, "xlsx": write_xlsx}


@transaction.atomic
def start_export_job(
    *, user: User, filters: dict[str, Any], file_format: str
) -> ExportJob:
    """Queue an attendance export; the caller enqueues `run_attendance_export`."""
    if file_format not in WRITERS:
        raise ValueError(f"Unknown export format: {file_format!r}")
    return ExportJob.objects.create(
        user=user, kind=KIND, file_format=file_format, filters=filters
    )


def _counted(rows: Iterable[tuple], counter: list[int]) -> Iterator[tuple]:
    for row in rows:
        counter[0] += 1
        yield row


def _reason(error: Exception) -> str:
    # ExportRefused and AttendanceRefused carry a message written for the reader.
    return getattr(error, "message", "") or str(error) or type(error).__name__


def _file_name(job: ExportJob) -> str:
    return f"diem-danh-{job.pk}-{timezone.localdate():%Y%m%d}.{job.file_format}"


def run_export_job(*, job_id: int) -> ExportJob:
    """Run a queued job once; a job already running, done or failed is left alone."""
    # The conditional UPDATE is the claim: of two workers given the same id, one wins.
    claimed = ExportJob.objects.filter(
        pk=job_id, status=ExportJob.Status.QUEUED
    ).update(status=ExportJob.Status.RUNNING)
    job = ExportJob.objects.select_related("user").get(pk=job_id)
    if not claimed:
        return job
    jobs = ExportJob.objects.filter(pk=job.pk)
    try:
        header, rows, total = attendance_rows(user=job.user, filters=job.filters)
        jobs.update(rows_total=total)
        written = [0]
        with tempfile.TemporaryFile() as spool:
            WRITERS[job.file_format](
                header,
                _counted(rows, written),
                spool,
                progress=lambda done: jobs.update(rows_done=done),
            )
            spool.seek(0)
            job.file.save(_file_name(job), File(spool), save=False)
    except Exception as error:
        logger.exception("Export job %s failed", job.pk)
        jobs.update(
            status=ExportJob.Status.FAILED,
            error=_("Không xuất được dữ liệu: %(error)s") % {"error": _reason(error)},
            finished_at=timezone.now(),
        )
    else:
        with transaction.atomic():
            jobs.update(
                status=ExportJob.Status.DONE,
                file=job.file.name,
                rows_done=written[0],
                rows_total=max(total, written[0]),
                finished_at=timezone.now(),
            )
            log_export(
                user=job.user,
                kind=job.kind,
                file_format=job.file_format,
                filters=job.filters,
                row_count=written[0],
            )
    job.refresh_from_db()
    return job


def can_download(job: ExportJob, user: User) -> bool:
    return user.is_superuser or job.user_id == user.pk


def file_kept_until(job: ExportJob) -> dt.datetime | None:
    """When a finished job's file is deleted; None while there is no file."""
    if job.status != ExportJob.Status.DONE or job.finished_at is None:
        return None
    return job.finished_at + dt.timedelta(days=settings.EXPORT_FILE_RETENTION_DAYS)


def purge_expired_export_files(*, now: dt.datetime | None = None) -> int:
    """Delete the files of exports older than the retention period; how many went.

    The job stays, marked expired, so its owner sees what happened to the file.
    """
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.EXPORT_FILE_RETENTION_DAYS)
    purged = 0
    expired = ExportJob.objects.filter(
        status=ExportJob.Status.DONE, finished_at__lt=cutoff
    )
    for job in expired.only("pk", "file"):
        # The conditional UPDATE is the claim: two sweepers at once delete once, and
        # the download view, which serves only done jobs, stops offering the file.
        claimed = ExportJob.objects.filter(
            pk=job.pk, status=ExportJob.Status.DONE
        ).update(status=ExportJob.Status.EXPIRED, file="")
        if claimed and job.file:
            job.file.storage.delete(job.file.name)
        purged += claimed
    return purged
