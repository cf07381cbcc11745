"""Large batches: enrollments handed to the workers in chunks, each certificate issued
and rendered by the same task."""

from celery import current_app
from django.db import transaction

from certificates.models import Certificate
from certificates.services import issuing, rendering
from courses.models import Enrollment

# Enrollments a batch task issues and renders. Small enough that a redelivered task
# (its worker killed) redoes little and two workers finish together; large enough
# that the broker and the worker's own bookkeeping cost little per certificate.
ISSUANCE_CHUNK = 20


def queue_issuance(enrollment_ids: list[int], *, chunk: int = ISSUANCE_CHUNK) -> int:
    """Hand a large batch to the workers, `chunk` enrollments a task; returns the
    number of tasks. Each enrollment is idempotent, so a task run twice only
    finishes what its first run had not."""
    task = current_app.signature("certificates.issue_certificates_for_enrollments")
    ids = list(enrollment_ids)
    starts = range(0, len(ids), chunk)
    for start in starts:
        task.clone(args=(ids[start : start + chunk],)).delay()
    return len(starts)


def issue_and_render(*, enrollment_id: int) -> Certificate | None:
    """One certificate of a batch, issued and rendered by the same task.

    Half the tasks of issuing and queueing the render apart. A worker that dies
    between the two commits leaves the certificate pending: the retried task (acks
    late) renders it, and so would the sweeper. None if the enrollment is gone or
    does not qualify.
    """
    try:
        certificate = issuing.issue_certificate_on_completion(
            enrollment=Enrollment(pk=enrollment_id), queue_render=False
        )
    except Enrollment.DoesNotExist:
        return None
    if certificate is None or certificate.status != Certificate.Status.PENDING:
        return certificate
    with transaction.atomic():
        # The certificate was just read; the lock need only check that nothing
        # changed since (another render, a revocation, a re-issue), not read it all
        # again: on a batch of thousands that read is a good part of the work.
        unchanged = (
            Certificate.objects.select_for_update()
            .filter(
                pk=certificate.pk,
                edition=certificate.edition,
                status=certificate.status,
                rendered_at__isnull=True,
            )
            .values_list("pk", flat=True)
        )
        if unchanged:
            return rendering.store_pdf(certificate)
    return rendering.render_certificate(certificate_id=certificate.pk)


def issue_and_render_chunk(*, enrollment_ids: list[int]) -> int:
    """A batch task's chunk, one enrollment after another; how many have one now."""
    return sum(
        issue_and_render(enrollment_id=enrollment_id) is not None
        for enrollment_id in enrollment_ids
    )
