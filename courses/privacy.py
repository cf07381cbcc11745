"""The privacy notice's version and the consents trainees give under it.

Law 91/2025/QH15 and Decree 356/2025: consent is per purpose, explicit, given at
collection against a notice the person could read, and can be withdrawn at any time.
Changing the notice's substance means a new NOTICE_VERSION; consents keep the version
they were given under.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from courses.models import Consent, Enrollment, Trainee, TrainingClass, User
from courses.services import self_enroll, trainee_for_user

NOTICE_VERSION = "2026-01"

# Without this one there is nothing to administer: enrolment needs it.
REQUIRED_FOR_ENROLLMENT = Consent.Purpose.TRAINING_ADMINISTRATION
ASKED_AT_ENROLLMENT = (
    Consent.Purpose.TRAINING_ADMINISTRATION,
    Consent.Purpose.CERTIFICATES,
)


def active_consents(trainee: Trainee | None) -> set[str]:
    """The purposes a trainee currently agrees to."""
    if trainee is None:
        return set()
    return set(
        trainee.consents.filter(withdrawn_at__isnull=True).values_list(
            "purpose", flat=True
        )
    )


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


@transaction.atomic
def withdraw_consent(*, consent: Consent) -> Consent:
    """Stop processing for this purpose from now on; the record of the yes stays."""
    Consent.objects.filter(pk=consent.pk, withdrawn_at__isnull=True).update(
        withdrawn_at=timezone.now()
    )
    consent.refresh_from_db()
    return consent


@transaction.atomic
def self_enroll_with_consent(
    *, user: User, training_class: TrainingClass, purposes: Iterable[str]
) -> Enrollment:
    """A first self-enrolment: the consents and the place stand or fall together."""
    give_consents(trainee=trainee_for_user(user), purposes=purposes, by=user)
    return self_enroll(user=user, training_class=training_class)
