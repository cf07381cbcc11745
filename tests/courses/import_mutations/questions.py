"""The corpus: question files."""

import random
from collections.abc import Iterator

from courses.question_import import question_template_xlsx
from tests.courses.import_mutations.base import (
    QUESTION_HEADERS,
    QUESTION_ROWS,
    Mutant,
    Raw,
    csv_of,
    package,
    question_xlsx,
    roster_xlsx,
    shared_strings_xml,
    sheet_xml,
    workbook_bytes,
)
from tests.courses.import_mutations.damage import BYTE_DAMAGE, first_sheet_changed
from tests.courses.import_mutations.worst import (
    billion_laughs,
    head_only_sheet,
    many_entries,
)


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
