"""Bulk question import: two imports of one file at once write it only once."""

import threading
import time

import pytest
from django.db import connection

from courses.models import Question, QuestionCategory
from courses.question_import import import_questions, services
from tests.courses.factories import CourseFactory
from tests.courses.question_import.support import only_problem, single, xlsx

pytestmark = pytest.mark.django_db


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
