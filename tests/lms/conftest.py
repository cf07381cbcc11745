"""The access tests' shared world, and markers of the operations tests here
(pyproject registers the shared ones)."""

import pytest

from tests.lms.access_table import World, build_world


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "load: a bounded load run against a real gunicorn (LMS_LOAD_SECONDS, "
        "default 60); part of the PostgreSQL run, deselect with -m 'not load'",
    )


@pytest.fixture
def world(
    trainee,
    other_trainee,
    trainer,
    organizer,
    other_organizer,
    organisation,
    other_organisation,
) -> World:
    return build_world(
        trainee=trainee,
        other_trainee=other_trainee,
        trainer=trainer,
        organizer=organizer,
        other_organizer=other_organizer,
        organisation=organisation,
        other_organisation=other_organisation,
    )
