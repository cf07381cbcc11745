"""Certificate PDFs: drawn once a certificate is issued, by a task, and swept up.

A render runs under the certificate's row lock and is safe to run twice; the sweeper
queues again the renders a broker outage or a killed worker lost.
"""

import datetime as dt

from celery import current_app
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from certificates import pdf
from certificates.models import Certificate
from certificates.printed import Printed
from certificates.qr import QrBitmap

RENDER_TASK = "certificates.render_certificate_pdf"
# A pending certificate whose render task has not finished after this long is
# assumed lost (broker down, worker killed) and queued again.
PENDING_GRACE = dt.timedelta(minutes=2)


def queue_render(certificate_id: int) -> None:
    # By name, so that services need not import the tasks module that imports them;
    # the signature still honours eager mode in the embedded default.
    current_app.signature(RENDER_TASK, args=(certificate_id,)).delay()


def verify_url_for(code: str) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override("vi"):
        path = reverse("certificates:verify", args=[code])
    return f"{base}{path}"


def verify_url(certificate: Certificate) -> str:
    return verify_url_for(certificate.verification_code)


def printed_for(certificate: Certificate) -> Printed:
    template = certificate.template
    signature = None
    if template.signature_image:
        with template.signature_image.open("rb") as image:
            signature = image.read()
    return Printed(
        parent_body=certificate.parent_body,
        issuing_body=certificate.issuing_body,
        title=certificate.title,
        holder_name=certificate.holder_name,
        holder_birth=certificate.holder_birth,
        holder_unit=certificate.holder_unit,
        holder_role=certificate.holder_role,
        wording=certificate.wording,
        result_label=certificate.result_label,
        result=certificate.result,
        place=certificate.place,
        issued_on=certificate.issued_on,
        signer_title=certificate.signer_title,
        signer_name=certificate.signer_name,
        register_number=certificate.register_number,
        verify_url=verify_url(certificate),
        expires_on=certificate.expires_on,
        signature_image=signature,
        qr=(
            QrBitmap.from_text(certificate.verification_qr)
            if certificate.verification_qr
            else None
        ),
    )


def requeue_pending_certificates(*, now: dt.datetime | None = None) -> int:
    """Queue again the renders of certificates pending longer than the grace period."""
    now = now or timezone.now()
    stuck = list(
        Certificate.objects.pending()
        .filter(queued_at__lt=now - PENDING_GRACE)
        .values_list("pk", flat=True)
    )
    Certificate.objects.filter(pk__in=stuck).update(queued_at=now)
    for certificate_id in stuck:
        queue_render(certificate_id)
    return len(stuck)


def pdf_name(certificate: Certificate) -> str:
    year, pk, edition = certificate.register_year, certificate.pk, certificate.edition
    return f"certificates/{year}/{pk}-{edition}.pdf"


def render_certificate(*, certificate_id: int) -> Certificate | None:
    """Render and store the certificate's PDF once; pending becomes issued.

    Safe to run twice or at once on two workers: the row lock serialises them and
    the second finds the file already there.
    """
    with transaction.atomic():
        try:
            certificate = (
                Certificate.objects.select_for_update(of=("self",))
                .select_related("template")
                .get(pk=certificate_id)
            )
        except Certificate.DoesNotExist:
            return None
        if certificate.pdf and certificate.rendered_at is not None:
            return certificate
        return store_pdf(certificate)


def with_pdf(certificate: Certificate) -> Certificate | None:
    """The certificate with its PDF stored: rendered now if no worker has got to it
    yet, so that a download never waits for the queue. None if it is gone."""
    if certificate.pdf and certificate.rendered_at is not None:
        return certificate
    return render_certificate(certificate_id=certificate.pk)


def store_pdf(certificate: Certificate) -> Certificate:
    """Draw and store the PDF of a certificate whose row the caller has locked.

    A file left under the same name by a render killed halfway is replaced, so a
    retry leaves no orphan behind.
    """
    name = pdf_name(certificate)
    storage = certificate.pdf.storage
    if storage.exists(name):
        storage.delete(name)
    stored = storage.save(name, ContentFile(pdf.render(printed_for(certificate))))
    certificate.pdf.name = stored
    certificate.rendered_at = timezone.now()
    if certificate.status == Certificate.Status.PENDING:
        certificate.status = Certificate.Status.ISSUED
    certificate.save(update_fields=["pdf", "rendered_at", "status"])
    return certificate
