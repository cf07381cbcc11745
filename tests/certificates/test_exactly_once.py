"""1,000 certificates through real workers that are killed: each issued exactly once.

Batch tasks (20 enrollments each) go to Redis; a prefork worker (concurrency 2)
issues and renders them, each certificate in one go. One pool child is SIGKILLed
mid-run (the worker requeues its task at once), then the whole worker, main process
and children: its tasks stay unacknowledged in Redis until the visibility timeout. A
new worker goes on at once and loses a pool child too; a third, started once the
killed worker's tasks are visible again, takes those back. A kill between an issue's
commit and its render leaves a pending certificate that the redelivered task renders;
the sweeper runs as beat does in production, should rendering stall.
"""

import contextlib
import datetime as dt
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from celery import Celery
from celery._state import get_current_app
from django.conf import settings
from django.db import connection
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from courses.models import Enrollment, Trainee
from tests.worker import running_worker

COUNT = 1000
# Redis hands an unacknowledged task to another worker only after the visibility
# timeout; a worker looks for such tasks about 10 s after it starts, then every
# 100 s (kombu's unacked_restore_interval and _throttle). The hard time limit must
# stay below the timeout (lms/celery.py); the settings derive the soft limit as
# hard - 60, which disables it at 60 (below 60 it turns negative and every task
# fails at once with SoftTimeLimitExceeded).
VISIBILITY_TIMEOUT = 65
TIME_LIMIT = 60
RESTORE_INTERVAL = 10
DEADLINE = 600  # seconds for the second worker to finish the run (a busy machine)
# The sweeper runs when rendering stalls; a render queued 10 s before then is lost.
SWEEP_GRACE = dt.timedelta(seconds=10)
QUEUE = "celery"


# Takes a Redis database if it is empty, atomically.
CLAIM = """
if redis.call('DBSIZE') > 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return 1
"""


@contextlib.contextmanager
def _claimed_broker() -> Iterator[redis.Redis]:
    """An empty database of the test Redis, this run's alone, emptied after it.

    Another run of this test (the suite in another checkout, say) claims another
    one: a shared database would let each run's workers take and flush the other's
    tasks. The suite's own database (TEST_BROKER_URL) and database 0 are left alone.
    """
    parts = urlsplit(settings.TEST_BROKER_URL)
    taken = {0, int(parts.path.strip("/") or 0)}
    for number in range(15, 0, -1):
        if number in taken:
            continue
        url = urlunsplit(parts._replace(path=f"/{number}"))
        broker = redis.Redis.from_url(url)
        try:
            claimed = broker.eval(CLAIM, 1, "lms-test-exactly-once", "claimed", 3600)
        except redis.ResponseError:  # fewer databases configured
            broker.close()
            break
        if claimed:
            try:
                yield broker
            finally:
                broker.flushdb()
                broker.close()
            return
        broker.close()
    pytest.fail("no empty Redis database to run the workers on")


def _url(broker: redis.Redis) -> str:
    number = broker.connection_pool.connection_kwargs["db"]
    return urlunsplit(urlsplit(settings.TEST_BROKER_URL)._replace(path=f"/{number}"))


@pytest.fixture
def broker() -> Iterator[redis.Redis]:
    with _claimed_broker() as claimed:
        yield claimed


@contextlib.contextmanager
def _sending_to(broker_url: str) -> Iterator[Celery]:
    """Make the services' `current_app` publish to Redis (the tests use memory://)."""
    previous = get_current_app()
    client = Celery("lms-once", broker=broker_url, set_as_current=False)
    client.conf.update(task_serializer="json", accept_content=["json"])
    client.set_current()
    try:
        yield client
    finally:
        previous.set_current()
        client.close()


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command may hold spaces; the parent pid follows its closing ")".
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
    return sorted(found)


def _pool_children(pid: int) -> list[int]:
    deadline = time.monotonic() + 20
    while not (children := _children(pid)):
        assert time.monotonic() < deadline, "the worker started no pool process"
        time.sleep(0.2)
    return children


def _state(broker: redis.Redis) -> str:
    """Where the run stands, for a failure message."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT state, wait_event_type, wait_event, left(query, 60)"
            " FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        sessions = cursor.fetchall()
    return (
        f"{_issued()} issued, {_rendered()} PDFs, {broker.llen(QUEUE)} queued, "
        f"{broker.zcard('unacked_index')} unacknowledged; sessions: {sessions}"
    )


def _wait_for(what: str, predicate, broker: redis.Redis) -> None:
    deadline = time.monotonic() + 120
    while not predicate():
        assert time.monotonic() < deadline, f"no {what} in time: {_state(broker)}"
        time.sleep(0.2)


def _issued() -> int:
    return Certificate.objects.count()


def _rendered() -> int:
    return Certificate.objects.filter(rendered_at__isnull=False).count()


@pytest.fixture
def qualifying_ids(training_class, certificate_template) -> list[int]:
    trainees = Trainee.objects.bulk_create(
        Trainee(
            full_name=f"Lò Thị Mai {n:04d}",
            given_name="Mai",
            name_folded=f"lo thi mai {n:04d}",
            sex=Trainee.Sex.FEMALE,
            birth_year=1980 + n % 20,
            role=Trainee.Role.POPULATION_COLLABORATOR,
            unit_label="Xã Thượng Lâm, Tuyên Quang",
        )
        for n in range(COUNT)
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


def _kill_whole(worker) -> None:
    children = _pool_children(worker.pid)
    worker.kill()
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    worker.wait()


def _drained(broker: redis.Redis) -> bool:
    """No task waits in the queue nor runs unacknowledged (kombu's Redis keys)."""
    return broker.llen(QUEUE) == 0 and broker.zcard("unacked_index") == 0


def _finish(worker, env: dict, broker: redis.Redis, restore_at: float) -> None:
    """Wait until every PDF is stored and every task has run, redelivered ones too.

    Meanwhile a pool child is killed mid-run, a worker started at
    `restore_at` takes back the killed worker's tasks, and the sweeper runs when
    rendering stalls (renders whose task a kill lost), as beat would.
    """
    deadline = time.monotonic() + DEADLINE
    child_killed = restorer_started = False
    progress, progressed_at, drained_polls = (0, 0), time.monotonic(), 0
    with contextlib.ExitStack() as restorer:
        while True:
            issued, rendered = _issued(), _rendered()
            drained_polls = drained_polls + 1 if _drained(broker) else 0
            if rendered == COUNT and restorer_started and drained_polls >= 3:
                return
            assert time.monotonic() < deadline, f"not done in time: {_state(broker)}"
            if not restorer_started and time.monotonic() >= restore_at:
                restorer.enter_context(running_worker(extra_env=env))
                restorer_started = True
            if issued >= 700 and not child_killed:
                os.kill(_pool_children(worker.pid)[0], signal.SIGKILL)
                child_killed = True
            if (issued, rendered) != progress:
                progress, progressed_at = (issued, rendered), time.monotonic()
            elif issued == COUNT > rendered and time.monotonic() - progressed_at > 5:
                with _sending_to(env["CELERY_BROKER_URL"]):
                    services.requeue_pending_certificates(
                        now=timezone.now() + services.PENDING_GRACE - SWEEP_GRACE
                    )
                progressed_at = time.monotonic()
            time.sleep(0.5)


@pytest.mark.pg
@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_killed_workers_issue_and_render_each_certificate_exactly_once(
    broker, qualifying_ids, tmp_path
):
    broker_url = _url(broker)
    env = {
        "CELERY_BROKER_URL": broker_url,
        "CELERY_RESULT_BACKEND": broker_url,
        "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
        "CELERY_TASK_TIME_LIMIT": str(TIME_LIMIT),
        "PRIVATE_MEDIA_ROOT": str(tmp_path),
    }
    with _sending_to(broker_url):
        sent = services.queue_issuance(qualifying_ids)
    assert broker.llen(QUEUE) == sent == COUNT // services.ISSUANCE_CHUNK

    with running_worker(concurrency=2, extra_env=env) as worker:
        _wait_for("150 issued", lambda: _issued() >= 150, broker)
        os.kill(_pool_children(worker.pid)[0], signal.SIGKILL)
        _wait_for("500 issued", lambda: _issued() >= 500, broker)
        _kill_whole(worker)
        killed_at = time.monotonic()
    assert _issued() < COUNT, "the whole worker was killed after the run"

    # The next worker goes on at once. Its look for unacknowledged tasks comes too
    # early for the killed worker's, so a third starts when they are visible again.
    restore_at = killed_at + VISIBILITY_TIMEOUT - RESTORE_INTERVAL + 3
    with running_worker(concurrency=2, extra_env=env) as worker:
        _finish(worker, env, broker, restore_at)

    certificates = list(Certificate.objects.all())
    assert len(certificates) == COUNT
    assert {c.enrollment_id for c in certificates} == set(qualifying_ids)
    assert sorted(c.register_seq for c in certificates) == list(range(1, COUNT + 1))
    assert len({c.register_number for c in certificates}) == COUNT
    assert len({c.verification_code for c in certificates}) == COUNT
    assert {c.status for c in certificates} == {Certificate.Status.ISSUED}
    names = {c.pdf.name for c in certificates}
    assert "" not in names
    assert len(names) == COUNT
    on_disk = {
        path.relative_to(tmp_path).as_posix()
        for path in tmp_path.rglob("*")
        if path.is_file()
    }
    assert on_disk == names  # no orphan left by a render killed halfway
    for name in names:
        content = (tmp_path / name).read_bytes()
        assert content.startswith(b"%PDF-")
        assert content.rstrip().endswith(b"%%EOF")
