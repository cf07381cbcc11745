"""The organiser's dashboard, read-side only: a fixed number of queries, any number of
classes.

Everything is scoped through `visible_to(user)`: an organiser sees their
organisation's tree and nothing of another organisation. Places are counted in 2025
communes; a trainee recorded under an old (pre-2025) commune is carried to its
successor through the official table, and an old commune that was split is shown as
such rather than guessed.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.admin_units import UnitIndex
from courses.attendance_rules import Points, SessionFact, attendance_percent
from courses.models import (
    AdminUnit,
    AdminUnitSuccession,
    AttendanceRecord,
    ClassSession,
    Enrollment,
    Trainee,
    TrainingClass,
    UnitScheme,
)
from courses.vietnamese import sort_key, sorted_by_name

DEFAULT_REFRESHER_MONTHS = 12

UnitRef = tuple[str, int | None, int | None]  # scheme, province code, commune code


@dataclass(frozen=True)
class SessionRate:
    session: ClassSession
    expected: int  # trainees enrolled by the day of the session
    rate: Decimal | None  # None: not held yet, or nobody expected


@dataclass(frozen=True)
class ClassSummary:
    training_class: TrainingClass
    sessions: list[SessionRate]
    trainees: int
    rate: Decimal | None  # mean of the trainees' attendance so far

    @property
    def sessions_count(self) -> int:
        return len(self.sessions)


@dataclass(frozen=True)
class Place:
    """A 2025 commune and province, as labels; unknown places have a label too."""

    commune: str
    province: str
    is_known: bool

    @property
    def order(self) -> tuple[bool, bytes, bytes]:
        return (not self.is_known, sort_key(self.province), sort_key(self.commune))


@dataclass(frozen=True)
class CommuneCompletions:
    place: Place
    completions: int


@dataclass(frozen=True)
class DueTrainee:
    trainee: Trainee
    last_ended_on: dt.date


@dataclass(frozen=True)
class CommuneDue:
    place: Place
    trainees: list[DueTrainee] = field(default_factory=list)


@dataclass(frozen=True)
class Dashboard:
    month: dt.date  # its first day
    month_end: dt.date
    classes: list[ClassSummary]
    completions: list[CommuneCompletions]
    refresher_months: int
    refresher_cutoff: dt.date
    refresher_due: list[CommuneDue]

    @property
    def completions_total(self) -> int:
        return sum(line.completions for line in self.completions)

    @property
    def refresher_total(self) -> int:
        return sum(len(group.trainees) for group in self.refresher_due)


def month_end(first: dt.date) -> dt.date:
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier (the month's last day if it is shorter)."""
    index = day.year * 12 + day.month - 1 - months
    first = dt.date(index // 12, index % 12 + 1, 1)
    return first.replace(day=min(day.day, month_end(first).day))


def _mean(values: Iterable[Decimal]) -> Decimal | None:
    values = list(values)
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def classes_of_month(
    *, user, first: dt.date, last: dt.date, today: dt.date
) -> list[ClassSummary]:
    """Classes running in the month, with their sessions and attendance rates.

    Four queries (after the scope's own), whatever the number of classes.
    """
    classes = list(
        TrainingClass.objects.visible_to(user)
        .filter(starts_on__lte=last, ends_on__gte=first)
        .select_related("course")
        .order_by("starts_on", "code")
    )
    ids = [training_class.pk for training_class in classes]
    sessions: dict[int, list[ClassSession]] = defaultdict(list)
    for session in ClassSession.objects.filter(training_class_id__in=ids).order_by(
        "held_on", "part", "starts_at", "pk"
    ):
        sessions[session.training_class_id].append(session)
    enrolled_on: dict[int, dict[int, dt.date]] = defaultdict(dict)
    for pk, class_id, enrolled_at in (
        Enrollment.objects.active()
        .filter(training_class_id__in=ids)
        .values_list("pk", "training_class_id", "enrolled_at")
    ):
        enrolled_on[class_id][pk] = timezone.localdate(enrolled_at)
    statuses: dict[int, dict[int, str]] = defaultdict(dict)
    for session_id, enrollment_id, status in AttendanceRecord.objects.filter(
        session__training_class_id__in=ids
    ).values_list("session_id", "enrollment_id", "status"):
        statuses[enrollment_id][session_id] = status

    summaries = []
    for training_class in classes:
        points = Points(
            late=training_class.late_points, excused=training_class.excused_points
        )
        enrollments = enrolled_on[training_class.pk]
        held = [
            SessionFact(s.pk, s.held_on, s.part != ClassSession.Part.TIMED)
            for s in sessions[training_class.pk]
        ]
        rates = []
        for session, fact in zip(sessions[training_class.pk], held, strict=True):
            percents = [
                percent
                for enrollment_id, on in enrollments.items()
                if (
                    percent := attendance_percent(
                        [fact], statuses[enrollment_id], enrolled_on=on, points=points
                    )
                )
                is not None
            ]
            rates.append(
                SessionRate(
                    session,
                    expected=len(percents),
                    rate=_mean(percents) if session.held_on <= today else None,
                )
            )
        trainee_percents = (
            attendance_percent(
                held,
                statuses[enrollment_id],
                enrolled_on=on,
                points=points,
                until=today,
            )
            for enrollment_id, on in enrollments.items()
        )
        summaries.append(
            ClassSummary(
                training_class,
                sessions=rates,
                trainees=len(enrollments),
                rate=_mean(p for p in trainee_percents if p is not None),
            )
        )
    return summaries


def load_unit_index(refs: Iterable[UnitRef]) -> UnitIndex:
    """A `UnitIndex` holding only the communes these references need (two queries),
    every province, and the old → new rows of the old communes among them."""
    refs = set(refs)
    current = {c for scheme, _p, c in refs if scheme == UnitScheme.CURRENT and c}
    legacy = {c for scheme, _p, c in refs if scheme == UnitScheme.LEGACY and c}
    successions = list(
        AdminUnitSuccession.objects.filter(
            old__scheme=UnitScheme.LEGACY,
            old__level=AdminUnit.Level.COMMUNE,
            old__code__in=legacy,
        ).values_list("old_id", "new_id")
    )
    units = AdminUnit.objects.filter(
        Q(level=AdminUnit.Level.PROVINCE)
        | Q(scheme=UnitScheme.CURRENT, level=AdminUnit.Level.COMMUNE, code__in=current)
        | Q(scheme=UnitScheme.LEGACY, level=AdminUnit.Level.COMMUNE, code__in=legacy)
        | Q(pk__in=[new for _old, new in successions])
    )
    return UnitIndex(units, successions)


def place_of(units: UnitIndex, ref: UnitRef) -> Place:
    scheme, province_code, commune_code = ref
    found = units.map_to_current(
        scheme=scheme, province_code=province_code, commune_code=commune_code
    )
    province = found.province.name if found.province else ""
    if found.commune is not None:
        return Place(found.commune.name, province, is_known=True)
    if found.candidates:
        return Place(_("Chưa xác định (xã/phường cũ đã chia tách)"), province, False)
    return Place(_("Chưa rõ xã/phường"), province, is_known=False)


def _completion_counts(user) -> list[tuple[UnitRef, int]]:
    rows = (
        Enrollment.objects.filter(
            training_class__in=TrainingClass.objects.visible_to(user),
            completed_at__isnull=False,
        )
        .order_by()
        .values_list(
            "trainee__unit_scheme",
            "trainee__unit_province_code",
            "trainee__unit_commune_code",
        )
        .annotate(completions=Count("pk"))
    )
    return [((scheme, province, commune), n) for scheme, province, commune, n in rows]


def _due_trainees(user, *, cutoff: dt.date, today: dt.date) -> list[Trainee]:
    """Trainees whose last completed class ended before `cutoff`.

    Someone already enrolled in a class that has not ended is on their way to a
    refresher and is left out.
    """
    booked = Enrollment.objects.active().filter(
        completed_at__isnull=True, training_class__ends_on__gte=today
    )
    return list(
        Trainee.objects.visible_to(user)
        .annotate(
            last_ended_on=Max(
                "enrollments__training_class__ends_on",
                filter=Q(enrollments__completed_at__isnull=False),
            )
        )
        .filter(last_ended_on__lt=cutoff)
        .exclude(pk__in=booked.values("trainee_id"))
    )


def _ref(trainee: Trainee) -> UnitRef:
    return (trainee.unit_scheme, trainee.unit_province_code, trainee.unit_commune_code)


def build_dashboard(
    *,
    user,
    month: dt.date,
    today: dt.date,
    refresher_months: int = DEFAULT_REFRESHER_MONTHS,
) -> Dashboard:
    first = month.replace(day=1)
    last = month_end(first)
    cutoff = months_before(today, refresher_months)
    counts = _completion_counts(user)
    due = _due_trainees(user, cutoff=cutoff, today=today)
    units = load_unit_index([ref for ref, _n in counts] + [_ref(t) for t in due])

    completions: dict[Place, int] = defaultdict(int)
    for ref, n in counts:
        completions[place_of(units, ref)] += n
    due_by_place: dict[Place, list[Trainee]] = defaultdict(list)
    for trainee in due:
        due_by_place[place_of(units, _ref(trainee))].append(trainee)

    return Dashboard(
        month=first,
        month_end=last,
        classes=classes_of_month(user=user, first=first, last=last, today=today),
        completions=[
            CommuneCompletions(place, n)
            for place, n in sorted(
                completions.items(), key=lambda item: (-item[1], item[0].order)
            )
        ],
        refresher_months=refresher_months,
        refresher_cutoff=cutoff,
        refresher_due=[
            CommuneDue(
                place,
                [
                    DueTrainee(t, t.last_ended_on)
                    for t in sorted_by_name(trainees, key=lambda t: t.full_name)
                ],
            )
            for place, trainees in sorted(
                due_by_place.items(), key=lambda item: item[0].order
            )
        ],
    )
