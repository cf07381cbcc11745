"""Workers keep their database connection between tasks, and drop an old one."""

import time
from types import SimpleNamespace

import pytest
from celery.fixups.django import DjangoWorkerFixup
from django.db import connection

from lms.celery import app, recycle_database_connections


def _task(*, eager: bool) -> SimpleNamespace:
    return SimpleNamespace(request=SimpleNamespace(is_eager=eager))


# Outside a test transaction: closing a connection inside one would break the test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_worker_keeps_a_fresh_connection_and_drops_one_past_its_age():
    connection.ensure_connection()
    kept = connection.connection
    connection.close_at = time.monotonic() + 60

    # Celery's own step after a task: with CELERY_DB_REUSE_MAX it leaves it open.
    DjangoWorkerFixup(app).close_database()
    recycle_database_connections(sender=_task(eager=False))
    assert connection.connection is kept

    connection.close_at = time.monotonic() - 1
    recycle_database_connections(sender=_task(eager=True))
    assert connection.connection is kept, "an eager task runs in its caller's"

    recycle_database_connections(sender=_task(eager=False))
    assert connection.connection is None
