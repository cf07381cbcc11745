"""The valid files every mutant starts from, and a workbook package written by hand."""

import csv
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

import openpyxl

from courses.question_import import TEMPLATE_HEADERS
from tests.courses.roster_files import HEADERS, person, xlsx_bytes


@dataclass(frozen=True)
class Mutant:
    kind: str
    filename: str
    data: bytes
    text: str = ""


# --- valid files to start from --------------------------------------------------------

ROSTER_HEADERS = [*HEADERS, "Dân tộc", "Thôn/Bản", "Số CCCD", "Ghi chú"]


def roster_rows(count: int = 6) -> list[list[object]]:
    return [
        [*person(n), "Tày", "Thôn Nà Khà", f"001085{n:06d}", "Đã tập huấn năm 2024"]
        for n in range(1, count + 1)
    ]


def csv_of(rows: list[list[object]], headers: list[str] | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers or ROSTER_HEADERS)
    writer.writerows(rows)
    return buffer.getvalue()


def roster_csv() -> bytes:
    return csv_of(roster_rows()).encode()


def roster_xlsx() -> bytes:
    return xlsx_bytes(roster_rows(), ROSTER_HEADERS, title_block=True)


QUESTION_HEADERS = list(TEMPLATE_HEADERS)
QUESTION_ROWS = [
    ["Sổ A0", "Một đáp án", "Sổ A0 ghi gì?", "Hộ gia đình", "Trẻ em"]
    + [None] * 4
    + ["A", 1, "Không", "Ghi mọi thành viên."],
    ["Sổ A0", "Nhiều đáp án", "Phải ghi gì?", "Sinh", "Mua xe", "Chết"]
    + [None] * 3
    + ["A, C", "1,5", "Có", ""],
    ["Tư vấn", "Đúng-Sai", "Được ghi khi chưa hỏi hộ."]
    + [None] * 6
    + ["Sai", 2, None, None],
    ["Tư vấn", "Trả lời ngắn", "CTV là gì?"]
    + [None] * 6
    + ["Cộng tác viên | cộng tác viên dân số", None, None, None],
]


def workbook_bytes(
    rows: list[list[object]],
    headers: list[str],
    *,
    formulas: dict[str, str] | None = None,
    before: Callable[[openpyxl.Workbook], None] | None = None,
    after: Callable[[openpyxl.Workbook], None] | None = None,
) -> bytes:
    """An .xlsx written by openpyxl; text starting with "=" stays text unless in
    `formulas`; `before` runs before the data sheet exists, `after` at the end."""
    workbook = openpyxl.Workbook()
    if before:
        before(workbook)
        sheet = workbook.create_sheet("Danh sách")
    else:
        sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for coordinate, formula in (formulas or {}).items():
        sheet[coordinate] = formula
    if after:
        after(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def question_xlsx(rows: list[list[object]] | None = None, **kwargs) -> bytes:
    return workbook_bytes(
        QUESTION_ROWS if rows is None else rows, QUESTION_HEADERS, **kwargs
    )


# --- a workbook package written by hand, for XML openpyxl would never write -----------

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
STYLES = (
    f'{XML_DECLARATION}<styleSheet xmlns="{SHEET_NS}"><fonts count="1"><font/></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)
DATE_STYLE = 1  # the cellXfs index above that formats a number as a date


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_xml(reference: str, value: object) -> str:
    """A cell: text inline, numbers as numbers, a Raw snippet as given."""
    if value is None:
        return ""
    if isinstance(value, Raw):
        return value.xml.format(ref=reference)
    if isinstance(value, bool):
        return f'<c r="{reference}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"><v>{value!r}</v></c>'
    text = escape(str(value))
    return (
        f'<c r="{reference}" t="inlineStr">'
        f'<is><t xml:space="preserve">{text}</t></is></c>'
    )


@dataclass(frozen=True)
class Raw:
    """A cell's XML as written, "{ref}" standing for its reference."""

    xml: str


def sheet_xml(
    rows: list[list[object]], *, dimension: str = "", first_row: int = 1
) -> bytes:
    lines = []
    for number, row in enumerate(rows, start=first_row):
        cells = "".join(
            cell_xml(f"{column_letters(column)}{number}", value)
            for column, value in enumerate(row, start=1)
        )
        lines.append(f'<row r="{number}">{cells}</row>')
    size = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'{XML_DECLARATION}<worksheet xmlns="{SHEET_NS}">{size}<sheetData>'
        + "".join(lines)
        + "</sheetData></worksheet>"
    ).encode()


def package(
    sheets: list[bytes],
    *,
    shared_strings: bytes | None = None,
    styles: bytes | str = STYLES,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """An .xlsx package around worksheet XML written by hand."""
    types = [
        f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>',
        f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>',
    ]
    sheet_entries, relations = [], []
    for number in range(1, len(sheets) + 1):
        types.append(
            f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
            f'ContentType="{_TYPE}.worksheet+xml"/>'
        )
        sheet_entries.append(
            f'<sheet name="Trang {number}" sheetId="{number}" r:id="rId{number}"/>'
        )
        relations.append(
            f'<Relationship Id="rId{number}" Type="{_REL}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
    relations.append(
        f'<Relationship Id="rS" Type="{_REL}/styles" Target="styles.xml"/>'
    )
    if shared_strings is not None:
        types.append(
            '<Override PartName="/xl/sharedStrings.xml" '
            f'ContentType="{_TYPE}.sharedStrings+xml"/>'
        )
        relations.append(
            f'<Relationship Id="rT" Type="{_REL}/sharedStrings" '
            'Target="sharedStrings.xml"/>'
        )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": (
            f"{XML_DECLARATION}<Types xmlns="
            '"http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(types)
            + "</Types>"
        ),
        "_rels/.rels": (
            f'{XML_DECLARATION}<Relationships xmlns="{_PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'{XML_DECLARATION}<workbook xmlns="{SHEET_NS}" xmlns:r="{_REL}"><sheets>'
            + "".join(sheet_entries)
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            f'{XML_DECLARATION}<Relationships xmlns="{_PACKAGE_REL}">'
            + "".join(relations)
            + "</Relationships>"
        ),
        "xl/styles.xml": styles,
    }
    for number, sheet in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{number}.xml"] = sheet
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    parts.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def shared_strings_xml(strings: list[str]) -> bytes:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    return f'{XML_DECLARATION}<sst xmlns="{SHEET_NS}">{items}</sst>'.encode()


def roster_sheet(*rows: list[object], **kwargs) -> bytes:
    """The roster headers, then `rows`, as worksheet XML."""
    return sheet_xml([list(ROSTER_HEADERS), *rows], **kwargs)


def good_row(number: int = 1, **cells: object) -> list[object]:
    row = dict(zip(ROSTER_HEADERS, roster_rows(number)[-1], strict=True))
    row.update(cells)
    return list(row.values())


def corpus(generators, seed: int) -> list[Mutant]:
    """Every mutant of `generators`, the same ones for the same seed."""
    rnd = random.Random(seed)
    return [mutant for generator in generators for mutant in generator(rnd)]
