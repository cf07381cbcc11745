"""Settings of the gunicorn server tests/lms/test_load.py starts: production's own.

Everything comes from lms.settings.production and the environment the test sets,
as deploy/env.example would on a server. The one addition keeps this run's entries
apart in a Redis shared with other runs: a cache key prefix of its own.
"""

import os

from lms.settings.production import *  # noqa: F403
from lms.settings.production import CACHES

CACHES["default"]["KEY_PREFIX"] = os.environ["LMS_LOAD_CACHE_PREFIX"]
