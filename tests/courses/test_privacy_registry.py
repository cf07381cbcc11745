"""Every model that can hold data about a trainee says how it is exported and erased.

The walk follows forward foreign keys, one-to-ones and many-to-manys from every
installed model; whatever reaches Trainee must be registered in
`courses.privacy.registry`, or declared not personal with a reason. So must the
trainee's login (the one-to-one Trainee.user points at) and every model of the
domain apps, which is where new personal data would appear.
"""

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from certificates.models import Certificate, CertificateRevision
from courses.models import (
    Answer,
    AttendanceChange,
    Consent,
    DataSubjectRequest,
    ExportLog,
    Trainee,
    User,
)
from courses.privacy.registry import (
    Erasure,
    declare_not_personal,
    entries,
    not_personal,
    register,
)

MAX_DEPTH = 6
DOMAIN_APPS = ("courses", "certificates")


def _forward_relations(model: type[models.Model]):
    for field in model._meta.get_fields():
        forward = (field.many_to_one or field.one_to_one) and field.concrete
        forward_m2m = field.many_to_many and not field.auto_created
        if (forward or forward_m2m) and field.related_model is not None:
            yield field.related_model


def path_to_trainee(
    model: type[models.Model], depth: int = 0, seen: frozenset = frozenset()
) -> list[str] | None:
    """The model labels from `model` to Trainee, or None if it reaches no trainee."""
    if model is Trainee:
        return [model._meta.label]
    if depth >= MAX_DEPTH or model in seen:
        return None
    for related in _forward_relations(model):
        rest = path_to_trainee(related, depth + 1, seen | {model})
        if rest is not None:
            return [model._meta.label, *rest]
    return None


def _trainees_own_records() -> set[type[models.Model]]:
    """What a trainee's row points at one-to-one: their login."""
    return {
        f.related_model
        for f in Trainee._meta.get_fields()
        if f.one_to_one and f.concrete and f.related_model is not None
    }


def models_to_classify() -> dict[type[models.Model], str]:
    """Each model that must be classified, with why it must be."""
    wanted = {}
    for model in apps.get_models():
        path = path_to_trainee(model)
        if path is not None:
            wanted[model] = " → ".join(path)
        elif model._meta.app_label in DOMAIN_APPS:
            wanted[model] = f"a model of the domain app {model._meta.app_label}"
    for model in _trainees_own_records():
        wanted[model] = "Trainee points at it one-to-one"
    return wanted


def test_every_model_reaching_a_trainee_is_registered_or_declared_not_personal():
    registered = {entry.model for entry in entries()}
    declared = set(not_personal())

    unclassified = [
        f"{model._meta.label} ({why})"
        for model, why in models_to_classify().items()
        if model not in registered and model not in declared
    ]

    assert unclassified == [], (
        "Register these in courses.privacy.registry (how to export and erase one "
        "trainee's rows) or declare them not personal with a reason:\n"
        + "\n".join(unclassified)
    )


def test_the_walk_finds_personal_data_through_chains_of_relations():
    found = models_to_classify()

    assert found[Answer] == "courses.Answer → courses.Attempt → courses.Trainee"
    assert "courses.AttendanceRecord" in found[AttendanceChange]
    assert found[CertificateRevision].endswith(
        "certificates.Certificate → courses.Enrollment → courses.Trainee"
    )
    assert found[User] == "Trainee points at it one-to-one"
    assert path_to_trainee(ExportLog) is None


def test_what_the_brief_names_is_registered_not_declared():
    registered = {entry.model for entry in entries()}

    for model in (Trainee, Consent, Answer, AttendanceChange, User):
        assert model in registered
    assert {Certificate, CertificateRevision, DataSubjectRequest} <= registered


def test_no_model_is_both_registered_and_declared_and_every_reason_is_written():
    registered = {entry.model for entry in entries()}
    declared = not_personal()

    assert registered.isdisjoint(declared)
    assert all(reason.strip() for reason in declared.values())
    assert all(str(entry.reason).strip() for entry in entries())


def test_only_keeping_may_go_without_an_eraser():
    for entry in entries():
        assert entry.erase is not None or entry.erasure == Erasure.KEEP, entry.label


def test_a_model_cannot_be_registered_twice():
    with pytest.raises(ImproperlyConfigured):
        register(
            Trainee,
            rows=lambda trainee: Trainee.objects.none(),
            erasure=Erasure.KEEP,
            reason="again",
        )
    with pytest.raises(ImproperlyConfigured):
        declare_not_personal(ExportLog, reason="again")


def test_deleting_or_anonymising_needs_a_function_that_does_it():
    group = apps.get_model("auth", "Group")

    with pytest.raises(ImproperlyConfigured, match="needs a function"):
        register(
            group,
            rows=lambda trainee: group.objects.none(),
            erasure=Erasure.DELETE,
            reason="no eraser",
        )


def test_the_trainees_own_row_is_erased_last_and_exported_first():
    ordered = entries()

    assert ordered[0].model is Trainee
    assert max(entries(), key=lambda e: e.order).model is Trainee
