"""The real parts: PostgreSQL for database work, a Celery worker on Redis."""

import datetime as dt

import pytest
from celery import Celery
from django.conf import settings
from django.db import IntegrityError, connection, transaction

from lms.tasks import check_worker_health
from tests.courses.factories import TrainingClassFactory
from tests.worker import running_worker


@pytest.mark.pg
@pytest.mark.django_db
def test_suite_database_work_runs_on_postgresql_and_its_constraints_hold():
    assert connection.vendor == "postgresql"
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingClassFactory(
            starts_on=dt.date(2026, 12, 9), ends_on=dt.date(2026, 12, 8)
        )


@pytest.mark.django_db
def test_health_task_called_directly_reports_the_database():
    assert check_worker_health() == {"database": connection.vendor, "status": "ok"}


@pytest.mark.redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_on_redis_runs_a_task_against_the_test_database():
    client = Celery(
        "lms-test", broker=settings.TEST_BROKER_URL, backend=settings.TEST_BROKER_URL
    )
    client.conf.update(
        task_serializer="json", accept_content=["json"], result_serializer="json"
    )
    with running_worker():
        result = client.send_task("lms.check_worker_health")
        assert result.get(timeout=60) == {
            "database": connection.vendor,
            "status": "ok",
        }
