"""certificates' entries in courses' personal-data registry, and the consent rule.

Loaded by CertificatesConfig.ready(): courses cannot import certificates, so
certificates registers its own models.

Erasing a certificate revokes it and blanks what it printed about the holder. The
row itself stays: register numbers (sổ cấp) are handed out without gaps, and an
inspector reading the register must find number 015/2026 used and revoked, not
missing. The register keeps what identifies the document (number, year, date,
issuing body, class and course) and none of what identified the person (name, birth,
unit, role, the wording with the name in it, the PDF). A paper certificate still in
circulation then verifies as revoked, which is the point of erasing it.
"""

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from certificates.models import (
    Certificate,
    CertificateRevision,
    CertificateTemplate,
    RegisterCounter,
)
from courses.privacy.registry import (
    Erasure,
    ErasureContext,
    declare_not_personal,
    register,
)


def _delete_files_on_commit(names: list[tuple[models.FileField, str]]) -> None:
    # After commit only: a rolled-back erasure must still find its files.
    def delete() -> None:
        for file_field, name in names:
            file_field.storage.delete(name)

    transaction.on_commit(delete)


def _anonymise_certificates(rows: models.QuerySet, context: ErasureContext) -> None:
    pdf_field = Certificate._meta.get_field("pdf")
    _delete_files_on_commit([(pdf_field, c.pdf.name) for c in rows if c.pdf])
    reason = _("Xoá theo yêu cầu #%(number)s") % {"number": context.request.pk}
    rows.exclude(status=Certificate.Status.REVOKED).update(
        status=Certificate.Status.REVOKED,
        revoked_at=context.at,
        revoked_by=context.by,
        revoke_reason=reason,
    )
    rows.update(
        holder_name=context.placeholder,
        holder_birth="",
        holder_unit="",
        holder_role="",
        wording="",
        override_reason="",
        pdf="",
        rendered_at=None,
    )


def _delete_revisions(rows: models.QuerySet, context: ErasureContext) -> None:
    # An old edition only shows what an earlier paper printed about the holder;
    # the certificate's edition number still says there was one.
    pdf_field = CertificateRevision._meta.get_field("pdf")
    _delete_files_on_commit([(pdf_field, r.pdf.name) for r in rows if r.pdf])
    rows.delete()


def _certificate_pdfs(rows: models.QuerySet):
    for certificate in rows:
        if certificate.pdf:
            yield (
                f"giay-chung-nhan/{certificate.register_year}-"
                f"{certificate.register_seq:03d}.pdf",
                certificate.pdf,
            )


def _revision_pdfs(rows: models.QuerySet):
    for revision in rows.select_related("certificate"):
        if revision.pdf:
            yield (
                f"giay-chung-nhan/lan-cap-truoc/{revision.certificate.register_year}-"
                f"{revision.certificate.register_seq:03d}-{revision.edition}.pdf",
                revision.pdf,
            )


register(
    Certificate,
    rows=lambda trainee: Certificate.objects.filter(enrollment__trainee=trainee),
    erasure=Erasure.ANONYMISE,
    reason=gettext_lazy(
        "Giấy chứng nhận bị thu hồi; sổ cấp giữ số, ngày cấp, lớp và khoá học để "
        "không hở số, còn họ tên, ngày sinh, đơn vị, chức danh và bản PDF bị xoá."
    ),
    erase=_anonymise_certificates,
    files=_certificate_pdfs,
    not_exported=("queued_at", "template"),
    order=30,
)
register(
    CertificateRevision,
    rows=lambda trainee: CertificateRevision.objects.filter(
        certificate__enrollment__trainee=trainee
    ),
    erasure=Erasure.DELETE,
    reason=gettext_lazy("Các lần cấp trước (nội dung đã in và bản PDF) bị xoá."),
    erase=_delete_revisions,
    files=_revision_pdfs,
    order=20,
)
declare_not_personal(
    CertificateTemplate,
    reason="an organisation's wording, signer and seal: staff, not trainees",
)
declare_not_personal(
    RegisterCounter, reason="the last register number per organisation and year"
)
