"""Page builders: pages are created in the tree the way an editor would."""

from wagtail.rich_text import RichText

from cms.models import CourseIndexPage, CoursePage, LessonPage
from cms.services import ensure_site_structure
from courses.models import Course
from tests.courses.factories import CourseFactory


def catalogue() -> CourseIndexPage:
    return ensure_site_structure()


def course_page(*, course: Course | None = None, slug: str = "khoa-a") -> CoursePage:
    course = course or CourseFactory()
    page = CoursePage(
        title=course.title,
        title_en=course.title_en,
        slug=slug,
        course=course,
        summary="Tóm tắt khoá học.",
    )
    catalogue().add_child(instance=page)
    page.save_revision().publish()
    return page


def lesson_page(
    parent: CoursePage,
    *,
    slug: str,
    title: str = "Bài học",
    body: list | None = None,
    minutes: int = 15,
) -> LessonPage:
    page = LessonPage(
        title=title,
        slug=slug,
        estimated_minutes=minutes,
        body=body
        if body is not None
        else [("paragraph", RichText("<p>Nội dung.</p>"))],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
