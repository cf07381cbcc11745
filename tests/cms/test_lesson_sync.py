"""Lesson pages keep the domain's lessons in step: title, order, published."""

import importlib

import pytest
from django.apps import apps
from django.core.management import call_command

from cms.models import CoursePage, LessonPage
from courses.models import Enrollment, Lesson, LessonProgress
from courses.services import enroll, open_lesson
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import TraineeFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db


def lessons_of(page: CoursePage) -> list[tuple[str, int, bool]]:
    return list(
        Lesson.objects.filter(course=page.course)
        .order_by("position", "pk")
        .values_list("title", "position", "is_published")
    )


def fresh(page: LessonPage) -> LessonPage:
    return LessonPage.objects.get(pk=page.pk)


def test_publishing_a_lesson_page_creates_its_linked_lesson():
    parent = course_page()
    page = fresh(lesson_page(parent, slug="b1", title="Sổ A0"))
    assert page.lesson is not None
    assert page.lesson.course == parent.course
    assert (page.lesson.title, page.lesson.position) == ("Sổ A0", 1)
    assert page.lesson.is_published


def test_positions_follow_the_tree_among_published_lessons():
    parent = course_page()
    first = lesson_page(parent, slug="b1", title="Một")
    lesson_page(parent, slug="b2", title="Hai")
    lesson_page(parent, slug="b3", title="Ba")
    assert lessons_of(parent) == [("Một", 1, True), ("Hai", 2, True), ("Ba", 3, True)]
    fresh(first).unpublish()
    assert [row for row in lessons_of(parent) if row[2]] == [
        ("Hai", 1, True),
        ("Ba", 2, True),
    ]
    assert Lesson.objects.get(title="Một").is_published is False


def test_republishing_with_a_new_title_updates_the_same_lesson():
    parent = course_page()
    page = fresh(lesson_page(parent, slug="b1", title="Cũ"))
    lesson_id = page.lesson_id
    page.title = "Mới"
    page.save_revision().publish()
    assert fresh(page).lesson_id == lesson_id
    assert Lesson.objects.get(pk=lesson_id).title == "Mới"
    assert Lesson.objects.count() == 1


def test_publishing_a_revision_from_before_the_link_keeps_the_link():
    parent = course_page()
    page = fresh(lesson_page(parent, slug="b1", title="Bài"))
    old_revision = page.revisions.order_by("created_at").first()
    assert old_revision.content["lesson"] is None
    old_revision.publish()
    assert fresh(page).lesson_id is not None
    assert Lesson.objects.count() == 1


def test_moving_a_lesson_page_to_another_course_moves_its_lesson():
    first_course = course_page(slug="khoa-a")
    second_course = course_page(slug="khoa-b")
    moving = lesson_page(first_course, slug="b1", title="Đi")
    lesson_page(first_course, slug="b2", title="Ở lại")
    lesson_page(second_course, slug="c1", title="Có sẵn")
    fresh(moving).move(second_course, pos="last-child")
    assert lessons_of(first_course) == [("Ở lại", 1, True)]
    assert lessons_of(second_course) == [("Có sẵn", 1, True), ("Đi", 2, True)]


def test_reordering_lesson_pages_renumbers_the_lessons():
    parent = course_page()
    first = lesson_page(parent, slug="b1", title="Một")
    lesson_page(parent, slug="b2", title="Hai")
    fresh(first).move(parent, pos="last-child")
    assert lessons_of(parent) == [("Hai", 1, True), ("Một", 2, True)]


def test_deleting_a_lesson_page_keeps_its_lesson_and_progress_unpublished():
    parent = course_page()
    page = fresh(lesson_page(parent, slug="b1", title="Một"))
    lesson_page(parent, slug="b2", title="Hai")
    enrollment = enroll(
        trainee=TraineeFactory(),
        training_class=TrainingClassFactory(course=parent.course),
        method=Enrollment.Method.ORGANIZER,
    )
    open_lesson(enrollment=enrollment, lesson=page.lesson)
    page.delete()
    assert lessons_of(parent) == [("Một", 1, False), ("Hai", 1, True)]
    assert LessonProgress.objects.filter(lesson__title="Một").exists()


def test_a_copied_lesson_page_gets_a_lesson_of_its_own():
    parent = course_page()
    page = fresh(lesson_page(parent, slug="b1", title="Một"))
    copy = page.copy(update_attrs={"slug": "b1-copy"})
    assert copy.lesson_id != page.lesson_id
    copy.save_revision().publish()
    assert fresh(copy).lesson_id not in (None, page.lesson_id)


def test_migration_links_lesson_pages_made_before_the_link_existed():
    parent = course_page()
    page = lesson_page(parent, slug="b1", title="Một")
    LessonPage.objects.filter(pk=page.pk).update(lesson=None)
    Lesson.objects.all().delete()
    migration = importlib.import_module(
        "cms.migrations.0002_lesson_page_links_domain_lesson"
    )
    migration.link_existing_lesson_pages(apps, None)
    linked = fresh(page)
    assert linked.lesson is not None
    assert (linked.lesson.title, linked.lesson.position) == ("Một", 1)


def test_seed_demo_links_every_demo_lesson_in_page_order():
    call_command("seed_demo", verbosity=0)
    for parent in CoursePage.objects.all():
        pages = LessonPage.objects.child_of(parent).live().order_by("path")
        assert all(page.lesson_id for page in pages)
        assert [page.lesson.position for page in pages] == list(
            range(1, pages.count() + 1)
        )
        assert {page.lesson.course_id for page in pages} == {parent.course_id}
