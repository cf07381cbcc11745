from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from cms import page_cache, services
from cms.models import CoursePage, LessonPage
from courses.models import Lesson


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def purge_page_cache(sender, **kwargs) -> None:
    page_cache.purge()


@receiver(post_delete)
@receiver(post_save, sender=PageViewRestriction)
def purge_page_cache_on_change(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page | PageViewRestriction):
        page_cache.purge()


# The domain counts lessons for progress and completion; it hears about lesson pages
# only through these handlers, each one line into cms.services.


@receiver(page_published, sender=LessonPage)
@receiver(page_unpublished, sender=LessonPage)
def sync_lessons_on_publish(sender, instance, **kwargs) -> None:
    _sync_course_of(instance)


@receiver(post_page_move, sender=LessonPage)
def sync_lessons_on_move(sender, parent_page_before, parent_page_after, **kwargs):
    for parent in {parent_page_before.pk, parent_page_after.pk}:
        for course_page in CoursePage.objects.filter(pk=parent):
            services.sync_course_lessons(course_page)


@receiver(post_delete, sender=LessonPage)
def retire_lesson_on_delete(sender, instance, **kwargs) -> None:
    if instance.lesson_id is not None:
        lesson = Lesson.objects.filter(pk=instance.lesson_id).first()
        if lesson is not None:
            services.retire_lesson(lesson)
    _sync_course_of(instance)


def _sync_course_of(page: Page) -> None:
    course_page = services.course_page_of(page)
    if course_page is not None:
        services.sync_course_lessons(course_page)
