"""No GET changes the database: every address the site and both admins answer, as
every role, with row counts and "updated at" stamps compared before and after, and
each write statement caught and named with the address that sent it."""

import re
from contextlib import contextmanager

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import DateTimeField, Max
from django.test import Client
from django.urls import reverse
from wagtail.models import PageSubscription
from wagtail.users.models import UserProfile

from courses.models import Trainee
from tests.lms.access_table import (
    PERSONAS,
    SIGN_OUT,
    World,
    addresses,
    row_counts,
)

pytestmark = pytest.mark.django_db

# Tables a GET may write to, each for a stated reason; nothing else.
ALLOWED_WRITES = {
    # The record of who downloaded which people's data is written by the download
    # itself: an export that logged nothing would be the violation.
    "courses_exportlog": "audit of an export, written by the export",
    # Wagtail makes an image's thumbnail the first time it is shown and keeps it: a
    # cache of derived files, holding no one's data.
    "wagtailimages_rendition": "Wagtail's thumbnail cache",
    # Wagtail's edit screens note who has the object open (a row per visit, dropped
    # after a while) to warn two people editing at once; it cannot be made in advance.
    "wagtailadmin_editingsession": "Wagtail's concurrent-editing notice",
}
WRITE = re.compile(
    r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


@pytest.fixture
def world(world: World) -> World:
    # Wagtail keeps each user's admin preferences in a row it makes on first sight
    # (UserProfile.get_for_user); everyone who has used the admin has one.
    # Likewise a page's comment-notice subscription, on first opening its editor.
    for user in world.users.values():
        UserProfile.get_for_user(user)
        PageSubscription.objects.get_or_create(
            page=world.lesson_page,
            user=user,
            defaults={"comment_notifications": False},
        )
    return world


def stamps() -> dict[str, object]:
    """The latest value of every auto-updated datetime column ("updated at")."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, DateTimeField) and field.auto_now:
                key = f"{model._meta.db_table}.{field.column}"
                found[key] = model._default_manager.aggregate(latest=Max(field.name))[
                    "latest"
                ]
    return found


@contextmanager
def catching_writes(caught: list[str]):
    def watch(execute, sql, params, many, context):
        match = WRITE.match(sql)
        if match:
            caught.append(f"{match.group(1).split()[0].upper()} {match.group(2)}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        yield


def _client(world: World, persona: str) -> Client:
    client = Client(raise_request_exception=False)
    if persona != "anonymous":
        client.force_login(world.users[persona])
        # The first request after signing in stamps the session's deadline
        # (lms.security.SessionLifetimeMiddleware): part of signing in.
        client.get(reverse("courses:privacy"))
    return client


def _crawl(client: Client, persona: str, crawl: list[tuple[str, str]]) -> list[str]:
    problems = []
    for key, url in crawl:
        caught: list[str] = []
        with catching_writes(caught):
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        writes = [w for w in caught if w.split()[1] not in ALLOWED_WRITES]
        if writes:
            problems.append(f"{key}  [GET {url} as {persona}] wrote: {writes}")
        if response.status_code >= 500 and key != "wagtailadmin_error_test":
            problems.append(f"{key}  [GET {url} as {persona}]: {response.status_code}")
    return problems


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_get_writes_to_the_database(world, persona):
    client = _client(world, persona)
    crawl = addresses(world)
    assert len(crawl) > 400
    counts, latest = row_counts(), stamps()
    problems = _crawl(client, persona, [c for c in crawl if c[0] not in SIGN_OUT])
    if persona != "anonymous":
        signed_in = client.get(reverse("courses:dashboard")).status_code == 200
        assert signed_in, "the crawl lost its session: what follows was anonymous"
    # Signing out last: Wagtail's sign-out drops the session cookie even when it
    # refuses a GET (405).
    problems += _crawl(client, persona, [c for c in crawl if c[0] in SIGN_OUT])
    changed = {
        table: (before, after)
        for (table, before), after in zip(
            counts.items(), row_counts().values(), strict=True
        )
        if before != after and table not in ALLOWED_WRITES
    }
    moved = {
        column: (before, after)
        for (column, before), after in zip(
            latest.items(), stamps().values(), strict=True
        )
        if before != after
    }
    assert not problems, f"{len(problems)} GETs wrote:\n" + "\n".join(problems)
    assert not changed, f"Row counts changed: {changed}"
    assert not moved, f"Rows were updated: {moved}"


def test_the_watch_names_each_kind_of_write(organisation):
    caught: list[str] = []
    with catching_writes(caught):
        organisation.name = "Trung tâm Dân số huyện Lâm Bình"
        organisation.save()
        Trainee.objects.create(full_name="Lò Thị Mai", organisation=organisation)
        Trainee.objects.filter(organisation=organisation).delete()
    assert {"UPDATE courses_organisation", "INSERT courses_trainee"} <= set(caught)
    assert "DELETE courses_trainee" in caught
