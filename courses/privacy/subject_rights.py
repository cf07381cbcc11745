"""The data subject's rights as services: a copy of one's data, erasure, requests.

Every kind of data comes from the registry (`courses.privacy.registry`), so a model
registered there is exported and erased here without a change to this module.
"""

import datetime as dt
import decimal
import io
import json
import zipfile
from collections.abc import Iterable

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from courses.models import DataSubjectRequest, Trainee, User
from courses.privacy import NOTICE_VERSION, mask_national_id
from courses.privacy.registry import ErasureContext, PersonalData, entries

JSON_NAME = "du-lieu-ca-nhan.json"


class RequestRefused(Exception):
    """A request cannot be filed or answered; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _json_value(value):
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def _row(entry: PersonalData, obj: models.Model, *, mask_sensitive: bool) -> dict:
    row = {}
    for f in entry.exported_fields():
        if f.choices:
            value = getattr(obj, f"get_{f.name}_display")()
        elif f.is_relation:
            value = getattr(obj, f.name)
        else:
            value = getattr(obj, f.attname)
        if mask_sensitive and f.name in entry.sensitive and value:
            value = mask_national_id(value) if f.name == "national_id" else "•••"
        row[f.name] = _json_value(value)
    return row


def _section(entry: PersonalData, rows: Iterable, *, mask_sensitive: bool) -> dict:
    meta = entry.model._meta
    return {
        "model": meta.label,
        "title": str(meta.verbose_name_plural),
        "columns": {f.name: str(f.verbose_name) for f in entry.exported_fields()},
        "on_erasure": str(entry.reason),
        "rows": [_row(entry, obj, mask_sensitive=mask_sensitive) for obj in rows],
    }


def export_personal_data(*, trainee: Trainee, mask_sensitive: bool = False) -> bytes:
    """A ZIP of everything held about the trainee: one JSON file and their PDFs.

    The trainee's own copy is whole. Staff without `view_sensitive_trainee` who hand
    a copy over get it with the ID and ethnicity masked (`mask_sensitive`); the
    trainee can always download the whole one themself.
    """
    sections: list[dict] = []
    files: list[tuple[str, FieldFile]] = []
    with translation.override("vi"):
        for entry in entries():
            rows = list(entry.rows(trainee))
            sections.append(_section(entry, rows, mask_sensitive=mask_sensitive))
            if entry.files is not None and rows:
                queryset = entry.model._default_manager.filter(
                    pk__in=[r.pk for r in rows]
                )
                # A file lost from storage must not cost the person the rest.
                files.extend(
                    (name, file)
                    for name, file in entry.files(queryset)
                    if file.storage.exists(file.name)
                )
        document = {
            "generated_at": timezone.localtime().isoformat(),
            "notice_version": NOTICE_VERSION,
            "about": _(
                "Dữ liệu cá nhân của bạn trong hệ thống tập huấn, theo từng loại; "
                "«on_erasure» cho biết điều gì xảy ra với loại đó khi bạn yêu cầu "
                "xoá."
            ),
            "sections": sections,
            "files": [name for name, _file in files],
        }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(JSON_NAME, json.dumps(document, ensure_ascii=False, indent=2))
        for name, field_file in files:
            with field_file.open("rb") as source:
                archive.writestr(name, source.read())
    return out.getvalue()


def _scrub_audit_labels(
    found: dict[type[models.Model], list], placeholder: str
) -> None:
    # Wagtail's and Django's action logs keep each object's str() at the time
    # ("Lò Thị Mai — LOP-001"): the rows are found by type and id, not by a foreign
    # key, so the registry walk cannot see them.
    for model, pks in found.items():
        if not pks:
            continue
        content_type = ContentType.objects.get_for_model(model)
        ids = [str(pk) for pk in pks]
        ModelLogEntry.objects.filter(
            content_type=content_type, object_id__in=ids
        ).update(label=placeholder)
        LogEntry.objects.filter(content_type=content_type, object_id__in=ids).update(
            object_repr=placeholder
        )


@transaction.atomic
def erase_personal_data(
    *, trainee: Trainee, request: DataSubjectRequest | None = None, by: User
) -> DataSubjectRequest:
    """Erase the trainee as the registry says, all or nothing; answer the request.

    Without a request (an organiser acting on a paper letter, say) one is recorded,
    so every erasure is on the queue's record. Files go only after the commit.
    """
    trainee = Trainee.objects.select_for_update().get(pk=trainee.pk)
    now = timezone.now()
    if request is None:
        request = DataSubjectRequest.objects.create(
            trainee=trainee, kind=DataSubjectRequest.Kind.ERASE, filed_by=by
        )
    else:
        request = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
        if request.trainee_id != trainee.pk:
            raise RequestRefused(_("Yêu cầu này là của học viên khác."))
        if request.status != DataSubjectRequest.Status.OPEN:
            raise RequestRefused(_("Yêu cầu này đã được xử lý."))
    with translation.override("vi"):
        placeholder = _("Đã xoá theo yêu cầu #%(number)s") % {"number": request.pk}
        context = ErasureContext(
            request=request, by=by, at=now, placeholder=placeholder
        )
        # Found before anything changes: erasing one kind (the trainee's login link)
        # must not hide another.
        plan = [
            (entry, list(entry.rows(trainee).values_list("pk", flat=True)))
            for entry in entries()
        ]
        for entry, pks in sorted(plan, key=lambda step: step[0].order):
            if entry.erase is not None and pks:
                entry.erase(entry.model._default_manager.filter(pk__in=pks), context)
        _scrub_audit_labels({entry.model: pks for entry, pks in plan}, placeholder)
        outcome = _("Đã xoá dữ liệu cá nhân; phần phải giữ cho kế toán đã ẩn danh.")
    DataSubjectRequest.objects.filter(pk=request.pk).update(
        status=DataSubjectRequest.Status.DONE,
        outcome=outcome,
        handled_by=by,
        handled_at=now,
    )
    request.refresh_from_db()
    return request


@transaction.atomic
def file_request(
    *,
    trainee: Trainee,
    kind: str,
    details: str = "",
    by: User | None,
    received_at: dt.datetime | None = None,
) -> DataSubjectRequest:
    """Put a request on the organisers' queue, due by the kind's answer period."""
    if DataSubjectRequest.objects.open().filter(trainee=trainee, kind=kind).exists():
        raise RequestRefused(
            _("Đã có một yêu cầu loại này đang chờ xử lý; xin chờ câu trả lời.")
        )
    return DataSubjectRequest.objects.create(
        trainee=trainee,
        kind=kind,
        details=details.strip(),
        received_at=received_at or timezone.now(),
        filed_by=by,
    )


@transaction.atomic
def answer_request(
    *, request: DataSubjectRequest, status: str, outcome: str, by: User
) -> DataSubjectRequest:
    """Close a request as done or refused; refusing needs a reason."""
    request = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
    outcome = outcome.strip()
    if request.status != DataSubjectRequest.Status.OPEN:
        raise RequestRefused(_("Yêu cầu này đã được xử lý."))
    if status == DataSubjectRequest.Status.REFUSED and not outcome:
        raise RequestRefused(_("Từ chối phải ghi lý do."))
    if status not in (
        DataSubjectRequest.Status.DONE,
        DataSubjectRequest.Status.REFUSED,
    ):
        raise RequestRefused(_("Chọn «Đã xử lý» hoặc «Từ chối»."))
    if (
        request.kind == DataSubjectRequest.Kind.ERASE
        and status == DataSubjectRequest.Status.DONE
    ):
        # "Done" must mean erased: only erase_personal_data closes it so.
        raise RequestRefused(
            _("Yêu cầu xoá được xử lý bằng thao tác «Xoá dữ liệu» trong danh sách.")
        )
    request.status = status
    request.outcome = outcome
    request.handled_by = by
    request.handled_at = timezone.now()
    request.save(update_fields=["status", "outcome", "handled_by", "handled_at"])
    return request
