"""Issuing certificates: one per enrollment, numbered in the organiser's register.

Issuing writes the certificate (every printed value frozen, a register number, a
verification code) in one transaction; its PDF is rendered afterwards
(`certificates.services.rendering`). Revoking and re-issuing are
`certificates.services.corrections`.
"""

import logging
from contextlib import suppress
from dataclasses import dataclass
from functools import partial

from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from certificates import qr
from certificates.models import (
    Certificate,
    CertificateTemplate,
    RegisterCounter,
    new_verification_code,
)
from certificates.printed import add_months, dmy, fill_wording
from certificates.services import rendering
from courses.completion import unmet_requirements
from courses.models import Consent, Enrollment, Organisation, TrainingClass, User
from courses.privacy import has_withdrawn
from courses.services.enrollment import completion_facts

logger = logging.getLogger(__name__)


class CertificateError(Exception):
    """A certificate cannot be issued or changed; the message says why."""


class NotQualified(CertificateError):
    def __init__(self, reasons: list[str]) -> None:
        super().__init__(" ".join(reasons))
        self.reasons = reasons


class NoTemplate(CertificateError):
    pass


class ConsentWithdrawn(CertificateError):
    pass


def _consent_withdrawn(enrollment: Enrollment) -> bool:
    return has_withdrawn(enrollment.trainee, Consent.Purpose.CERTIFICATES)


@dataclass(frozen=True)
class Candidate:
    """One trainee of a class, as the bulk-issue preview shows them."""

    enrollment: Enrollment
    certificate: Certificate | None
    unmet: list[str]

    @property
    def qualifies(self) -> bool:
        return self.certificate is None and not self.unmet


def template_for(organisation: Organisation) -> CertificateTemplate | None:
    """The organisation's default template, else the nearest parent's."""
    seen: set[int] = set()
    current: Organisation | None = organisation
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        # get(), not first(): at most one default (a constraint), and no ORDER BY
        # to build on a path every issue takes.
        with suppress(CertificateTemplate.DoesNotExist):
            return CertificateTemplate.objects.get(
                organisation=current, is_default=True
            )
        current = current.parent
    return None


def unmet_for(enrollment: Enrollment, *, consent_checked: bool = False) -> list[str]:
    """Why this enrollment does not (yet) earn a certificate; empty if it does."""
    if enrollment.status != Enrollment.Status.ACTIVE:
        return [_("Học viên đã rút khỏi lớp.")]
    if not consent_checked and _consent_withdrawn(enrollment):
        return [_("Học viên đã rút lại sự đồng ý cấp giấy chứng nhận.")]
    if enrollment.completed_at is not None:
        return []
    return unmet_requirements(completion_facts(enrollment))


def qualification(training_class: TrainingClass) -> list[Candidate]:
    """Everyone in the class: who qualifies, who has one, who does not and why."""
    enrollments = (
        Enrollment.objects.filter(training_class=training_class)
        .select_related("trainee", "certificate")
        .order_by("trainee__given_name", "trainee__full_name")
    )
    candidates = []
    for enrollment in enrollments:
        certificate = getattr(enrollment, "certificate", None)
        unmet = [] if certificate is not None else unmet_for(enrollment)
        candidates.append(Candidate(enrollment, certificate, unmet))
    return candidates


def _next_register_seq(organisation_id: int, year: int) -> int:
    # The UPDATE holds the counter's row lock until commit, so concurrent issues
    # queue here and a rolled-back issue gives its number back. RETURNING
    # (PostgreSQL, SQLite >= 3.35) saves a SELECT; the ORM's update returns no values.
    def take() -> tuple[int] | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE certificates_registercounter SET last_number = last_number + 1"
                " WHERE organisation_id = %s AND year = %s RETURNING last_number",
                [organisation_id, year],
            )
            return cursor.fetchone()

    row = take()
    if row is None:  # the year's first issue: create the row, then take from it
        RegisterCounter.objects.bulk_create(
            [RegisterCounter(organisation_id=organisation_id, year=year)],
            ignore_conflicts=True,
        )
        row = take()
    return row[0]


def frozen_values(
    enrollment: Enrollment, template: CertificateTemplate, result: str
) -> dict:
    trainee = enrollment.trainee
    training_class = enrollment.training_class
    organisation = training_class.organisation
    with translation.override("vi"):
        role = trainee.get_role_display() if trainee.role != "other" else ""
        birth = (
            dmy(trainee.birth_date)
            if trainee.birth_date
            else (str(trainee.birth_year) if trainee.birth_year else "")
        )
        unit = ", ".join(
            part for part in (trainee.village, trainee.unit_label) if part
        ) or (trainee.organisation.name if trainee.organisation_id else "")
        values = {
            "holder_name": trainee.full_name,
            "holder_birth": birth,
            "holder_unit": unit,
            "holder_role": role,
            "course_title": training_class.course.title,
            "class_title": training_class.title,
            "class_code": training_class.code,
            "class_starts_on": training_class.starts_on,
            "class_ends_on": training_class.ends_on,
            "class_place": training_class.venue or training_class.unit_label,
            "parent_body": (template.parent_body or "").upper(),
            "issuing_body": (template.issuing_body or organisation.name).upper(),
            "title": template.title,
            "result_label": template.result_label,
            "result": result or template.default_result,
            "place": template.place,
            "signer_title": template.signer_title,
            "signer_name": template.signer_name,
        }
        values["wording"] = fill_wording(
            template.wording,
            {
                "ho_ten": values["holder_name"],
                "ngay_sinh": birth,
                "don_vi": unit,
                "chuc_danh": role,
                "khoa_hoc": values["course_title"],
                "lop": values["class_title"],
                "ma_lop": values["class_code"],
                "tu_ngay": dmy(training_class.starts_on),
                "den_ngay": dmy(training_class.ends_on),
                "dia_diem": values["class_place"],
                "noi_hoc": (
                    "theo hình thức trực tuyến"
                    if training_class.mode == TrainingClass.Mode.ONLINE
                    else f"tại {values['class_place']}"
                ),
                "don_vi_to_chuc": organisation.name,
                "ket_qua": values["result"],
            },
        )
    return values


@transaction.atomic
def issue_certificate(
    *,
    enrollment: Enrollment,
    by: User | None = None,
    override_reason: str = "",
    result: str = "",
    queue_render: bool = True,
) -> Certificate:
    """Issue the enrollment's certificate, or return the one it already has.

    Only the enrollment's pk is read: the row is locked and read afresh. Without an
    override reason the class's completion rule must be met. The PDF is queued for a
    worker once the issue commits, unless the caller renders it itself
    (`queue_render=False`, as `issue_and_render` does).
    """
    enrollment = (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related(
            # Not the trainee's organisation: printed only for a trainee with no
            # village or unit, it is read then; each join costs every issue.
            "trainee",
            "training_class__course",
            "training_class__organisation",
        )
        .get(pk=enrollment.pk)
    )
    # A query of its own, after the lock: joined into the locking query, the
    # certificate would be read from the snapshot taken before the wait, and an
    # issue that waited on a concurrent one would not see what that one created.
    existing = Certificate.objects.filter(enrollment=enrollment).order_by().first()
    if existing is not None:
        if queue_render and existing.status == Certificate.Status.PENDING:
            # A retried issue (its worker died after commit): render now, not at
            # the sweeper's next round.
            transaction.on_commit(partial(rendering.queue_render, existing.pk))
        return existing
    override_reason = override_reason.strip()
    # Not even an override prints the name of someone who said no.
    if _consent_withdrawn(enrollment):
        raise ConsentWithdrawn(_("Học viên đã rút lại sự đồng ý cấp giấy chứng nhận."))
    if not override_reason:
        unmet = unmet_for(enrollment, consent_checked=True)
        if unmet:
            raise NotQualified(unmet)
    elif by is None:
        raise CertificateError(_("Cấp ngoại lệ phải ghi người cấp."))
    organisation = enrollment.training_class.organisation
    template = template_for(organisation)
    if template is None:
        raise NoTemplate(
            _("Đơn vị «%(name)s» chưa có mẫu giấy chứng nhận mặc định.")
            % {"name": organisation.name}
        )
    issued_on = timezone.localdate()
    # Encoded before the register is locked: other issues need not wait for it.
    code = new_verification_code()
    verification_qr = qr.encode(rendering.verify_url_for(code)).to_text()
    seq = _next_register_seq(organisation.pk, issued_on.year)
    certificate = Certificate.objects.create(
        enrollment=enrollment,
        template=template,
        organisation=organisation,
        register_year=issued_on.year,
        register_seq=seq,
        register_number=f"{seq:03d}/{issued_on.year}/{template.register_suffix}",
        verification_code=code,
        verification_qr=verification_qr,
        issued_on=issued_on,
        expires_on=(
            add_months(issued_on, template.validity_months)
            if template.validity_months
            else None
        ),
        issued_by=by,
        override_reason=override_reason,
        **frozen_values(enrollment, template, result),
    )
    if queue_render:
        transaction.on_commit(partial(rendering.queue_render, certificate.pk))
    return certificate


def issue_certificate_on_completion(
    *, enrollment: Enrollment, queue_render: bool = True
) -> Certificate | None:
    """The `enrollment_completed` listener: issue now, or leave it to the organiser.

    Runs after the trainee's own request committed; a missing template must not turn
    their last lesson into an error page.
    """
    try:
        return issue_certificate(enrollment=enrollment, queue_render=queue_render)
    except CertificateError as error:
        logger.warning(
            "certificate not issued for enrollment %s: %s",
            enrollment.pk,
            type(error).__name__,
        )
        return None


@dataclass(frozen=True)
class BulkResult:
    issued: list[Certificate]
    skipped: list[Candidate]


def issue_for_class(*, training_class: TrainingClass, by: User | None) -> BulkResult:
    """Issue to everyone in the class who qualifies; the rest are listed with why."""
    issued, skipped = [], []
    for candidate in qualification(training_class):
        if not candidate.qualifies:
            skipped.append(candidate)
            continue
        try:
            issued.append(issue_certificate(enrollment=candidate.enrollment, by=by))
        except CertificateError as error:
            skipped.append(Candidate(candidate.enrollment, None, [str(error)]))
    return BulkResult(issued, skipped)
