"""Check a roster file against a class, and import it: all rows or none.

`check_roster` reads, cleans and checks every row (nothing is written) and returns a
`RosterReport`: new trainees, notices and problems, each naming the row as numbered
in the sheet and the column as written in the file. `import_roster` does the same
inside one transaction and, only when there is no problem at all, creates the
trainees (through TraineeRosterResource, in bulk) and enrols them in the class.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import tablib
from django.db import transaction
from django.db.models import F, Q
from django.utils.translation import gettext as _

from courses.models import (
    Enrollment,
    Organisation,
    Trainee,
    TrainingClass,
    UnitScheme,
    User,
)
from courses.phones import display_phone
from courses.roster import cleaning, units
from courses.roster.reading import (
    Columns,
    RosterFileError,
    find_header,
    read_table,
)
from courses.roster.resources import (
    ROSTER_DATASET_COLUMNS,
    ROSTER_DATASET_EXTRA,
    TraineeRosterResource,
)
from courses.vietnamese import fold


@dataclass(frozen=True)
class Problem:
    """One thing to tell the organiser. `row` is None for the file as a whole."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if self.column:
            return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Dòng %(row)s: %(message)s") % {
            "row": self.row,
            "message": self.message,
        }


@dataclass
class RosterRow:
    number: int
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)

    @cached_property
    def name_folded(self) -> str:
        return fold(self.values.get("full_name", ""))

    @property
    def birth_display(self) -> str:
        if self.values.get("birth_date"):
            return self.values["birth_date"].strftime("%d/%m/%Y")
        return str(self.values.get("birth_year") or "")

    @property
    def phone_display(self) -> str:
        return display_phone(self.values.get("phone", ""))


@dataclass
class RosterReport:
    training_class: TrainingClass
    rows: list[RosterRow] = field(default_factory=list)
    file_errors: list[Problem] = field(default_factory=list)
    file_notices: list[Problem] = field(default_factory=list)
    encoding: str = ""
    created: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [*self.file_errors, *(e for row in self.rows for e in row.errors)]

    @property
    def notices(self) -> list[Problem]:
        return [*self.file_notices, *(n for row in self.rows for n in row.notices)]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        return self.created > 0


class RosterRejected(Exception):
    """import_roster found problems; nothing was written. `report` says which."""

    def __init__(self, report: RosterReport):
        super().__init__(f"{len(report.errors)} problems")
        self.report = report


# --- cleaning every row ---------------------------------------------------------

Cleaner = Callable[[object], cleaning.Cleaned]

_CELL_CLEANERS: dict[str, Cleaner] = {
    "full_name": cleaning.clean_full_name,
    "sex": cleaning.clean_sex,
    "birth": cleaning.clean_birth,
    "phone": cleaning.clean_phone,
    "national_id": cleaning.clean_national_id,
    "ethnicity": lambda raw: cleaning.clean_short_text(raw, max_length=50),
    "role": cleaning.clean_role,
    "organisation": cleaning.clean_unit_name,
    "village": lambda raw: cleaning.clean_short_text(raw, max_length=150),
    "commune": cleaning.clean_unit_name,
    "district": cleaning.clean_unit_name,
    "province": cleaning.clean_unit_name,
    "notes": cleaning.clean_notes,
}


# Columns whose values repeat down a roster (a few sexes, roles, communes, years):
# each distinct cell is cleaned once per file. Phones, IDs and names are unique and
# would only fill the memo.
_REPEATING = frozenset(
    {"sex", "birth", "ethnicity", "role", "organisation", "village"}
    | {"commune", "district", "province"}
)


def _clean_cell(name: str, raw: object, memo: dict[tuple[str, object], object]):
    if name not in _REPEATING or not isinstance(raw, str | int | float | None):
        return _CELL_CLEANERS[name](raw)
    key = (name, raw)
    if key not in memo:
        try:
            memo[key] = _CELL_CLEANERS[name](raw)
        except cleaning.CellProblem as problem:
            memo[key] = problem
    outcome = memo[key]
    if isinstance(outcome, cleaning.CellProblem):
        raise outcome
    return outcome


def _clean_row(
    number: int,
    cells: list[object],
    columns: Columns,
    memo: dict[tuple[str, object], object],
) -> RosterRow:
    row = RosterRow(number)
    for name in _CELL_CLEANERS:
        if name not in columns.index:
            continue
        position = columns.index[name]
        raw = cells[position] if position < len(cells) else None
        try:
            cleaned = _clean_cell(name, raw, memo)
        except cleaning.CellProblem as problem:
            row.errors.append(Problem(number, columns.written[name], problem.message))
            continue
        if cleaned.notice:
            row.notices.append(Problem(number, columns.written[name], cleaned.notice))
        if name == "birth":
            row.values["birth_date"], row.values["birth_year"] = cleaned.value
        else:
            row.values[name] = cleaned.value
    return row


# --- checks against the database -------------------------------------------------


def _resolve_organisations(
    report: RosterReport, columns: Columns, training_class: TrainingClass
) -> None:
    if "organisation" not in columns.index:
        return
    known: dict[str, Organisation] = {}
    for organisation in Organisation.objects.subtree_of(training_class.organisation):
        known.setdefault(fold(organisation.name), organisation)
        if organisation.short_name:
            known.setdefault(fold(organisation.short_name), organisation)
    for row in report.rows:
        name = row.values.pop("organisation", "")
        if not name:
            continue
        organisation = known.get(fold(name))
        if organisation is None:
            row.notices.append(
                Problem(
                    row.number,
                    columns.written["organisation"],
                    _(
                        "Không có đơn vị “%(name)s” thuộc %(owner)s; để trống, hãy "
                        "bổ sung sau nếu cần."
                    )
                    % {"name": name, "owner": training_class.organisation.name},
                )
            )
        else:
            row.values["organisation_id"] = organisation.pk


def _resolve_units(report: RosterReport, columns: Columns) -> None:
    if "commune" not in columns.index and "province" not in columns.index:
        return
    resolver = units.UnitResolver()
    column = columns.written.get("commune") or columns.written["province"]
    for row in report.rows:
        province = row.values.pop("province", "")
        commune = row.values.pop("commune", "")
        district = row.values.pop("district", "")
        if not (province or commune):
            continue
        outcome = resolver.resolve(
            province=province, commune=commune, district=district
        )
        if outcome.error:
            row.errors.append(Problem(row.number, column, outcome.error))
            continue
        if outcome.notice:
            row.notices.append(Problem(row.number, column, outcome.notice))
        row.values.update(outcome.reference)


def _existing_label(trainee: Trainee) -> str:
    label = trainee.full_name
    if trainee.birth_display:
        label += _(", sinh %(birth)s") % {"birth": trainee.birth_display}
    return _("học viên đã có “%(label)s” (mã %(id)s)") % {
        "label": label,
        "id": trainee.pk,
    }


def _identity(row: RosterRow) -> tuple[str, int | None, object]:
    values = row.values
    return (row.name_folded, values.get("birth_year"), values.get("unit_commune_code"))


def _find_duplicates(
    report: RosterReport, columns: Columns, training_class: TrainingClass
) -> None:
    """Same phone, or same folded name + birth year + commune: reported, not merged."""
    rows = [row for row in report.rows if "full_name" in row.values]
    name_column = columns.written["full_name"]
    phone_column = columns.written.get("phone", name_column)
    by_phone: dict[str, list[RosterRow]] = defaultdict(list)
    by_identity: dict[tuple, list[RosterRow]] = defaultdict(list)
    for row in rows:
        if row.values.get("phone"):
            by_phone[row.values["phone"]].append(row)
        by_identity[_identity(row)].append(row)

    def report_in_file(groups: dict, column: str, reason: str) -> None:
        for group in groups.values():
            if len(group) < 2:
                continue
            for row in group:
                others = ", ".join(str(o.number) for o in group if o is not row)
                row.errors.append(
                    Problem(
                        row.number,
                        column,
                        _("Trùng với dòng %(rows)s (%(reason)s).")
                        % {"rows": others, "reason": reason},
                    )
                )

    report_in_file(by_phone, phone_column, _("cùng số điện thoại"))
    report_in_file(by_identity, name_column, _("cùng họ tên, năm sinh và xã"))

    in_class = set(
        Enrollment.objects.active()
        .for_class(training_class)
        .values_list("trainee_id", flat=True)
    )

    subtree = Organisation.objects.subtree_of(training_class.organisation)
    visible_scope = Q(organisation__in=subtree) | Q(
        enrollments__training_class__organisation__in=subtree
    )

    visible_ids: set[int] = set()

    def label(trainee: Trainee) -> str:
        # A duplicate in another organisation is named by its number only: its
        # organiser, not this one, may see who it is (least access).
        if trainee.pk in visible_ids:
            return _existing_label(trainee)
        return _("một học viên thuộc đơn vị khác (mã %(id)s)") % {"id": trainee.pk}

    def report_existing(row: RosterRow, trainee: Trainee, column: str, why: str):
        message = _("Trùng với %(existing)s (%(reason)s).") % {
            "existing": label(trainee),
            "reason": why,
        }
        if trainee.pk in in_class:
            message += " " + _("Người này đã có trong lớp.")
        row.errors.append(Problem(row.number, column, message))

    existing_by_phone = list(
        Trainee.objects.filter(phone__in=list(by_phone)).only(
            "pk", "full_name", "phone", "birth_date", "birth_year"
        )
    )
    names = {key[0] for key in by_identity}
    existing_by_name = list(
        Trainee.objects.filter(name_folded__in=list(names)).only(
            "pk",
            "full_name",
            "name_folded",
            "phone",
            "birth_date",
            "birth_year",
            "unit_commune_code",
        )
    )
    candidates = {t.pk for t in existing_by_phone} | {t.pk for t in existing_by_name}
    visible_ids.update(
        Trainee.objects.filter(visible_scope, pk__in=candidates).values_list(
            "pk", flat=True
        )
    )
    for trainee in existing_by_phone:
        for row in by_phone[trainee.phone]:
            report_existing(row, trainee, phone_column, _("cùng số điện thoại"))
    for trainee in existing_by_name:
        key = (trainee.name_folded, trainee.birth_year, trainee.unit_commune_code)
        for row in by_identity.get(key, []):
            if row.values.get("phone") and row.values["phone"] == trainee.phone:
                continue  # already reported by phone
            report_existing(row, trainee, name_column, _("cùng họ tên, năm sinh và xã"))


def _check_class(report: RosterReport, training_class: TrainingClass) -> None:
    if training_class.is_locked:
        report.file_errors.append(
            Problem(None, "", _("Lớp đã khoá sổ, không nhận thêm học viên."))
        )
        return
    wanted = len(report.rows)
    if wanted > training_class.seats_left:
        report.file_errors.append(
            Problem(
                None,
                "",
                _(
                    "Danh sách có %(wanted)s người nhưng lớp chỉ còn %(left)s chỗ "
                    "(%(taken)s/%(capacity)s). Hãy tăng số chỗ của lớp hoặc bớt người."
                )
                % {
                    "wanted": wanted,
                    "left": training_class.seats_left,
                    "taken": training_class.seats_taken,
                    "capacity": training_class.capacity,
                },
            )
        )


def check_roster(
    *, data: bytes, filename: str, training_class: TrainingClass
) -> RosterReport:
    """Read and check a roster for a class; writes nothing."""
    report = RosterReport(training_class=training_class)
    try:
        table = read_table(data, filename)
        columns, data_rows = find_header(table)
    except RosterFileError as error:
        report.file_errors.append(Problem(None, "", error.message))
        return report
    report.encoding = table.encoding
    report.file_notices += [Problem(None, "", notice) for notice in table.notices]
    if columns.ignored:
        report.file_notices.append(
            Problem(
                None,
                "",
                _("Bỏ qua các cột không dùng: %(columns)s.")
                % {"columns": ", ".join(f"“{name}”" for name in columns.ignored)},
            )
        )
    if not data_rows:
        report.file_errors.append(
            Problem(None, "", _("Không có học viên nào dưới dòng tiêu đề."))
        )
        return report
    memo: dict[tuple[str, object], object] = {}
    report.rows = [
        _clean_row(number, cells, columns, memo) for number, cells in data_rows
    ]
    _resolve_organisations(report, columns, training_class)
    _resolve_units(report, columns)
    _find_duplicates(report, columns, training_class)
    _check_class(report, training_class)
    return report


# --- writing -----------------------------------------------------------------------


def _dataset(report: RosterReport) -> tablib.Dataset:
    dataset = tablib.Dataset(headers=[*ROSTER_DATASET_COLUMNS, *ROSTER_DATASET_EXTRA])
    defaults: dict[str, Any] = {
        "sex": "",
        "birth_date": None,
        "birth_year": None,
        "phone": "",
        "national_id": "",
        "ethnicity": "",
        "role": Trainee.Role.OTHER.value,
        "organisation_id": None,
        "village": "",
        "notes": "",
        "unit_scheme": UnitScheme.CURRENT.value,
        "unit_province_code": None,
        "unit_commune_code": None,
        "unit_label": "",
    }
    for row in report.rows:
        values = {**defaults, **row.values}
        dataset.append(
            [*(values[name] for name in ROSTER_DATASET_COLUMNS), row.name_folded]
        )
    return dataset


def _take_seats(training_class: TrainingClass, count: int) -> bool:
    # The same guard as enroll(): one conditional UPDATE, re-checked by PostgreSQL on
    # the locked row and by the seats-within-capacity constraint.
    return bool(
        TrainingClass.objects.filter(
            pk=training_class.pk,
            locked_at__isnull=True,
            seats_taken__lte=F("capacity") - count,
        ).update(seats_taken=F("seats_taken") + count)
    )


@transaction.atomic
def import_roster(
    *,
    data: bytes,
    filename: str,
    training_class: TrainingClass,
    by: User | None = None,
    dry_run: bool = False,
) -> RosterReport:
    """Create every trainee of the roster and enrol them in the class, or nothing.

    Raises RosterRejected (nothing written) when any row or the file has a problem.
    """
    training_class = TrainingClass.objects.select_for_update().get(pk=training_class.pk)
    report = check_roster(data=data, filename=filename, training_class=training_class)
    if not report.is_valid:
        raise RosterRejected(report)
    if dry_run:
        return report
    if not _take_seats(training_class, len(report.rows)):
        training_class.refresh_from_db()
        _check_class(report, training_class)
        raise RosterRejected(report)
    result = TraineeRosterResource().import_data(
        _dataset(report), dry_run=False, use_transactions=False, raise_errors=True
    )
    trainee_ids = [row.instance.pk for row in result.rows]
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                trainee_id=trainee_id,
                training_class=training_class,
                method=Enrollment.Method.IMPORT,
                enrolled_by=by,
            )
            for trainee_id in trainee_ids
        ],
        batch_size=1000,
    )
    report.created = len(trainee_ids)
    return report
