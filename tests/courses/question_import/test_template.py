"""Bulk question import: the downloadable template."""

import io

import openpyxl
import pytest

from courses.models import Question
from courses.question_import import import_questions, question_template_xlsx
from tests.courses.question_import.support import HEADERS

pytestmark = pytest.mark.django_db


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
