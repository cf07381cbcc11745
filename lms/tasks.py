from celery import shared_task
from django.db import connection


@shared_task(name="lms.check_worker_health")
def check_worker_health() -> dict[str, str]:
    """Proves a worker can reach the database; used by deploy checks and tests."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"database": connection.vendor, "status": "ok"}
