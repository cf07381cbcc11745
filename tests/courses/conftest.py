import pytest

from courses.models import AdminUnit
from tests.courses.admin_units_fixture import load_tiny_admin_units


@pytest.fixture
def tiny_admin_units(db) -> dict[str, AdminUnit]:
    """A hand-made handful of old and new units with their old → new rows."""
    return load_tiny_admin_units()
