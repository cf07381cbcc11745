import pytest

from tests.courses.factories import CourseFactory, TrainingClassFactory


@pytest.fixture
def training_class(organisation):
    return TrainingClassFactory(organisation=organisation, capacity=20_000)


@pytest.fixture
def course():
    return CourseFactory(code="DS-A0", title="Ghi chép sổ A0")
