"""Celery tasks of the certificates app: adapters, ids in, one service call each."""

from celery import shared_task

from certificates import services


@shared_task(name="certificates.render_certificate_pdf")
def render_certificate_pdf(certificate_id: int) -> str | None:
    """Render a certificate's PDF; a second run finds it done."""
    certificate = services.render_certificate(certificate_id=certificate_id)
    return certificate.status if certificate else None


@shared_task(name="certificates.issue_certificates_for_enrollments")
def issue_certificates_for_enrollments(enrollment_ids: list[int]) -> int:
    """Issue and render the certificates of one chunk of a large batch; a second run
    finds those already done. Returns how many enrollments have one."""
    return services.issue_and_render_chunk(enrollment_ids=enrollment_ids)


@shared_task(name="certificates.requeue_pending_certificates")
def requeue_pending_certificates() -> int:
    """Queue again the PDFs a broker outage or a killed worker left pending."""
    return services.requeue_pending_certificates()
