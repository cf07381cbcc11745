"""One roster cell → one stored value, or a problem said in plain Vietnamese.

Pure functions. Each returns `Cleaned(value, notice)`: the notice says what was
repaired ("đã sửa") so the organiser can check it; anything that cannot be read
raises CellProblem with the reason.
"""

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any

import phonenumbers
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl.utils.datetime import from_excel

from courses.models import Trainee
from courses.phones import InvalidPhone, display_phone, normalise_phone
from courses.privacy import mask_national_id
from courses.roster.reading import Formula, Garbled
from courses.vietnamese import fold, given_name, nfc, nfc_text

NATIONAL_ID_DIGITS = 12
# Excel serial numbers of plausible birth dates (1900 … 2100), not years.
_EXCEL_SERIAL_RANGE = (367, 73051)


class CellProblem(ValueError):
    """The cell cannot be stored; `message` says why in the user's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Cleaned:
    value: Any
    notice: str = ""


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def text_of(raw: object) -> str:
    """A cell as stored text. Text starting with = + - @ stays text: we never
    evaluate it, and exports escape it."""
    if isinstance(raw, Formula):
        raise CellProblem(
            _(
                "Ô chứa công thức (%(formula)s). Hãy chép rồi dán đặc biệt “Chỉ giá "
                "trị” (Paste Special → Values) trước khi tải lên."
            )
            % {"formula": raw.text[:40]}
        )
    if isinstance(raw, Garbled):
        raise CellProblem(
            _(
                "Chữ gõ bằng phông cũ không chuyển được sang Unicode (“%(text)s”). "
                "Hãy chuyển mã bằng Unikey (Công cụ chuyển mã → Unicode) rồi tải lên."
            )
            % {"text": raw.text[:40]}
        )
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return nfc(str(raw))


def clean_full_name(raw: object) -> Cleaned:
    name = text_of(raw)
    if not name:
        raise CellProblem(_("Thiếu họ và tên."))
    # The folded copy and the given name are stored too, in 150 and 50 characters;
    # folding can lengthen text ("ß" → "ss").
    if len(name) > 150 or len(fold(name)) > 150:
        raise CellProblem(_("Họ và tên dài quá 150 ký tự."))
    if len(given_name(name)) > 50:
        raise CellProblem(_("Tên (chữ cuối của họ và tên) dài quá 50 ký tự."))
    if any(ch.isdigit() for ch in name):
        raise CellProblem(_("Họ và tên có chữ số: “%(name)s”.") % {"name": name})
    return Cleaned(name)


_SEXES = {
    "nam": Trainee.Sex.MALE,
    "male": Trainee.Sex.MALE,
    "m": Trainee.Sex.MALE,
    "nu": Trainee.Sex.FEMALE,
    "female": Trainee.Sex.FEMALE,
    "f": Trainee.Sex.FEMALE,
}


def clean_sex(raw: object) -> Cleaned:
    text = text_of(raw)
    if not text:
        return Cleaned("")
    sex = _SEXES.get(fold(text).strip(". "))
    if sex is None:
        raise CellProblem(
            _("Giới tính “%(text)s” không rõ: ghi Nam hoặc Nữ.") % {"text": text}
        )
    return Cleaned(sex.value)


def _plausible(year: int) -> bool:
    return 1900 <= year <= timezone.localdate().year


def _birth_from_date(day: dt.date) -> Cleaned:
    if not _plausible(day.year):
        raise CellProblem(
            _("Ngày sinh %(date)s không hợp lý.") % {"date": day.strftime("%d/%m/%Y")}
        )
    return Cleaned((day, day.year))


def clean_birth(raw: object) -> Cleaned:
    """(birth_date or None, birth_year or None) from dd/mm/yyyy, yyyy or an Excel
    date (a date cell, or the serial number it shows when the format was lost)."""
    if isinstance(raw, dt.datetime):
        return _birth_from_date(raw.date())
    if isinstance(raw, dt.date):
        return _birth_from_date(raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if not math.isfinite(raw):  # an XLSX number cell may hold 1e999
            raise CellProblem(_("Ngày sinh “%(text)s” không hợp lệ.") % {"text": raw})
        number = int(raw)
        if _plausible(number):
            return Cleaned((None, number))
        if _EXCEL_SERIAL_RANGE[0] <= number <= _EXCEL_SERIAL_RANGE[1]:
            return _birth_from_date(from_excel(number).date())
        raise CellProblem(_("Ngày sinh “%(text)s” không hợp lệ.") % {"text": raw})
    text = text_of(raw)
    if not text:
        return Cleaned((None, None))
    if re.fullmatch(r"\d{4}", text):
        if not _plausible(int(text)):
            raise CellProblem(_("Năm sinh %(year)s không hợp lý.") % {"year": text})
        return Cleaned((None, int(text)))
    match = re.fullmatch(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", text)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?", text)
    try:
        if match:
            day = dt.date(int(match[3]), int(match[2]), int(match[1]))
        elif iso:
            day = dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        else:
            raise ValueError(text)
    except ValueError as exc:
        raise CellProblem(
            _(
                "Ngày sinh “%(text)s” không đọc được: ghi ngày/tháng/năm (dd/mm/yyyy) "
                "hoặc chỉ năm sinh."
            )
            % {"text": text}
        ) from exc
    return _birth_from_date(day)


# The common case, "0912345678" as written: validated against the same metadata as
# normalise_phone, without its text parsing (the slowest step of a 10,000-row import).
_PLAIN_NATIONAL = re.compile(r"0[1-9]\d{8}")


def clean_phone(raw: object) -> Cleaned:
    text = text_of(raw)
    if not text:
        return Cleaned("")
    if _PLAIN_NATIONAL.fullmatch(text):
        number = phonenumbers.PhoneNumber(country_code=84, national_number=int(text))
        if phonenumbers.is_valid_number_for_region(number, "VN"):
            return Cleaned(f"+84{text[1:]}")
    try:
        e164, repaired = normalise_phone(text)
    except InvalidPhone as exc:
        raise CellProblem(
            _("Số điện thoại “%(text)s” không hợp lệ.") % {"text": text}
        ) from exc
    notice = ""
    if repaired:
        notice = _("Số điện thoại “%(text)s” đã sửa thành %(phone)s.") % {
            "text": text,
            "phone": display_phone(e164),
        }
    return Cleaned(e164, notice)


def clean_national_id(raw: object) -> Cleaned:
    text = text_of(raw)
    if not text:
        return Cleaned("")
    # ASCII digits only: str.isdigit() takes full-width ones, the database does not.
    digits = re.sub(r"[\s.\-]", "", text)
    # Messages show the last four characters only: the preview is read by staff who
    # may lack view_sensitive_trainee, and the row number already points at the cell.
    if not (digits.isascii() and digits.isdigit()):
        raise CellProblem(
            _("Số CCCD “%(text)s” chỉ được có chữ số.")
            % {"text": mask_national_id(digits)}
        )
    # Province codes start at 001: Excel drops at most the first two zeros.
    if len(digits) in (NATIONAL_ID_DIGITS - 2, NATIONAL_ID_DIGITS - 1):
        padded = digits.zfill(NATIONAL_ID_DIGITS)
        return Cleaned(
            padded,
            _("Số CCCD %(id)s bị Excel bỏ số 0 đầu; đã thêm lại.")
            % {"id": mask_national_id(padded)},
        )
    if len(digits) != NATIONAL_ID_DIGITS:
        raise CellProblem(
            _("Số CCCD “%(text)s” phải có 12 chữ số (đang có %(count)s).")
            % {"text": mask_national_id(digits), "count": len(digits)}
        )
    return Cleaned(digits)


# Folded phrases → role; the first phrase found in the cell wins.
_ROLE_PHRASES: tuple[tuple[str, Trainee.Role], ...] = (
    ("ctv dan so", Trainee.Role.POPULATION_COLLABORATOR),
    ("cong tac vien dan so", Trainee.Role.POPULATION_COLLABORATOR),
    ("cong tac vien ds", Trainee.Role.POPULATION_COLLABORATOR),
    ("ctv ds", Trainee.Role.POPULATION_COLLABORATOR),
    ("tnv ctxh", Trainee.Role.SOCIAL_WORK_VOLUNTEER),
    ("ctv ctxh", Trainee.Role.SOCIAL_WORK_VOLUNTEER),
    ("tinh nguyen vien", Trainee.Role.SOCIAL_WORK_VOLUNTEER),
    ("cong tac xa hoi", Trainee.Role.SOCIAL_WORK_VOLUNTEER),
    ("chu nhiem clb", Trainee.Role.CLUB_LEADER),
    ("chu nhiem cau lac bo", Trainee.Role.CLUB_LEADER),
    ("ban chu nhiem", Trainee.Role.CLUB_LEADER),
    ("pho chu nhiem", Trainee.Role.CLUB_LEADER),
    ("can bo xa", Trainee.Role.COMMUNE_OFFICIAL),
    ("can bo phuong", Trainee.Role.COMMUNE_OFFICIAL),
    ("cong chuc xa", Trainee.Role.COMMUNE_OFFICIAL),
    ("can bo dan so xa", Trainee.Role.COMMUNE_OFFICIAL),
)


def clean_role(raw: object) -> Cleaned:
    text = text_of(raw)
    if not text:
        return Cleaned(Trainee.Role.OTHER.value)
    folded = " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())
    for phrase, role in _ROLE_PHRASES:
        if re.search(rf"\b{phrase}\b", folded):
            return Cleaned(role.value)
    return Cleaned(
        Trainee.Role.OTHER.value,
        _("Chức danh “%(text)s” ghi là Khác.") % {"text": text},
    )


def clean_short_text(raw: object, *, max_length: int) -> Cleaned:
    text = text_of(raw)
    if len(text) > max_length:
        raise CellProblem(
            _("Dài quá %(limit)s ký tự.") % {"limit": max_length},
        )
    return Cleaned(text)


def clean_notes(raw: object) -> Cleaned:
    text_of(raw)  # refuses formulas and garbled text alike
    return Cleaned(nfc_text(str(raw)) if not is_blank(raw) else "")


def clean_unit_name(raw: object) -> Cleaned:
    """A province, district or commune: a name ('Xã Lăng Can') or a code ('2002')."""
    return Cleaned(text_of(raw))
