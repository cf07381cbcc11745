"""Bulk question import: each rule gives one problem, named by row and column, and
nothing is written."""

import pytest

from courses.models import Choice, Question, QuestionCategory
from courses.question_import import checking
from tests.courses.factories import CourseFactory
from tests.courses.question_import.support import (
    HEADERS,
    assert_nothing_written,
    only_problem,
    run,
    single,
)
from tests.courses.quiz_factories import single_choice_question

pytestmark = pytest.mark.django_db


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


def test_the_length_limits_follow_the_models():
    assert (
        QuestionCategory._meta.get_field("name").max_length
    ) == checking.MAX_CATEGORY_LENGTH
    assert (Choice._meta.get_field("text").max_length) == checking.MAX_CHOICE_LENGTH
