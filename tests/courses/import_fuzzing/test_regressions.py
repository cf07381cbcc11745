"""Regressions: each a bug the fuzzing found."""

import pytest

from courses.models import Trainee
from courses.question_import import import_questions
from courses.roster.services import RosterRejected, check_roster, import_roster
from tests.courses import import_mutations as mutations
from tests.courses.import_fuzzing.helpers import (
    MARKS,
    MEMORY_LIMIT_BYTES,
    TIME_LIMIT_SECONDS,
    measured,
)

pytestmark = MARKS


def test_regression_csv_cell_over_128_kb_is_refused_not_a_csv_error(training_class):
    # csv.Error ("field larger than field limit") escaped check_roster.
    data = mutations.csv_of([mutations.good_row(1)]).replace("CTV", '"CTV', 1).encode()

    report = check_roster(
        data=data + b"x" * 200_000, filename="ds.csv", training_class=training_class
    )

    assert [str(p) for p in report.errors] == [
        "Tệp CSV có ô dài bất thường (trên 128 KB), thường do thiếu dấu ngoặc kép "
        "đóng. Hãy mở bằng Excel, kiểm tra rồi lưu lại."
    ]


def test_regression_nul_in_a_csv_cell_is_dropped_before_postgresql(training_class):
    # PostgreSQL refuses NUL in text: the confirmation raised instead of importing.
    row = mutations.good_row(1, **{"Họ và tên": "Lò Thị\x00 Mai", "Ghi chú": "a\x00b"})
    data = mutations.csv_of([row]).encode()

    report = import_roster(data=data, filename="ds.csv", training_class=training_class)

    assert report.created == 1
    assert Trainee.objects.get().full_name == "Lò Thị Mai"
    assert Trainee.objects.get().notes == "ab"


def test_regression_infinite_birth_number_is_a_row_problem(training_class):
    # clean_birth did int(float("inf")): OverflowError out of check_roster.
    cell = mutations.Raw('<c r="{ref}"><v>1e999</v></c>')
    data = mutations.package(
        [mutations.roster_sheet(mutations.good_row(1, **{"Ngày sinh": cell}))]
    )

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert [str(p) for p in report.errors] == [
        "Dòng 2, cột “Ngày sinh”: Ngày sinh “inf” không hợp lệ."
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Nguyễn " + "a" * 60, "Tên (chữ cuối của họ và tên) dài quá 50 ký tự."),
        (" ".join(["ﬃ"] * 75), "Họ và tên dài quá 150 ký tự."),  # folds to 299
    ],
)
def test_regression_names_too_long_to_store_are_row_problems(
    training_class, name, message
):
    # given_name (50) and name_folded (150) overflowed: a DataError at confirmation.
    data = mutations.csv_of([mutations.good_row(1, **{"Họ và tên": name})]).encode()

    with pytest.raises(RosterRejected) as rejected:
        import_roster(data=data, filename="ds.csv", training_class=training_class)

    assert [p.message for p in rejected.value.report.errors] == [message]
    assert Trainee.objects.count() == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml[: len(xml) // 2],
        lambda xml: xml.replace(b'r="B5"', b'r="5B"').replace(b'r="B3"', b'r="3B"'),
        lambda xml: xml.replace(b"</row>", b"", 1),
    ],
    ids=["truncated", "bad reference", "unclosed row"],
)
def test_regression_broken_sheet_xml_is_a_damaged_file_in_both_imports(
    training_class, course, damage
):
    # openpyxl reads a sheet lazily: its errors came out of iter_rows, uncaught.
    roster = mutations.first_sheet_changed(mutations.roster_xlsx(), damage)
    questions = mutations.first_sheet_changed(mutations.question_xlsx(), damage)

    report = check_roster(
        data=roster, filename="ds.xlsx", training_class=training_class
    )
    result = import_questions(
        file=questions, filename="cau-hoi.xlsx", course=course, dry_run=True
    )

    assert "Tệp Excel bị hỏng" in str(report.errors[0])
    assert "Tệp Excel bị hỏng" in str(result.problems[0])


def test_regression_a_workbook_without_a_worksheet_is_damaged(training_class, course):
    # workbook.worksheets[0] raised IndexError.
    data = mutations.package([])

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)
    result = import_questions(
        file=data, filename="cau-hoi.xlsx", course=course, dry_run=True
    )

    assert "Tệp Excel bị hỏng" in str(report.errors[0])
    assert "Tệp Excel bị hỏng" in str(result.problems[0])


def test_regression_a_formula_in_the_header_row_is_named_by_its_text(training_class):
    # The notice about ignored columns showed “Formula(text='=\"STT\"')”.
    data = mutations.workbook_bytes(
        mutations.roster_rows(1),
        ['="STT"', *mutations.ROSTER_HEADERS[1:]],
        formulas={"A1": '="STT"'},
    )

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert 'Bỏ qua các cột không dùng: “="STT"”.' in [str(n) for n in report.notices]


def test_regression_full_width_digits_in_a_national_id_are_a_row_problem(
    training_class,
):
    # A full-width digit passes str.isdigit(): the row reached PostgreSQL's 0-9 check
    # and the confirmation raised IntegrityError.
    national_id = "00108500000\uff11"
    data = mutations.csv_of(
        [mutations.good_row(1, **{"Số CCCD": national_id})]
    ).encode()

    with pytest.raises(RosterRejected) as rejected:
        import_roster(data=data, filename="ds.csv", training_class=training_class)

    (problem,) = rejected.value.report.errors
    assert problem.column == "Số CCCD"
    assert "chỉ được có chữ số" in problem.message
    assert Trainee.objects.count() == 0


@pytest.mark.parametrize(
    "sheet",
    [
        mutations.billion_laughs("worksheet", depth=4),
        mutations.external_entity_sheet(),
    ],
    ids=["entity bomb", "external entity"],
)
def test_a_dtd_in_the_sheet_is_refused_before_openpyxl_reads_it(training_class, sheet):
    # defusedxml refused these inside openpyxl already; the scan now refuses any DTD
    # before openpyxl starts, whichever part holds it.
    data = mutations.package([sheet])

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert "Tệp Excel bị hỏng" in str(report.errors[0])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('<row r="2000000000"><c r="B2000000000"><v>1</v></c></row>', "bị hỏng"),
        ('<row r="3"><c r="XFE3"><v>1</v></c></row>', "bị hỏng"),
        ('<row r="3"><c r="B3"><v>1</v></c></row>' * 500_000, "quá nhiều ô"),
    ],
    ids=["row beyond Excel", "column beyond Excel", "500,000 copies of one row"],
)
def test_regression_rows_openpyxl_would_loop_on_are_refused_at_once(
    training_class, row, message
):
    # Each ran for minutes: openpyxl yields every skipped row number, and parses
    # repeated rows it never yields.
    data = mutations.package([mutations.roster_sheet(mutations.good_row(1))])
    data = mutations.first_sheet_changed(
        data, lambda xml: xml.replace(b"</sheetData>", row.encode() + b"</sheetData>")
    )

    report, seconds, _peak = measured(
        lambda: check_roster(
            data=data, filename="ds.xlsx", training_class=training_class
        )
    )

    assert message in str(report.errors[0])
    assert seconds < TIME_LIMIT_SECONDS


def test_regression_a_lying_sheet_size_no_longer_pads_every_row(training_class):
    # "A1:XFD1048576" made openpyxl pad a million rows to 16,384 cells each.
    sheet = mutations.roster_sheet(
        mutations.good_row(1), dimension="A1:XFD1048576"
    ).replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="J1048576" t="inlineStr"><is><t>cuoi</t></is></c>'
        b"</row></sheetData>",
    )
    data = mutations.package([sheet])

    report, seconds, peak = measured(
        lambda: check_roster(
            data=data, filename="ds.xlsx", training_class=training_class
        )
    )

    assert [row.number for row in report.rows] == [2, 1048576]
    assert seconds < TIME_LIMIT_SECONDS
    assert peak < MEMORY_LIMIT_BYTES


def test_regression_a_styles_flood_is_refused_before_openpyxl_builds_it(
    training_class,
):
    # 300,000 one-line styles in a 15 KB file took 19 s and 219 MB to open.
    result, seconds, peak = measured(
        lambda: check_roster(
            data=mutations.styles_flood(),
            filename="ds.xlsx",
            training_class=training_class,
        )
    )

    assert "quá nhiều ô, dòng hoặc định dạng" in str(result.errors[0])
    assert seconds < TIME_LIMIT_SECONDS
    assert peak < 50 << 20


def test_regression_question_import_shares_the_xlsx_limits(course):
    # The 50 MB directory check alone let both imports parse a 49 MB tag flood.
    result, seconds, _peak = measured(
        lambda: import_questions(
            file=mutations.tag_flood(b"<row/>"),
            filename="cau-hoi.xlsx",
            course=course,
            dry_run=True,
        )
    )

    assert "quá nhiều ô, dòng hoặc định dạng" in str(result.problems[0])
    assert seconds < TIME_LIMIT_SECONDS


def test_a_legitimate_workbook_within_the_limits_still_imports(training_class):
    rows = mutations.roster_rows(40)
    data = mutations.workbook_bytes(rows, mutations.ROSTER_HEADERS)

    report = import_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert report.created == 40
