"""Celery tasks of the certificates app: adapters, ids in, one service call each."""

from celery import shared_task

from certificates import services
from courses.models import Enrollment


@shared_task(name="certificates.render_certificate_pdf")
def render_certificate_pdf(certificate_id: int) -> str | None:
    """Render a certificate's PDF; a second run finds it done."""
    certificate = services.render_certificate(certificate_id=certificate_id)
    return certificate.status if certificate else None


@shared_task(name="certificates.issue_certificate_for_enrollment")
def issue_certificate_for_enrollment(enrollment_id: int) -> int | None:
    """Issue one certificate of a large batch; a second run returns the same one."""
    enrollment = Enrollment.objects.filter(pk=enrollment_id).first()
    if enrollment is None:
        return None
    certificate = services.issue_certificate_on_completion(enrollment=enrollment)
    return certificate.pk if certificate else None


@shared_task(name="certificates.requeue_pending_certificates")
def requeue_pending_certificates() -> int:
    """Queue again the PDFs a broker outage or a killed worker left pending."""
    return services.requeue_pending_certificates()
