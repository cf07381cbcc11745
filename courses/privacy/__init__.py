"""The privacy notice's version and the consents trainees give under it.

Law 91/2025/QH15 and Decree 356/2025: consent is per purpose, explicit, given at
collection against a notice the person could read, and can be withdrawn at any time.
Changing the notice's substance means a new NOTICE_VERSION; consents keep the version
they were given under.

The rest of the package serves the other rights: `registry` lists where a trainee's
data lives and how each kind is exported and erased, `subject_rights` exports and
erases, and the views let trainees ask and organisers answer.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from courses.models import (
    Consent,
    DataSubjectRequest,
    Enrollment,
    Trainee,
    TrainingClass,
    User,
)
from courses.services import self_enroll, trainee_for_user, withdraw

NOTICE_VERSION = "2026-01"

# Ethnicity and national ID (Trainee.SENSITIVE_FIELDS): least access.
SENSITIVE_PERMISSION = "courses.view_sensitive_trainee"

# Without this one there is nothing to administer: enrolment needs it.
REQUIRED_FOR_ENROLLMENT = Consent.Purpose.TRAINING_ADMINISTRATION
ASKED_AT_ENROLLMENT = (
    Consent.Purpose.TRAINING_ADMINISTRATION,
    Consent.Purpose.CERTIFICATES,
)


def mask_national_id(value: str) -> str:
    """'001085001234' → '••••••••1234': what staff without the permission see."""
    return f"{'•' * 8}{value[-4:]}" if value else ""


def active_consents(trainee: Trainee | None) -> set[str]:
    """The purposes a trainee currently agrees to."""
    if trainee is None:
        return set()
    return set(
        trainee.consents.filter(withdrawn_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )


def has_withdrawn(trainee: Trainee, purpose: str) -> bool:
    """Whether the trainee said no to a purpose they once agreed to.

    Trainees enrolled from a paper roster often have no online consent at all; their
    paper form is the organiser's. Only a withdrawal online is a "no" the system knows.
    """
    # One query: each consent's "still given?", and a no is only ever no.
    given = {
        withdrawn_at is None
        for withdrawn_at in trainee.consents.filter(purpose=purpose).values_list(
            "withdrawn_at", flat=True
        )
    }
    return given == {False}


def needs_enrollment_consent(user: User) -> bool:
    trainee = Trainee.objects.filter(user=user).first()
    return REQUIRED_FOR_ENROLLMENT not in active_consents(trainee)


@transaction.atomic
def give_consents(
    *, trainee: Trainee, purposes: Iterable[str], by: User | None = None
) -> list[Consent]:
    """Record a yes per purpose under the current notice; existing ones stand."""
    already = active_consents(trainee)
    return [
        Consent.objects.create(
            trainee=trainee,
            purpose=purpose,
            notice_version=NOTICE_VERSION,
            method=Consent.Method.ONLINE,
            recorded_by=by,
        )
        for purpose in dict.fromkeys(purposes)
        if purpose not in already
    ]


def leave_open_classes(*, trainee: Trainee, by: User | None = None) -> list[Enrollment]:
    """Withdraw the trainee from the classes they are still taking.

    Completed places stay (certificates rest on them) and so do places in locked
    classes (the accountant has settled them); attendance already taken stays either
    way, because allowances are paid against the signed lists.
    """
    return [
        withdraw(enrollment=enrollment, by=by)
        for enrollment in Enrollment.objects.filter(trainee=trainee)
        .active()
        .filter(completed_at__isnull=True, training_class__locked_at__isnull=True)
        .select_related("training_class")
    ]


@transaction.atomic
def withdraw_consent(*, consent: Consent, by: User | None = None) -> Consent:
    """Stop processing for this purpose from now on; the record of the yes stays.

    What stops, per purpose:
    - training: the trainee leaves the classes they are still taking (see
      `leave_open_classes`); enrolling again asks for the consent again.
    - certificates: no new certificate is issued (certificates.privacy refuses one).
      Certificates already issued stay valid and verifiable: the holder has the paper
      and may need it checked. Erasure, a separate request, revokes them.
    - allowance: nothing already attended or signed changes; the accountant settles
      the class against the signed lists, a legal duty of its own.
    The withdrawal also lands on the organisers' request queue, answered, so that the
    organiser learns of it (to strike a name from a printed list, say).
    """
    withdrawn = Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    consent.refresh_from_db()
    if not withdrawn:
        return consent
    trainee = consent.trainee
    left = []
    if consent.purpose == Consent.Purpose.TRAINING_ADMINISTRATION:
        left = leave_open_classes(trainee=trainee, by=by)
    with translation.override("vi"):
        details = _("Rút lại sự đồng ý: %(purpose)s.") % {
            "purpose": consent.get_purpose_display()
        }
        outcome = (
            _("Đã ngừng xử lý cho mục đích này. Đã rút khỏi lớp: %(codes)s.")
            % {"codes": ", ".join(e.training_class.code for e in left)}
            if left
            else _("Đã ngừng xử lý cho mục đích này.")
        )
    now = timezone.now()
    DataSubjectRequest.objects.create(
        trainee=trainee,
        kind=DataSubjectRequest.Kind.WITHDRAW,
        details=details,
        received_at=now,
        filed_by=by or trainee.user,
        status=DataSubjectRequest.Status.DONE,
        outcome=outcome,
        handled_by=by,
        handled_at=now,
    )
    return consent


@transaction.atomic
def self_enroll_with_consent(
    *, user: User, training_class: TrainingClass, purposes: Iterable[str]
) -> Enrollment:
    """A first self-enrolment: the consents and the place stand or fall together."""
    give_consents(trainee=trainee_for_user(user), purposes=purposes, by=user)
    return self_enroll(user=user, training_class=training_class)
