"""Bulk question import from XLSX: every rule, all or nothing, and the admin flow."""

import io
import threading
import time
import unicodedata
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core import signing
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from courses.models import Choice, Question, QuestionCategory
from courses.question_import import (
    TEMPLATE_HEADERS,
    checking,
    import_questions,
    question_template_xlsx,
    services,
    views,
)
from tests.courses.factories import CourseFactory, UserFactory
from tests.courses.quiz_factories import single_choice_question

pytestmark = pytest.mark.django_db

UPLOAD = reverse("courses_question_import")
CONFIRM = reverse("courses_question_import_confirm")
TEMPLATE = reverse("courses_question_import_template")

HEADERS = list(TEMPLATE_HEADERS)


def single(**cells) -> dict:
    return {
        "Nhóm câu hỏi": "Sổ A0",
        "Loại": "Một đáp án",
        "Câu hỏi": "Sổ A0 ghi gì?",
        "Lựa chọn A": "Hộ gia đình",
        "Lựa chọn B": "Chỉ trẻ em",
        "Đáp án đúng": "A",
        **cells,
    }


def xlsx(rows: list[dict], headers: list[str] = HEADERS) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def course():
    return CourseFactory(code="DS-A0", title="Ghi chép sổ A0")


def run(course, rows, *, dry_run=False, headers=HEADERS):
    return import_questions(
        file=xlsx(rows, headers),
        filename="cau-hoi.xlsx",
        course=course,
        dry_run=dry_run,
    )


def only_problem(result):
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    return result.problems[0]


def assert_nothing_written():
    assert Question.objects.count() == 0
    assert Choice.objects.count() == 0
    assert QuestionCategory.objects.count() == 0


# --- a good file ----------------------------------------------------------------------


EVERY_KIND = [
    single(**{"Giải thích": "Sổ A0 ghi mọi thành viên của hộ."}),
    {
        "Nhóm câu hỏi": "Sổ A0",
        "Loại": "Nhiều đáp án",
        "Câu hỏi": "Thay đổi nào phải ghi?",
        "Lựa chọn A": "Sinh",
        "Lựa chọn B": "Mua xe",
        "Lựa chọn C": "Chết",
        "Đáp án đúng": "A, C",
        "Điểm": "1,5",
        "Tính điểm từng phần": "Có",
    },
    {
        "Nhóm câu hỏi": "Tư vấn",
        "Loại": "Đúng-Sai",
        "Câu hỏi": "Được ghi khi chưa hỏi hộ.",
        "Đáp án đúng": "Sai",
        "Điểm": 2,
    },
    {
        "Nhóm câu hỏi": "Tư vấn",
        "Loại": "Trả lời ngắn",
        "Câu hỏi": "CTV là gì?",
        "Đáp án đúng": "Cộng tác viên | cộng tác viên dân số",
    },
]


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


# --- rules: one problem, named by row and column, and nothing written -----------------


RULES = [
    ({"Nhóm câu hỏi": None}, "Nhóm câu hỏi", "Chưa có tên nhóm câu hỏi"),
    ({"Nhóm câu hỏi": "N" * 151}, "Nhóm câu hỏi", "dài quá 150 ký tự"),
    ({"Loại": None}, "Loại", "Chưa ghi loại câu hỏi"),
    ({"Loại": "Tự luận"}, "Loại", "Không hiểu loại “Tự luận”"),
    ({"Câu hỏi": "   "}, "Câu hỏi", "Chưa có nội dung câu hỏi"),
    ({"Đáp án đúng": None}, "Đáp án đúng", "Chưa ghi đáp án đúng"),
    ({"Đáp án đúng": "A, B"}, "Đáp án đúng", "phải có đúng một đáp án đúng"),
    ({"Đáp án đúng": "C"}, "Đáp án đúng", "ô “Lựa chọn C” đang trống"),
    ({"Đáp án đúng": "G"}, "Đáp án đúng", "không phải chữ cái của lựa chọn"),
    ({"Đáp án đúng": 1}, "Đáp án đúng", "không phải chữ cái của lựa chọn"),
    ({"Lựa chọn B": None}, "Lựa chọn A", "Cần ít nhất hai lựa chọn"),
    ({"Lựa chọn B": "x" * 501}, "Lựa chọn B", "dài quá 500 ký tự"),
    (
        {"Loại": "Nhiều đáp án", "Lựa chọn B": None},
        "Lựa chọn A",
        "Cần ít nhất hai lựa chọn",
    ),
    (
        {"Loại": "Nhiều đáp án", "Đáp án đúng": "A, D"},
        "Đáp án đúng",
        "ô “Lựa chọn D” đang trống",
    ),
    (
        {"Loại": "Đúng-Sai", "Lựa chọn A": None, "Lựa chọn B": None},
        "Đáp án đúng",
        "ghi “Đúng” hoặc “Sai”",
    ),
    (
        {"Loại": "Đúng-Sai", "Đáp án đúng": "Đúng"},
        "Lựa chọn A",
        "không dùng cột lựa chọn",
    ),
    (
        {
            "Loại": "Trả lời ngắn",
            "Lựa chọn A": None,
            "Lựa chọn B": None,
            "Đáp án đúng": None,
        },
        "Đáp án đúng",
        "ít nhất một đáp án được chấp nhận",
    ),
    (
        {
            "Loại": "Trả lời ngắn",
            "Lựa chọn A": None,
            "Lựa chọn B": None,
            "Đáp án đúng": " | ",
        },
        "Đáp án đúng",
        "ít nhất một đáp án được chấp nhận",
    ),
    ({"Loại": "Trả lời ngắn"}, "Lựa chọn A", "không có lựa chọn"),
    ({"Điểm": 0}, "Điểm", "Điểm phải là một số dương"),
    ({"Điểm": "-1"}, "Điểm", "Điểm phải là một số dương"),
    ({"Điểm": "hai"}, "Điểm", "Điểm phải là một số dương"),
    ({"Điểm": 1000}, "Điểm", "Điểm tối đa là 999,99"),
    ({"Điểm": "1,555"}, "Điểm", "tối đa hai chữ số sau dấu phẩy"),
    ({"Tính điểm từng phần": "Có"}, "Tính điểm từng phần", "Chỉ câu nhiều đáp án"),
    ({"Tính điểm từng phần": "tuỳ"}, "Tính điểm từng phần", "Ghi “Có” hoặc “Không”"),
]


@pytest.mark.parametrize(("cells", "column", "message"), RULES)
def test_each_rule_names_row_and_column_and_nothing_is_written(
    course, cells, column, message
):
    good = single(**{"Câu hỏi": "Câu đúng quy cách?"})

    result = run(course, [good, single(**cells)])

    problem = only_problem(result)
    assert (problem.row, problem.column) == (3, column)
    assert message in problem.message
    assert str(problem).startswith(f"Dòng 3, cột “{column}”: ")
    assert "Error" not in str(problem)
    assert not result.is_valid
    assert_nothing_written()


def test_true_false_accepts_dung_and_sai_spelled_into_a_and_b(course):
    result = run(
        course,
        [
            {
                "Nhóm câu hỏi": "Tư vấn",
                "Loại": "Đúng/Sai",
                "Câu hỏi": "Trời xanh?",
                "Lựa chọn A": "Đúng",
                "Lựa chọn B": "sai",
                "Đáp án đúng": "dung",
            }
        ],
    )

    assert result.created == 1
    assert list(Choice.objects.values_list("text", "is_correct")) == [
        ("Đúng", True),
        ("Sai", False),
    ]


def test_a_missing_required_column_is_named(course):
    headers = [h for h in HEADERS if h != "Đáp án đúng"]

    result = run(course, [single()], headers=headers)

    problem = only_problem(result)
    assert problem.column == "Đáp án đúng"
    assert problem.row == 1
    assert "Thiếu cột" in problem.message
    assert_nothing_written()


def test_a_file_without_a_header_row_is_refused(course):
    result = run(course, [single()], headers=["Họ và tên", "Ngày sinh"])

    assert "Không tìm thấy dòng tiêu đề" in only_problem(result).message
    assert_nothing_written()


def test_a_question_already_in_the_category_is_reported(course):
    existing = QuestionCategory.objects.create(name="Sổ A0", course=course)
    single_choice_question(existing, text="Sổ A0 ghi gì?")

    result = run(
        course,
        [
            single(**{"Câu hỏi": "Câu mới?"}),
            single(**{"Câu hỏi": "sổ A0  ghi gì?"}),
        ],
    )

    problem = only_problem(result)
    assert (problem.row, problem.column) == (3, "Câu hỏi")
    assert "Nhóm “Sổ A0” đã có câu hỏi này" in problem.message
    assert Question.objects.count() == 1


def test_the_same_text_in_another_category_or_course_is_no_duplicate(course):
    elsewhere = QuestionCategory.objects.create(name="Sổ A0", course=CourseFactory())
    single_choice_question(elsewhere, text="Sổ A0 ghi gì?")

    result = run(course, [single(), single(**{"Nhóm câu hỏi": "Nhóm khác"})])

    assert result.created == 2


def test_a_question_repeated_in_the_file_is_reported_with_the_first_row(course):
    result = run(course, [single(), single(**{"Câu hỏi": "SỔ A0 GHI GÌ?"})])

    problem = only_problem(result)
    assert (problem.row, problem.column) == (3, "Câu hỏi")
    assert "Trùng với câu hỏi ở dòng 2" in problem.message
    assert_nothing_written()


def test_problems_in_many_rows_are_all_reported(course):
    result = run(
        course,
        [single(**{"Điểm": "x"}), single(**{"Câu hỏi": "Khác?", "Loại": "?"})],
    )

    assert [(p.row, p.column) for p in result.problems] == [
        (2, "Điểm"),
        (3, "Loại"),
    ]
    assert_nothing_written()


# --- the file as a whole ------------------------------------------------------------


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


# --- the template ---------------------------------------------------------------------


def test_the_template_imports_its_own_examples(course):
    result = import_questions(
        file=question_template_xlsx(), filename="mau.xlsx", course=course, dry_run=False
    )

    assert result.created == 4, [str(p) for p in result.problems]
    assert set(Question.objects.values_list("kind", flat=True)) == set(
        Question.Kind.values
    )


def test_the_template_explains_every_column_in_a_guide_sheet():
    workbook = openpyxl.load_workbook(io.BytesIO(question_template_xlsx()))

    assert workbook.sheetnames == ["Câu hỏi", "Hướng dẫn"]
    assert [c.value for c in workbook["Câu hỏi"][1]] == HEADERS
    explained = {row[0] for row in workbook["Hướng dẫn"].iter_rows(values_only=True)}
    for header in HEADERS:
        if not header.startswith("Lựa chọn"):
            assert header in explained
    assert "Lựa chọn A … Lựa chọn F" in explained


# --- the admin flow -------------------------------------------------------------------


def upload(client, course, data, name="cau-hoi.xlsx"):
    return client.post(
        UPLOAD, {"course": course.pk, "file": SimpleUploadedFile(name, data)}
    )


def stored_file(token: str) -> str:
    return signing.loads(token, salt=views.SIGNER_SALT)["file"]


def test_trainer_previews_then_confirms_and_the_file_is_deleted(
    client, trainer, course
):
    client.force_login(trainer)

    preview = upload(client, course, xlsx(EVERY_KIND))

    assert preview.status_code == 200
    html = preview.content.decode()
    assert "4 câu hỏi, không có lỗi. Chưa có gì được ghi." in html
    assert "Thay đổi nào phải ghi?" in html
    assert Question.objects.count() == 0
    token = preview.context["token"]
    assert stored_file(token).startswith("question-imports/")
    assert storages["private"].exists(stored_file(token))

    confirmed = client.post(CONFIRM, {"token": token}, follow=True)

    assert confirmed.status_code == 200
    assert "Đã thêm 4 câu hỏi" in confirmed.content.decode()
    assert Question.objects.filter(category__course=course).count() == 4
    assert not storages["private"].exists(stored_file(token))


def test_a_preview_with_problems_offers_no_confirmation(client, trainer, course):
    client.force_login(trainer)

    preview = upload(client, course, xlsx([single(**{"Điểm": "0"})]))

    html = preview.content.decode()
    assert "Dòng 2, cột “Điểm”: Điểm phải là một số dương" in html
    assert preview.context["token"] == ""
    assert CONFIRM not in html


def test_a_confirmation_cannot_be_replayed(client, trainer, course):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]
    client.post(CONFIRM, {"token": token})

    again = client.post(CONFIRM, {"token": token}, follow=True)

    assert "Bản xem trước đã hết hạn hoặc đã được nhập" in again.content.decode()
    assert Question.objects.count() == 1


def test_another_users_token_imports_nothing(client, trainer, course):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]
    colleague = UserFactory(username="colleague", is_staff=True)
    colleague.groups.add(*trainer.groups.all())
    client.force_login(colleague)

    response = client.post(CONFIRM, {"token": token}, follow=True)

    assert "Bản xem trước đã hết hạn" in response.content.decode()
    assert Question.objects.count() == 0


def test_a_tampered_or_expired_token_imports_nothing(
    client, trainer, course, monkeypatch
):
    client.force_login(trainer)
    token = upload(client, course, xlsx([single()])).context["token"]

    client.post(CONFIRM, {"token": token[:-2] + "xx"})
    monkeypatch.setattr(views, "TOKEN_MAX_AGE", -1)
    client.post(CONFIRM, {"token": token})

    assert Question.objects.count() == 0


def test_a_question_added_since_the_preview_stops_the_import(client, trainer, course):
    client.force_login(trainer)
    preview = upload(client, course, xlsx([single(), single(**{"Câu hỏi": "Hai?"})]))
    token = preview.context["token"]
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    single_choice_question(category, text="Hai?")

    response = client.post(CONFIRM, {"token": token})

    assert response.status_code == 200
    assert "Nhóm “Sổ A0” đã có câu hỏi này" in response.content.decode()
    assert Question.objects.count() == 1
    assert not storages["private"].exists(stored_file(token))


def test_an_oversized_upload_is_refused_by_the_form(client, trainer, course):
    client.force_login(trainer)

    response = upload(client, course, b"PK\x03\x04" + b"\0" * (5 * 1024 * 1024))

    assert response.context["form"].errors["file"] == ["Tệp lớn hơn 5 MB."]


def test_the_template_downloads_as_xlsx(client, trainer):
    client.force_login(trainer)

    response = client.get(TEMPLATE)

    assert response.status_code == 200
    assert response["Content-Type"].endswith("spreadsheetml.sheet")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content))["Câu hỏi"]
    assert [c.value for c in sheet[1]] == HEADERS


def test_staff_without_add_question_get_403(client, organizer, course):
    assert not organizer.has_perm("courses.add_question")
    client.force_login(organizer)

    assert client.get(UPLOAD).status_code == 403
    assert upload(client, course, xlsx([single()])).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert client.get(TEMPLATE).status_code == 403
    assert_nothing_written()


def test_a_trainee_is_sent_to_the_admin_login(client, trainee, course):
    client.force_login(trainee)

    for response in (
        client.get(UPLOAD),
        upload(client, course, xlsx([single()])),
        client.post(CONFIRM, {"token": "x"}),
        client.get(TEMPLATE),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))
    assert_nothing_written()


def test_the_menu_shows_the_import_only_to_those_who_may_add_questions(
    client, trainer, organizer
):
    client.force_login(trainer)
    assert UPLOAD in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(organizer)
    assert UPLOAD not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- two imports at once -----------------------------------------------------------


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_of_one_file_at_once_write_it_only_once(monkeypatch):
    course = CourseFactory()
    data = xlsx([single()])
    first_is_writing = threading.Event()
    write = services._write

    def slow_write(*args, **kwargs):
        created = write(*args, **kwargs)
        first_is_writing.set()
        time.sleep(0.5)  # still uncommitted: without the lock the other would not see
        return created

    monkeypatch.setattr(services, "_write", slow_write)
    results = {}

    def run_import(name):
        try:
            results[name] = import_questions(
                file=data, filename="q.xlsx", course=course, dry_run=False
            )
        finally:
            connection.close()

    first = threading.Thread(target=run_import, args=("first",))
    first.start()
    assert first_is_writing.wait(10)
    second = threading.Thread(target=run_import, args=("second",))
    second.start()
    first.join()
    second.join()

    assert results["first"].created == 1
    assert results["second"].created == 0
    assert "đã có câu hỏi này" in only_problem(results["second"]).message
    assert Question.objects.count() == 1
    assert QuestionCategory.objects.count() == 1


def test_the_length_limits_follow_the_models():
    assert (
        QuestionCategory._meta.get_field("name").max_length
    ) == checking.MAX_CATEGORY_LENGTH
    assert (Choice._meta.get_field("text").max_length) == checking.MAX_CHOICE_LENGTH
