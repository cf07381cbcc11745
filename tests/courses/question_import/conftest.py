"""Fixtures of the bulk question import tests."""

import pytest

from tests.courses.factories import CourseFactory


@pytest.fixture
def course():
    return CourseFactory(code="DS-A0", title="Ghi chép sổ A0")
