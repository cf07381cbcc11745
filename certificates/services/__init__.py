"""Certificates: issuing and the register, corrections, rendering, large batches.

Split by sub-domain; everything callers use is re-exported here.
"""

from certificates.services.batch import (
    ISSUANCE_CHUNK,
    issue_and_render,
    issue_and_render_chunk,
    queue_issuance,
)
from certificates.services.corrections import (
    PRINTED_FIELDS,
    printed_snapshot,
    reissue_certificate,
    revoke_certificate,
)
from certificates.services.issuing import (
    BulkResult,
    Candidate,
    CertificateError,
    ConsentWithdrawn,
    NoTemplate,
    NotQualified,
    issue_certificate,
    issue_certificate_on_completion,
    issue_for_class,
    qualification,
    template_for,
    unmet_for,
)
from certificates.services.rendering import (
    PENDING_GRACE,
    RENDER_TASK,
    pdf_name,
    printed_for,
    queue_render,
    render_certificate,
    requeue_pending_certificates,
    store_pdf,
    verify_url,
    verify_url_for,
    with_pdf,
)

__all__ = [
    "ISSUANCE_CHUNK",
    "PENDING_GRACE",
    "PRINTED_FIELDS",
    "RENDER_TASK",
    "BulkResult",
    "Candidate",
    "CertificateError",
    "ConsentWithdrawn",
    "NoTemplate",
    "NotQualified",
    "issue_and_render",
    "issue_and_render_chunk",
    "issue_certificate",
    "issue_certificate_on_completion",
    "issue_for_class",
    "pdf_name",
    "printed_for",
    "printed_snapshot",
    "qualification",
    "queue_issuance",
    "queue_render",
    "reissue_certificate",
    "render_certificate",
    "requeue_pending_certificates",
    "revoke_certificate",
    "store_pdf",
    "template_for",
    "unmet_for",
    "verify_url",
    "verify_url_for",
    "with_pdf",
]
