"""Personal regions of cached pages: rendered per user, spliced into the shared HTML.

A template marks a region with `<!--region:NAME-->...<!--/region:NAME-->` around the
anonymous version; a renderer registered here produces the signed-in version. Both
usually include the same template, so the two paths cannot drift apart.
"""

import re
from collections.abc import Callable
from typing import Any

from django.contrib.messages import get_messages
from django.db.models import F
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from cms import page_cache
from cms.models import CoursePage
from courses.models import Enrollment, Lesson, TrainingClass
from courses.progress import course_progress
from courses.progress_cache import enrolled_courses, lesson_state

type Renderer = Callable[[HttpRequest, int | None], str]

REGION = re.compile(rb"<!--region:([a-z-]+)-->.*?<!--/region:\1-->", re.DOTALL)
RENDERERS: dict[str, Renderer] = {}


def region(name: str) -> Callable[[Renderer], Renderer]:
    def register(renderer: Renderer) -> Renderer:
        RENDERERS[name] = renderer
        return renderer

    return register


def personalise(content: bytes, request: HttpRequest, page_id: int | None) -> bytes:
    def render(match: re.Match[bytes]) -> bytes:
        name = match.group(1).decode()
        renderer = RENDERERS.get(name)
        if renderer is None:
            return match.group(0)
        html = renderer(request, page_id)
        return f"<!--region:{name}-->{html}<!--/region:{name}-->".encode()

    return REGION.sub(render, content)


# Regions render with just what they use, not every context processor: this runs on
# each signed-in page view.
@region("user-nav")
def render_user_nav(request: HttpRequest, page_id: int | None) -> str:
    context = {"user": request.user, "csrf_token": get_token(request)}
    return render_to_string("includes/user_nav.html", context)


@region("messages")
def render_messages(request: HttpRequest, page_id: int | None) -> str:
    messages = get_messages(request)
    if not messages:
        return ""
    return render_to_string("includes/messages.html", {"messages": messages})


# The trainee's regions. They are the only per-user work on a course or lesson page,
# so their queries are paid by signed-in users alone; anonymous pages stay cached.


@region("course-state")
def render_course_state(request: HttpRequest, page_id: int | None) -> str:
    """Enrolled: progress and "continue". Not yet: the open online classes."""
    context: dict[str, Any] = {
        "request": request,
        "csrf_token": get_token(request),
        "state": "anonymous",
    }
    course_id = None
    if page_id is not None and request.user.is_authenticated:
        course_id = (
            CoursePage.objects.filter(pk=page_id)
            .values_list("course_id", flat=True)
            .first()
        )
    if course_id is not None:
        enrollment = (
            Enrollment.objects.for_user(request.user)
            .active()
            .filter(training_class__course_id=course_id)
            .with_progress()
            .first()
        )
        if enrollment is not None:
            (row,) = course_progress([enrollment])
            context.update(state="enrolled", row=row)
        else:
            context.update(
                state="not-enrolled",
                classes=TrainingClass.objects.open_for_self_enrollment()
                .filter(course_id=course_id, seats_taken__lt=F("capacity"))
                .order_by("starts_on", "code"),
            )
    return render_to_string("cms/includes/course_state.html", context)


@region("lesson-progress")
def render_lesson_progress(request: HttpRequest, page_id: int | None) -> str:
    """The done button, and for an enrolled trainee the "opened" beacon.

    Rendering writes nothing: a GET is safe to repeat, prefetch and serve from the
    cache. The visit is recorded by the page's beacon (courses:opened), a POST sent
    once the page is shown, and only when the cached state says it is news: a first
    visit, or a lesson other than the one last opened.
    """
    context: dict[str, Any] = {
        "request": request,
        "csrf_token": get_token(request),
        "state": "anonymous",
    }
    if request.user.is_authenticated and page_id is not None:
        context["state"] = "not-enrolled"
        # Both lookups come from caches in the steady state: the page's lesson is
        # derived from published pages, the trainee's maps are forgotten by the
        # services that change them.
        lesson_ref = page_cache.remember(
            f"lesson-of-page:{page_id}",
            lambda: (
                Lesson.objects.filter(page__pk=page_id, is_published=True)
                .values_list("pk", "course_id")
                .first()
            ),
        )
        enrollment_id = (
            enrolled_courses(request.user).get(lesson_ref[1]) if lesson_ref else None
        )
        if lesson_ref is not None and enrollment_id is not None:
            lesson_id = lesson_ref[0]
            last, opened = lesson_state(enrollment_id)
            context.update(
                state="done" if opened.get(lesson_id, False) else "to-do",
                lesson_id=lesson_id,
                record_opening=lesson_id not in opened or last != lesson_id,
            )
    return render_to_string("cms/includes/lesson_progress.html", context)
