"""The Celery app. JSON only; a task is acknowledged after it ran, so a crash reruns it.

Every task must therefore be safe to run twice (STYLE.md, Celery).
"""

import os

from celery import Celery, Task
from celery.signals import task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")

app = Celery("lms")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,
    broker_connection_retry_on_startup=True,
)


@app.on_after_configure.connect
def apply_visibility_timeout(sender: Celery, **kwargs: object) -> None:
    from django.conf import settings

    timeout = settings.CELERY_VISIBILITY_TIMEOUT
    if timeout <= settings.CELERY_TASK_TIME_LIMIT:
        raise ValueError(
            "CELERY_TASK_TIME_LIMIT must stay below the visibility timeout"
        )
    app.conf.broker_transport_options = {"visibility_timeout": timeout}
    app.conf.result_backend_transport_options = {"visibility_timeout": timeout}


@task_prerun.connect
@task_postrun.connect
def recycle_database_connections(sender: Task, **kwargs: object) -> None:
    """Close a worker's database connection that is too old or broken, as Django
    does around a request (CELERY_DB_REUSE_MAX keeps Celery from closing it after
    every task). Eager tasks run inside their caller's transaction: left alone."""
    if getattr(sender.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()


app.conf.imports = ["lms.tasks"]
app.autodiscover_tasks()
