"""What a certificate prints, as plain data: no database, no clock.

`certificates.pdf` draws a `Printed`; services build one from a frozen Certificate.
"""

import datetime as dt
import string
from dataclasses import dataclass

from certificates.qr import QrBitmap
from courses.vietnamese import nfc


@dataclass(frozen=True)
class Printed:
    parent_body: str
    issuing_body: str
    title: str
    holder_name: str
    holder_birth: str
    holder_unit: str
    holder_role: str
    wording: str
    result_label: str
    result: str
    place: str
    issued_on: dt.date
    signer_title: str
    signer_name: str
    register_number: str
    verify_url: str
    expires_on: dt.date | None = None
    signature_image: bytes | None = None
    # Frozen at issue; None (a template preview) encodes `verify_url` when drawn.
    qr: QrBitmap | None = None


def dmy(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def place_and_date(place: str, day: dt.date) -> str:
    """ "Hà Nội, ngày 05 tháng 12 năm 2026", as official documents date themselves."""
    return f"{nfc(place)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def fill_wording(wording: str, values: dict[str, str]) -> str:
    """The template's wording with its placeholders filled; unknown ones left as typed.

    The template form refuses unknown placeholders; this never raises, because an
    old template must still print.
    """
    out = []
    try:
        for literal, name, _spec, _conv in string.Formatter().parse(wording):
            out.append(literal)
            if name is not None:
                out.append(values.get(name, f"{{{name}}}"))
    except ValueError:
        return nfc(wording)
    return nfc("".join(out))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")
