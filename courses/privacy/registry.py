"""Where a trainee's personal data lives, and how each kind is exported and erased.

Every model that reaches a Trainee through its relations is registered here with:
the rows that belong to one trainee, what happens to them on erasure (deleted,
anonymised, or kept and why), and optionally the files that go into the trainee's
download. Models that reach no one, or hold nothing about a person, are declared
"not personal" with the reason. `tests/courses/test_privacy_registry.py` walks every
installed model and fails on one that is neither, so a new model cannot slip past.

Apps register their own models: courses in `courses.privacy.inventory`, certificates
in `certificates.privacy` (loaded by its AppConfig.ready), because courses may not
import certificates.
"""

import datetime as dt
import enum
import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.fields.files import FieldFile

from courses.models import DataSubjectRequest, Trainee, User


class Erasure(enum.StrEnum):
    DELETE = "delete"
    # The rows stay (signed lists, registers, statistics), their personal fields go.
    ANONYMISE = "anonymise"
    # The rows stay as they are: nothing in them names the person once the trainee
    # is anonymised, or the law keeps them whole (scans of signed sheets).
    KEEP = "keep"


@dataclass(frozen=True)
class ErasureContext:
    request: DataSubjectRequest
    by: User
    at: dt.datetime
    # What replaces a name: "Đã xoá theo yêu cầu #12".
    placeholder: str


Rows = Callable[[Trainee], models.QuerySet]
Eraser = Callable[[models.QuerySet, ErasureContext], None]
Files = Callable[[models.QuerySet], Iterable[tuple[str, FieldFile]]]


@dataclass(frozen=True)
class PersonalData:
    model: type[models.Model]
    rows: Rows
    erasure: Erasure
    # Shown to the trainee in their download and to the organiser before erasing.
    reason: Any  # a lazy translation
    erase: Eraser | None = None
    files: Files | None = None
    # Internal bookkeeping the person gains nothing from reading.
    not_exported: tuple[str, ...] = ()
    sensitive: tuple[str, ...] = ()
    # Erasers run in this order, lowest first: the trainee's own row comes last,
    # after everything found through it.
    order: int = 50

    @property
    def label(self) -> str:
        return self.model._meta.label

    def exported_fields(self) -> list[models.Field]:
        return [
            f
            for f in self.model._meta.concrete_fields
            if f.name not in self.not_exported
            and f.name != "password"
            # Who on the staff recorded something is not the trainee's data.
            and not (f.is_relation and f.related_model is User)
        ]


@dataclass
class _Registry:
    personal: dict[type[models.Model], PersonalData] = field(default_factory=dict)
    not_personal: dict[type[models.Model], Any] = field(default_factory=dict)


_REGISTRY = _Registry()


def register(
    model: type[models.Model],
    *,
    rows: Rows,
    erasure: Erasure,
    reason: Any,
    erase: Eraser | None = None,
    files: Files | None = None,
    not_exported: Iterable[str] = (),
    sensitive: Iterable[str] = (),
    order: int = 50,
) -> None:
    if model in _REGISTRY.personal or model in _REGISTRY.not_personal:
        raise ImproperlyConfigured(f"{model._meta.label} is already in the registry.")
    if erasure != Erasure.KEEP and erase is None:
        raise ImproperlyConfigured(
            f"{model._meta.label}: {erasure} needs a function that does it."
        )
    _REGISTRY.personal[model] = PersonalData(
        model=model,
        rows=rows,
        erasure=erasure,
        reason=reason,
        erase=erase,
        files=files,
        not_exported=tuple(not_exported),
        sensitive=tuple(sensitive),
        order=order,
    )


def declare_not_personal(model: type[models.Model], *, reason: str) -> None:
    if model in _REGISTRY.personal or model in _REGISTRY.not_personal:
        raise ImproperlyConfigured(f"{model._meta.label} is already in the registry.")
    if not reason.strip():
        raise ImproperlyConfigured(f"{model._meta.label}: say why it is not personal.")
    _REGISTRY.not_personal[model] = reason


def _load() -> None:
    # courses' own entries import this module to register; importing them here, not
    # at the top, keeps that one-way. Other apps register from their ready().
    importlib.import_module("courses.privacy.inventory")


def entries() -> list[PersonalData]:
    """Every registered kind of personal data: courses' first (the trainee's own row
    leads), then other apps', each in registration order."""
    _load()
    return sorted(
        _REGISTRY.personal.values(), key=lambda e: e.model._meta.app_label != "courses"
    )


def not_personal() -> dict[type[models.Model], str]:
    _load()
    return dict(_REGISTRY.not_personal)
