"""Attendance arithmetic, pure: points per status, rates, days present for allowances.

A trainee who enrolled after a session was held is not expected at it: that session
counts neither for nor against them.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

PRESENT, LATE, EXCUSED, ABSENT = "present", "late", "excused", "absent"
ATTENDED = frozenset({PRESENT, LATE})


@dataclass(frozen=True)
class Points:
    late: Decimal = Decimal(1)
    excused: Decimal = Decimal(0)

    def of(self, status: str | None) -> Decimal:
        if status == PRESENT:
            return Decimal(1)
        if status == LATE:
            return self.late
        if status == EXCUSED:
            return self.excused
        return Decimal(0)  # absent, or no record: nobody saw them


@dataclass(frozen=True)
class SessionFact:
    session_id: int
    held_on: dt.date
    is_half_day: bool = True


def is_expected(held_on: dt.date, enrolled_on: dt.date) -> bool:
    """Whether a trainee enrolled on `enrolled_on` was expected at a session."""
    return held_on >= enrolled_on


def expected_sessions(
    sessions: Iterable[SessionFact], enrolled_on: dt.date
) -> list[SessionFact]:
    """The sessions a trainee was expected at: those held on or after enrolment."""
    return [s for s in sessions if is_expected(s.held_on, enrolled_on)]


def attendance_percent(
    sessions: Iterable[SessionFact],
    statuses: Mapping[int, str],
    *,
    enrolled_on: dt.date,
    points: Points,
    until: dt.date | None = None,
) -> Decimal | None:
    """Points earned over sessions expected so far, as a percent (2 places).

    None when no session was expected yet (a trainee who joined after the last one).
    """
    expected = [
        s
        for s in expected_sessions(sessions, enrolled_on)
        if until is None or s.held_on <= until
    ]
    if not expected:
        return None
    earned = sum((points.of(statuses.get(s.session_id)) for s in expected), Decimal(0))
    percent = earned * 100 / len(expected)
    return percent.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def days_present(
    sessions: Iterable[SessionFact], statuses: Mapping[int, str]
) -> Decimal:
    """Days attended for allowances: a half-day session attended counts 0.5 day.

    Excused absence pays nothing: allowances follow presence, not points.
    """
    days = Decimal(0)
    for session in sessions:
        if statuses.get(session.session_id) in ATTENDED:
            days += Decimal("0.5") if session.is_half_day else Decimal(1)
    return days


def allowance_amount(days: Decimal, rate_per_day: Decimal) -> Decimal:
    """Whole đồng, rounded half up, as accountants write them."""
    return (days * rate_per_day).quantize(Decimal(1), rounding=ROUND_HALF_UP)
