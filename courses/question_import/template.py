"""The question import template: headers, one example row per kind, a guide sheet.

The headers and examples stay Vietnamese whatever the language: they are what the
import reads back (courses.question_import).
"""

import io

import openpyxl
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font

from courses.question_import.reading import LETTERS

TEMPLATE_HEADERS = (
    "Nhóm câu hỏi",
    "Loại",
    "Câu hỏi",
    *(f"Lựa chọn {letter}" for letter in LETTERS),
    "Đáp án đúng",
    "Điểm",
    "Tính điểm từng phần",
    "Giải thích",
)
_EXAMPLES = (
    (
        "Sổ A0",
        "Một đáp án",
        "Sổ A0 dùng để ghi chép thông tin gì?",
        "Hộ gia đình và các thành viên",
        "Chỉ trẻ em dưới 5 tuổi",
        "Chỉ người cao tuổi",
        "",
        "",
        "",
        "A",
        1,
        "Không",
        "Sổ A0 ghi thông tin của từng hộ và mọi thành viên trong hộ.",
    ),
    (
        "Sổ A0",
        "Nhiều đáp án",
        "Những thay đổi nào của hộ phải ghi vào sổ A0?",
        "Có người sinh ra",
        "Có người chết",
        "Hộ mua xe máy",
        "Có người chuyển đến",
        "",
        "",
        "A, B, D",
        "1,5",
        "Có",
        "Sinh, chết, chuyển đi, chuyển đến đều phải ghi.",
    ),
    (
        "Kỹ năng tư vấn",
        "Đúng-Sai",
        "Cộng tác viên được ghi thông tin của hộ khi chưa hỏi ý kiến hộ.",
        "",
        "",
        "",
        "",
        "",
        "",
        "Sai",
        1,
        "Không",
        "Luôn hỏi và giải thích cho hộ trước khi ghi.",
    ),
    (
        "Kỹ năng tư vấn",
        "Trả lời ngắn",
        "CTV là viết tắt của cụm từ nào?",
        "",
        "",
        "",
        "",
        "",
        "",
        "Cộng tác viên|cong tac vien",
        1,
        "Không",
        "",
    ),
)


def _guide() -> list[tuple[str, str, str]]:
    required, optional = _("Bắt buộc"), _("Không bắt buộc")
    return [
        (
            "Nhóm câu hỏi",
            required,
            _(
                "Tên nhóm trong ngân hàng câu hỏi của khoá học đã chọn. Nhóm chưa có "
                "sẽ được tạo mới."
            ),
        ),
        (
            "Loại",
            required,
            _("Một trong: Một đáp án, Nhiều đáp án, Đúng-Sai, Trả lời ngắn."),
        ),
        ("Câu hỏi", required, _("Nội dung câu hỏi. Không trùng câu đã có trong nhóm.")),
        (
            "Lựa chọn A … Lựa chọn F",
            optional,
            _(
                "Các lựa chọn của câu một đáp án và nhiều đáp án (ít nhất hai). Để "
                "trống với câu Đúng-Sai và Trả lời ngắn."
            ),
        ),
        (
            "Đáp án đúng",
            required,
            _(
                "Chữ cái của lựa chọn đúng: “A”, hoặc “A, C” với câu nhiều đáp án. "
                "Câu Đúng-Sai: ghi “Đúng” hoặc “Sai”. Câu trả lời ngắn: các đáp án "
                "được chấp nhận, cách nhau bằng dấu |."
            ),
        ),
        ("Điểm", optional, _("Số dương, ví dụ 1 hoặc 1,5. Để trống: 1 điểm.")),
        (
            "Tính điểm từng phần",
            optional,
            _(
                "Có hoặc Không. Chỉ với câu nhiều đáp án: mỗi lựa chọn đúng được một "
                "phần điểm."
            ),
        ),
        ("Giải thích", optional, _("Hiện cho học viên khi xem lại bài, nếu cho phép.")),
        (
            "",
            "",
            _(
                "Không dùng công thức (ô bắt đầu bằng =). Tối đa 2.000 câu mỗi tệp. "
                "Nếu có lỗi ở bất kỳ dòng nào, không câu nào được nhập."
            ),
        ),
    ]


def question_template_xlsx() -> bytes:
    """The template to fill in: headers, one example per kind, and a guide sheet."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Câu hỏi"
    sheet.append(TEMPLATE_HEADERS)
    for example in _EXAMPLES:
        sheet.append(example)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for column, width in (("A", 20), ("B", 16), ("C", 48), ("J", 16), ("M", 40)):
        sheet.column_dimensions[column].width = width
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append((_("Cột"), _("Bắt buộc?"), _("Cách ghi")))
    for line in _guide():
        guide.append(line)
    for cell in guide[1]:
        cell.font = Font(bold=True)
    guide.column_dimensions["A"].width = 24
    guide.column_dimensions["B"].width = 16
    guide.column_dimensions["C"].width = 90
    for (cell,) in guide.iter_rows(min_col=3, max_col=3):
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
