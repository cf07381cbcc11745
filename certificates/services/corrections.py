"""Corrections after issue: revoking, and re-issuing from corrected records.

Both keep the register line: the number and the verification code stay, so the
paper already handed out still verifies and shows what is true now. A re-issue
keeps the edition it replaces (`CertificateRevision`).
"""

import datetime as dt
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate, CertificateRevision
from certificates.services import issuing, rendering
from certificates.services.issuing import CertificateError
from courses.models import Enrollment, User

PRINTED_FIELDS = [
    "holder_name",
    "holder_birth",
    "holder_unit",
    "holder_role",
    "course_title",
    "class_title",
    "class_code",
    "class_starts_on",
    "class_ends_on",
    "class_place",
    "parent_body",
    "issuing_body",
    "title",
    "wording",
    "result_label",
    "result",
    "place",
    "signer_title",
    "signer_name",
    "issued_on",
    "expires_on",
    "register_number",
]


@transaction.atomic
def revoke_certificate(
    *, certificate: Certificate, by: User, reason: str
) -> Certificate:
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Phải ghi lý do thu hồi."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        return certificate
    certificate.status = Certificate.Status.REVOKED
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = by
    certificate.revoke_reason = reason
    certificate.save(
        update_fields=["status", "revoked_at", "revoked_by", "revoke_reason"]
    )
    return certificate


def printed_snapshot(certificate: Certificate) -> dict:
    values = {name: getattr(certificate, name) for name in PRINTED_FIELDS}
    return {
        name: value.isoformat() if isinstance(value, dt.date) else value
        for name, value in values.items()
    }


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, by: User, reason: str, result: str = ""
) -> Certificate:
    """Print the certificate again from corrected records, keeping the old edition.

    The register number and verification code stay: the paper in the holder's hands
    still verifies, and shows the corrected values.
    """
    reason = reason.strip()
    if not reason:
        raise CertificateError(_("Phải ghi lý do cấp lại."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status == Certificate.Status.REVOKED:
        raise CertificateError(_("Giấy chứng nhận đã thu hồi, không cấp lại được."))
    CertificateRevision.objects.create(
        certificate=certificate,
        edition=certificate.edition,
        printed=printed_snapshot(certificate),
        pdf=certificate.pdf.name,
        reason=reason,
        replaced_by=by,
    )
    enrollment = Enrollment.objects.select_related(
        "trainee__organisation",
        "training_class__course",
        "training_class__organisation",
    ).get(pk=certificate.enrollment_id)
    for name, value in issuing.frozen_values(
        enrollment, certificate.template, result or certificate.result
    ).items():
        setattr(certificate, name, value)
    certificate.edition += 1
    certificate.status = Certificate.Status.PENDING
    certificate.pdf = ""
    certificate.rendered_at = None
    certificate.queued_at = timezone.now()
    certificate.save()
    transaction.on_commit(partial(rendering.queue_render, certificate.pk))
    return certificate
