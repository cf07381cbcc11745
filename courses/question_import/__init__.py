"""Bulk question import into a course's bank from XLSX, all or nothing.

reading: the file → the first sheet's rows under a named header (limits, formulas,
the column layout). checking: each data row → a QuestionRow with its problems.
services: checks against the bank and the write. template: the downloadable file.
views: the Wagtail admin upload → preview → confirm (wired by courses.wagtail_hooks).
"""

from courses.question_import.checking import QuestionFile, QuestionRow, read_questions
from courses.question_import.reading import Problem
from courses.question_import.services import QuestionImportResult, import_questions
from courses.question_import.template import TEMPLATE_HEADERS, question_template_xlsx

__all__ = [
    "TEMPLATE_HEADERS",
    "Problem",
    "QuestionFile",
    "QuestionImportResult",
    "QuestionRow",
    "import_questions",
    "question_template_xlsx",
    "read_questions",
]
