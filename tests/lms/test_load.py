"""A bounded load run: 50 trainees at once against gunicorn, production settings.

The server is what deploy/ describes: gunicorn with deploy/gunicorn.conf.py (two
workers), lms.settings.production, sessions and cache in Redis, requests arriving
as nginx forwards them (X-Forwarded-Proto, X-Forwarded-For). Each simulated trainee
holds its own session and CSRF token and, for LMS_LOAD_SECONDS (default 60): signs
in, reads the catalogue and lessons (marking them done), sits the pre-test once and
the post-test until its two attempts run out, answers saved as they go, sometimes
double-tapping "start" or "submit" as a thumb on a slow phone does.

Afterwards the database must hold exactly what the trainees did: no error page on
the way, at most one attempt in progress per trainee, no attempt beyond the quiz's
allowance, and every score equal to a re-grading of the answers the trainee sent.
"""

import threading
import time

import pytest

from courses.models import Attempt, Quiz
from tests.lms.load import ARRIVAL_SECONDS, SECONDS, TIMEOUT, TRAINEES
from tests.lms.load.checks import check_attempts, figures
from tests.lms.load.server import Server
from tests.lms.load.trainees import Tally, Trainee
from tests.lms.load.world import seed

pytestmark = [
    pytest.mark.pg,
    pytest.mark.redis,
    pytest.mark.load,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_fifty_trainees_at_once_get_no_error_and_consistent_scores(tmp_path):
    plan = seed()
    tally = Tally()
    with Server(tmp_path) as server:
        started = time.monotonic()
        deadline = started + SECONDS
        trainees = [Trainee(n, server.port, plan, tally) for n in range(TRAINEES)]
        threads = [
            threading.Thread(
                target=t.run,
                args=(started + n * ARRIVAL_SECONDS / TRAINEES, deadline),
                name=t.username,
            )
            for n, t in enumerate(trainees)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=max(deadline - time.monotonic(), 0) + 5 * TIMEOUT)
        elapsed = time.monotonic() - started
        hung = [t.name for t in threads if t.is_alive()]
        log = server.tail()

    summary = figures(tally, elapsed)
    print(f"\nload run: {summary}")  # noqa: T201  (the figures are the point)

    assert not hung, f"trainees still waiting: {hung}"
    assert not tally.problems, (
        f"{summary}\n" + "\n".join(tally.problems[:20]) + f"\n--- gunicorn:\n{log}"
    )
    assert not [s for s in tally.statuses if s >= 500], log
    assert set(tally.statuses) <= {200, 204, 302}
    pre_tests = Attempt.objects.filter(
        quiz__purpose=Quiz.Purpose.PRE_TEST, status=Attempt.Status.GRADED
    )
    assert pre_tests.count() == TRAINEES  # every trainee signed in and sat it
    assert check_attempts(plan, tally) == []
