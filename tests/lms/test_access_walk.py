"""Every route that takes an id, a code or a path, walked: whose object it shows and
who must be refused it (tests/lms/access_table.py holds the table)."""

import pytest
from django.test import Client

from tests.lms.access_table import (
    ACCESS_TABLE,
    ADMIN_LOGIN,
    SITE_LOGIN,
    Check,
    Entry,
    Scoped,
    Unscoped,
    World,
    ask,
    clients,
    parameterised_routes,
    url_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_persona(world) -> dict[str, Client]:
    return clients(world)


def _check(
    world: World,
    as_persona: dict[str, Client],
    key: str,
    entry: Entry,
    check: Check,
    *,
    refusal: bool,
) -> str:
    """Ask as the check's persona: "" when the answer is the expected one (and, for a
    refusal, nothing was written), else what went wrong, naming the route."""
    side = world.side(check.side)
    if isinstance(entry, Scoped):
        build, method = check.kwargs or entry.kwargs, entry.method
        data = entry.data(world, side) if entry.data else None
    else:
        build, method, data = check.kwargs or entry.sample, "GET", None
    url = url_for(key, build(world, side))
    response, written = ask(
        as_persona[check.persona], method, url, data, watch_rows=refusal
    )
    problem = check.expect.mismatch(response) or (
        f"refused, yet wrote rows: {written}" if written else ""
    )
    if not problem:
        return ""
    return f"{key}  [{method} {url} as {check.persona}, side {check.side}]: {problem}"


def _report(problems: list[str]) -> str:
    return f"{len(problems)} mismatches:\n" + "\n".join(problems)


def test_every_parameterised_route_has_an_entry():
    missing = [
        f"{route.key}    ({route.pattern})"
        for route in parameterised_routes()
        if route.key not in ACCESS_TABLE
    ]
    assert not missing, (
        "Routes with a parameter but no entry in tests/lms/access_table.py; say whose "
        "object each shows and who must be refused, or why it is no one's:\n  "
        + "\n  ".join(missing)
    )


def test_every_entry_names_a_route_that_exists_and_unscoped_ones_say_why():
    routes = {route.key for route in parameterised_routes()}
    stale = sorted(set(ACCESS_TABLE) - routes)
    assert not stale, f"Entries for routes that no longer exist: {stale}"
    silent = [
        key
        for key, entry in ACCESS_TABLE.items()
        if isinstance(entry, Unscoped) and len(entry.reason) < 20
    ]
    assert not silent, f"Unscoped entries without a reason: {silent}"


def test_those_an_object_does_not_belong_to_are_refused_and_nothing_is_written(
    world, as_persona
):
    problems = [
        _check(world, as_persona, key, entry, check, refusal=True)
        for key, entry in ACCESS_TABLE.items()
        if isinstance(entry, Scoped)
        for check in entry.refused
    ]
    problems = [problem for problem in problems if problem]
    assert not problems, _report(problems)


def test_those_an_object_belongs_to_get_in(world, as_persona):
    problems = [
        _check(world, as_persona, key, entry, check, refusal=False)
        for key, entry in ACCESS_TABLE.items()
        if isinstance(entry, Scoped)
        for check in entry.allowed
    ]
    problems = [problem for problem in problems if problem]
    assert not problems, _report(problems)


def test_anonymous_visitors_are_sent_to_sign_in_first(world, as_persona):
    problems = []
    for key, entry in ACCESS_TABLE.items():
        if not isinstance(entry, Scoped):
            continue
        url = url_for(key, entry.kwargs(world, world.a))
        expect = ADMIN_LOGIN if url.startswith("/admin/") else SITE_LOGIN
        check = Check("anonymous", expect)
        problems.append(_check(world, as_persona, key, entry, check, refusal=True))
    problems = [problem for problem in problems if problem]
    assert not problems, _report(problems)


def test_routes_of_no_one_s_object_answer_as_pinned(world, as_persona):
    problems = [
        _check(world, as_persona, key, entry, check, refusal=check.expect.status != 200)
        for key, entry in ACCESS_TABLE.items()
        if isinstance(entry, Unscoped)
        for check in entry.checks
    ]
    problems = [problem for problem in problems if problem]
    assert not problems, _report(problems)
