"""The corpus: roster workbooks laid out oddly, rows past the limits, small bombs."""

import random
from collections.abc import Callable, Iterator

import openpyxl

from tests.courses.import_mutations.base import (
    ROSTER_HEADERS,
    Mutant,
    good_row,
    package,
    roster_rows,
    roster_sheet,
    roster_xlsx,
    workbook_bytes,
)
from tests.courses.import_mutations.worst import (
    billion_laughs,
    external_entity_sheet,
    head_only_sheet,
    many_entries,
)


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
