"""A roster's province / district / commune cells → a 2025 unit reference.

Names or codes, old or new, go through `courses.admin_units` (the shared resolver);
this module only turns its answer into what a roster row stores or says.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from courses.models import AdminUnit, Trainee


@dataclass
class UnitOutcome:
    reference: dict[str, Any] = field(default_factory=dict)
    notice: str = ""
    error: str = ""


def _reference(commune: AdminUnit | None, province: AdminUnit | None) -> dict:
    holder = Trainee()
    holder.set_unit(commune, province=province)
    return {
        "unit_scheme": holder.unit_scheme,
        "unit_province_code": holder.unit_province_code,
        "unit_commune_code": holder.unit_commune_code,
        "unit_label": holder.unit_label,
    }


def _place(province: str, district: str, commune: str) -> str:
    return ", ".join(part for part in (commune, district, province) if part)


class UnitResolver:
    """Resolves many rows against one index loaded once (10,000 rows, one load)."""

    def __init__(self) -> None:
        from courses import admin_units  # written alongside; imported when needed

        self._admin_units = admin_units
        self._index = admin_units.UnitIndex.load()
        self._cache: dict[tuple[str, str, str], UnitOutcome] = {}

    def resolve(self, *, province: str, commune: str, district: str) -> UnitOutcome:
        key = (province, commune, district)
        if key not in self._cache:
            self._cache[key] = self._resolve(province, commune, district)
        return self._cache[key]

    def _resolve(self, province: str, commune: str, district: str) -> UnitOutcome:
        resolution = self._index.resolve(
            province=province, commune=commune, district=district
        )
        place = _place(province, district, commune)
        status = resolution.status
        if status == "found":
            outcome = UnitOutcome(_reference(resolution.commune, resolution.province))
            if resolution.was_legacy and resolution.commune is not None:
                outcome.notice = _(
                    "“%(old)s” là đơn vị cũ; đã ghi đơn vị mới: %(new)s."
                ) % {"old": place, "new": outcome.reference["unit_label"]}
            return outcome
        if status == "split":
            old = commune or place
            names = _(" hoặc ").join(unit.name for unit in resolution.candidates)
            return UnitOutcome(
                error=_("%(old)s (cũ) nay thuộc %(new)s: ghi rõ đơn vị mới.")
                % {"old": old, "new": names}
            )
        if status == "ambiguous":
            names = "; ".join(
                f"{unit.name} ({unit.code})" for unit in resolution.candidates[:5]
            )
            return UnitOutcome(
                error=_(
                    "“%(place)s” trùng tên nhiều đơn vị (%(names)s): ghi thêm tỉnh "
                    "hoặc ghi mã xã."
                )
                % {"place": place, "names": names}
            )
        return UnitOutcome(
            error=_(
                "Không tìm thấy “%(place)s” trong danh mục đơn vị hành chính. Kiểm "
                "tra chính tả hoặc ghi mã xã/phường."
            )
            % {"place": place}
        )
