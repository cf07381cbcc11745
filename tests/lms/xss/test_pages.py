"""Wagtail page titles and blocks, and search."""

import math
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse

from tests.cms.factories import course_page, lesson_page
from tests.lms.xss.audit import assert_inert, get
from tests.lms.xss.placement import EVERYTHING, SEARCH_WORD
from tests.lms.xss_payloads import markers_of, pack

pytestmark = pytest.mark.django_db


def test_page_titles_and_blocks_are_shown_as_text(world, as_admin, as_trainee):
    lesson = world.lesson_pages[0]
    everything = markers_of(EVERYTHING)
    anonymous = Client()
    pages = {
        "home": get(anonymous, world.home.url),
        "catalogue": get(anonymous, world.catalogue.url),
        "course page": get(anonymous, world.course_page.url),
        "course page (trainee)": get(as_trainee, world.course_page.url),
        "lesson page": get(anonymous, lesson.url),
        "lesson page (trainee)": get(as_trainee, lesson.url),
        "standard page": get(anonymous, world.standard_page.url),
        **{
            f"search results {page}": get(
                anonymous, reverse("search") + f"?q={SEARCH_WORD}&page={page}"
            )
            for page in range(1, math.ceil(len(world.lesson_pages) / 20) + 1)
        },
        "admin explorer": get(
            as_admin, reverse("wagtailadmin_explore", args=[world.course_page.pk])
        ),
        "admin page edit": get(
            as_admin, reverse("wagtailadmin_pages:edit", args=[lesson.pk])
        ),
    }
    assert_inert(
        pages,
        # Every lesson's title and one-line summary, page after page of results.
        shows=everything,
        each_shows={
            "home": everything,
            "catalogue": everything,
            # Its lessons' titles, and its summary.
            "course page": everything,
            "lesson page": everything,
            "lesson page (trainee)": everything,
            "standard page": everything,
        },
    )


def test_search_queries_are_echoed_as_text(world):
    queries = pack(EVERYTHING, limit=200, separator=" ")
    pages = {
        f"search {index}": get(
            Client(), reverse("search") + "?" + urlencode({"q": text})
        )
        for index, (text, _held) in enumerate(queries)
    }
    assert_inert(pages, shows=markers_of(p for _t, held in queries for p in held))


def test_a_search_with_quotes_is_a_search_not_an_error():
    """SQLite's full-text index reads quotes as query syntax (make test's second
    pass runs on SQLite, as does `make run`)."""
    lesson_page(course_page(slug="khoa-tim"), slug="bai-tim", title="Sổ A0 ghi gì")
    for query in ['"', 'sổ "A0', "sổ 'A0", 'ma túy" OR "', "(", "*"]:
        assert get(Client(), reverse("search") + "?" + urlencode({"q": query}))
    assert "Sổ A0 ghi gì" in get(Client(), reverse("search") + '?q="A0"')
