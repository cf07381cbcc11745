"""Reading a question-bank XLSX: the first sheet's rows, the header row found and named.

Column layout (first sheet; the header row is found among the first ten rows, headers
matched ignoring case, diacritics, spacing and punctuation):

=====================  ========  ====================================================
Header                 Required  Content
=====================  ========  ====================================================
Nhóm câu hỏi           yes       category name; created under the course if missing
Loại                   yes       Một đáp án / Nhiều đáp án / Đúng-Sai / Trả lời ngắn
                                 (or single / multiple / true_false / short)
Câu hỏi                yes       the question text
Lựa chọn A … F         no        choice texts (single and multiple choice only)
Đáp án đúng            yes       letters "A" or "A, C"; "Đúng"/"Sai" for true/false;
                                 accepted answers separated by "|" for short answers
Điểm                   no        positive number, "1,5" accepted; default 1
Tính điểm từng phần    no        Có/Không (multiple choice only); default Không
Giải thích             no        shown on review
=====================  ========  ====================================================

No queries: each row is checked in courses.question_import.checking, against the bank
in courses.question_import.services. A formula cell is refused (never evaluated); text
starting with = + - @ typed as text stays literal text. All text comes out NFC.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from courses.roster import xlsx
from courses.vietnamese import fold, nfc

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 2_000
HEADER_SEARCH_ROWS = 10
LETTERS = "ABCDEF"

# Canonical column → the header the template writes, then other headers accepted.
HEADERS: dict[str, tuple[str, ...]] = {
    "category": ("Nhóm câu hỏi", "Nhóm", "Category"),
    "kind": ("Loại", "Loại câu hỏi", "Kind", "Type"),
    "text": ("Câu hỏi", "Nội dung câu hỏi", "Question"),
    **{
        f"choice_{letter}": (
            f"Lựa chọn {letter}",
            f"Phương án {letter}",
            f"Đáp án {letter}",
            f"Choice {letter}",
        )
        for letter in LETTERS
    },
    "correct": ("Đáp án đúng", "Đáp án", "Correct answer", "Answer"),
    "points": ("Điểm", "Số điểm", "Points"),
    "partial_credit": ("Tính điểm từng phần", "Điểm từng phần", "Partial credit"),
    "explanation": ("Giải thích", "Explanation"),
}
REQUIRED = ("category", "kind", "text", "correct")


def key(text: object) -> str:
    """'LỰA CHỌN A', 'lua chon a' and 'Lựa chọn A:' all give 'luachona'."""
    return re.sub(r"[^0-9a-z]", "", fold(str(text or "")))


_COLUMN_BY_KEY = {key(h): name for name, headers in HEADERS.items() for h in headers}


@dataclass(frozen=True)
class Problem:
    """One thing to fix: the sheet row (None for the whole file) and column header."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row and self.column:
            return _("Dòng %(row)s, cột “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        if self.row:
            return _("Dòng %(row)s: %(message)s") % {
                "row": self.row,
                "message": self.message,
            }
        if self.column:
            return _("Cột “%(column)s”: %(message)s") % {
                "column": self.column,
                "message": self.message,
            }
        return self.message


class FileRejected(Exception):
    def __init__(self, message: str, *, row: int | None = None, column: str = ""):
        super().__init__(message)
        self.problem = Problem(row, column, message)


def _damaged() -> FileRejected:
    return FileRejected(
        _("Tệp Excel bị hỏng, không mở được. Hãy mở bằng Excel và lưu lại (.xlsx).")
    )


def sheet_rows(data: bytes, filename: str) -> list[tuple[int, list[object]]]:
    """Non-empty rows of the first sheet as (sheet row number, cell values)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileRejected(_("Tệp lớn hơn 5 MB."))
    if not data.startswith(b"PK\x03\x04"):
        if filename.lower().endswith(".xls"):
            raise FileRejected(
                _(
                    "Tệp Excel 97-2003 (.xls) chưa đọc được. Hãy mở bằng Excel, chọn "
                    "Lưu thành → Excel Workbook (.xlsx) rồi tải lên lại."
                )
            )
        raise FileRejected(_("Tệp không phải Excel (.xlsx). Hãy dùng tệp mẫu."))
    # The zip directory is checked before anything is inflated, the XML counted
    # before openpyxl parses any of it (courses.roster.xlsx).
    try:
        return xlsx.filled_rows(
            data,
            max_uncompressed=MAX_UNCOMPRESSED_BYTES,
            most=MAX_ROWS + HEADER_SEARCH_ROWS,
        )
    except xlsx.WorkbookTooLarge as exc:
        raise FileRejected(
            _("Tệp Excel khi giải nén quá lớn (trên 50 MB). Hãy chỉ giữ trang câu hỏi.")
        ) from exc
    except xlsx.WorkbookTooComplex as exc:
        raise FileRejected(exc.message) from exc
    except xlsx.TooManyRows:
        raise _too_many_rows() from None
    except xlsx.WorkbookDamaged as exc:
        raise _damaged() from exc


def _too_many_rows() -> FileRejected:
    return FileRejected(
        _("Tệp có quá %(limit)s câu hỏi. Hãy chia thành nhiều tệp nhỏ hơn.")
        % {"limit": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def find_header(
    rows: list[tuple[int, list[object]]],
) -> tuple[dict[str, tuple[int, str]], list[tuple[int, list[object]]]]:
    """Column name → (index, header as written), and the data rows under the header."""
    for position, (number, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, tuple[int, str]] = {}
        for index, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            name = _COLUMN_BY_KEY.get(key(cell))
            if name and name not in columns:
                columns[name] = (index, nfc(cell))
        if len(columns) < 2:
            continue
        for name in REQUIRED:
            if name not in columns:
                raise FileRejected(
                    _("Thiếu cột này ở dòng tiêu đề. Hãy thêm cột hoặc dùng tệp mẫu."),
                    row=number,
                    column=HEADERS[name][0],
                )
        data_rows = rows[position + 1 :]
        if len(data_rows) > MAX_ROWS:
            raise _too_many_rows()
        return columns, data_rows
    raise FileRejected(
        _(
            "Không tìm thấy dòng tiêu đề (Nhóm câu hỏi, Loại, Câu hỏi, Đáp án đúng…) "
            "trong %(rows)s dòng đầu. Hãy dùng tệp mẫu."
        )
        % {"rows": HEADER_SEARCH_ROWS}
    )
