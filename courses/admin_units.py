"""Which administrative unit a roster cell or an old record means, in 2025 terms.

Reads our unit tables and never writes. Cells come as organisers type them: names or
codes, any case, with or without diacritics and prefixes ("Xã", "P.", "TT", "TP"...),
old (pre-2025) or new. The 2025 list is tried first; a unit found only in the old list
is carried to its 2025 successor through the official table, and a split is reported
with its candidates rather than guessed.

Load one `UnitIndex` per import or report (two queries) and ask it for every row;
`resolve_commune` and `map_to_current` load one for a single question.
"""

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from courses.models import AdminUnit, AdminUnitSuccession, UnitScheme
from courses.vietnamese import fold, nfc

Level = AdminUnit.Level
Status = Literal["found", "split", "not_found", "ambiguous"]


@dataclass(frozen=True)
class UnitResolution:
    status: Status
    commune: AdminUnit | None = None  # a CURRENT commune when found
    province: AdminUnit | None = None  # a CURRENT province when known
    candidates: tuple[AdminUnit, ...] = ()  # CURRENT communes for split/ambiguous
    was_legacy: bool = False  # the province or commune was matched in the old list


# Words that may stand before the name proper, per level: (as typed, as the official
# names spell it). "P. Tân Hưng" and "Phường Tân Hưng" thus share a key; the longer
# spellings come first so "thị xã" is not read as "thị" + "xã ...".
_PREFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    Level.PROVINCE: (
        ("thành phố", "thành phố"),
        ("tỉnh", "tỉnh"),
        ("tp", "thành phố"),
        ("t p", "thành phố"),
    ),
    Level.DISTRICT: (
        ("thành phố", "thành phố"),
        ("thị xã", "thị xã"),
        ("huyện", "huyện"),
        ("quận", "quận"),
        ("tp", "thành phố"),
        ("t p", "thành phố"),
        ("tx", "thị xã"),
        ("h", "huyện"),
        ("q", "quận"),
    ),
    Level.COMMUNE: (
        ("thị trấn", "thị trấn"),
        ("đặc khu", "đặc khu"),
        ("phường", "phường"),
        ("xã", "xã"),
        ("tt", "thị trấn"),
        ("p", "phường"),
        ("f", "phường"),  # Saigon habit: "F7" for Phường 7
        ("x", "xã"),
    ),
}

# Keyed by the folded name without prefix.
_PROVINCE_ALIASES = {
    "hcm": "ho chi minh",
    "tphcm": "ho chi minh",
    "sai gon": "ho chi minh",
    "hn": "ha noi",
    "tphn": "ha noi",
    "brvt": "ba ria vung tau",
    "br vt": "ba ria vung tau",
    # Thừa Thiên Huế became Thành phố Huế in January 2025, before the reform.
    "thua thien hue": "hue",
    "tt hue": "hue",
}

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_BRACKETS = re.compile(r"\([^)]*\)")
# "Ea H'leo", "Ea H' Leo" and "Ea Hleo" are spelled all three ways.
_APOSTROPHE = re.compile("['`\u2018\u2019\u00b4\u02bc]\\s*")
_NON_WORD = re.compile(r"[\W_]+")
_STUCK_NUMBER = re.compile(r"^([a-z]{1,2})(\d+)$")  # "p7", "q10"
_CODE = re.compile(r"^\s*(\d+)(?:\.0+)?\s*$")  # Excel may hand a code over as 2266.0


def _toned(word: str) -> str:
    """The word with its tone mark moved to the end: "hoà" and "hòa" alike.

    Unlike `fold`, "Tân Thành" and "Tân Thạnh" (distinct communes of one province)
    stay apart.
    """
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(ch for ch in decomposed if ch in _TONE_MARKS)
    return "".join(ch for ch in decomposed if ch not in _TONE_MARKS) + tones


def _is_number(word: str) -> bool:
    return word.isascii() and word.isdigit()


@dataclass(frozen=True)
class _Name:
    prefix: str  # folded official prefix ("xa", "thanh pho"), or ""
    toned: str
    folded: str

    def lookup_keys(self) -> list[tuple[str, str, str]]:
        """Most to least exact: with the prefix, without it; tones, then folded."""
        keys = [
            ("toned", self.prefix, self.toned),
            ("toned", "", self.toned),
            ("folded", self.prefix, self.folded),
            ("folded", "", self.folded),
        ]
        return list(dict.fromkeys(keys))


# Per level: the accepted spellings of each prefix word, and the official prefix.
_PREFIX_RULES: dict[str, tuple[tuple[tuple[frozenset[str], ...], str], ...]] = {
    level: tuple(
        (
            tuple(frozenset({part, fold(part)}) for part in typed.split()),
            fold(official),
        )
        for typed, official in spellings
    )
    for level, spellings in _PREFIXES.items()
}
_ABBREVIATIONS: dict[str, frozenset[str]] = {
    level: frozenset(typed for typed, _official in spellings if typed.isascii())
    for level, spellings in _PREFIXES.items()
}


# Pure, and the same names recur (in the lists and in every roster row).
@lru_cache(maxsize=65536)
def _parse(text: str, level: str) -> _Name | None:
    text = _APOSTROPHE.sub("", _BRACKETS.sub(" ", nfc(text).casefold()))
    words = _NON_WORD.sub(" ", text).split()
    if not words:
        return None
    stuck = _STUCK_NUMBER.match(words[0])
    if stuck and stuck[1] in _ABBREVIATIONS[level]:
        words[:1] = [stuck[1], stuck[2]]
    prefix = ""
    for spellings, official in _PREFIX_RULES[level]:
        size = len(spellings)
        if len(words) > size and all(
            word in spelled
            for word, spelled in zip(words[:size], spellings, strict=True)
        ):
            prefix, words = official, words[size:]
            break
    words = [str(int(word)) if _is_number(word) else word for word in words]
    toned = " ".join(_toned(word) for word in words)
    folded = fold(" ".join(words))
    if level == Level.PROVINCE and folded in _PROVINCE_ALIASES:
        toned = folded = _PROVINCE_ALIASES[folded]
    return _Name(prefix, toned, folded)


def _code(text: str) -> int | None:
    match = _CODE.match(text)
    return int(match[1]) if match else None


@dataclass(frozen=True)
class _Where:
    """Where to look: codes of provinces (None: anywhere) and old districts."""

    current: frozenset[int] | None = None
    legacy: frozenset[int] | None = None
    districts: frozenset[int] | None = None
    was_legacy: bool = False

    def holds_current(self, unit: AdminUnit) -> bool:
        return self.current is None or unit.province_code in self.current

    def holds_legacy(self, unit: AdminUnit) -> bool:
        return self.legacy is None or unit.province_code in self.legacy

    def holds_legacy_in_district(self, unit: AdminUnit) -> bool:
        return self.holds_legacy(unit) and (
            self.districts is None or unit.district_code in self.districts
        )


def _anywhere(unit: AdminUnit) -> bool:
    return True


class UnitIndex:
    """Every unit and the old → new table in memory, for many lookups."""

    def __init__(
        self,
        units: Iterable[AdminUnit],
        successions: Iterable[tuple[int, int]],
    ) -> None:
        self._by_code: dict[tuple[str, str, int], AdminUnit] = {}
        self._by_name: dict[tuple[str, ...], list[AdminUnit]] = defaultdict(list)
        by_pk: dict[int, AdminUnit] = {}
        for unit in units:
            by_pk[unit.pk] = unit
            self._by_code[unit.scheme, unit.level, unit.code] = unit
            if (name := _parse(unit.name, unit.level)) is not None:
                for key in name.lookup_keys():
                    self._by_name[(unit.scheme, unit.level, *key)].append(unit)

        later: dict[int, list[AdminUnit]] = defaultdict(list)
        for old_pk, new_pk in successions:
            if old_pk in by_pk and new_pk in by_pk:
                later[old_pk].append(by_pk[new_pk])
        self._successors = {
            pk: tuple(sorted(units, key=lambda unit: unit.code))
            for pk, units in later.items()
        }
        # Provinces merged whole or in part, read off the commune table.
        self._later_provinces: dict[int, set[int]] = defaultdict(set)
        for old_pk, new_units in self._successors.items():
            self._later_provinces[by_pk[old_pk].province_code].update(
                unit.province_code for unit in new_units
            )
        self._memo: dict[tuple[str, str, str], UnitResolution] = {}

    @classmethod
    def load(cls) -> "UnitIndex":
        return cls(
            AdminUnit.objects.order_by("scheme", "province_code", "code"),
            AdminUnitSuccession.objects.values_list("old_id", "new_id"),
        )

    def resolve(
        self, *, province: str = "", commune: str = "", district: str = ""
    ) -> UnitResolution:
        """The 2025 unit a roster's province, commune and old district cells mean."""
        key = (province or "", commune or "", district or "")
        if key not in self._memo:
            self._memo[key] = self._resolve(*key)
        return self._memo[key]

    def map_to_current(
        self, *, scheme: str, province_code: int | None, commune_code: int | None
    ) -> UnitResolution:
        """The 2025 unit for a stored reference (scheme and codes)."""
        if scheme == UnitScheme.CURRENT:
            if commune_code is not None:
                commune = self._by_code.get((scheme, Level.COMMUNE, commune_code))
                return self._found(commune) if commune else UnitResolution("not_found")
            if province_code is None:
                return UnitResolution("not_found")
            return self._province_only(_Where(current=frozenset({province_code})))
        if scheme == UnitScheme.LEGACY:
            if commune_code is not None:
                old = self._by_code.get((scheme, Level.COMMUNE, commune_code))
                if old is None:
                    return UnitResolution("not_found", was_legacy=True)
                return self._succeeded([old], _Where(was_legacy=True))
            if province_code is None:
                return UnitResolution("not_found", was_legacy=True)
            later = frozenset(self._later_provinces.get(province_code, ()))
            return self._province_only(_Where(current=later, was_legacy=True))
        return UnitResolution("not_found")

    def _resolve(self, province: str, commune: str, district: str) -> UnitResolution:
        where = self._where(province)
        if where is None:
            return UnitResolution("not_found")
        if not commune.strip():
            return self._province_only(where)

        # An old district or an old province name says the row predates the reform:
        # read the commune in the old list first. Otherwise the 2025 list comes first.
        if district.strip():
            districts = self._find(
                UnitScheme.LEGACY, Level.DISTRICT, district, where.holds_legacy
            )
            if districts:
                where = replace(where, districts=frozenset(d.code for d in districts))
                old = self._find(
                    UnitScheme.LEGACY,
                    Level.COMMUNE,
                    commune,
                    where.holds_legacy_in_district,
                )
                if old:
                    return self._succeeded(old, where)
        if where.was_legacy and (old := self._old_communes(commune, where)):
            return self._succeeded(old, where)

        current = self._find(
            UnitScheme.CURRENT, Level.COMMUNE, commune, where.holds_current
        )
        if len(current) == 1:
            return self._found(current[0], was_legacy=where.was_legacy)
        if current:
            return UnitResolution(
                "ambiguous",
                province=self._common_province(current, where),
                candidates=tuple(current),
                was_legacy=where.was_legacy,
            )

        if not where.was_legacy and (old := self._old_communes(commune, where)):
            return self._succeeded(old, where)
        return UnitResolution(
            "not_found",
            province=self._only_province(where),
            was_legacy=where.was_legacy,
        )

    def _old_communes(self, commune: str, where: _Where) -> list[AdminUnit]:
        # Within the old province only: an old district that did not hold the
        # commune may be misspelt or wrong.
        return self._find(UnitScheme.LEGACY, Level.COMMUNE, commune, where.holds_legacy)

    def _where(self, province: str) -> _Where | None:
        """Where a province cell points, in both lists; None when it names nothing."""
        if not province.strip():
            return _Where()
        current = self._find(UnitScheme.CURRENT, Level.PROVINCE, province)
        if current:
            codes = frozenset(unit.code for unit in current)
            earlier = frozenset(
                old for old, new in self._later_provinces.items() if new & codes
            )
            return _Where(current=codes, legacy=earlier)
        old = self._find(UnitScheme.LEGACY, Level.PROVINCE, province)
        if old:
            return _Where(
                current=frozenset(
                    code
                    for unit in old
                    for code in self._later_provinces.get(unit.code, ())
                ),
                legacy=frozenset(unit.code for unit in old),
                was_legacy=True,
            )
        return None

    def _find(
        self,
        scheme: str,
        level: str,
        text: str,
        within: Callable[[AdminUnit], bool] = _anywhere,
    ) -> list[AdminUnit]:
        """Units named or numbered by `text`, the most exact match that exists."""
        code = _code(text)
        if code is not None:
            unit = self._by_code.get((scheme, level, code))
            if unit is not None and within(unit):
                return [unit]
        name = _parse(text, level)
        if name is None:
            return []
        for key in name.lookup_keys():
            units = [
                u for u in self._by_name.get((scheme, level, *key), ()) if within(u)
            ]
            if units:
                return units
        return []

    def _succeeded(self, old: list[AdminUnit], where: _Where) -> UnitResolution:
        successors = tuple(
            dict.fromkeys(
                new for unit in old for new in self._successors.get(unit.pk, ())
            )
        )
        if len(successors) == 1:
            return self._found(successors[0], was_legacy=True)
        if not successors:
            return UnitResolution(
                "not_found", province=self._only_province(where), was_legacy=True
            )
        # One old commune divided is a split; several old communes of that name
        # going different ways means we cannot tell which one was meant.
        return UnitResolution(
            "split" if len(old) == 1 else "ambiguous",
            province=self._common_province(successors, where),
            candidates=successors,
            was_legacy=True,
        )

    def _found(self, commune: AdminUnit, *, was_legacy: bool = False) -> UnitResolution:
        return UnitResolution(
            "found",
            commune=commune,
            province=self._current_province(commune.province_code),
            was_legacy=was_legacy,
        )

    def _province_only(self, where: _Where) -> UnitResolution:
        if where.current is None:
            return UnitResolution("not_found")
        if len(where.current) > 1:
            return UnitResolution("ambiguous", was_legacy=where.was_legacy)
        province = self._only_province(where)
        status: Status = "found" if province else "not_found"
        return UnitResolution(status, province=province, was_legacy=where.was_legacy)

    def _current_province(self, code: int) -> AdminUnit | None:
        return self._by_code.get((UnitScheme.CURRENT, Level.PROVINCE, code))

    def _only_province(self, where: _Where) -> AdminUnit | None:
        if where.current is None or len(where.current) != 1:
            return None
        return self._current_province(next(iter(where.current)))

    def _common_province(
        self, communes: Iterable[AdminUnit], where: _Where
    ) -> AdminUnit | None:
        codes = {unit.province_code for unit in communes}
        if len(codes) == 1:
            return self._current_province(codes.pop())
        return self._only_province(where)


def resolve_commune(
    *, province: str = "", commune: str = "", district: str = ""
) -> UnitResolution:
    """One lookup. For many rows, `UnitIndex.load()` once and call its `resolve`."""
    return UnitIndex.load().resolve(
        province=province, commune=commune, district=district
    )


def map_to_current(
    *, scheme: str, province_code: int | None, commune_code: int | None
) -> UnitResolution:
    """One stored reference in 2025 terms. For a report, load a `UnitIndex` once."""
    return UnitIndex.load().map_to_current(
        scheme=scheme, province_code=province_code, commune_code=commune_code
    )
