"""What a signed-in trainee's lesson page needs to know, kept in the cache.

Every lesson view by a trainee used to ask the database which class they are in and
what they have opened, and write "opened" again. These two small maps answer from
the cache; the services that change them forget them after commit.
"""

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction

from courses.models import Enrollment, LessonProgress

TIMEOUT = 60 * 60


def _enrolled_key(user_id: int) -> str:
    return f"lms:enrolled-courses:{user_id}"


def _progress_key(enrollment_id: int) -> str:
    return f"lms:lesson-state:{enrollment_id}"


def enrolled_courses(user) -> dict[int, int]:
    """Course id → the user's active enrollment id in a class of it."""
    key = _enrolled_key(user.pk)
    found = cache.get(key)
    if found is None:
        found = dict(
            Enrollment.objects.for_user(user)
            .active()
            .order_by("enrolled_at")
            .values_list("training_class__course_id", "pk")
        )
        cache.set(key, found, TIMEOUT)
    return found


def lesson_state(enrollment_id: int) -> tuple[int | None, dict[int, bool]]:
    """(last opened lesson id, {opened lesson id: is done}) of one enrollment."""
    key = _progress_key(enrollment_id)
    found = cache.get(key)
    if found is None:
        last = (
            Enrollment.objects.filter(pk=enrollment_id)
            .values_list("last_lesson_id", flat=True)
            .first()
        )
        opened = {
            lesson_id: completed_at is not None
            for lesson_id, completed_at in LessonProgress.objects.filter(
                enrollment_id=enrollment_id
            ).values_list("lesson_id", "completed_at")
        }
        found = (last, opened)
        cache.set(key, found, TIMEOUT)
    return found


def forget_enrolled_courses(user_ids: Iterable[int | None]) -> None:
    keys = [_enrolled_key(pk) for pk in user_ids if pk is not None]
    if keys:
        transaction.on_commit(lambda: cache.delete_many(keys))


def forget_lesson_state(enrollment_id: int) -> None:
    transaction.on_commit(lambda: cache.delete(_progress_key(enrollment_id)))
