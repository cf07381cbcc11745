"""The load run's pieces: the course it seeds, the gunicorn it starts, the trainees
it simulates and the checks of what they left; tests/lms/test_load.py runs them.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SECONDS = float(os.environ.get("LMS_LOAD_SECONDS", "60"))
TRAINEES = 50
LESSONS = 4
PASSWORD = "Tap-huan-2026"
# Per request. Generous: a patient phone, and a slow shared machine must not fail a
# test of correctness; a request that never answers (a deadlock) still fails it. The
# latencies are printed for whoever sizes the deployment.
TIMEOUT = 300
# Between two pages a phone renders and a person reads or picks an answer. Without
# it fifty threads test the listen queue rather than a class.
THINK_SECONDS = (0.1, 0.6)
# Trainees in a room do not all press "Đăng nhập" in the same instant: they arrive
# over the first seconds. Signing in is the costliest request (PBKDF2, as in
# production), so this is what a class of fifty really asks of two workers.
ARRIVAL_SECONDS = min(10.0, SECONDS / 3)
DOUBLE_TAP = 0.2  # share of starts and submits sent twice at once
