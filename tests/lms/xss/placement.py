"""Which payloads go into which fields, and how they are packed to fit."""

import math
from collections.abc import Iterable

from courses.vietnamese import fold, given_name, nfc
from tests.lms.xss_payloads import PAYLOADS, Payload, pack

EVERYTHING = list(PAYLOADS)
SEARCH_WORD = "kiemthuxss"
ROSTER_HEADERS = [
    "Họ và tên",
    "Giới tính",
    "Ngày sinh",
    "Số điện thoại",
    "Chức danh",
    "Đơn vị",
    "Thôn",
    "Ghi chú",
]
WALK_INS = 40


def fits_a_name(name: str) -> bool:
    """What Trainee.full_name (150), its folded copy and given name (50) can hold."""
    text = nfc(name)
    return (
        0 < len(text) <= 150 and len(fold(text)) <= 150 and len(given_name(text)) <= 50
    )


NAMES = [p for p in PAYLOADS if fits_a_name(p.text)]
# The roster refuses names with digits; those rows go to the preview of errors.
# Rows name other people than the trainees already in the class: the import would
# refuse a duplicate.
ROSTER_FAMILY_NAME = "Lò Thị"
ROSTER_NAMES = [
    p
    for p in PAYLOADS
    if not p.has_digits and fits_a_name(f"{ROSTER_FAMILY_NAME} {p.text}")
]


def joined(payloads: Iterable[Payload], separator: str = "\n") -> str:
    return separator.join(p.text for p in payloads)


def first_pack(payloads: Iterable[Payload], limit: int) -> tuple[str, list[Payload]]:
    return pack(payloads, limit=limit)[0]


def chunks[T](items: list[T], count: int) -> list[list[T]]:
    size = math.ceil(len(items) / count)
    return [items[i : i + size] for i in range(0, len(items), size)]
