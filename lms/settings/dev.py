"""Local development: SQLite under var/, in-process tasks, a throwaway secret."""

from lms.settings.base import *  # noqa: F403
from lms.settings.base import VAR_DIR

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
VAR_DIR.mkdir(parents=True, exist_ok=True)
