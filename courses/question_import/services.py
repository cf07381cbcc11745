"""Bulk question import into a course's bank from XLSX, all or nothing.

The column layout is documented in courses.question_import.reading. Every row is
checked (in courses.question_import.checking, then here against the bank) before
anything is written; one problem anywhere and nothing is.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from courses.models import Choice, Course, Question, QuestionCategory
from courses.question_import.checking import QuestionRow, read_questions
from courses.question_import.reading import Problem
from courses.vietnamese import nfc


@dataclass
class QuestionImportResult:
    rows: list[QuestionRow] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    new_categories: list[str] = field(default_factory=list)
    created: int = 0

    @property
    def problems(self) -> list[Problem]:
        return self.file_problems + [p for row in self.rows for p in row.problems]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.problems


def _same(text: str) -> str:
    return nfc(text).casefold()


def _check_duplicates(
    rows: list[QuestionRow], course: Course, text_header: str
) -> dict[str, QuestionCategory]:
    """Report questions repeated in the file or already in the course's category.

    Returns the course's categories by their case-folded name: a file's "sổ a0" goes
    into the existing "Sổ A0" rather than beside it.
    """
    categories = {
        _same(category.name): category
        for category in QuestionCategory.objects.filter(course=course)
    }
    existing = {
        (category_id, _same(text))
        for category_id, text in Question.objects.filter(
            category__in=categories.values()
        ).values_list("category_id", "text")
    }
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        if not row.category or not row.text:
            continue
        same = (_same(row.category), _same(row.text))
        category = categories.get(same[0])
        if category and (category.pk, same[1]) in existing:
            message = _("Nhóm “%(category)s” đã có câu hỏi này.") % {
                "category": category.name
            }
        elif same in seen:
            message = _("Trùng với câu hỏi ở dòng %(row)s.") % {"row": seen[same]}
        else:
            seen[same] = row.row
            continue
        row.problems.append(Problem(row.row, text_header, message))
    return categories


# --- the use case -------------------------------------------------------------------


def import_questions(
    *, file: bytes, filename: str, course: Course, dry_run: bool
) -> QuestionImportResult:
    """Check every row, then (unless dry_run, and only if all are clean) write them.

    Nothing is written when any problem is found. The write takes the course's row
    lock, so two imports into one course cannot both add the same question.
    """
    read = read_questions(file, filename)
    result = QuestionImportResult(rows=read.rows, file_problems=read.problems)
    if not read.rows:
        return result
    text_header = read.text_header
    if dry_run:
        categories = _check_duplicates(result.rows, course, text_header)
        result.new_categories = _new_categories(result.rows, categories)
        return result
    with transaction.atomic():
        list(Course.objects.select_for_update().filter(pk=course.pk).values("pk"))
        categories = _check_duplicates(result.rows, course, text_header)
        result.new_categories = _new_categories(result.rows, categories)
        if result.problems:
            return result
        result.created = _write(result.rows, course, categories)
    return result


def _new_categories(
    rows: list[QuestionRow], categories: dict[str, QuestionCategory]
) -> list[str]:
    names: dict[str, str] = {}
    for row in rows:
        if row.category and _same(row.category) not in categories:
            names.setdefault(_same(row.category), row.category)
    return list(names.values())


def _write(
    rows: list[QuestionRow], course: Course, categories: dict[str, QuestionCategory]
) -> int:
    created = QuestionCategory.objects.bulk_create(
        QuestionCategory(name=name, course=course)
        for name in _new_categories(rows, categories)
    )
    categories = categories | {_same(c.name): c for c in created}
    questions = Question.objects.bulk_create(
        Question(
            category=categories[_same(row.category)],
            kind=row.kind,
            text=row.text,
            explanation=row.explanation,
            points=row.points,
            partial_credit=row.partial_credit,
            accepted_answers="\n".join(row.accepted_answers),
        )
        for row in rows
    )
    Choice.objects.bulk_create(
        Choice(question=question, text=text, is_correct=is_correct, sort_order=order)
        for question, row in zip(questions, rows, strict=True)
        for order, (text, is_correct) in enumerate(row.choices)
    )
    return len(questions)
