"""Whole-page cache for Wagtail pages, purged on every publish.

One cache round trip per hit: each entry carries the generation it was built in, and
`purge` bumps the generation instead of hunting down keys (catalogue and course pages
list their children, so a publish can change many pages at once).

Only cookie-less (anonymous) visits fill the cache. Signed-in users are served the
same entry with its personal regions (`<!--region:NAME-->...<!--/region:NAME-->`)
rendered for them; see `cms.personal`.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

GENERATION_KEY = "page-cache:generation"
KEPT_HEADERS = ("Content-Type", "Content-Language")


def _entry_key(request: HttpRequest) -> str:
    raw = f"{request.get_host()}{request.get_full_path()}".encode()
    return "page-cache:" + hashlib.sha256(raw).hexdigest()


def is_anonymous_visit(request: HttpRequest) -> bool:
    """A GET from someone with no session or pending messages."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def fetch_entry(request: HttpRequest) -> dict[str, Any] | None:
    if request.method not in ("GET", "HEAD"):
        return None
    key = _entry_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    entry = found.get(key)
    if entry is None or entry["generation"] != found.get(GENERATION_KEY, 0):
        return None
    return entry


def respond(entry: dict[str, Any], content: bytes, *, state: str) -> HttpResponse:
    response = HttpResponse(content, status=200)
    for header, value in entry["headers"].items():
        response[header] = value
    response["X-Page-Cache"] = state
    return response


def store(request: HttpRequest, response: HttpResponse) -> None:
    entry = {
        "generation": cache.get(GENERATION_KEY, 0),
        "content": response.content,
        "page_id": getattr(response, "page_id", None),
        "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
    }
    cache.set(_entry_key(request), entry, settings.PAGE_CACHE_SECONDS)
    response["X-Page-Cache"] = "miss"


def remember[T](key: str, build: Callable[[], T]) -> T:
    """A value derived from published pages, rebuilt after any publish."""
    full_key = f"page-cache:derived:{key}"
    found = cache.get_many([GENERATION_KEY, full_key])
    generation = found.get(GENERATION_KEY, 0)
    entry = found.get(full_key)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = build()
    cache.set(full_key, (generation, value), settings.PAGE_CACHE_SECONDS)
    return value


def purge() -> None:
    """Forget every cached page (they are rebuilt on the next visit)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)
