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

import contextlib
import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path

import pytest
import redis
import requests
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from requests.cookies import get_cookie_header
from wagtail.rich_text import RichText

from courses import grading
from courses.models import (
    Attempt,
    Choice,
    Enrollment,
    Question,
    QuestionCategory,
    Quiz,
    QuizItem,
    TrainingClass,
    User,
)
from courses.services import enroll, trainee_for_user
from courses.services.quizzes import gradable_question
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import CourseFactory, TrainingClassFactory, UserFactory
from tests.courses.quiz_factories import short_answer_question, single_choice_question
from tests.worker import database_url

ROOT = Path(__file__).resolve().parents[2]
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

pytestmark = [
    pytest.mark.pg,
    pytest.mark.redis,
    pytest.mark.load,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# --- The course, the quizzes and the trainees -----------------------------------------


@dataclass(frozen=True)
class Plan:
    catalogue: str
    course: str
    lessons: list[str]
    usernames: list[str]
    post_test_attempts: int


def _bank(course) -> tuple[QuestionCategory, list[Question]]:
    """Every kind of question: single, short typed answer, multiple, true/false."""
    category = QuestionCategory.objects.create(name="Sổ A0", course=course)
    single = single_choice_question(category, text="Sổ A0 ghi gì?")
    typed = short_answer_question(category, accepted="ma túy")
    several = Question.objects.create(
        category=category,
        kind=Question.Kind.MULTIPLE,
        text="Những việc nào cộng tác viên làm hằng tháng?",
        partial_credit=True,
    )
    for label, right in [
        ("Cập nhật sổ A0", True),
        ("Họp giao ban", True),
        ("Thu thuế", False),
        ("Cấp giấy khai sinh", False),
    ]:
        Choice.objects.create(question=several, text=label, is_correct=right)
    true_false = Question.objects.create(
        category=category, kind=Question.Kind.TRUE_FALSE, text="Trẻ sơ sinh ghi sổ?"
    )
    Choice.objects.create(question=true_false, text="Đúng", is_correct=True)
    Choice.objects.create(question=true_false, text="Sai", is_correct=False)
    for n in range(5):
        single_choice_question(category, text=f"Câu rút ngẫu nhiên {n + 1}?")
    return category, [single, typed, several, true_false]


def _quiz(course, category, fixed, *, purpose, attempts_allowed, draw) -> Quiz:
    """Fixed questions plus a draw from the bank, questions and choices shuffled."""
    quiz = Quiz.objects.create(
        title=f"Kiểm tra {purpose}",
        course=course,
        purpose=purpose,
        pass_mark_percent=60,
        attempts_allowed=attempts_allowed,
        time_limit_minutes=20,
    )
    for order, question in enumerate(fixed):
        QuizItem.objects.create(quiz=quiz, question=question, sort_order=order)
    QuizItem.objects.create(quiz=quiz, category=category, draw_count=draw, sort_order=9)
    return quiz


def seed() -> Plan:
    course = CourseFactory(code="TAI-THU", title="Ghi chép sổ A0")
    category, fixed = _bank(course)
    # Every kind of question in both: a run too slow to reach the post-test still
    # checks the grading of each.
    pre_test = _quiz(
        course,
        category,
        fixed[1:],
        purpose=Quiz.Purpose.PRE_TEST,
        attempts_allowed=1,
        draw=2,
    )
    post_test = _quiz(
        course,
        category,
        fixed,
        purpose=Quiz.Purpose.POST_TEST,
        attempts_allowed=2,
        draw=3,
    )
    page = course_page(course=course, slug="ghi-chep-so-a0")
    lessons = []
    for n in range(LESSONS):
        body = [("paragraph", RichText(f"<p>Nội dung bài {n + 1}.</p>"))]
        # The quizzes are found as trainees find them: a card in the lesson.
        if n == 0:
            body.append(("quiz", {"quiz": pre_test, "intro": "Làm trước khi học."}))
        if n == LESSONS - 1:
            body.append(("quiz", {"quiz": post_test, "intro": "Kiểm tra cuối."}))
        lessons.append(
            lesson_page(page, slug=f"bai-{n + 1}", title=f"Bài {n + 1}", body=body)
        )
    training_class = TrainingClassFactory(
        course=course, mode=TrainingClass.Mode.ONLINE, capacity=TRAINEES
    )
    # The server checks passwords with production's hasher, not the test suite's.
    encoded = PBKDF2PasswordHasher().encode(PASSWORD, "tap-huan-load-salt")
    users = [
        UserFactory(username=f"hocvien{n:02d}", full_name=f"Lò Thị Mai {n}")
        for n in range(TRAINEES)
    ]
    User.objects.filter(pk__in=[u.pk for u in users]).update(password=encoded)
    for user in users:
        enroll(
            trainee=trainee_for_user(user),
            training_class=training_class,
            method=Enrollment.Method.ORGANIZER,
        )
    return Plan(
        catalogue=page.get_parent().url,
        course=page.url,
        lessons=[lesson.url for lesson in lessons],
        usernames=[u.username for u in users],
        post_test_attempts=post_test.attempts_allowed,
    )


# --- The server ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as deploy/ runs it, on a loopback port, against the test database."""

    def __init__(self, var_dir: Path):
        self.port = _free_port()
        self.prefix = f"lms-load-{uuid.uuid4().hex[:12]}"
        self.log = var_dir / "gunicorn.log"
        (var_dir / "static").mkdir(parents=True)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.lms.load_settings",
            "SECRET_KEY": uuid.uuid4().hex * 2,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": database_url(),
            "CACHE_URL": settings.TEST_BROKER_URL,
            "LMS_LOAD_CACHE_PREFIX": self.prefix,
            # No broker: a task would run inside the request. None is expected here.
            "CELERY_BROKER_URL": "",
            "LMS_VAR_DIR": str(var_dir),
            "STATIC_ROOT": str(var_dir / "static"),
            "TRUSTED_PROXY_COUNT": "1",
            "LOG_LEVEL": "ERROR",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": "2",
            "GUNICORN_ACCESS_LOG": "",
            "GUNICORN_CONTROL_SOCKET": "",
            "GUNICORN_LOG_LEVEL": "warning",
        }

    def __enter__(self) -> "Server":
        # As a deploy does before starting gunicorn: production links static files
        # by their hashed names, from the manifest collectstatic writes.
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        self.output = self.log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        started = time.monotonic()
        while time.monotonic() - started < 60:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.tail()}"
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError(f"gunicorn did not listen in 60 s:\n{self.tail()}")
        self.warm_up()
        return self

    def warm_up(self) -> None:
        """Workers load the app after the socket opens: wait for both, off the clock."""
        statuses: list[int] = []

        def fetch() -> None:
            response = requests.get(
                f"http://127.0.0.1:{self.port}/accounts/login/",
                headers={"X-Forwarded-Proto": "https"},
                timeout=180,
            )
            statuses.append(response.status_code)

        threads = [threading.Thread(target=fetch) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 4, f"warm-up got {statuses}:\n{self.tail()}"

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.output.close()
        store = redis.Redis.from_url(settings.TEST_BROKER_URL)
        keys = list(store.scan_iter(match=f"{self.prefix}:*", count=1000))
        for start in range(0, len(keys), 500):
            store.delete(*keys[start : start + 500])

    def tail(self, lines: int = 60) -> str:
        self.output.flush()
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


# --- The trainees -------------------------------------------------------------------

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(
    r'<fieldset class="question" id="question-(\d+)">(.*?)</fieldset>', re.S
)
CHOICE = re.compile(r'type="(radio|checkbox)" name="q\d+" value="(\d+)"')
TYPED_ANSWERS = ["ma túy", "MA TUY", "  ma   tuý ", "heroin", ""]


@dataclass
class Tally:
    """What every trainee saw, shared between the threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    statuses: Counter = field(default_factory=Counter)
    seconds: list[float] = field(default_factory=list)
    sign_in_seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    # attempt id → {question id: (choice ids, text)} as last sent on submit
    submitted: dict[int, dict[int, tuple[tuple[int, ...], str]]] = field(
        default_factory=dict
    )
    refused: Counter = field(default_factory=Counter)

    def problem(self, text: str) -> None:
        with self.lock:
            self.problems.append(text)


class BehindProxySession(requests.Session):
    """A browser whose TLS nginx ended: it keeps and sends production's Secure cookies.

    requests merges the session's cookies into a fresh jar with the default policy,
    which drops Secure cookies on http; the header is rebuilt from the session's own
    jar, whose policy allows them.
    """

    def prepare_request(self, request: requests.Request) -> requests.PreparedRequest:
        prepared = super().prepare_request(request)
        header = get_cookie_header(self.cookies, prepared)
        if header:
            prepared.headers["Cookie"] = header
        return prepared


class Trainee:
    def __init__(self, number: int, port: int, plan: Plan, tally: Tally):
        self.username = plan.usernames[number]
        self.base = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"
        self.plan, self.tally = plan, tally
        self.rng = random.Random(number)
        self.http = self._session()
        # As nginx forwards it: TLS ended there, and the phone's own address.
        self.http.headers.update(
            {
                "X-Forwarded-Proto": "https",
                "X-Forwarded-For": f"203.0.113.{number + 1}",
                "User-Agent": f"load-test trainee {number}",
            }
        )
        self.exhausted = False

    @staticmethod
    def _session() -> requests.Session:
        session = BehindProxySession()
        session.cookies.set_policy(
            DefaultCookiePolicy(secure_protocols=("https", "wss", "http"))
        )
        return session

    def _twin(self) -> requests.Session:
        """The same browser's second tap: same cookies, its own connection."""
        twin = self._session()
        twin.headers.update(self.http.headers)
        twin.cookies.update(self.http.cookies)
        return twin

    def call(self, method, path, *, expect, session=None, referer=None, **kwargs):
        headers = kwargs.pop("headers", {})
        if referer:
            headers["Referer"] = self.origin + referer
        started = time.monotonic()
        try:
            response = (session or self.http).request(
                method,
                self.base + path,
                headers=headers,
                allow_redirects=False,
                timeout=TIMEOUT,
                **kwargs,
            )
        except requests.RequestException as error:
            self.tally.problem(f"{self.username} {method} {path}: {error!r}")
            raise
        with self.tally.lock:
            self.tally.statuses[response.status_code] += 1
            self.tally.seconds.append(time.monotonic() - started)
            if method == "POST" and path == "/accounts/login/":
                self.tally.sign_in_seconds.append(time.monotonic() - started)
        if response.status_code not in expect:
            self.tally.problem(
                f"{self.username} {method} {path}: {response.status_code} "
                f"{response.headers.get('Location', '')} {response.text[:300]!r}"
            )
            raise Unexpected
        return response

    def get(self, path: str, **kwargs) -> requests.Response:
        time.sleep(self.rng.uniform(*THINK_SECONDS))
        return self.call("GET", path, expect={200}, **kwargs)

    def post(self, path: str, data: dict, *, page: str, expect=(302,), **kwargs):
        return self.call(
            "POST", path, data=data, expect=set(expect), referer=page, **kwargs
        )

    def token(self, html: str, page: str) -> str:
        found = CSRF.search(html)
        if not found:
            self.tally.problem(f"{self.username}: no CSRF token on {page}")
            raise Unexpected
        return found[1]

    # -- what a trainee does ----------------------------------------------------------

    def run(self, arrive_at: float, deadline: float) -> None:
        time.sleep(max(arrive_at - time.monotonic(), 0))
        try:
            self.log_in()
            self.get(self.plan.catalogue)
            self.get(self.plan.course)
            first = self.read(self.plan.lessons[0])
            # Everyone sits the pre-test, however short the run: it is the floor.
            self.sit(self.quiz_on(first, self.plan.lessons[0]))
            while time.monotonic() < deadline:
                for lesson in self.plan.lessons:
                    html = self.read(lesson)
                    if lesson == self.plan.lessons[-1] and not self.exhausted:
                        self.sit(self.quiz_on(html, lesson))
                    if time.monotonic() >= deadline:
                        return
                self.get("/khoa-hoc-cua-toi/")
        except (Unexpected, requests.RequestException):
            return  # recorded; this trainee stops as a real one would give up

    def log_in(self) -> None:
        page = "/accounts/login/"
        html = self.get(page).text
        data = {
            "csrfmiddlewaretoken": self.token(html, page),
            "username": self.username,
            "password": PASSWORD,
        }
        self.post(page, data, page=page)

    def read(self, lesson: str) -> str:
        html = self.get(lesson).text
        opened = re.search(r'id="lesson-opened"[^>]*action="([^"]+)"', html)
        if opened:
            # lesson_opened.js's beacon, as the phone's browser sends it.
            data = {"csrfmiddlewaretoken": self.token(html, lesson)}
            self.post(opened[1], data, page=lesson, expect=(204,))
        done = re.search(r'action="(/bai-hoc/\d+/da-xong/)"', html)
        if done:
            data = {"csrfmiddlewaretoken": self.token(html, lesson), "next": lesson}
            self.post(done[1], data, page=lesson)
            html = self.get(lesson).text
            # Another worker may render it: the shared cache must know it is done.
            if "done-mark" not in html:
                self.tally.problem(f"{self.username}: {lesson} not done after marking")
        return html

    def quiz_on(self, html: str, lesson: str) -> str:
        found = re.search(r'href="(/bai-kiem-tra/\d+/)"', html)
        if not found:
            self.tally.problem(f"{self.username}: no quiz card on {lesson}")
            raise Unexpected
        return found[1]

    def _both(self, path: str, data, page: str) -> list[requests.Response]:
        """Two taps at once from the same browser; both must land well."""
        twin = self._twin()
        results: list = [None, None]

        def tap(slot: int, session: requests.Session) -> None:
            # A failed tap is already in the tally; the other tap still runs.
            with contextlib.suppress(Unexpected, requests.RequestException):
                results[slot] = self.post(path, data, page=page, session=session)

        other = threading.Thread(target=tap, args=(1, twin))
        other.start()
        tap(0, self.http)
        other.join()
        if None in results:
            raise Unexpected
        return results

    def sit(self, intro: str) -> None:
        html = self.get(intro).text
        data = {"csrfmiddlewaretoken": self.token(html, intro)}
        start = f"{intro}bat-dau/"
        if self.rng.random() < DOUBLE_TAP:
            landed = {r.headers["Location"] for r in self._both(start, data, intro)}
            if len(landed) != 1:
                self.tally.problem(
                    f"{self.username}: one double tap, two pages {landed}"
                )
                raise Unexpected
            (location,) = landed
        else:
            location = self.post(start, data, page=intro).headers["Location"]
        attempt = re.fullmatch(r"/lan-lam-bai/(\d+)/", location)
        if attempt is None:
            # Refused: back to the quiz page with the reason (attempts used up).
            with self.tally.lock:
                self.tally.refused[self.username] += 1
            self.exhausted = True
            self.get(location)
            return
        self.answer(int(attempt[1]), location)

    def answer(self, attempt_id: int, page: str) -> None:
        html = self.get(page).text
        token = self.token(html, page)
        version = int(re.search(r'name="version" value="(\d+)"', html)[1])
        chosen: dict[int, tuple[tuple[int, ...], str]] = {}
        questions = QUESTION.findall(html)
        if not questions:
            self.tally.problem(f"{self.username}: no questions on {page}")
            raise Unexpected
        for number, (question_id, body) in enumerate(questions):
            time.sleep(self.rng.uniform(*THINK_SECONDS))
            chosen[int(question_id)] = self.pick(body)
            if number and self.rng.random() < 0.3:
                # A change of mind on an earlier question: the last answer counts.
                earlier = int(questions[self.rng.randrange(number)][0])
                earlier_body = dict(questions)[str(earlier)]
                chosen[earlier] = self.pick(earlier_body)
            # As quiz.js does on every change: the whole form, JSON back.
            saved = self.call(
                "POST",
                f"{page}luu/",
                expect={200},
                referer=page,
                headers={"Accept": "application/json"},
                data=self.form(chosen, token, version),
            )
            version = saved.json()["version"]
        submit = f"{page}nop/"
        data = self.form(chosen, token, version)
        if self.rng.random() < DOUBLE_TAP:
            landed = {r.headers["Location"] for r in self._both(submit, data, page)}
        else:
            landed = {self.post(submit, data, page=page).headers["Location"]}
        with self.tally.lock:
            self.tally.submitted[attempt_id] = chosen
        review = f"{page}ket-qua/"
        if landed != {review}:
            self.tally.problem(f"{self.username}: submit led to {landed}")
            raise Unexpected
        self.get(review)

    def pick(self, body: str) -> tuple[tuple[int, ...], str]:
        choices = CHOICE.findall(body)
        if not choices:
            return (), self.rng.choice(TYPED_ANSWERS)
        ids = [int(pk) for _kind, pk in choices]
        if choices[0][0] == "checkbox":
            return tuple(
                sorted(self.rng.sample(ids, self.rng.randint(1, len(ids))))
            ), ""
        return (self.rng.choice(ids),), ""

    @staticmethod
    def form(chosen, token: str, version: int) -> list[tuple[str, str]]:
        fields = [("csrfmiddlewaretoken", token), ("version", str(version))]
        for question_id, (choice_ids, text) in chosen.items():
            if choice_ids:
                fields += [(f"q{question_id}", str(pk)) for pk in choice_ids]
            else:
                fields.append((f"q{question_id}-text", text))
        return fields


class Unexpected(Exception):
    """A response the trainee did not expect; already recorded in the tally."""


# --- Checking the result ------------------------------------------------------------


def regrade(attempt: Attempt, responses) -> grading.AttemptResult:
    questions = Question.objects.filter(pk__in=attempt.question_ids).prefetch_related(
        "choices"
    )
    by_id = {q.pk: q for q in questions}
    return grading.grade_attempt(
        [gradable_question(by_id[pk]) for pk in attempt.question_ids],
        responses,
        pass_mark_percent=Decimal(attempt.quiz.pass_mark_percent),
    )


def check_attempts(plan: Plan, tally: Tally) -> list[str]:
    """Everything wrong with the attempts in the database, as sentences."""
    wrong = []
    attempts = list(
        Attempt.objects.select_related("quiz", "trainee__user").prefetch_related(
            "answers"
        )
    )
    by_trainee: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_trainee.setdefault(attempt.trainee.user.username, []).append(attempt)

    for username, own in by_trainee.items():
        open_ones = [a.pk for a in own if a.status == Attempt.Status.IN_PROGRESS]
        if len(open_ones) > 1:
            wrong.append(f"{username} has {len(open_ones)} attempts in progress")
        for quiz in {a.quiz for a in own}:
            numbers = sorted(a.number for a in own if a.quiz_id == quiz.pk)
            if numbers != list(range(1, len(numbers) + 1)):
                wrong.append(f"{username}: attempt numbers {numbers} on {quiz}")
            if quiz.attempts_allowed and len(numbers) > quiz.attempts_allowed:
                wrong.append(f"{username}: {len(numbers)} attempts at {quiz}")
        if tally.refused[username]:
            used = [
                a
                for a in own
                if a.quiz.purpose == Quiz.Purpose.POST_TEST
                and a.status == Attempt.Status.GRADED
            ]
            if len(used) != plan.post_test_attempts:
                wrong.append(f"{username} refused after {len(used)} attempts")

    graded = {a.pk: a for a in attempts if a.status == Attempt.Status.GRADED}
    if set(graded) != set(tally.submitted):
        wrong.append(
            f"graded {sorted(graded)} but trainees submitted {sorted(tally.submitted)}"
        )
    for attempt in graded.values():
        stored = [
            grading.Response(
                question_id=a.question_id,
                choice_ids=frozenset(a.choice_ids),
                text=a.text,
            )
            for a in attempt.answers.all()
        ]
        result = regrade(attempt, stored)
        shown = (attempt.score, attempt.max_score, attempt.percent, attempt.passed)
        if shown != (result.score, result.max_score, result.percent, result.passed):
            wrong.append(f"attempt {attempt.pk}: stored {shown}, regraded {result}")
        awarded = {
            a.question_id: (a.awarded, a.is_correct) for a in attempt.answers.all()
        }
        for one in result.results:
            if one.question_id in awarded and awarded[one.question_id] != (
                one.awarded,
                one.is_correct,
            ):
                wrong.append(f"attempt {attempt.pk} q{one.question_id}: {awarded}")
        sent = tally.submitted.get(attempt.pk, {})
        from_client = regrade(
            attempt,
            [
                grading.Response(question_id=q, choice_ids=frozenset(c), text=t)
                for q, (c, t) in sent.items()
            ],
        )
        if from_client.score != attempt.score:
            wrong.append(
                f"attempt {attempt.pk}: scored {attempt.score} but the answers sent "
                f"score {from_client.score} (stored {stored}, sent {sent})"
            )
    return wrong


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [0.0]
    return ordered[min(int(len(ordered) * share), len(ordered) - 1)]


def figures(tally: Tally, elapsed: float) -> str:
    made = len(tally.seconds)
    return (
        f"{made} requests in {elapsed:.0f} s ({made / elapsed:.1f}/s), "
        f"statuses {dict(sorted(tally.statuses.items()))}, "
        f"p50 {percentile(tally.seconds, 0.5):.2f} s, "
        f"p95 {percentile(tally.seconds, 0.95):.2f} s, "
        f"max {percentile(tally.seconds, 1):.2f} s; "
        f"sign-in p50 {percentile(tally.sign_in_seconds, 0.5):.2f} s, "
        f"max {percentile(tally.sign_in_seconds, 1):.2f} s; "
        f"{len(tally.submitted)} attempts submitted, "
        f"{sum(tally.refused.values())} starts refused after the allowance; "
        f"{len(tally.problems)} problems"
    )


# --- The run --------------------------------------------------------------------------


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
