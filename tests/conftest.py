"""Personas (STYLE.md) and access to the real services the marked tests need."""

import os

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import translation

from courses.roles import ORGANIZERS, TRAINERS, ensure_role_groups
from lms.testing import redis_reachable, test_database_is_intact
from tests.courses.factories import OrganisationFactory, UserFactory

pytest_plugins = ["tests.log_guard"]


@pytest.fixture(scope="session")
def django_db_createdb(request) -> bool:
    """Recreate a reused test database that a transactional test left flushed.

    Transactional tests (races, real workers) end with a flush, which also removes the
    rows Wagtail's data migrations made (root page, locale); a later `--reuse-db` run
    would start without them.
    """
    return bool(request.config.getvalue("create_db")) or not test_database_is_intact()


def pytest_collection_modifyitems(config, items):
    """Skip service tests, with the reason, only when the service does not answer."""
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    # SQLite either because it was asked for or because PostgreSQL did not answer.
    not_postgres = (
        "this run is on SQLite (LMS_TEST_DB=sqlite)"
        if os.environ.get("LMS_TEST_DB") == "sqlite"
        else f"PostgreSQL unreachable at {settings.TEST_DATABASE_URL}"
    )
    redis_up = redis_reachable(settings.TEST_BROKER_URL)
    for item in items:
        if "pg" in item.keywords and not on_postgres:
            item.add_marker(pytest.mark.skip(reason=not_postgres))
        if "redis" in item.keywords and not redis_up:
            item.add_marker(
                pytest.mark.skip(
                    reason=f"Redis unreachable at {settings.TEST_BROKER_URL}"
                )
            )


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a row id reused after a rollback must not
    find an earlier test's cached page, progress or enrolment map."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Each test starts in Vietnamese; an English request must not leak onwards."""
    with translation.override("vi"):
        yield


@pytest.fixture
def role_groups(db) -> dict[str, Group]:
    return ensure_role_groups()


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Trung tâm Dân số khu vực Lâm Bình")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Trung tâm Công tác xã hội tỉnh Phú Thọ")


@pytest.fixture
def trainee(db):
    return UserFactory(username="trainee", full_name="Ma Thị Hoà")


@pytest.fixture
def other_trainee(db):
    return UserFactory(username="other_trainee", full_name="Đặng Văn Ơn")


@pytest.fixture
def trainer(role_groups, organisation):
    return UserFactory(
        username="trainer",
        full_name="Nguyễn Văn Đức",
        is_staff=True,
        organisation=organisation,
        groups=[role_groups[TRAINERS]],
    )


@pytest.fixture
def organizer(role_groups, organisation):
    return UserFactory(
        username="organizer",
        full_name="Hoàng Thị Lan",
        is_staff=True,
        organisation=organisation,
        groups=[role_groups[ORGANIZERS]],
    )


@pytest.fixture
def other_organizer(role_groups, other_organisation):
    return UserFactory(
        username="other_organizer",
        full_name="Lê Văn Bình",
        is_staff=True,
        organisation=other_organisation,
        groups=[role_groups[ORGANIZERS]],
    )
