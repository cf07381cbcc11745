import pytest

from tests.cms.factories import course_page, lesson_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def lessons():
    parent = course_page()
    drugs = lesson_page(
        parent,
        slug="ma-tuy",
        title="Làm việc với người sử dụng ma túy",
        body=[("paragraph", "<p>Giảm kỳ thị, giảm tác hại.</p>")],
    )
    club = lesson_page(
        parent,
        slug="quy",
        title="Quỹ quay vòng của câu lạc bộ",
        body=[("paragraph", "<p>Thủ quỹ và kế toán là hai người khác nhau.</p>")],
    )
    return drugs, club


def titles(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


def test_search_ignores_diacritics(client, lessons):
    assert titles(client, "ma tuy") == ["Làm việc với người sử dụng ma túy"]
    assert titles(client, "ma túy") == ["Làm việc với người sử dụng ma túy"]
    assert titles(client, "MA TUÝ") == ["Làm việc với người sử dụng ma túy"]


def test_search_finds_words_in_the_lesson_body(client, lessons):
    assert titles(client, "ke toan") == ["Quỹ quay vòng của câu lạc bộ"]
    assert titles(client, "thu quy") == ["Quỹ quay vòng của câu lạc bộ"]


def test_search_does_not_find_unpublished_lessons(client, lessons):
    drugs, _club = lessons
    drugs.unpublish()
    assert titles(client, "ma tuy") == []


def test_empty_search_shows_the_form_without_results(client, lessons):
    response = client.get("/search/")
    assert response.status_code == 200
    assert list(response.context["results"]) == []
