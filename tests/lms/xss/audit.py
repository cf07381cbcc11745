"""Auditing pages: fetch them, and assert that no payload on them runs."""

import math
from collections.abc import Iterable

from django.test import Client

from tests.lms.xss_payloads import audit

PER_ADMIN_PAGE = 20


def get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return response.content.decode()


def listing(
    client: Client, url: str, count: int, *, at_most: int | None = None
) -> dict[str, str]:
    """The pages of a Wagtail admin listing of `count` rows (the first `at_most`)."""
    pages = max(1, math.ceil(count / PER_ADMIN_PAGE))
    pages = min(pages, at_most or pages)
    return {
        f"{url}?p={page}": get(client, f"{url}?p={page}")
        for page in range(1, pages + 1)
    }


def assert_inert(
    pages: dict[str, str],
    *,
    shows: Iterable[str] = (),
    each_shows: dict[str, Iterable[str]] | None = None,
) -> None:
    """No page runs anything a payload brought; together the pages show `shows`, and
    each page named in `each_shows` shows its own markers."""
    problems = []
    seen: set[str] = set()
    for name, html in pages.items():
        result = audit(html)
        seen |= result.seen_markers
        problems += [f"{name}: {finding}" for finding in result.findings]
        wanted = set((each_shows or {}).get(name, ()))
        if missing := wanted - result.seen_markers:
            problems.append(f"{name}: does not show {sorted(missing)[:10]}")
    if missing := set(shows) - seen:
        problems.append(f"the pages do not show {len(missing)}: {sorted(missing)[:10]}")
    assert not problems, "\n".join(problems[:40])
