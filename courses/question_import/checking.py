"""Checking a question-bank XLSX row by row: each data row → a QuestionRow, on its own.

The column layout is documented in courses.question_import.reading. No queries: checks
against the bank are courses.question_import.services'.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from courses.models import Question
from courses.question_import.reading import (
    HEADERS,
    LETTERS,
    FileRejected,
    Problem,
    find_header,
    key,
    sheet_rows,
)
from courses.roster.xlsx import Formula
from courses.vietnamese import nfc, nfc_text

MAX_POINTS = Decimal("999.99")
MAX_CATEGORY_LENGTH = 150  # QuestionCategory.name
MAX_CHOICE_LENGTH = 500  # Choice.text

TRUE_TEXT = "Đúng"
FALSE_TEXT = "Sai"

KIND_WORDS: dict[str, tuple[str, ...]] = {
    Question.Kind.SINGLE: ("single", "Một đáp án", "Một đáp án đúng"),
    Question.Kind.MULTIPLE: ("multiple", "Nhiều đáp án", "Nhiều đáp án đúng"),
    Question.Kind.TRUE_FALSE: ("true_false", "Đúng-Sai", "Đúng/Sai", "True/False"),
    Question.Kind.SHORT: ("short", "Trả lời ngắn", "Câu trả lời ngắn"),
}
YES = ("có", "c", "x", "yes", "y", "true", "1")
NO = ("không", "k", "no", "n", "false", "0")

_KIND_BY_KEY = {key(w): kind for kind, words in KIND_WORDS.items() for w in words}
_YES = {key(word) for word in YES}
_NO = {key(word) for word in NO}


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
        columns, data_rows = find_header(sheet_rows(data, filename))
    except FileRejected as rejected:
        return QuestionFile([], [rejected.problem], HEADERS["text"][0])
    rows = [_read_row(number, cells, columns) for number, cells in data_rows]
    problems = (
        []
        if rows
        else [Problem(None, "", _("Tệp không có câu hỏi nào dưới dòng tiêu đề."))]
    )
    return QuestionFile(rows, problems, columns["text"][1])
