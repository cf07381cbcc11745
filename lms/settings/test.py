"""Tests: PostgreSQL when it answers (as in CI), otherwise SQLite, said out loud.

`TEST_DATABASE_URL` picks the server; `LMS_TEST_DB=sqlite` forces the embedded database,
which `make test` uses for a second pass so the default `make run` setup stays tested.
"""

import os
import sys

import dj_database_url

from lms.settings.base import *  # noqa: F403
from lms.settings.base import VAR_DIR
from lms.testing import postgres_reachable

SECRET_KEY = "test-only-not-secret"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
WHITENOISE_AUTOREFRESH = True
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]

TEST_DATABASE_URL = os.environ.get(
    "TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"
)
TEST_BROKER_URL = os.environ.get("TEST_BROKER_URL", "redis://127.0.0.1:6379/15")
# Separate names let two checkouts (or two people) run the suite on one server at once.
TEST_DATABASE_NAME = os.environ.get("LMS_TEST_DB_NAME", "test_lms")

if os.environ.get("LMS_TEST_DB") != "sqlite" and postgres_reachable(TEST_DATABASE_URL):
    DATABASES = {"default": dj_database_url.parse(TEST_DATABASE_URL)}
    DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_NAME}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / f"{TEST_DATABASE_NAME}.sqlite3",
            "TEST": {"NAME": VAR_DIR / f"{TEST_DATABASE_NAME}.sqlite3"},
        }
    }
    if os.environ.get("LMS_TEST_DB") != "sqlite":
        print(  # noqa: T201
            f"PostgreSQL unreachable at {TEST_DATABASE_URL}: tests run on SQLite "
            "and the pg tests skip.",
            file=sys.stderr,
        )

# Tasks are called directly in tests; the worker round trip runs against Redis in
# tests marked `redis`. Nothing runs eagerly behind a test's back.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
