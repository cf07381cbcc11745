"""Horizontal bars for small inline SVG charts, pure: no JavaScript, no CDN.

The template draws each bar as a percentage of the chart width; widths are written
with a dot whatever the page's locale, because SVG lengths are not localised.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal


@dataclass(frozen=True)
class Bar:
    label: str
    value: Number | None
    width: str  # percent of the widest bar, "0.0" to "100.0"


def bars(items: Iterable[tuple[str, Number | None]], *, scale: Number = 0) -> list[Bar]:
    """One bar per (label, value); `scale` is the value of a full bar (0: the max).

    A missing value (None) draws no bar but keeps its label.
    """
    items = list(items)
    values = [value for _label, value in items if value is not None]
    top = Decimal(scale or max(values, default=0))
    return [
        Bar(
            label,
            value,
            f"{min(Decimal(100), 100 * Decimal(value) / top):.1f}"
            if value and top
            else "0.0",
        )
        for label, value in items
    ]
