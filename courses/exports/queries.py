"""Row sources for the exports, always scoped to what the user may see.

Rows stream: `values_list(...).iterator()` in batches of trainees taken in
Vietnamese given-name order, so memory holds one batch, never the whole export.
Cells come out typed (str, int, Decimal, date, None); writers format them.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.attendance_rules import SessionFact, allowance_amount, days_present
from courses.exports.resources import AllowanceListResource, AttendanceListResource
from courses.models import (
    AdminUnitSuccession,
    AllowanceRate,
    AttendanceRecord,
    ClassSession,
    Enrollment,
    Organisation,
    Trainee,
    TrainingClass,
    UnitScheme,
)
from courses.vietnamese import name_sort_key

ROWS_PER_BATCH = 2000
FILTER_KEYS = (
    "organisation",
    "training_class",
    "date_from",
    "date_to",
    "province_code",
    "commune_code",
)


class ExportRefused(Exception):
    """An export that cannot be made, with a message for the person who asked."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def clean_filters(raw: dict) -> dict:
    """The filters as stored in ExportLog/ExportJob: known keys, JSON values."""
    cleaned: dict = {}
    for key in ("organisation", "training_class", "province_code", "commune_code"):
        if raw.get(key) not in (None, ""):
            cleaned[key] = int(raw[key])
    for key in ("date_from", "date_to"):
        value = raw.get(key)
        if value not in (None, ""):
            if isinstance(value, str):
                value = dt.date.fromisoformat(value)
            cleaned[key] = value.isoformat()
    return cleaned


def _unit_scope(province_code: int | None, commune_code: int | None) -> Q:
    """Trainees living in a unit, older records mapped to it (whole merges only:
    a split old commune is not guessed into one of its successors)."""
    if commune_code is None:
        return Q(
            trainee__unit_province_code=province_code,
        )
    current = Q(
        trainee__unit_commune_code=commune_code,
        trainee__unit_scheme__in=[UnitScheme.CURRENT, ""],
    )
    if province_code is not None:
        current &= Q(trainee__unit_province_code=province_code)
    successions = AdminUnitSuccession.objects.filter(
        new__scheme=UnitScheme.CURRENT, new__code=commune_code, is_partial=False
    )
    if province_code is not None:
        successions = successions.filter(new__province_code=province_code)
    legacy = Q(pk__in=[])
    for old_province, old_code in successions.values_list(
        "old__province_code", "old__code"
    ):
        legacy |= Q(
            trainee__unit_scheme=UnitScheme.LEGACY,
            trainee__unit_province_code=old_province,
            trainee__unit_commune_code=old_code,
        )
    return current | legacy


def _enrollments(user, filters: dict):
    """Active enrollments the user may export, crossed with their class's sessions."""
    enrollments = Enrollment.objects.active().filter(
        training_class__in=TrainingClass.objects.visible_to(user)
    )
    if "organisation" in filters:
        organisation = Organisation.objects.filter(pk=filters["organisation"]).first()
        subtree = (
            Organisation.objects.subtree_of(organisation)
            if organisation
            else Organisation.objects.none()
        )
        enrollments = enrollments.filter(training_class__organisation__in=subtree)
    if "training_class" in filters:
        enrollments = enrollments.filter(training_class_id=filters["training_class"])
    if "province_code" in filters or "commune_code" in filters:
        enrollments = enrollments.filter(
            _unit_scope(filters.get("province_code"), filters.get("commune_code"))
        )
    sessions = Q(training_class__sessions__isnull=False)
    if "date_from" in filters:
        sessions &= Q(training_class__sessions__held_on__gte=filters["date_from"])
    if "date_to" in filters:
        sessions &= Q(training_class__sessions__held_on__lte=filters["date_to"])
    # One filter() call, so values_list below reuses this join to the sessions.
    return enrollments.filter(sessions)


_PART_ORDER = Case(
    When(training_class__sessions__part=ClassSession.Part.MORNING, then=Value(0)),
    When(training_class__sessions__part=ClassSession.Part.AFTERNOON, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def attendance_queryset(user, filters: dict):
    """Values rows for the attendance list (also the benchmark's raw baseline)."""
    record = AttendanceRecord.objects.filter(
        enrollment=OuterRef("pk"), session=OuterRef("training_class__sessions")
    )
    return (
        _enrollments(user, filters)
        .annotate(
            attendance_status=Subquery(record.values("status")[:1]),
            attendance_note=Subquery(record.values("note")[:1]),
        )
        .order_by(
            "trainee_id",
            "training_class__sessions__held_on",
            _PART_ORDER,
            "training_class__sessions__starts_at",
        )
    )


# Read besides the resource's columns: to choose "ngày sinh" or "năm sinh", and to
# say why a late enrolee has no status at a session held before they enrolled.
_EXTRA_SOURCES = ("trainee_id", "trainee__birth_date", "trainee__birth_year")


def attendance_rows(*, user, filters: dict) -> tuple[list[str], Iterator[tuple], int]:
    """Header, typed rows and their count for the attendance list."""
    filters = clean_filters(filters)
    resource = AttendanceListResource()
    columns = resource.columns()
    computed = {"stt", "birth"}
    sources = [c.source for c in columns if c.source not in computed]
    queryset = attendance_queryset(user, filters)
    # Counted and ordered from the bare join: the status subqueries are not needed.
    rows_without_status = _enrollments(user, filters).order_by()
    total = rows_without_status.count()
    header = resource.headers()

    trainees = (
        Trainee.objects.filter(pk__in=rows_without_status.values("trainee_id"))
        .values_list("pk", "full_name")
        .iterator(chunk_size=ROWS_PER_BATCH)
    )
    order = [pk for pk, name in sorted(trainees, key=lambda t: name_sort_key(t[1]))]
    rows_per_trainee = max(1, total // max(1, len(order)))
    per_batch = max(1, ROWS_PER_BATCH // rows_per_trainee)

    fetched = [*_EXTRA_SOURCES, *sources]
    offset = len(_EXTRA_SOURCES)
    # Per-column functions, chosen once: index into the fetched tuple + cell().
    plan: list[tuple[int, Callable[[Any], Any]]] = [
        (offset + sources.index(c.source), c.cell)
        for c in columns
        if c.source not in computed
    ]
    birth_at = [c.source for c in columns].index("birth")

    def rows() -> Iterator[tuple]:
        stt = 0
        for start in range(0, len(order), per_batch):
            batch = order[start : start + per_batch]
            by_trainee: dict[int, list[tuple]] = {}
            for raw in (
                queryset.filter(trainee_id__in=batch)
                .values_list(*fetched)
                .iterator(chunk_size=ROWS_PER_BATCH)
            ):
                by_trainee.setdefault(raw[0], []).append(raw)
            for trainee_id in batch:
                for raw in by_trainee.get(trainee_id, ()):
                    stt += 1
                    cells = [cell(raw[i]) for i, cell in plan]
                    cells.insert(0, stt)
                    cells.insert(birth_at, raw[1] or raw[2])
                    yield tuple(cells)

    return header, rows(), total


# --- Sign-in sheet and allowance list (one class, small: built in memory) -----------


@dataclass(frozen=True)
class Person:
    full_name: str
    unit_role: str


@dataclass(frozen=True)
class Paper:
    """What the header of a printed list shows."""

    organisation: str
    parent_organisation: str
    class_title: str
    class_code: str
    dates: str
    venue: str


def _paper(training_class: TrainingClass) -> Paper:
    organisation = training_class.organisation
    starts, ends = training_class.starts_on, training_class.ends_on
    dates = (
        f"{starts:%d/%m/%Y}"
        if starts == ends
        else _("từ %(start)s đến %(end)s")
        % {"start": f"{starts:%d/%m/%Y}", "end": f"{ends:%d/%m/%Y}"}
    )
    return Paper(
        organisation=organisation.name,
        parent_organisation=organisation.parent.name if organisation.parent else "",
        class_title=training_class.title,
        class_code=training_class.code,
        dates=dates,
        venue=training_class.venue,
    )


def _unit_role(trainee: Trainee) -> str:
    unit = trainee.organisation.name if trainee.organisation else trainee.unit_label
    role = trainee.get_role_display() if trainee.role != Trainee.Role.OTHER else ""
    return " / ".join(part for part in (unit, role) if part)


def _people(enrollments) -> list[tuple[Enrollment, Person]]:
    pairs = [
        (e, Person(e.trainee.full_name, _unit_role(e.trainee)))
        for e in enrollments.select_related("trainee__organisation")
    ]
    return sorted(pairs, key=lambda pair: name_sort_key(pair[1].full_name))


@dataclass(frozen=True)
class SignInSheet:
    paper: Paper
    session_label: str
    venue: str
    people: list[Person]


def sign_in_sheet(session: ClassSession) -> SignInSheet:
    """The blank sheet of one session: everyone actively enrolled, by given name."""
    training_class = session.training_class
    when = f"{session.get_part_display()}, {session.held_on:%d/%m/%Y}"
    if session.starts_at:
        when += f" ({session.starts_at:%H:%M}"
        when += f" - {session.ends_at:%H:%M})" if session.ends_at else ")"
    enrollments = Enrollment.objects.active().filter(training_class=training_class)
    return SignInSheet(
        paper=_paper(training_class),
        session_label=when,
        venue=session.venue or training_class.venue,
        people=[person for _e, person in _people(enrollments)],
    )


def sessions_in_order(training_class: TrainingClass):
    """A class's sessions by date, morning before afternoon, then by start time."""
    return training_class.sessions.annotate(
        part_order=Case(
            When(part=ClassSession.Part.MORNING, then=Value(0)),
            When(part=ClassSession.Part.AFTERNOON, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
    ).order_by("held_on", "part_order", "starts_at")


def class_sign_in_sheets(training_class: TrainingClass) -> list[SignInSheet]:
    return [sign_in_sheet(s) for s in sessions_in_order(training_class)]


@dataclass(frozen=True)
class Rate:
    label: str
    rate_per_day: Decimal


@dataclass(frozen=True)
class AllowanceRow:
    stt: int
    person: Person
    days: Decimal
    amounts: list[Decimal]

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, Decimal(0))


@dataclass(frozen=True)
class AllowanceList:
    paper: Paper
    rates: list[Rate]
    rows: list[AllowanceRow] = field(default_factory=list)

    @property
    def headers(self) -> list[str]:
        return AllowanceListResource(
            rate_labels=[r.label for r in self.rates]
        ).headers()

    @property
    def totals(self) -> list[Decimal]:
        return [
            sum((row.amounts[i] for row in self.rows), Decimal(0))
            for i in range(len(self.rates))
        ]

    @property
    def grand_total(self) -> Decimal:
        return sum(self.totals, Decimal(0))

    def table(self) -> Iterator[tuple]:
        """Typed rows as the XLSX shows them: rate and amount per type, total."""
        for row in self.rows:
            cells: list[Any] = [
                row.stt,
                row.person.full_name,
                row.person.unit_role,
                row.days,
            ]
            for rate, amount in zip(self.rates, row.amounts, strict=True):
                cells += [rate.rate_per_day, amount]
            yield (*cells, row.total, "")


def allowance_list(training_class: TrainingClass) -> AllowanceList:
    """Days present x rate per allowance type for everyone in the class.

    Withdrawn trainees who attended are paid for the days they came.
    """
    rates = [
        Rate(r.label, r.rate_per_day)
        for r in AllowanceRate.objects.filter(training_class=training_class)
    ]
    if not rates:
        raise ExportRefused(
            _(
                "Lớp %(code)s chưa có mức hỗ trợ nào: hãy nhập các khoản hỗ trợ và "
                "mức/ngày của lớp trước khi in danh sách ký nhận."
            )
            % {"code": training_class.code}
        )
    sessions = [
        SessionFact(s.pk, s.held_on, s.part != ClassSession.Part.TIMED)
        for s in training_class.sessions.all()
    ]
    statuses: dict[int, dict[int, str]] = {}
    for enrollment_id, session_id, status in AttendanceRecord.objects.filter(
        session__training_class=training_class
    ).values_list("enrollment_id", "session_id", "status"):
        statuses.setdefault(enrollment_id, {})[session_id] = status
    enrollments = Enrollment.objects.filter(training_class=training_class).filter(
        Q(status=Enrollment.Status.ACTIVE) | Q(pk__in=list(statuses))
    )
    rows = []
    for stt, (enrollment, person) in enumerate(_people(enrollments), start=1):
        days = days_present(sessions, statuses.get(enrollment.pk, {}))
        amounts = [allowance_amount(days, rate.rate_per_day) for rate in rates]
        rows.append(AllowanceRow(stt, person, days, amounts))
    return AllowanceList(paper=_paper(training_class), rates=rates, rows=rows)


def now_label() -> str:
    """'<ngày> tháng <m> năm <y>' as official papers date themselves."""
    today = timezone.localdate()
    return _("ngày %(d)02d tháng %(m)02d năm %(y)d") % {
        "d": today.day,
        "m": today.month,
        "y": today.year,
    }
