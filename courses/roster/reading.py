"""Bytes of an uploaded roster → rows of cells, with the header row found and named.

Pure: no ORM. XLSX through openpyxl in read-only mode (values as written: a formula is
never evaluated), CSV in whatever encoding Excel or a colleague saved it in. Limits are
checked before any parsing, so a zip bomb is refused from its directory alone and an
XML or row bomb from a count of the package's XML (courses.roster.xlsx).
"""

import csv
import io
import itertools
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from courses.roster import legacy, xlsx
from courses.roster.xlsx import Formula
from courses.vietnamese import fold

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_DATA_ROWS = 10_000
HEADER_SEARCH_ROWS = 30

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class RosterFileError(Exception):
    """The file as a whole cannot be read; `message` says why and what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Garbled:
    """Legacy-font text that could not be converted: reported, never stored."""

    text: str


@dataclass
class Table:
    """Rows as (row number in the sheet, cells), plus what reading had to change."""

    rows: list[tuple[int, list[object]]]
    encoding: str = ""
    notices: list[str] = field(default_factory=list)


# Canonical field → headers seen in the field (ROSTER.md). Matched after `header_key`.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "row_number": ("STT", "TT", "Số TT", "Số thứ tự"),
    "full_name": (
        "Họ và tên",
        "Họ tên",
        "Họ và tên học viên",
        "Họ tên học viên",
        "Full name",
        "Name",
    ),
    "sex": ("Giới tính", "Nam/Nữ", "Sex", "Gender"),
    "birth": (
        "Ngày sinh",
        "Năm sinh",
        "Ngày tháng năm sinh",
        "Ngày, tháng, năm sinh",
        "Date of birth",
        "Birth",
        "Year of birth",
    ),
    "phone": (
        "Số điện thoại",
        "Điện thoại",
        "SĐT",
        "ĐT",
        "Số ĐT",
        "Phone",
        "Phone number",
    ),
    "national_id": (
        "Số CCCD",
        "CCCD",
        "Số định danh",
        "Số định danh cá nhân",
        "CMND/CCCD",
        "Số CMND/CCCD",
        "National ID",
    ),
    "ethnicity": ("Dân tộc", "Ethnicity"),
    "role": ("Chức danh", "Vai trò", "Chức vụ", "Role"),
    "organisation": ("Đơn vị", "Tổ chức", "Cơ quan", "Đơn vị công tác", "Organisation"),
    "village": (
        "Thôn",
        "Bản",
        "Tổ dân phố",
        "Thôn/Bản",
        "Thôn/Tổ",
        "Thôn/Bản/Tổ dân phố",
        "Village",
    ),
    "commune": (
        "Xã/Phường",
        "Xã",
        "Phường",
        "Xã/Phường/Thị trấn",
        "Xã/Phường/Đặc khu",
        "Commune",
    ),
    "district": ("Huyện/Quận", "Huyện", "Quận", "Quận/Huyện", "District"),
    "province": ("Tỉnh/Thành phố", "Tỉnh", "Tỉnh/TP", "Thành phố", "Province"),
    "notes": ("Ghi chú", "Notes", "Note"),
}


def header_key(text: object) -> str:
    """'HỌ VÀ TÊN', 'ho va ten' and 'Họ và tên:' all give 'hovaten'."""
    return re.sub(r"[^0-9a-z]", "", fold(str(text or "")))


_HEADER_INDEX = {
    header_key(header): name
    for name, headers in HEADER_SYNONYMS.items()
    for header in headers
}


def canonical_field(header: object) -> str | None:
    return _HEADER_INDEX.get(header_key(header))


# --- decoding --------------------------------------------------------------------


def _vietnamese_score(text: str) -> int:
    """How much a cp1258 decoding looks like Vietnamese: marks on letters, ă đ ơ ư."""
    decomposed = sum(
        1
        for before, mark in itertools.pairwise(text)
        if unicodedata.combining(mark) and before.isalpha()
    )
    return decomposed + sum(text.count(ch) for ch in "ăâđơưĂĐƠƯ")


def decode_csv(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (BOM or not), UTF-16, cp1258, cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise RosterFileError(_("Tệp CSV bị hỏng (UTF-16 không hợp lệ).")) from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = data.decode("cp1252", errors="replace")
    try:
        vietnamese = data.decode("cp1258")
    except UnicodeDecodeError:
        return western, "cp1252"
    # TCVN3 text saved by a Western Windows reads as cp1252 look-alikes, full of
    # the symbols (U+00A1 to U+00BE) that Vietnamese in cp1258 never uses.
    tcvn3_symbols = sum(1 for ch in western if "\xa1" <= ch <= "\xbe")
    if _vietnamese_score(vietnamese) > tcvn3_symbols:
        return vietnamese, "cp1258"
    return western, "cp1252"


# --- reading ---------------------------------------------------------------------


def _too_many_rows() -> RosterFileError:
    return RosterFileError(
        _("Tệp có quá %(limit)s dòng dữ liệu. Hãy chia thành nhiều tệp nhỏ hơn.")
        % {"limit": f"{MAX_DATA_ROWS:,}".replace(",", ".")}
    )


def _row_budget() -> int:
    # Title block and header included; the exact count is checked after the header.
    return MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1


def _damaged_xlsx() -> RosterFileError:
    return RosterFileError(
        _("Tệp Excel bị hỏng, không mở được. Hãy mở bằng Excel và lưu lại.")
    )


def _read_xlsx(data: bytes) -> list[tuple[int, list[object]]]:
    try:
        return xlsx.filled_rows(
            data, max_uncompressed=MAX_UNCOMPRESSED_BYTES, most=_row_budget()
        )
    except xlsx.WorkbookTooLarge as exc:
        raise RosterFileError(
            _(
                "Tệp Excel khi giải nén quá lớn (trên 50 MB). Hãy chỉ giữ lại trang "
                "danh sách học viên."
            )
        ) from exc
    except xlsx.WorkbookTooComplex as exc:
        raise RosterFileError(exc.message) from exc
    except xlsx.TooManyRows:
        raise _too_many_rows() from None
    except xlsx.WorkbookDamaged as exc:
        raise _damaged_xlsx() from exc


def _read_csv(data: bytes) -> tuple[list[tuple[int, list[object]]], str]:
    text, encoding = decode_csv(data)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            sample, delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    rows: list[tuple[int, list[object]]] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append((number, list(cells)))
                if len(rows) > _row_budget():
                    raise _too_many_rows()
    except csv.Error as exc:  # a cell over 128 KB: most often a quote never closed
        raise RosterFileError(
            _(
                "Tệp CSV có ô dài bất thường (trên 128 KB), thường do thiếu dấu ngoặc "
                "kép đóng. Hãy mở bằng Excel, kiểm tra rồi lưu lại."
            )
        ) from exc
    return rows, encoding


def _convert_legacy(rows: list[tuple[int, list[object]]]) -> tuple[str, list[str]]:
    texts = [cell for _n, cells in rows for cell in cells if isinstance(cell, str)]
    encoding = legacy.detect_encoding(texts)
    if encoding == "vni":
        raise RosterFileError(
            _(
                "Tệp được gõ bằng phông VNI (ví dụ “Nguyeãn Thò Hoa”), không đọc "
                "đúng được. Cách sửa: mở tệp bằng Excel, chép vùng danh sách, mở "
                "Unikey → Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn: VNI Windows, "
                "Đích: Unicode, bấm Chuyển mã, dán lại vào Excel rồi lưu và tải lên."
            )
        )
    notices = []
    if encoding == "tcvn3":
        for _number, cells in rows:
            for index, cell in enumerate(cells):
                if isinstance(cell, str) and not legacy.has_unicode_vietnamese(cell):
                    try:
                        cells[index] = legacy.tcvn3_to_unicode(cell)
                    except legacy.Unconvertible:
                        cells[index] = Garbled(cell)
        notices.append(
            _(
                "Tệp được gõ bằng phông TCVN3 (.VnTime); đã chuyển sang Unicode. "
                "Hãy kiểm tra lại họ tên ở bảng xem trước."
            )
        )
    return encoding, notices


def _nfc_cells(rows: list[tuple[int, list[object]]]) -> None:
    for _number, cells in rows:
        for index, cell in enumerate(cells):
            if isinstance(cell, str):
                # A NUL (a broken export, or UTF-16 read as bytes) means nothing in a
                # cell, and PostgreSQL refuses to store one.
                text = cell.replace("\x00", "")
                cells[index] = unicodedata.normalize("NFC", text).strip()


def read_table(data: bytes, filename: str = "") -> Table:
    """Every non-empty row of the first sheet (XLSX) or of the CSV, text in NFC."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise RosterFileError(_("Tệp lớn hơn 5 MB. Hãy bỏ bớt các trang không cần."))
    if not data.strip():
        raise RosterFileError(_("Tệp trống."))
    if data.startswith(OLE_MAGIC) or filename.lower().endswith(".xls"):
        raise RosterFileError(
            _(
                "Tệp Excel 97-2003 (.xls) chưa đọc được. Hãy mở bằng Excel, chọn "
                "Lưu thành → Excel Workbook (.xlsx) rồi tải lên lại."
            )
        )
    if data.startswith(ZIP_MAGIC):
        rows, encoding = _read_xlsx(data), "xlsx"
    else:
        rows, encoding = _read_csv(data)
    legacy_encoding, notices = _convert_legacy(rows)
    _nfc_cells(rows)
    if legacy_encoding != "unicode":
        encoding = f"{encoding}+{legacy_encoding}"
    return Table(rows=rows, encoding=encoding, notices=notices)


@dataclass
class Columns:
    """Where each known field sits, the header as written, and columns ignored."""

    header_row: int
    index: dict[str, int]
    written: dict[str, str]
    ignored: list[str]


def find_header(table: Table) -> tuple[Columns, list[tuple[int, list[object]]]]:
    """The first row where two known headers match, and the data rows below it."""
    for position, (number, cells) in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        matches = {
            column: canonical_field(cell)
            for column, cell in enumerate(cells)
            if isinstance(cell, str) and canonical_field(cell)
        }
        if len(matches) < 2:
            continue
        index: dict[str, int] = {}
        written: dict[str, str] = {}
        for column, name in matches.items():
            if name not in index:  # the first of two same-meaning columns wins
                index[name] = column
                written[name] = str(cells[column])
        ignored = [
            cell.text if isinstance(cell, Formula | Garbled) else str(cell)
            for column, cell in enumerate(cells)
            if column not in matches and cell not in (None, "")
        ]
        data_rows = table.rows[position + 1 :]
        if len(data_rows) > MAX_DATA_ROWS:
            raise _too_many_rows()
        if "full_name" not in index:
            raise RosterFileError(
                _(
                    "Không có cột “Họ và tên” ở dòng tiêu đề (dòng %(row)s). Hãy thêm "
                    "hoặc đổi tên cột, hoặc dùng tệp mẫu."
                )
                % {"row": number}
            )
        return Columns(number, index, written, ignored), data_rows
    raise RosterFileError(
        _(
            "Không tìm thấy dòng tiêu đề (ví dụ: STT, Họ và tên, Ngày sinh, Số điện "
            "thoại) trong %(rows)s dòng đầu. Hãy dùng tệp mẫu."
        )
        % {"rows": HEADER_SEARCH_ROWS}
    )
