"""Markers of the operations tests here; pyproject registers the shared ones."""


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "load: a bounded load run against a real gunicorn (LMS_LOAD_SECONDS, "
        "default 60); part of the PostgreSQL run, deselect with -m 'not load'",
    )
