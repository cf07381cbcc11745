"""Roster files built in memory, the way organisers' spreadsheets come."""

import csv
import io
import unicodedata
import zipfile

import openpyxl

HEADERS = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số điện thoại", "Chức danh"]


FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Lò",
]
MIDDLE = [
    "Thị",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Ngọc",
    "Thanh",
    "Thu",
    "Kim",
    "Xuân",
    "Quang",
    "Bảo",
]
GIVEN = [
    "An",
    "Ánh",
    "Bình",
    "Chi",
    "Cúc",
    "Dung",
    "Đào",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hoà",
    "Hồng",
    "Hương",
    "Huệ",
    "Lan",
    "Liên",
    "Linh",
    "Loan",
    "Mai",
    "Nga",
    "Ngân",
    "Nhung",
    "Oanh",
    "Phương",
    "Quyên",
    "Sen",
    "Thảo",
    "Trang",
    "Yến",
]


def vietnamese_name(number: int) -> str:
    """A distinct, digit-free name for each number below 51,840."""
    number, given = divmod(number, len(GIVEN))
    number, middle = divmod(number, len(MIDDLE))
    number, second = divmod(number, len(MIDDLE))
    family = number % len(FAMILY)
    return f"{FAMILY[family]} {MIDDLE[middle]} {MIDDLE[second]} {GIVEN[given]}"


def person(number: int, **overrides: object) -> list[object]:
    row = {
        "STT": number,
        "Họ và tên": vietnamese_name(number),
        "Giới tính": "Nữ",
        "Ngày sinh": "05/03/1985",
        "Số điện thoại": f"09{12000000 + number:08d}",
        "Chức danh": "CTV dân số",
    }
    row.update(overrides)
    return list(row.values())


def named_rows(names: list[str]) -> list[list[object]]:
    return [person(n, **{"Họ và tên": name}) for n, name in enumerate(names, 1)]


def xlsx_bytes(
    rows: list[list[object]],
    headers: list[str] | None = None,
    *,
    title_block: bool = False,
    formulas: dict[str, str] | None = None,
) -> bytes:
    """An .xlsx; with `title_block`, three title lines (merged) above the header."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    if title_block:
        sheet.append(["TRUNG TÂM DÂN SỐ KHU VỰC LÂM BÌNH"])
        sheet.append(["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN CỘNG TÁC VIÊN DÂN SỐ"])
        sheet.append([])
        sheet.merge_cells("A1:F1")
        sheet.merge_cells("A2:F2")
    sheet.append(headers or HEADERS)
    for row in rows:
        sheet.append(row)
    # openpyxl takes any string starting with "=" for a formula; in organisers'
    # files such text is usually typed text, so keep it text unless asked.
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for coordinate, formula in (formulas or {}).items():
        sheet[coordinate] = formula
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_text(rows: list[list[object]], headers: list[str] | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers or HEADERS)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def csv_bytes(
    rows: list[list[object]], headers: list[str] | None = None, *, encoding="utf-8"
) -> bytes:
    text = csv_text(rows, headers)
    if encoding == "cp1258":
        return cp1258_bytes(text)
    return text.encode(encoding)


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """What Excel on a Vietnamese Windows writes: a letter cp1258 lacks ("ễ") goes
    out as its base letter plus a combining tone mark ("ê" + U+0303)."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tone = next(mark for mark in decomposed if mark in TONE_MARKS)
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def zip_bomb(uncompressed_mb: int = 60) -> bytes:
    """A small .xlsx-looking zip whose members expand past the limit."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (uncompressed_mb << 20))
    return buffer.getvalue()
