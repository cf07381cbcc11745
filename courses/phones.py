"""Vietnamese phone numbers: stored as E.164 (+84...), shown as 0912 345 678.

Pure functions. Repairs what spreadsheets and the 2018 renumbering did to numbers: a
leading zero Excel dropped, an old 11-digit mobile prefix (0162 → 032 and so on).
"""

import phonenumbers

# Circular 22/2018/TT-BTTTT: 11-digit mobile prefixes moved to 10 digits in 2018.
OLD_MOBILE_PREFIXES = {
    **{f"016{d}": f"03{d}" for d in "23456789"},
    "0120": "070",
    "0121": "079",
    "0122": "077",
    "0126": "076",
    "0128": "078",
    "0123": "083",
    "0124": "084",
    "0125": "085",
    "0127": "081",
    "0129": "082",
    "0186": "056",
    "0188": "058",
    "0199": "059",
}


class InvalidPhone(ValueError):
    """The text is not a Vietnamese phone number, even after the usual repairs."""


def _national_digits(raw: str) -> tuple[str, bool]:
    digits = "".join(ch for ch in str(raw) if ch.isdigit())
    text = str(raw).strip()
    if text.startswith("+84") or (text.startswith("84") and len(digits) in (11, 12)):
        digits = "0" + digits[2:]
    elif text.startswith("+"):
        raise InvalidPhone(raw)
    repaired = False
    if digits and not digits.startswith("0") and len(digits) in (9, 10):
        digits, repaired = "0" + digits, True
    if len(digits) == 11 and digits[:4] in OLD_MOBILE_PREFIXES:
        digits, repaired = OLD_MOBILE_PREFIXES[digits[:4]] + digits[4:], True
    return digits, repaired


def normalise_phone(raw: str) -> tuple[str, bool]:
    """E.164 form of a Vietnamese number and whether it had to be repaired.

    '912345678' (Excel dropped the zero) and '01662345678' (old prefix) are repaired;
    anything that is still not a valid number raises InvalidPhone.
    """
    if not str(raw).strip():
        return "", False
    digits, repaired = _national_digits(raw)
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(raw) from exc
    if not phonenumbers.is_valid_number_for_region(number, "VN"):
        raise InvalidPhone(raw)
    return phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.E164
    ), repaired


def display_phone(e164: str) -> str:
    """'+84912345678' → '0912 345 678', the way people write numbers down."""
    if not e164:
        return ""
    national = "0" + e164.removeprefix("+84")
    if len(national) == 10:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    if len(national) == 11:  # landline: area code 02x, then 8 digits
        return f"{national[:3]} {national[3:7]} {national[7:]}"
    return national
