"""Large attendance exports as Celery jobs: progress, a private file, once only."""

import datetime as dt
import io
import time

import openpyxl
import pytest
from celery import Celery
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses import export_jobs
from courses.export_jobs import run_export_job, start_export_job
from courses.exports.queries import ExportRefused
from courses.models import ClassSession, Enrollment, ExportJob, ExportLog
from courses.services import enroll
from courses.tasks import purge_expired_exports, run_attendance_export
from tests.courses.factories import (
    ClassSessionFactory,
    TraineeFactory,
    TrainingClassFactory,
)
from tests.worker import running_worker


@pytest.fixture
def small_class(organisation):
    training_class = TrainingClassFactory(organisation=organisation, code="DS-JOB")
    ClassSessionFactory(training_class=training_class)
    for name in ("Nông Thị Yến", "Hà Văn An"):
        enroll(
            trainee=TraineeFactory(full_name=name),
            training_class=training_class,
            method=Enrollment.Method.ORGANIZER,
        )
    return training_class


def _job(user, training_class, file_format="csv") -> ExportJob:
    return start_export_job(
        user=user,
        filters={"training_class": training_class.pk},
        file_format=file_format,
    )


def test_task_called_directly_completes_the_job_and_its_file_holds_the_rows(
    organizer, small_class
):
    job = _job(organizer, small_class)
    assert job.status == ExportJob.Status.QUEUED

    assert run_attendance_export(job.pk) == ExportJob.Status.DONE

    job.refresh_from_db()
    assert (job.rows_total, job.rows_done) == (2, 2)
    assert job.finished_at is not None
    text = job.file.open("rb").read().decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert len(lines) == 3  # header and two rows
    assert "Hà Văn An" in lines[1]  # given names in Vietnamese order: An before Yến
    assert "Nông Thị Yến" in lines[2]
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.file_format, log.row_count) == (
        organizer,
        "attendance",
        "csv",
        2,
    )
    assert log.filters == {"training_class": small_class.pk}


def test_xlsx_job_writes_a_workbook_with_the_rows(organizer, small_class):
    job = _job(organizer, small_class, "xlsx")
    run_attendance_export(job.pk)
    job.refresh_from_db()
    sheet = openpyxl.load_workbook(io.BytesIO(job.file.open("rb").read())).active
    names = [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]
    assert "Hà Văn An" in names
    assert sheet.max_row == 3


def test_running_the_task_twice_does_nothing_more(organizer, small_class):
    job = _job(organizer, small_class)
    run_attendance_export(job.pk)
    job.refresh_from_db()
    first_file, first_finished = job.file.name, job.finished_at

    assert run_attendance_export(job.pk) == ExportJob.Status.DONE

    job.refresh_from_db()
    assert (job.file.name, job.finished_at) == (first_file, first_finished)
    assert ExportLog.objects.count() == 1


def test_a_running_job_is_not_started_again(organizer, small_class):
    job = _job(organizer, small_class)
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING)
    assert run_export_job(job_id=job.pk).status == ExportJob.Status.RUNNING
    job.refresh_from_db()
    assert not job.file
    assert ExportLog.objects.count() == 0


def test_a_failing_query_marks_the_job_failed_with_a_readable_message(
    organizer, small_class, monkeypatch
):
    def refuse(**kwargs):
        raise ExportRefused("Bộ lọc không hợp lệ.")

    monkeypatch.setattr(export_jobs, "attendance_rows", refuse)
    job = _job(organizer, small_class)

    assert run_attendance_export(job.pk) == ExportJob.Status.FAILED

    job.refresh_from_db()
    assert job.error == "Không xuất được dữ liệu: Bộ lọc không hợp lệ."
    assert job.finished_at is not None
    assert not job.file
    assert ExportLog.objects.count() == 0


def test_progress_is_written_every_1000_rows_with_an_update_of_that_column(
    organizer, organisation
):
    training_class = TrainingClassFactory(
        organisation=organisation,
        starts_on=dt.date(2026, 12, 1),
        ends_on=dt.date(2026, 12, 21),
    )
    ClassSession.objects.bulk_create(
        ClassSession(training_class=training_class, held_on=dt.date(2026, 12, day))
        for day in range(1, 22)
    )
    Enrollment.objects.bulk_create(
        Enrollment(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.IMPORT,
        )
        for trainee in TraineeFactory.create_batch(50)
    )
    job = _job(organizer, training_class)

    with CaptureQueriesContext(connection) as captured:
        run_attendance_export(job.pk)

    progress = [
        q["sql"]
        for q in captured
        if q["sql"].startswith('UPDATE "courses_exportjob" SET "rows_done"')
    ]
    # One column set, not a full save: at 1,000 rows and at the last one.
    assert [sql.split(" WHERE ")[0] for sql in progress] == [
        'UPDATE "courses_exportjob" SET "rows_done" = 1000',
        'UPDATE "courses_exportjob" SET "rows_done" = 1050',
    ]
    job.refresh_from_db()
    assert (job.status, job.rows_total, job.rows_done) == ("done", 1050, 1050)


def test_asking_for_an_export_queues_a_job_enqueued_on_commit(
    client, organizer, small_class, django_capture_on_commit_callbacks
):
    client.force_login(organizer)
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            reverse("courses_export_jobs:new"),
            {"training_class": small_class.pk, "file_format": "xlsx"},
        )
    job = ExportJob.objects.get()
    assert response.url == reverse("courses_export_jobs:detail", args=[job.pk])
    assert (job.user, job.file_format, job.status) == (organizer, "xlsx", "queued")
    assert job.filters == {"training_class": small_class.pk}
    assert len(callbacks) == 1


def test_another_organisation_s_class_cannot_be_chosen(
    client, other_organizer, small_class
):
    client.force_login(other_organizer)
    response = client.post(
        reverse("courses_export_jobs:new"),
        {"training_class": small_class.pk, "file_format": "csv"},
    )
    assert response.status_code == 200
    assert "training_class" in response.context["form"].errors
    assert not ExportJob.objects.exists()


def test_job_page_shows_progress_and_refreshes_until_done_then_a_download_link(
    client, organizer, small_class
):
    job = _job(organizer, small_class)
    client.force_login(organizer)
    url = reverse("courses_export_jobs:detail", args=[job.pk])
    download = reverse("courses_export_jobs:download", args=[job.pk])

    pending = client.get(url).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in pending
    assert "<progress" in pending
    assert download not in pending

    run_attendance_export(job.pk)
    done = client.get(url).content.decode()
    assert 'http-equiv="refresh"' not in done
    assert download in done
    assert 'value="2"' in done


def test_only_the_job_s_user_or_a_superuser_can_download_it(
    client, organizer, other_organizer, small_class, django_user_model
):
    job = _job(organizer, small_class)
    run_attendance_export(job.pk)
    download = reverse("courses_export_jobs:download", args=[job.pk])

    client.force_login(other_organizer)
    assert client.get(download).status_code == 404
    detail = reverse("courses_export_jobs:detail", args=[job.pk])
    assert client.get(detail).status_code == 404

    client.force_login(organizer)
    response = client.get(download)
    assert response.status_code == 200
    assert "Hà Văn An" in b"".join(response.streaming_content).decode("utf-8-sig")

    client.force_login(
        django_user_model.objects.create_superuser("root", password="pw")
    )
    assert client.get(download).status_code == 200


def test_a_job_not_done_has_nothing_to_download(client, organizer, small_class):
    job = _job(organizer, small_class)
    client.force_login(organizer)
    download = reverse("courses_export_jobs:download", args=[job.pk])
    assert client.get(download).status_code == 404


def _finished_days_ago(job: ExportJob, days: float) -> None:
    finished = timezone.now() - dt.timedelta(days=days)
    ExportJob.objects.filter(pk=job.pk).update(finished_at=finished)


def test_export_files_are_deleted_after_the_retention_period(
    organizer, small_class, settings
):
    settings.EXPORT_FILE_RETENTION_DAYS = 7
    old, recent = _job(organizer, small_class), _job(organizer, small_class)
    for job in (old, recent):
        run_attendance_export(job.pk)
    _finished_days_ago(old, 7.1)
    _finished_days_ago(recent, 6.9)
    old.refresh_from_db()
    old_file = old.file.name
    storage = old.file.storage
    assert storage.exists(old_file)

    assert purge_expired_exports() == 1

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.status, old.file.name) == (ExportJob.Status.EXPIRED, "")
    assert not storage.exists(old_file)
    assert recent.status == ExportJob.Status.DONE
    assert storage.exists(recent.file.name)
    # The record of who exported what stays.
    assert ExportLog.objects.count() == 2
    # A second sweep finds nothing more to do.
    assert export_jobs.purge_expired_export_files() == 0


def test_the_job_page_says_until_when_the_file_is_kept_and_then_that_it_went(
    client, organizer, small_class, settings
):
    settings.EXPORT_FILE_RETENTION_DAYS = 7
    job = _job(organizer, small_class)
    run_attendance_export(job.pk)
    job.refresh_from_db()
    client.force_login(organizer)
    url = reverse("courses_export_jobs:detail", args=[job.pk])
    download = reverse("courses_export_jobs:download", args=[job.pk])

    kept_until = timezone.localtime(job.finished_at + dt.timedelta(days=7))
    assert f"Tệp được giữ đến {kept_until:%d/%m/%Y %H:%M}" in (
        client.get(url).content.decode()
    )

    _finished_days_ago(job, 8)
    call_command("purge_export_files", stdout=io.StringIO())

    page = client.get(url).content.decode()
    assert "Tệp đã được xoá 7 ngày sau khi xuất" in page
    assert download not in page
    assert client.get(download).status_code == 404


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_export_and_the_page_can_follow_it(
    organizer, small_class, tmp_path
):
    job = _job(organizer, small_class)
    client = Celery(
        "lms-test", broker=settings.TEST_BROKER_URL, backend=settings.TEST_BROKER_URL
    )
    client.conf.update(
        task_serializer="json", accept_content=["json"], result_serializer="json"
    )
    with running_worker(extra_env={"PRIVATE_MEDIA_ROOT": str(tmp_path)}):
        client.send_task("courses.run_attendance_export", args=[job.pk])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.status in (ExportJob.Status.DONE, ExportJob.Status.FAILED):
                break
            time.sleep(0.2)
    assert (job.status, job.error) == (ExportJob.Status.DONE, "")
    assert job.rows_done == 2
    written = (tmp_path / job.file.name).read_bytes().decode("utf-8-sig")
    assert "Nông Thị Yến" in written
