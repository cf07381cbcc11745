"""The corpus: roster workbooks damaged in their bytes, zip, XML and cells."""

import random
import struct
from collections.abc import Iterator

from tests.courses.import_mutations.base import (
    DATE_STYLE,
    Mutant,
    Raw,
    good_row,
    package,
    roster_csv,
    roster_sheet,
    roster_xlsx,
    shared_strings_xml,
)
from tests.courses.import_mutations.damage import (
    BYTE_DAMAGE,
    first_sheet_changed,
    raw_zip,
    rezipped,
)


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
