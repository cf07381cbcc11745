import datetime as dt
import time

import pytest
from django.utils import timezone
from wagtail.models import Page

from cms.models import LessonPage
from tests.cms.factories import course_page, lesson_page

pytestmark = pytest.mark.django_db


def test_trainer_can_edit_lessons_but_not_publish_them(trainer):
    lesson = lesson_page(course_page(), slug="b1")
    permissions = lesson.permissions_for_user(trainer)
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_organizer_can_publish_lessons(organizer):
    lesson = lesson_page(course_page(), slug="b1")
    assert lesson.permissions_for_user(organizer).can_publish()


def test_trainer_submission_waits_for_an_organizer_then_publishes(trainer, organizer):
    lesson = lesson_page(course_page(), slug="b1", title="Bài cũ")
    lesson.title = "Bài mới"
    revision = lesson.save_revision(user=trainer)
    workflow = lesson.get_workflow()
    assert workflow is not None
    state = workflow.start(lesson, trainer)
    assert LessonPage.objects.get(pk=lesson.pk).title == "Bài cũ"
    task_state = state.current_task_state
    assert task_state.task.specific.user_can_access_editor(lesson, organizer)
    task_state.task.specific.on_action(task_state, organizer, "approve")
    lesson.refresh_from_db()
    assert lesson.title == "Bài mới"
    assert lesson.live_revision_id == revision.pk


def test_scheduled_publishing_publishes_when_due():
    from django.core.management import call_command

    parent = course_page()
    lesson = LessonPage(
        title="Bài hẹn giờ",
        slug="hen-gio",
        body=[],
        live=False,
        go_live_at=timezone.now() + dt.timedelta(seconds=2),
    )
    parent.add_child(instance=lesson)
    revision = lesson.save_revision()
    revision.publish()
    assert not Page.objects.get(pk=lesson.pk).live
    call_command("publish_scheduled", verbosity=0)
    assert not Page.objects.get(pk=lesson.pk).live

    time.sleep(2.1)
    call_command("publish_scheduled", verbosity=0)
    assert Page.objects.get(pk=lesson.pk).live
