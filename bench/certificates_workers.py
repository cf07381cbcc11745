"""Bulk certificate issuance through real Celery workers (PostgreSQL and Redis).

- certificates_1000_seconds: 1,000 qualifying enrollments handed to
  `queue_issuance`, issued and rendered by two worker processes (two
  `celery worker --pool=prefork --concurrency=1`), timed from the call to the
  moment all 1,000 PDFs are stored; target <= 20 s on a 2-core machine. The
  median of three runs on the same database and workers, certificates deleted
  between runs.

The measurement runs in a child process of its own (this module run as a script), so
that it gets its own settings whatever `make bench` set up before it: a throwaway
PostgreSQL database (created, migrated, dropped), a Redis database cleared before and
after use, and a temporary private media root the workers write the PDFs to.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNT = 1000
RUNS = 3
WORKERS = 2
DATABASE = os.environ.get("BENCH_CERT_DATABASE", "bench_certificates")
SERVER_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
BROKER_URL = os.environ.get("BENCH_BROKER_URL", "redis://127.0.0.1:6379/14")
TIMEOUT = 300


def run() -> dict:
    with tempfile.TemporaryDirectory(prefix="lms-bench-cert-") as workdir:
        figure = Path(workdir) / "figure.json"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": f"{SERVER_URL}/{DATABASE}",
            "CELERY_BROKER_URL": BROKER_URL,
            "CELERY_RESULT_BACKEND": "",
            "PRIVATE_MEDIA_ROOT": str(Path(workdir) / "private"),
            "LMS_VAR_DIR": workdir,
        }
        subprocess.run(
            [sys.executable, "-m", "bench.certificates_workers", str(figure)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        runs = json.loads(figure.read_text())["seconds"]
    return {
        "certificates_1000_seconds": {
            # The median run: one run on a shared machine swings by a fifth.
            "value": round(statistics.median(runs), 2),
            "runs": [round(seconds, 2) for seconds in runs],
            "baseline": None,
            "ratio": None,
            "unit": "s",
            "target": "<= 20",
        }
    }


def _server(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER_URL}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def _enrollments() -> list[int]:
    import datetime as dt

    from django.utils import timezone

    from certificates.models import CertificateTemplate
    from courses.models import Course, Enrollment, Organisation, Trainee, TrainingClass
    from courses.vietnamese import fold
    from tests.courses.roster_files import vietnamese_name

    organisation = Organisation.objects.create(
        name="Trung tâm Dân số khu vực Lâm Bình (benchmark)"
    )
    CertificateTemplate.objects.create(
        organisation=organisation,
        name="Mẫu chuẩn",
        parent_body="Sở Y tế tỉnh Tuyên Quang",
        issuing_body="Trung tâm Dân số khu vực Lâm Bình",
        place="Tuyên Quang",
        signer_title="GIÁM ĐỐC",
        signer_name="Hoàng Văn Thụ",
        register_suffix="GCN-TTDS",
    )
    course = Course.objects.create(
        code="BENCH-CERT",
        title="Nghiệp vụ cơ bản cho cộng tác viên dân số",
        topic=Course.Topic.STATISTICS,
        audience=Course.Audience.POPULATION_COLLABORATOR,
    )
    training_class = TrainingClass.objects.create(
        code="BENCH-CERT-01",
        course=course,
        organisation=organisation,
        title="Lớp nghiệp vụ dân số khoá 1",
        starts_on=dt.date(2026, 12, 8),
        ends_on=dt.date(2026, 12, 9),
        venue="Hội trường UBND xã Thượng Lâm",
        capacity=COUNT,
    )
    names = [vietnamese_name(n) for n in range(1, COUNT + 1)]
    trainees = Trainee.objects.bulk_create(
        Trainee(
            full_name=name,
            given_name=name.split()[-1],
            name_folded=fold(name),
            sex=Trainee.Sex.FEMALE,
            birth_year=1970 + n % 30,
            role=Trainee.Role.POPULATION_COLLABORATOR,
            village="Thôn Nà Liềm",
            unit_label="Xã Thượng Lâm, Tuyên Quang",
        )
        for n, name in enumerate(names)
    )
    completed = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.IMPORT,
            completed_at=completed,
        )
        for trainee in trainees
    )
    return [enrollment.pk for enrollment in enrollments]


def _start_workers() -> list[subprocess.Popen]:
    return [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "lms",
                "worker",
                "--pool=prefork",
                "--concurrency=1",
                f"--hostname=bench-cert-{n}@%h",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        for n in range(1, WORKERS + 1)
    ]


def _wait_until_ready(app, workers: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + 60
    while len(app.control.ping(timeout=0.5)) < len(workers):
        if time.monotonic() > deadline or any(w.poll() is not None for w in workers):
            raise RuntimeError("the benchmark's workers did not start")


def _stop(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        worker.terminate()
    for worker in workers:
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _stat(pid: int | str) -> tuple[str, list[str]]:
    """A process's command name and the fields of /proc/<pid>/stat after it."""
    text = Path(f"/proc/{pid}/stat").read_text()
    head, tail = text.rsplit(")", 1)
    return head.split("(", 1)[1], tail.split()


def _cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far (Linux /proc)."""
    ticks = 0
    for pid in pids:
        try:
            ticks += sum(int(field) for field in _stat(pid)[1][11:13])
        except OSError:
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def _postgres_seconds() -> float:
    """CPU time of the whole PostgreSQL server, ended backends included (these are
    counted in the postmaster's children's time); other databases' too."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, fields = _stat(stat.parent.name)
        except OSError:
            continue
        if name == "postgres":
            ticks += sum(int(field) for field in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def _worker_processes(workers: list[subprocess.Popen]) -> list[int]:
    """The workers' main and pool processes."""
    pids = [worker.pid for worker in workers]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(_stat(stat.parent.name)[1][1]) in pids:
                pids.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return pids


def _reset(broker) -> None:
    """Back to no certificate: the same enrollments are issued again next run."""
    import shutil

    from django.conf import settings

    from certificates.models import Certificate, RegisterCounter

    Certificate.objects.all().delete()
    RegisterCounter.objects.all().delete()
    pdfs = Path(settings.PRIVATE_MEDIA_ROOT) / "certificates"
    shutil.rmtree(pdfs, ignore_errors=True)
    broker.flushdb()


def _measure() -> list[float]:
    """Seconds from `queue_issuance` until all COUNT PDFs are stored, RUNS times."""
    import django

    django.setup()
    import redis
    from django.core.management import call_command
    from django.db import connections

    from certificates import services
    from certificates.models import Certificate
    from lms.celery import app

    call_command("migrate", verbosity=0)
    ids = _enrollments()
    broker = redis.Redis.from_url(BROKER_URL)
    broker.flushdb()
    workers = _start_workers()
    figures = []
    try:
        _wait_until_ready(app, workers)
        rendered = Certificate.objects.filter(rendered_at__isnull=False)
        mains = [worker.pid for worker in workers]
        pool = [pid for pid in _worker_processes(workers) if pid not in mains]
        for _run in range(RUNS):
            _reset(broker)
            mains_before, pool_before = _cpu_seconds(mains), _cpu_seconds(pool)
            postgres_before = _postgres_seconds()
            own_before = time.process_time()
            started = time.perf_counter()
            services.queue_issuance(ids)
            while rendered.count() < COUNT:
                if time.perf_counter() - started > TIMEOUT:
                    done = rendered.count()
                    raise RuntimeError(f"{done} of {COUNT} rendered in time")
                time.sleep(0.05)
            seconds = time.perf_counter() - started
            assert Certificate.objects.count() == COUNT
            figures.append(seconds)
            # The CPU the run took, which a busy machine does not inflate as it
            # does the wall-clock figure; on stderr, for profiling.
            print(
                f"certificates_workers: {seconds:.1f} s, CPU used meanwhile: worker "
                f"main processes {_cpu_seconds(mains) - mains_before:.1f} s, pool "
                f"processes {_cpu_seconds(pool) - pool_before:.1f} s, PostgreSQL "
                f"server {_postgres_seconds() - postgres_before:.1f} s, this process "
                f"{time.process_time() - own_before:.1f} s; load average "
                f"{os.getloadavg()[0]:.1f}",
                file=sys.stderr,
            )
    finally:
        _stop(workers)
        broker.flushdb()
        broker.close()
        connections.close_all()
    return figures


def main(figure: Path) -> None:
    _server(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    _server(f'CREATE DATABASE "{DATABASE}"')
    try:
        figure.write_text(json.dumps({"seconds": _measure()}))
    finally:
        _server(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    main(Path(sys.argv[1]))
