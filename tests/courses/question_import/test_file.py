"""Bulk question import: the file as a whole (formulas, zip bombs, size, row count,
what is not an .xlsx)."""

import io
import zipfile

import openpyxl
import pytest

from courses.models import Choice
from courses.question_import import import_questions
from tests.courses.question_import.support import (
    HEADERS,
    assert_nothing_written,
    only_problem,
    run,
    single,
)

pytestmark = pytest.mark.django_db


def test_a_formula_cell_is_refused_and_not_evaluated(course):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append([single().get(h) for h in HEADERS])
    sheet["D2"] = '=HYPERLINK("http://evil.example","Hộ gia đình")'
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_questions(
        file=buffer.getvalue(), filename="q.xlsx", course=course, dry_run=False
    )

    problem = only_problem(result)
    assert (problem.row, problem.column) == (2, "Lựa chọn A")
    assert problem.message.startswith("Ô chứa công thức")
    assert_nothing_written()


def zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (51 * 1024 * 1024))
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_parsing(course, monkeypatch):
    bomb = zip_bomb()
    assert len(bomb) < 1024 * 1024

    def must_not_parse(*args, **kwargs):
        raise AssertionError("openpyxl was asked to open a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", must_not_parse)

    result = import_questions(
        file=bomb, filename="bom.xlsx", course=course, dry_run=False
    )

    assert "giải nén quá lớn" in only_problem(result).message
    assert_nothing_written()


def test_a_file_over_five_megabytes_is_refused(course):
    result = import_questions(
        file=b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024),
        filename="to.xlsx",
        course=course,
        dry_run=True,
    )

    assert "lớn hơn 5 MB" in only_problem(result).message


def test_more_than_two_thousand_questions_are_refused(course):
    rows = [single(**{"Câu hỏi": f"Câu {n}?"}) for n in range(2_001)]

    result = run(course, rows)

    assert "quá 2.000 câu hỏi" in only_problem(result).message
    assert_nothing_written()


def test_two_thousand_questions_are_accepted(course):
    rows = [single(**{"Câu hỏi": f"Câu {n}?"}) for n in range(2_000)]

    result = run(course, rows)

    assert result.created == 2_000
    assert Choice.objects.count() == 4_000


@pytest.mark.parametrize(
    ("data", "filename", "message"),
    [
        (b"Nhom,Loai\nx,y\n", "cau-hoi.csv", "không phải Excel (.xlsx)"),
        (b"\xd0\xcf\x11\xe0" + b"\0" * 100, "cau-hoi.xls", "Excel 97-2003"),
        (b"PK\x03\x04 broken", "cau-hoi.xlsx", "bị hỏng"),
    ],
)
def test_files_that_are_not_xlsx_are_refused_plainly(course, data, filename, message):
    result = import_questions(file=data, filename=filename, course=course, dry_run=True)

    assert message in only_problem(result).message


def test_a_header_with_no_rows_under_it_is_refused(course):
    result = run(course, [])

    assert "không có câu hỏi nào" in only_problem(result).message
    assert not result.is_valid
