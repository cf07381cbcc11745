"""Bulk question import from XLSX: a good file, every kind, written as it was typed."""

import io
import unicodedata
from decimal import Decimal

import openpyxl
import pytest

from courses.models import Question, QuestionCategory
from courses.question_import import import_questions
from tests.courses.factories import CourseFactory
from tests.courses.question_import.support import (
    EVERY_KIND,
    HEADERS,
    assert_nothing_written,
    run,
    single,
)

pytestmark = pytest.mark.django_db


def test_a_clean_file_imports_every_kind_with_its_choices(course):
    result = run(course, EVERY_KIND)

    assert result.is_valid
    assert result.created == 4
    assert set(
        QuestionCategory.objects.filter(course=course).values_list("name", flat=True)
    ) == {"Sổ A0", "Tư vấn"}

    first = Question.objects.get(text="Sổ A0 ghi gì?")
    assert first.kind == Question.Kind.SINGLE
    assert first.category.course == course
    assert first.points == Decimal(1)
    assert first.explanation == "Sổ A0 ghi mọi thành viên của hộ."
    assert list(first.choices.values_list("text", "is_correct", "sort_order")) == [
        ("Hộ gia đình", True, 0),
        ("Chỉ trẻ em", False, 1),
    ]

    multiple = Question.objects.get(kind=Question.Kind.MULTIPLE)
    assert multiple.points == Decimal("1.5")
    assert multiple.partial_credit is True
    assert list(multiple.choices.values_list("text", "is_correct")) == [
        ("Sinh", True),
        ("Mua xe", False),
        ("Chết", True),
    ]

    true_false = Question.objects.get(kind=Question.Kind.TRUE_FALSE)
    assert true_false.points == Decimal(2)
    assert list(true_false.choices.values_list("text", "is_correct")) == [
        ("Đúng", False),
        ("Sai", True),
    ]

    short = Question.objects.get(kind=Question.Kind.SHORT)
    assert short.accepted_answer_list == ("Cộng tác viên", "cộng tác viên dân số")
    assert not short.choices.exists()


def test_a_dry_run_checks_everything_and_writes_nothing(course):
    result = run(course, EVERY_KIND, dry_run=True)

    assert result.is_valid
    assert result.created == 0
    assert len(result.rows) == 4
    assert result.new_categories == ["Sổ A0", "Tư vấn"]
    assert_nothing_written()


def test_an_existing_category_is_reused_whatever_its_case(course):
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    QuestionCategory.objects.create(name="Sổ A0", course=CourseFactory())

    result = run(course, [single(**{"Nhóm câu hỏi": "sổ a0"})])

    assert result.created == 1
    assert result.new_categories == []
    assert Question.objects.get().category == category


def test_headers_and_kinds_without_diacritics_or_in_capitals_are_understood(course):
    headers = [
        "nhom cau hoi",
        "LOAI",
        "Cau hoi",
        "lua chon a",
        "Lựa  chọn  B",
        "dap an dung",
        "DIEM",
        "tinh diem tung phan",
        "giai thich:",
    ]
    renamed = dict(zip(HEADERS[:5] + HEADERS[9:], headers, strict=True))

    def spelled(row):
        return {renamed[header]: value for header, value in row.items()}

    rows = [
        spelled(single(**{"Loại": "MOT DAP AN", "Câu hỏi": "Câu 1?"})),
        spelled(single(**{"Loại": "single", "Câu hỏi": "Câu 2?"})),
        spelled(single(**{"Loại": "Một đáp án đúng", "Câu hỏi": "Câu 3?"})),
        spelled(
            single(
                **{"Loại": "nhiều đáp án", "Câu hỏi": "Câu 4?", "Đáp án đúng": "a,b"}
            )
        ),
        spelled(
            {
                "Nhóm câu hỏi": "Tư vấn",
                "Loại": "dung sai",
                "Câu hỏi": "Câu 5?",
                "Đáp án đúng": "đúng",
            }
        ),
        spelled(
            {
                "Nhóm câu hỏi": "Tư vấn",
                "Loại": "TRA LOI NGAN",
                "Câu hỏi": "Câu 6?",
                "Đáp án đúng": "CTV",
            }
        ),
    ]

    result = run(course, rows, headers=headers)

    assert result.is_valid, [str(p) for p in result.problems]
    assert list(Question.objects.order_by("pk").values_list("kind", flat=True)) == [
        "single",
        "single",
        "single",
        "multiple",
        "true_false",
        "short",
    ]
    assert (
        Question.objects.get(text="Câu 4?").choices.filter(is_correct=True).count() == 2
    )


def test_text_is_stored_in_nfc(course):
    decomposed = unicodedata.normalize("NFD", "Hoà Bình ở đâu?")
    result = run(
        course,
        [
            single(
                **{
                    "Nhóm câu hỏi": unicodedata.normalize("NFD", "Địa lý"),
                    "Câu hỏi": decomposed,
                    "Lựa chọn A": unicodedata.normalize("NFD", "Tây Bắc"),
                }
            )
        ],
    )

    assert result.created == 1
    question = Question.objects.get()
    assert question.text == unicodedata.normalize("NFC", "Hoà Bình ở đâu?")
    assert question.category.name == unicodedata.normalize("NFC", "Địa lý")
    assert question.choices.first().text == unicodedata.normalize("NFC", "Tây Bắc")


def test_text_starting_like_a_formula_but_typed_as_text_stays_literal(course):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    sheet.append(["Ký hiệu", "Một đáp án", "", "+84", "@home", "-5 độ"])
    sheet["C2"] = "=A1 là gì?"
    sheet["C2"].data_type = "s"  # typed with a leading apostrophe in Excel
    sheet["J2"] = "B"
    buffer = io.BytesIO()
    workbook.save(buffer)

    result = import_questions(
        file=buffer.getvalue(), filename="q.xlsx", course=course, dry_run=False
    )

    assert result.created == 1, [str(p) for p in result.problems]
    question = Question.objects.get()
    assert question.text == "=A1 là gì?"
    assert list(question.choices.values_list("text", flat=True)) == [
        "+84",
        "@home",
        "-5 độ",
    ]
