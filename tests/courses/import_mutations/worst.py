"""The worst files: bombs, floods, a million rows, the largest damaged files."""

import io
import random
import re
import zipfile
import zlib

from tests.courses.import_mutations.base import (
    QUESTION_HEADERS,
    SHEET_NS,
    STYLES,
    XML_DECLARATION,
    cell_xml,
    column_letters,
    csv_of,
    good_row,
    package,
    roster_sheet,
    shared_strings_xml,
)
from tests.courses.import_mutations.damage import deflated_repeats, raw_zip


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
