"""A POST without the CSRF token is refused everywhere, before it changes anything.

Every address of the site and both admins is posted to without a token, as a signed-in
trainee, a superuser and an anonymous visitor; and each form a user really posts
(enrolment, marking done, quizzes, roll call, QR check-in, consents, certificates,
imports, exports, data requests, signing in) is posted twice by the one it belongs
to: refused without the token, accepted with it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.lms.access_table import (
    ACCESS_TABLE,
    ADMIN_LOGIN,
    FOUND,
    NO_CONTENT,
    OK,
    SIGN_OUT,
    Expect,
    Scoped,
    World,
    addresses,
    ask,
    url_for,
)

pytestmark = pytest.mark.django_db

CSRF_REFUSAL = Expect(403, label="403 (CSRF verification failed)")
PASSWORD = "pw"  # tests.courses.factories.UserFactory's


def strict_client(world: World, persona: str) -> Client:
    client = Client(enforce_csrf_checks=True)
    if persona != "anonymous":
        client.force_login(world.users[persona])
    return client


def token_of(client: Client) -> str:
    """The token a form would carry, from the cookie any page with a form sets."""
    client.get(reverse("login"))
    return client.cookies[settings.CSRF_COOKIE_NAME].value


def refused_for_csrf(response) -> str | None:
    mismatch = CSRF_REFUSAL.mismatch(response)
    if mismatch is None and b"CSRF" not in response.content:
        return "403, but not the CSRF refusal"
    return mismatch


# --- Every address ---------------------------------------------------------------


@pytest.mark.parametrize("persona", ["trainee", "superuser", "anonymous"])
def test_every_address_refuses_a_post_without_the_token(world, persona):
    client = strict_client(world, persona)
    problems = []
    crawl = [c for c in addresses(world) if c[0] not in SIGN_OUT]
    crawl += [c for c in addresses(world) if c[0] in SIGN_OUT]
    for key, url in crawl:
        response, written = ask(client, "POST", url, watch_rows=True)
        if key.startswith("wagtailadmin_api:") and persona != "superuser":
            # Wagtail's admin API (Django REST framework) checks the token itself,
            # for signed-in admin users; everyone else is sent to sign in first.
            mismatch = ADMIN_LOGIN.mismatch(response)
        else:
            mismatch = refused_for_csrf(response)
        if mismatch or written:
            problems.append(f"{key}  [POST {url} as {persona}]: {mismatch or written}")
    assert not problems, f"{len(problems)} accepted:\n" + "\n".join(problems)


# --- The forms people post, by the people who post them ---------------------------


@dataclass(frozen=True)
class Post:
    persona: str
    url: Callable[[World], str]
    data: Callable[[World], dict[str, Any]] = lambda world: {}
    expect: Expect = FOUND


def _class(world: World) -> int:
    return world.a.training_class.pk


def _roster() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "danh-sach.csv", "Họ và tên,Năm sinh\nLò Văn Mới,1990\n".encode()
    )


FORMS: dict[str, Post] = {
    "courses:enrol": Post(
        "other_trainee",
        lambda w: reverse("courses:enrol", args=[_class(w)]),
    ),
    "courses:withdraw": Post(
        "trainee", lambda w: reverse("courses:withdraw", args=[w.a.enrollment.pk])
    ),
    "courses:quiz-start": Post(
        "trainee", lambda w: reverse("courses:quiz-start", args=[w.a.quiz.pk])
    ),
    "courses:file-data-request": Post(
        "trainee",
        lambda w: reverse("courses:file-data-request"),
        lambda w: {"kind": "access", "details": ""},
    ),
    "courses:merge-trainees": Post(
        "organizer",
        lambda w: reverse("courses:merge-trainees"),
        # Without "keep" the form offers candidates: the POST itself is checked.
        lambda w: {"duplicate": w.b.trainee.pk, "q": "Hoà"},
        OK,
    ),
    "login": Post(
        "anonymous",
        lambda w: reverse("login"),
        lambda w: {"username": "trainee", "password": PASSWORD},
    ),
    "password_reset": Post(
        "anonymous",
        lambda w: reverse("password_reset"),
        lambda w: {"email": "hoa@example.org"},
    ),
    "logout": Post("trainee", lambda w: reverse("logout")),
    "wagtailadmin_login": Post(
        "anonymous",
        lambda w: reverse("wagtailadmin_login"),
        lambda w: {"username": "organizer", "password": PASSWORD},
        Expect(302, "wagtailadmin_home", "302 → admin home, signed in"),
    ),
    "admin:login": Post(
        "anonymous",
        lambda w: reverse("admin:login"),
        lambda w: {"username": "superuser", "password": PASSWORD},
    ),
    "courses_roster:upload": Post(
        "organizer",
        lambda w: reverse("courses_roster:upload"),
        lambda w: {"training_class": _class(w), "file": _roster()},
        OK,
    ),
    "courses_roster:confirm": Post(
        "organizer",
        lambda w: reverse("courses_roster:confirm"),
        lambda w: {"token": "expired"},
    ),
    "courses_question_import": Post(
        "trainer", lambda w: reverse("courses_question_import"), expect=OK
    ),
    "courses_question_import_confirm": Post(
        "trainer",
        lambda w: reverse("courses_question_import_confirm"),
        lambda w: {"token": "expired"},
    ),
    "courses_export_jobs:new": Post(
        "organizer",
        lambda w: reverse("courses_export_jobs:new"),
        lambda w: {"training_class": _class(w), "file_format": "csv"},
    ),
    "datasubjectrequest:edit": Post(
        "organizer",
        lambda w: reverse("datasubjectrequest:edit", args=[w.a.data_request.pk]),
        lambda w: {"status": "refused", "outcome": "Đang học, chưa xoá được."},
    ),
    "datasubjectrequest:erase": Post(
        "organizer",
        lambda w: reverse("datasubjectrequest:erase", args=[w.a.data_request.pk]),
    ),
    "trainingclass:add": Post(
        "organizer", lambda w: reverse("trainingclass:add"), expect=OK
    ),
    "enrollment:add": Post(
        "trainer",
        lambda w: reverse("enrollment:add"),
        lambda w: {"training_class": _class(w), "trainee": w.a.trainee.pk},
        OK,
    ),
    "certificatetemplate:add": Post(
        "organizer", lambda w: reverse("certificatetemplate:add"), expect=OK
    ),
}


def _forms() -> dict[str, Post]:
    """FORMS, and every POST row of the access table as its owner posts it."""
    found = dict(FORMS)
    for key, entry in ACCESS_TABLE.items():
        if isinstance(entry, Scoped) and entry.method == "POST":
            # One post per route and owner, at the entry's own address.
            for check in (c for c in entry.allowed if c.kwargs is None):

                def url(world, key=key, entry=entry):
                    return url_for(key, entry.kwargs(world, world.a))

                def data(world, entry=entry):
                    return entry.data(world, world.a) if entry.data else {}

                found[f"{key} ({check.persona})"] = Post(
                    check.persona, url, data, check.expect
                )
    return found


def test_the_forms_cover_each_kind_of_post():
    forms = _forms()
    assert len(forms) >= 30
    assert {"courses:done (trainee)", "courses:opened (trainee)"} <= set(forms)
    assert NO_CONTENT in {post.expect for post in forms.values()}


def test_each_form_is_refused_without_the_token_and_accepted_with_it(world):
    problems = []
    for name, post in _forms().items():
        client = strict_client(world, post.persona)
        url = post.url(world)
        response, written = ask(client, "POST", url, post.data(world), watch_rows=True)
        mismatch = refused_for_csrf(response)
        if mismatch or written:
            problems.append(
                f"{name}  [POST {url}] without a token: {mismatch or written}"
            )
        data = {**post.data(world), "csrfmiddlewaretoken": token_of(client)}
        response, _written = ask(client, "POST", url, data)
        mismatch = post.expect.mismatch(response)
        if mismatch:
            problems.append(f"{name}  [POST {url}] with the token: {mismatch}")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)
