import pytest
from django.core.management import call_command

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", verbosity=0)
    return live_server.url


def test_visitor_browses_catalogue_opens_a_lesson_and_switches_language(
    demo_site, phone, artifacts
):
    phone.goto(demo_site + "/")
    phone.get_by_role("link", name="Khoá học", exact=True).first.click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Khoá học"

    phone.select_option("#f-topic", "counselling")
    phone.get_by_role("button", name="Lọc").click()
    cards = phone.locator(".card h3")
    assert cards.all_inner_texts() == [
        "Kỹ năng tư vấn và hỗ trợ trong công tác xã hội cơ sở"
    ]

    phone.select_option("#f-topic", "")
    phone.get_by_role("button", name="Lọc").click()
    phone.get_by_role("link", name="Nghiệp vụ cơ bản cho cộng tác viên dân số").click()
    phone.locator("ol.lessons a").first.click()
    assert "Bài 1/" in phone.locator(".crumbs").inner_text()
    lesson_title = phone.get_by_role("heading", level=1).inner_text()

    # Nothing on the page may be wider than the phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts / "lesson-360x740.png", full_page=False)

    phone.get_by_role("link", name="English").click()
    assert phone.locator("html").get_attribute("lang") == "en"
    assert phone.url.startswith(demo_site + "/en/")
    english_title = phone.get_by_role("heading", level=1).inner_text()
    assert english_title
    assert english_title != lesson_title
    assert phone.get_by_role("link", name="Courses", exact=True).is_visible()

    phone.get_by_role("link", name="Tiếng Việt").click()
    assert phone.get_by_role("heading", level=1).inner_text() == lesson_title


def test_visitor_search_without_diacritics_finds_the_lesson(demo_site, phone):
    phone.goto(demo_site + "/search/?q=so+a0")
    results = phone.locator("ol.results a").all_inner_texts()
    assert any("A0" in title for title in results)
