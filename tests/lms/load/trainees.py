"""The trainees: one simulated phone each, its session, taps and answers."""

import contextlib
import random
import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy

import requests
from requests.cookies import get_cookie_header

from tests.lms.load import DOUBLE_TAP, PASSWORD, THINK_SECONDS, TIMEOUT
from tests.lms.load.world import Plan

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
