"""Benchmark server settings: the dev stack without DEBUG, plus a bare view and page."""

from lms.settings.dev import *  # noqa: F403
from lms.settings.dev import BASE_DIR, TEMPLATES

DEBUG = False
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "bare.localhost", "testserver"]
TEMPLATES[0]["DIRS"] = [BASE_DIR / "bench" / "templates", *TEMPLATES[0]["DIRS"]]
LOGGING = {"version": 1, "disable_existing_loggers": True}
