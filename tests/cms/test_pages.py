import gzip
import re
import unicodedata

import pytest
from django.contrib.staticfiles import finders
from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.test.utils import WagtailTestUtils  # noqa: F401  (keeps Wagtail's helpers importable)

from cms.blocks import LessonBodyBlock
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, StandardPage
from courses.models import Course
from tests.cms.factories import catalogue, course_page, lesson_page
from tests.courses.factories import CourseFactory
from tests.courses.quiz_factories import quiz_with_questions

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("parent", "child", "allowed"),
    [
        (Page, HomePage, True),
        (HomePage, CourseIndexPage, True),
        (HomePage, StandardPage, True),
        (HomePage, LessonPage, False),
        (CourseIndexPage, CoursePage, True),
        (CourseIndexPage, LessonPage, False),
        (CoursePage, LessonPage, True),
        (CoursePage, CoursePage, False),
        (LessonPage, LessonPage, False),
        (StandardPage, CoursePage, False),
    ],
)
def test_page_tree_rules(parent, child, allowed):
    fits = child in parent.allowed_subpage_models() and (
        parent in child.allowed_parent_page_models()
    )
    assert fits is allowed


@pytest.mark.django_db
def test_every_block_type_renders_its_preview_value():
    # The quiz block previews the first quiz there is: give it one.
    quiz_with_questions(CourseFactory(), count=1)
    stream_block = LessonBodyBlock()
    for name, block in stream_block.child_blocks.items():
        value = block.to_python(block.get_prep_value(block.get_preview_value()))
        html = block.render(value)
        assert html.strip(), name
        assert block.meta.description, name
        assert block.meta.icon, name


def test_lesson_renders_each_block_in_the_page(client):
    parent = course_page()
    body = [
        ("heading", "Sổ A0"),
        ("paragraph", "<p>Mỗi hộ <b>một trang</b>.</p>"),
        ("callout", {"kind": "warning", "text": "Không xoá trang hộ."}),
        ("key_points", {"title": "", "points": ["Nộp phiếu tại giao ban"]}),
        ("case_study", {"title": "Chị H.", "text": "Hư cấu.", "question": "Làm gì?"}),
        ("checklist", {"title": "Trước giao ban", "items": ["Kiểm tra sổ"]}),
    ]
    lesson = lesson_page(parent, slug="so-a0", title="Sổ A0", body=body)
    html = client.get(lesson.url).content.decode()
    for text in [
        "Sổ A0",
        "<b>một trang</b>",
        "Không xoá trang hộ.",
        "Nộp phiếu tại giao ban",
        "Hư cấu.",
        "Kiểm tra sổ",
    ]:
        assert text in html
    assert 'class="callout callout-warning"' in html


def test_catalogue_filters_by_topic_and_audience(client):
    stats = CourseFactory(title="Thống kê", topic=Course.Topic.STATISTICS)
    counsel = CourseFactory(
        title="Tư vấn",
        topic=Course.Topic.COUNSELLING,
        audience=Course.Audience.SOCIAL_WORK_VOLUNTEER,
    )
    course_page(course=stats, slug="thong-ke")
    course_page(course=counsel, slug="tu-van")
    index = catalogue()

    def titles(query: str) -> set[str]:
        response = client.get(index.url + query)
        assert response.status_code == 200
        return {page.title for page in response.context["course_pages"]}

    assert titles("") == {"Thống kê", "Tư vấn"}
    assert titles("?topic=counselling") == {"Tư vấn"}
    assert titles("?audience=population_collaborator") == {"Thống kê"}
    assert titles("?topic=counselling&audience=population_collaborator") == set()
    assert titles("?topic=nonsense") == {"Thống kê", "Tư vấn"}


def test_course_page_lists_lessons_in_tree_order(client):
    parent = course_page()
    lesson_page(parent, slug="b1", title="Bài một")
    lesson_page(parent, slug="b2", title="Bài hai")
    html = client.get(parent.url).content.decode()
    assert html.index("Bài một") < html.index("Bài hai")


def test_lesson_links_to_previous_and_next(client):
    parent = course_page()
    first = lesson_page(parent, slug="b1", title="Bài một")
    second = lesson_page(parent, slug="b2", title="Bài hai")
    html = client.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html
    assert "Bài 2/2" in html


def test_english_is_served_under_en_with_english_titles(client):
    parent = course_page()
    lesson = lesson_page(parent, slug="b1", title="Bài một")
    lesson.title_en = "Lesson one"
    lesson.save_revision().publish()
    vi = client.get(lesson.url)
    en = client.get("/en" + lesson.url)
    assert vi.status_code == en.status_code == 200
    assert "<h1>Bài một</h1>" in vi.content.decode()
    assert "<h1>Lesson one</h1>" in en.content.decode()
    assert 'lang="en"' in en.content.decode()


def test_every_page_offers_the_other_language(client):
    parent = course_page()
    url = lesson_page(parent, slug="b1").url
    html = client.get(url).content.decode()
    assert unicodedata.is_normalized("NFC", html)
    assert f'href="/en{url}" hreflang="en"' in html
    en_html = client.get("/en" + url).content.decode()
    assert f'href="{url}" hreflang="vi"' in en_html


def test_lesson_page_weighs_under_50_kb_compressed_with_its_css_and_js(client):
    parent = course_page()
    long_body = [("paragraph", "<p>" + "Nội dung bài học dài. " * 40 + "</p>")] * 12
    lesson = lesson_page(parent, slug="dai", body=long_body)
    html = client.get(lesson.url).content
    assets = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', html)
    assert assets, "the page should link its stylesheet"
    total = len(gzip.compress(html))
    for asset in assets:
        path = finders.find(asset.decode())
        with open(path, "rb") as handle:
            total += len(gzip.compress(handle.read()))
    assert total <= 50 * 1024


def test_lesson_page_query_count_does_not_grow_with_lessons(
    client, django_assert_max_num_queries
):
    parent = course_page()
    lessons = [lesson_page(parent, slug=f"b{i}") for i in range(12)]
    client.get(lessons[0].url)  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(8):
        response = client.get(lessons[5].url, HTTP_COOKIE="sessionid=x")
    assert response.status_code == 200


def test_stream_value_of_demo_style_blocks_round_trips():
    block = LessonBodyBlock()
    value = block.to_python([{"type": "heading", "value": "Tiêu đề"}])
    assert isinstance(value, StreamValue)
    assert value[0].value == "Tiêu đề"
