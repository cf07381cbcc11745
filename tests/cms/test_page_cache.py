import pytest
from django.core.cache import cache

from tests.cms.factories import course_page, lesson_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_anonymous_visitors_get_the_page_from_the_cache_on_the_second_visit(
    client, django_assert_num_queries
):
    lesson = lesson_page(course_page(), slug="b1", title="Bài một")
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(lesson.url)
    assert second["X-Page-Cache"] == "hit"
    assert "Bài một" in second.content.decode()


def test_publishing_purges_the_cache(client):
    lesson = lesson_page(course_page(), slug="b1", title="Bài một")
    client.get(lesson.url)
    lesson.title = "Bài một (sửa)"
    lesson.save_revision().publish()
    response = client.get(lesson.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Bài một (sửa)" in response.content.decode()


def test_unpublishing_purges_the_cache(client):
    lesson = lesson_page(course_page(), slug="b1")
    client.get(lesson.url)
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_signed_in_users_never_fill_the_cache(client, trainee):
    lesson = lesson_page(course_page(), slug="b1")
    client.force_login(trainee)
    response = client.get(lesson.url)
    assert "X-Page-Cache" not in response
    assert "Hoà" in response.content.decode()
    client.logout()
    client.cookies.clear()
    assert client.get(lesson.url)["X-Page-Cache"] == "miss"


def test_signed_in_users_get_the_cached_page_with_their_own_regions(
    client, trainee, other_trainee
):
    lesson = lesson_page(course_page(), slug="b1", title="Bài một")
    anonymous = client.get(lesson.url).content.decode()
    assert "Đăng nhập" in anonymous
    client.force_login(trainee)
    mine = client.get(lesson.url)
    assert mine["X-Page-Cache"] == "personal"
    assert "private" in mine["Cache-Control"]
    html = mine.content.decode()
    assert "Bài một" in html
    assert "Hoà" in html
    assert "Đăng xuất" in html
    assert 'name="csrfmiddlewaretoken"' in html
    client.force_login(other_trainee)
    assert "Hoà" not in client.get(lesson.url).content.decode()


def test_cached_pages_never_hold_a_name_or_csrf_token(client, trainee):
    lesson = lesson_page(course_page(), slug="b1")
    client.force_login(trainee)
    client.get(lesson.url)
    client.logout()
    client.cookies.clear()
    client.get(lesson.url)
    cached = client.get(lesson.url)
    assert cached["X-Page-Cache"] == "hit"
    assert "csrfmiddlewaretoken" not in cached.content.decode()
    assert "Hoà" not in cached.content.decode()


def test_languages_are_cached_separately(client):
    lesson = lesson_page(course_page(), slug="b1", title="Bài một")
    lesson.title_en = "Lesson one"
    lesson.save_revision().publish()
    client.get(lesson.url)
    english = client.get("/en" + lesson.url)
    assert english["X-Page-Cache"] == "miss"
    assert "Lesson one" in english.content.decode()


def test_unknown_query_strings_are_not_cached(client):
    lesson = lesson_page(course_page(), slug="b1")
    client.get(lesson.url + "?utm=1")
    assert "X-Page-Cache" not in client.get(lesson.url + "?utm=1")
