"""Fill AdminUnit and AdminUnitSuccession from the installed `vietnam-provinces`.

The package (GPL) stays a dependency: we read it at load time and never copy its data
into the repository. The load diffs against what is stored, so a second run writes
nothing and the counts say what changed.
"""

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from vietnam_provinces import Province, Ward, legacy
from vietnam_provinces._ward_conversion_2025 import OLD_TO_NEW

from courses.models import AdminUnit, AdminUnitSuccession, UnitScheme
from courses.vietnamese import fold, nfc

Level = AdminUnit.Level
UnitKey = tuple[str, str, int]  # (scheme, level, code)

_BATCH = 2000


@dataclass(frozen=True)
class PackageUnit:
    scheme: str
    level: str
    code: int
    name: str
    province_code: int
    district_code: int | None = None

    @property
    def key(self) -> UnitKey:
        return (self.scheme, self.level, self.code)


@dataclass(frozen=True)
class PackageSuccession:
    """One row of the official old → new commune table, by codes."""

    old_code: int
    new_code: int
    is_partial: bool


@dataclass(frozen=True)
class Changes:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    total: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.created or self.updated or self.deleted)


@dataclass(frozen=True)
class LoadReport:
    units: Changes
    successions: Changes
    skipped_successions: int
    counts: dict[tuple[str, str], int]  # (scheme, level) -> units stored

    @property
    def changed_nothing(self) -> bool:
        return self.units.is_empty and self.successions.is_empty


def _official_name(name: str) -> str:
    # The package spells one ward "xã Bắc Sơn"; every other name starts upper-case.
    name = nfc(name)
    return name[:1].upper() + name[1:]


def package_units() -> Iterator[PackageUnit]:
    """Every unit of both lists, as the installed package has them."""
    for province in Province.iter_all():
        yield PackageUnit(
            UnitScheme.CURRENT,
            Level.PROVINCE,
            int(province.code),
            _official_name(province.name),
            int(province.code),
        )
    for ward in Ward.iter_all():
        yield PackageUnit(
            UnitScheme.CURRENT,
            Level.COMMUNE,
            int(ward.code),
            _official_name(ward.name),
            int(ward.province_code),
        )
    for old_province in legacy.Province.iter_all():
        yield PackageUnit(
            UnitScheme.LEGACY,
            Level.PROVINCE,
            int(old_province.code),
            _official_name(old_province.name),
            int(old_province.code),
        )
    for district in legacy.District.iter_all():
        yield PackageUnit(
            UnitScheme.LEGACY,
            Level.DISTRICT,
            int(district.code),
            _official_name(district.name),
            int(district.province_code),
        )
    for old_ward in legacy.Ward.iter_all():
        yield PackageUnit(
            UnitScheme.LEGACY,
            Level.COMMUNE,
            int(old_ward.code),
            _official_name(old_ward.name),
            int(old_ward.province_code),
            int(old_ward.district_code),
        )


def package_successions() -> Iterator[PackageSuccession]:
    """The official old → new commune table; several new communes mean a split."""
    for entry in OLD_TO_NEW.values():
        for new_ward in entry.new_wards:
            yield PackageSuccession(
                old_code=entry.old_ward.code,
                new_code=new_ward.code,
                is_partial=entry.old_ward.is_partly_merged,
            )


def _store_units(
    wanted: dict[UnitKey, PackageUnit],
) -> tuple[Changes, dict[UnitKey, int]]:
    stored = {
        (unit.scheme, unit.level, unit.code): unit
        for unit in AdminUnit.objects.only(
            "scheme", "level", "code", "name", "province_code", "district_code"
        )
    }
    to_create: list[AdminUnit] = []
    to_update: list[AdminUnit] = []
    for key, row in wanted.items():
        unit = stored.get(key)
        if unit is None:
            to_create.append(
                AdminUnit(
                    scheme=row.scheme,
                    level=row.level,
                    code=row.code,
                    name=row.name,
                    name_folded=fold(row.name),
                    province_code=row.province_code,
                    district_code=row.district_code,
                )
            )
        elif (unit.name, unit.province_code, unit.district_code) != (
            row.name,
            row.province_code,
            row.district_code,
        ):
            unit.name = row.name
            unit.name_folded = fold(row.name)
            unit.province_code = row.province_code
            unit.district_code = row.district_code
            to_update.append(unit)
    # Records keep codes and printed names, never these rows, so a unit the package
    # no longer lists can go (its succession rows go with it).
    gone = [unit.pk for key, unit in stored.items() if key not in wanted]

    AdminUnit.objects.filter(pk__in=gone).delete()
    AdminUnit.objects.bulk_create(to_create, batch_size=_BATCH)
    AdminUnit.objects.bulk_update(
        to_update,
        ["name", "name_folded", "province_code", "district_code"],
        batch_size=_BATCH,
    )
    ids = {
        (scheme, level, code): pk
        for pk, scheme, level, code in AdminUnit.objects.values_list(
            "pk", "scheme", "level", "code"
        )
    }
    changes = Changes(len(to_create), len(to_update), len(gone), len(ids))
    return changes, ids


def _store_successions(
    wanted_rows: list[PackageSuccession], ids: dict[UnitKey, int]
) -> tuple[Changes, int]:
    wanted: dict[tuple[int, int], bool] = {}
    skipped = 0
    for row in wanted_rows:
        old_id = ids.get((UnitScheme.LEGACY, Level.COMMUNE, row.old_code))
        new_id = ids.get((UnitScheme.CURRENT, Level.COMMUNE, row.new_code))
        if old_id is None or new_id is None:
            skipped += 1
            continue
        wanted[old_id, new_id] = row.is_partial

    stored = {
        (succession.old_id, succession.new_id): succession
        for succession in AdminUnitSuccession.objects.all()
    }
    to_create = [
        AdminUnitSuccession(old_id=old_id, new_id=new_id, is_partial=is_partial)
        for (old_id, new_id), is_partial in wanted.items()
        if (old_id, new_id) not in stored
    ]
    to_update = []
    for pair, succession in stored.items():
        if pair in wanted and succession.is_partial != wanted[pair]:
            succession.is_partial = wanted[pair]
            to_update.append(succession)
    gone = [succession.pk for pair, succession in stored.items() if pair not in wanted]

    AdminUnitSuccession.objects.filter(pk__in=gone).delete()
    AdminUnitSuccession.objects.bulk_create(to_create, batch_size=_BATCH)
    AdminUnitSuccession.objects.bulk_update(
        to_update, ["is_partial"], batch_size=_BATCH
    )
    changes = Changes(len(to_create), len(to_update), len(gone), len(wanted))
    return changes, skipped


@transaction.atomic
def load_admin_units() -> LoadReport:
    """Make our unit tables equal the installed package's lists and old → new table."""
    wanted = {row.key: row for row in package_units()}
    unit_changes, ids = _store_units(wanted)
    # Units deleted above took their successions with them; count from what is left.
    succession_changes, skipped = _store_successions(list(package_successions()), ids)
    counts: dict[tuple[str, str], int] = {}
    for scheme, level, _code in ids:
        counts[scheme, level] = counts.get((scheme, level), 0) + 1
    return LoadReport(unit_changes, succession_changes, skipped, counts)
