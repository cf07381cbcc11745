"""Large batches: chunks of enrollments, each chunk issued and rendered by one task."""

import pytest
from celery.canvas import Signature
from django.utils import timezone

from certificates import services, tasks
from certificates.models import Certificate
from certificates.services import issuing
from courses.models import Enrollment
from tests.certificates.conftest import make_enrollment


@pytest.fixture
def sent(monkeypatch) -> list[tuple[str, tuple]]:
    """The tasks sent to the broker, as (name, args)."""
    sent: list[tuple[str, tuple]] = []

    def record(signature, args=None, kwargs=None, **options):
        sent.append((signature.task, tuple(signature.args)))

    monkeypatch.setattr(Signature, "apply_async", record)
    return sent


def _completed(training_class, count: int) -> list[int]:
    ids = [make_enrollment(training_class).pk for _ in range(count)]
    Enrollment.objects.filter(pk__in=ids).update(completed_at=timezone.now())
    return ids


def test_a_batch_is_sent_in_chunks_that_cover_every_enrollment_once(sent):
    ids = list(range(101, 146))

    assert services.queue_issuance(ids, chunk=20) == 3

    assert [name for name, _ in sent] == [
        "certificates.issue_certificates_for_enrollments"
    ] * 3
    assert [args[0] for _, args in sent] == [ids[:20], ids[20:40], ids[40:]]


def test_a_chunk_issues_and_renders_each_qualifying_enrollment_once(
    training_class, certificate_template, sent
):
    qualifying = _completed(training_class, 3)
    not_completed = make_enrollment(training_class).pk
    gone = max(qualifying) + 1000
    chunk = [*qualifying, not_completed, gone]

    assert tasks.issue_certificates_for_enrollments(chunk) == 3

    certificates = list(Certificate.objects.order_by("register_seq"))
    assert [c.enrollment_id for c in certificates] == qualifying
    assert {c.status for c in certificates} == {Certificate.Status.ISSUED}
    assert all(c.pdf.read(5) == b"%PDF-" for c in certificates)
    # Rendered in the same task: no render task queued behind it.
    assert sent == []

    # Run again, as after a redelivery: nothing new, nothing drawn twice.
    rendered_at = {c.pk: c.rendered_at for c in certificates}
    assert tasks.issue_certificates_for_enrollments(chunk) == 3
    assert Certificate.objects.count() == 3
    assert {c.pk: c.rendered_at for c in Certificate.objects.all()} == rendered_at


def test_a_certificate_left_pending_by_a_killed_run_is_rendered_by_the_next(
    training_class, certificate_template, sent
):
    (enrollment_id,) = _completed(training_class, 1)
    pending = services.issue_certificate(
        enrollment=Enrollment.objects.get(pk=enrollment_id), queue_render=False
    )
    assert pending.status == Certificate.Status.PENDING

    certificate = services.issue_and_render(enrollment_id=enrollment_id)

    assert certificate.pk == pending.pk
    assert certificate.status == Certificate.Status.ISSUED
    assert certificate.pdf.name
    assert sent == []


def test_a_revocation_between_issue_and_render_is_not_overwritten(
    training_class, certificate_template, organizer, monkeypatch
):
    (enrollment_id,) = _completed(training_class, 1)
    issue = issuing.issue_certificate_on_completion

    def issue_then_revoke(**kwargs):
        certificate = issue(**kwargs)
        services.revoke_certificate(
            certificate=certificate, by=organizer, reason="Cấp nhầm người"
        )
        return certificate  # as the task holds it: still pending

    monkeypatch.setattr(issuing, "issue_certificate_on_completion", issue_then_revoke)

    services.issue_and_render(enrollment_id=enrollment_id)

    certificate = Certificate.objects.get(enrollment_id=enrollment_id)
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Cấp nhầm người"
    assert certificate.rendered_at is not None
