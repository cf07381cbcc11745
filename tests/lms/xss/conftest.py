"""The XSS tests' world, built once for the package, and clients logged in to it."""

import pytest
from django.db import transaction
from django.test import Client
from django.utils import translation

from tests.lms.xss.world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    """One world for the package, rolled back when the package is done."""
    with (
        django_db_blocker.unblock(),
        translation.override("vi"),
        transaction.atomic(),
    ):
        built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def as_admin(world) -> Client:
    client = Client()
    client.force_login(world.admin)
    return client


@pytest.fixture
def as_trainee(world) -> Client:
    client = Client()
    client.force_login(world.trainee_user)
    return client
