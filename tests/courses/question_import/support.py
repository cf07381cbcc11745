"""Helpers of the bulk question import tests: rows, workbooks, what an import left."""

import io

import openpyxl

from courses.models import Choice, Question, QuestionCategory
from courses.question_import import TEMPLATE_HEADERS, import_questions

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
