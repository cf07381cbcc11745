"""Reading a question-bank XLSX: one row per question, each row checked on its own.

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

No queries: checks against the bank are courses.question_import's. A formula cell is
refused (never evaluated); text starting with = + - @ typed as text stays literal
text. All text comes out NFC.
"""

import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import openpyxl
from django.utils.translation import gettext as _

from courses.models import Question
from courses.roster import xlsx
from courses.vietnamese import fold, nfc, nfc_text

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 2_000
HEADER_SEARCH_ROWS = 10
LETTERS = "ABCDEF"
MAX_POINTS = Decimal("999.99")
MAX_CATEGORY_LENGTH = 150  # QuestionCategory.name
MAX_CHOICE_LENGTH = 500  # Choice.text

TRUE_TEXT = "Đúng"
FALSE_TEXT = "Sai"

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

KIND_WORDS: dict[str, tuple[str, ...]] = {
    Question.Kind.SINGLE: ("single", "Một đáp án", "Một đáp án đúng"),
    Question.Kind.MULTIPLE: ("multiple", "Nhiều đáp án", "Nhiều đáp án đúng"),
    Question.Kind.TRUE_FALSE: ("true_false", "Đúng-Sai", "Đúng/Sai", "True/False"),
    Question.Kind.SHORT: ("short", "Trả lời ngắn", "Câu trả lời ngắn"),
}
YES = ("có", "c", "x", "yes", "y", "true", "1")
NO = ("không", "k", "no", "n", "false", "0")


def key(text: object) -> str:
    """'LỰA CHỌN A', 'lua chon a' and 'Lựa chọn A:' all give 'luachona'."""
    return re.sub(r"[^0-9a-z]", "", fold(str(text or "")))


_COLUMN_BY_KEY = {key(h): name for name, headers in HEADERS.items() for h in headers}
_KIND_BY_KEY = {key(w): kind for kind, words in KIND_WORDS.items() for w in words}
_YES = {key(word) for word in YES}
_NO = {key(word) for word in NO}


@dataclass(frozen=True)
class Formula:
    """A formula cell: reported, never evaluated nor stored."""

    text: str


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


@dataclass
class QuestionRow:
    """One data row as understood, ready to write once every row is clean."""

    row: int
    category: str = ""
    kind: str = ""
    text: str = ""
    choices: list[tuple[str, bool]] = field(default_factory=list)
    accepted_answers: list[str] = field(default_factory=list)
    points: Decimal = Decimal(1)
    partial_credit: bool = False
    explanation: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return str(Question.Kind(self.kind).label) if self.kind else ""


class _FileRejected(Exception):
    def __init__(self, message: str, *, row: int | None = None, column: str = ""):
        super().__init__(message)
        self.problem = Problem(row, column, message)


# --- reading ------------------------------------------------------------------------


def _damaged() -> _FileRejected:
    return _FileRejected(
        _("Tệp Excel bị hỏng, không mở được. Hãy mở bằng Excel và lưu lại (.xlsx).")
    )


def _sheet_rows(data: bytes, filename: str) -> list[tuple[int, list[object]]]:
    """Non-empty rows of the first sheet as (sheet row number, cell values)."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise _FileRejected(_("Tệp lớn hơn 5 MB."))
    if not data.startswith(b"PK\x03\x04"):
        if filename.lower().endswith(".xls"):
            raise _FileRejected(
                _(
                    "Tệp Excel 97-2003 (.xls) chưa đọc được. Hãy mở bằng Excel, chọn "
                    "Lưu thành → Excel Workbook (.xlsx) rồi tải lên lại."
                )
            )
        raise _FileRejected(_("Tệp không phải Excel (.xlsx). Hãy dùng tệp mẫu."))
    # The zip directory is checked before anything is inflated, the XML counted
    # before openpyxl parses any of it (courses.roster.xlsx).
    try:
        xlsx.check_package(data, max_uncompressed=MAX_UNCOMPRESSED_BYTES)
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False
        )
    except xlsx.WorkbookTooLarge as exc:
        raise _FileRejected(
            _("Tệp Excel khi giải nén quá lớn (trên 50 MB). Hãy chỉ giữ trang câu hỏi.")
        ) from exc
    except xlsx.WorkbookTooComplex as exc:
        raise _FileRejected(exc.message) from exc
    except Exception as exc:  # WorkbookDamaged, and openpyxl's many kinds
        raise _damaged() from exc
    try:
        rows: list[tuple[int, list[object]]] = []
        for number, cells in xlsx.first_sheet_rows(workbook):
            values = [
                Formula(str(cell.value))
                if getattr(cell, "data_type", None) == "f"
                else cell.value
                for cell in cells
            ]
            if any(value not in (None, "") for value in values):
                rows.append((number, values))
                if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
                    raise _too_many_rows()
        return rows
    except xlsx.WorkbookDamaged as exc:
        raise _damaged() from exc
    finally:
        workbook.close()


def _too_many_rows() -> _FileRejected:
    return _FileRejected(
        _("Tệp có quá %(limit)s câu hỏi. Hãy chia thành nhiều tệp nhỏ hơn.")
        % {"limit": f"{MAX_ROWS:,}".replace(",", ".")}
    )


def _find_header(
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
                raise _FileRejected(
                    _("Thiếu cột này ở dòng tiêu đề. Hãy thêm cột hoặc dùng tệp mẫu."),
                    row=number,
                    column=HEADERS[name][0],
                )
        data_rows = rows[position + 1 :]
        if len(data_rows) > MAX_ROWS:
            raise _too_many_rows()
        return columns, data_rows
    raise _FileRejected(
        _(
            "Không tìm thấy dòng tiêu đề (Nhóm câu hỏi, Loại, Câu hỏi, Đáp án đúng…) "
            "trong %(rows)s dòng đầu. Hãy dùng tệp mẫu."
        )
        % {"rows": HEADER_SEARCH_ROWS}
    )


# --- one row ------------------------------------------------------------------------


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return TRUE_TEXT if value else FALSE_TEXT
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc_text(str(value))


def _points(value: object) -> Decimal:
    """The points of a cell, or ValueError with the message to show."""
    if value in (None, ""):
        return Decimal(1)
    text = str(value).strip() if not isinstance(value, float) else repr(value)
    try:
        points = Decimal(text.replace(" ", "").replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(_("Điểm phải là một số dương, ví dụ 1 hoặc 1,5.")) from exc
    if isinstance(value, bool) or not points.is_finite() or points <= 0:
        raise ValueError(_("Điểm phải là một số dương, ví dụ 1 hoặc 1,5."))
    if points > MAX_POINTS:
        raise ValueError(_("Điểm tối đa là 999,99."))
    if points != points.quantize(Decimal("0.01")):
        raise ValueError(_("Điểm chỉ có tối đa hai chữ số sau dấu phẩy."))
    return points.quantize(Decimal("0.01"))


def _letters(text: str) -> tuple[list[str], list[str]]:
    """Letters named in "A, C" (or "A;C", "AC"), and the tokens that are not letters."""
    letters: list[str] = []
    unknown: list[str] = []
    for token in re.split(r"[\s,;/+&.]+", text.upper()):
        if not token:
            continue
        if all(ch in LETTERS for ch in token):
            letters.extend(ch for ch in token if ch not in letters)
        else:
            unknown.append(token)
    return letters, unknown


def _read_row(
    number: int, cells: list[object], columns: dict[str, tuple[int, str]]
) -> QuestionRow:
    row = QuestionRow(row=number)

    def header(name: str) -> str:
        return columns[name][1] if name in columns else HEADERS[name][0]

    def problem(name: str, message: str) -> None:
        row.problems.append(Problem(number, header(name), message))

    raw: dict[str, object] = {}
    for name, (index, _written) in columns.items():
        value = cells[index] if index < len(cells) else None
        if isinstance(value, Formula):
            problem(
                name,
                _(
                    "Ô chứa công thức. Hãy chép rồi dán dạng giá trị (Paste Values), "
                    "hoặc gõ dấu ' ở đầu để giữ nguyên chữ."
                ),
            )
            value = None
        raw[name] = value
    if row.problems:
        # A formula hides the value meant; checking the rest would only add noise.
        return row

    row.category = nfc(_as_text(raw.get("category")))
    if not row.category:
        problem("category", _("Chưa có tên nhóm câu hỏi."))
    elif len(row.category) > MAX_CATEGORY_LENGTH:
        problem("category", _("Tên nhóm câu hỏi dài quá 150 ký tự."))

    row.text = _as_text(raw.get("text"))
    if not row.text:
        problem("text", _("Chưa có nội dung câu hỏi."))
    row.explanation = _as_text(raw.get("explanation"))

    kind_text = _as_text(raw.get("kind"))
    row.kind = _KIND_BY_KEY.get(key(kind_text), "")
    if not kind_text:
        problem("kind", _("Chưa ghi loại câu hỏi."))
    elif not row.kind:
        problem(
            "kind",
            _(
                "Không hiểu loại “%(kind)s”. Ghi một trong: Một đáp án, Nhiều đáp án, "
                "Đúng-Sai, Trả lời ngắn."
            )
            % {"kind": kind_text},
        )

    try:
        row.points = _points(raw.get("points"))
    except ValueError as error:
        problem("points", str(error))

    partial = raw.get("partial_credit")
    if isinstance(partial, bool):
        row.partial_credit = partial
    elif key(partial) in _YES:
        row.partial_credit = True
    elif partial not in (None, "") and key(partial) not in _NO:
        problem("partial_credit", _("Ghi “Có” hoặc “Không”."))
    if row.partial_credit and row.kind and row.kind != Question.Kind.MULTIPLE:
        problem(
            "partial_credit",
            _("Chỉ câu nhiều đáp án mới tính điểm từng phần. Hãy ghi “Không”."),
        )

    choices = {letter: nfc(_as_text(raw.get(f"choice_{letter}"))) for letter in LETTERS}
    filled = [letter for letter in LETTERS if choices[letter]]
    for letter in filled:
        if len(choices[letter]) > MAX_CHOICE_LENGTH:
            problem(f"choice_{letter}", _("Lựa chọn dài quá 500 ký tự."))
    correct = _as_text(raw.get("correct"))

    if row.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        _read_choices(row, choices, filled, correct, problem)
    elif row.kind == Question.Kind.TRUE_FALSE:
        _read_true_false(row, choices, filled, correct, problem)
    elif row.kind == Question.Kind.SHORT:
        row.accepted_answers = [a for a in (nfc(p) for p in correct.split("|")) if a]
        if not row.accepted_answers:
            problem(
                "correct",
                _(
                    "Câu trả lời ngắn cần ít nhất một đáp án được chấp nhận; nhiều "
                    "đáp án cách nhau bằng dấu |."
                ),
            )
        if filled:
            problem(
                f"choice_{filled[0]}",
                _("Câu trả lời ngắn không có lựa chọn: hãy để trống các cột lựa chọn."),
            )
    return row


def _read_choices(row, choices, filled, correct, problem) -> None:
    letters, unknown = _letters(correct)
    row.choices = [(choices[letter], letter in letters) for letter in filled]
    if len(filled) < 2:
        problem("choice_A", _("Cần ít nhất hai lựa chọn."))
    if not correct:
        problem("correct", _("Chưa ghi đáp án đúng (chữ cái của lựa chọn, ví dụ A)."))
        return
    if unknown:
        problem(
            "correct",
            _("“%(value)s” không phải chữ cái của lựa chọn (A đến F).")
            % {"value": ", ".join(unknown)},
        )
        return
    for letter in letters:
        if letter not in filled:
            problem(
                "correct",
                _("Đáp án %(letter)s trỏ tới ô “Lựa chọn %(letter)s” đang trống.")
                % {"letter": letter},
            )
    if row.kind == Question.Kind.SINGLE and len(letters) != 1:
        problem(
            "correct",
            _("Câu một đáp án phải có đúng một đáp án đúng (đang ghi %(count)s).")
            % {"count": len(letters)},
        )


def _read_true_false(row, choices, filled, correct, problem) -> None:
    answer = key(correct)
    if answer in ("dung", "d", "true", "t"):
        is_true = True
    elif answer in ("sai", "s", "false", "f"):
        is_true = False
    else:
        problem("correct", _("Câu Đúng-Sai: ghi “Đúng” hoặc “Sai”."))
        is_true = None
    # People often type Đúng and Sai into A and B themselves; that is the same thing.
    spelled_out = filled == ["A", "B"] and [key(choices["A"]), key(choices["B"])] == [
        "dung",
        "sai",
    ]
    if filled and not spelled_out:
        problem(
            f"choice_{filled[0]}",
            _(
                "Câu Đúng-Sai không dùng cột lựa chọn: hãy để trống (hệ thống tự tạo "
                "“Đúng” và “Sai”)."
            ),
        )
    if is_true is not None:
        row.choices = [(TRUE_TEXT, is_true), (FALSE_TEXT, not is_true)]


@dataclass
class QuestionFile:
    """What the file says: rows as understood, and problems with the file itself."""

    rows: list[QuestionRow]
    problems: list[Problem]
    text_header: str


def read_questions(data: bytes, filename: str = "") -> QuestionFile:
    """Every data row of the first sheet, each checked on its own; no database."""
    try:
        columns, data_rows = _find_header(_sheet_rows(data, filename))
    except _FileRejected as rejected:
        return QuestionFile([], [rejected.problem], HEADERS["text"][0])
    rows = [_read_row(number, cells, columns) for number, cells in data_rows]
    problems = (
        []
        if rows
        else [Problem(None, "", _("Tệp không có câu hỏi nào dưới dòng tiêu đề."))]
    )
    return QuestionFile(rows, problems, columns["text"][1])
