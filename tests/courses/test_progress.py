"""Following lessons: recording, marking done, completion, the dashboard."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.models import LessonPage
from courses.models import Enrollment, Lesson, LessonProgress, TrainingClass
from courses.progress import resume_lesson
from courses.services import complete_lesson, enroll, open_lesson, trainee_for_user
from courses.signals import enrollment_completed
from tests.cms.factories import course_page, lesson_page
from tests.courses.factories import (
    CourseFactory,
    LessonFactory,
    TrainingClassFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def course_with_lessons(count: int, *, slug: str = "khoa-a"):
    parent = course_page(slug=slug)
    pages = [
        lesson_page(parent, slug=f"b{i}", title=f"Bài số {i}")
        for i in range(1, count + 1)
    ]
    return parent, [LessonPage.objects.get(pk=page.pk) for page in pages]


def enrol(user, course, **class_kwargs) -> Enrollment:
    return enroll(
        trainee=trainee_for_user(user),
        training_class=TrainingClassFactory(
            course=course, mode=TrainingClass.Mode.ONLINE, **class_kwargs
        ),
        method=Enrollment.Method.SELF,
        by=user,
    )


def done_url(page: LessonPage) -> str:
    return reverse("courses:done", args=[page.lesson_id])


def test_resume_at_the_last_opened_lesson_while_it_is_not_done():
    assert resume_lesson([1, 2, 3], done={1}, last_opened=3) == 3


def test_resume_at_the_first_lesson_not_done_otherwise():
    assert resume_lesson([1, 2, 3], done={1, 3}, last_opened=3) == 2
    assert resume_lesson([1, 2, 3], done=set(), last_opened=None) == 1
    assert resume_lesson([1, 2, 3], done=set(), last_opened=99) == 1


def test_nothing_to_resume_when_every_lesson_is_done():
    assert resume_lesson([1, 2], done={1, 2}, last_opened=2) is None


def opened_url(page: LessonPage) -> str:
    return reverse("courses:opened", args=[page.lesson_id])


def beacon(page: LessonPage) -> str:
    return f'<form id="lesson-opened" method="post" action="{opened_url(page)}" hidden>'


def test_showing_a_lesson_writes_nothing_and_leaves_the_record_to_the_beacon(
    client, trainee
):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    html = client.get(pages[1].url).content.decode()
    assert "Đánh dấu đã học xong" in html
    assert f'action="{done_url(pages[1])}"' in html
    assert beacon(pages[1]) in html
    assert 'src="/static/cms/lesson_opened.js"' in html
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id is None
    assert not LessonProgress.objects.exists()


def test_the_beacon_records_the_opening_for_the_dashboard_to_resume(client, trainee):
    parent, pages = course_with_lessons(3)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    response = client.post(opened_url(pages[2]))
    assert response.status_code == 204
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == pages[2].lesson_id
    progress = LessonProgress.objects.get(enrollment=enrollment)
    assert (progress.lesson_id, progress.completed_at) == (pages[2].lesson_id, None)
    html = client.get(reverse("courses:dashboard")).content.decode()
    resume = reverse("lesson-redirect", args=[pages[2].lesson_id])
    assert f'href="{resume}">Tiếp tục học' in html


def test_once_recorded_the_lesson_page_asks_again_only_for_another_lesson(
    client, trainee, django_capture_on_commit_callbacks
):
    parent, pages = course_with_lessons(2)
    enrol(trainee, parent.course)
    client.force_login(trainee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(opened_url(pages[0]))
    assert beacon(pages[0]) not in client.get(pages[0].url).content.decode()
    assert beacon(pages[1]) in client.get(pages[1].url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(opened_url(pages[1]))
    # Back to the first lesson: it becomes the one to resume at again.
    assert beacon(pages[0]) in client.get(pages[0].url).content.decode()


def test_the_beacon_twice_keeps_one_record(client, trainee):
    parent, pages = course_with_lessons(1)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    client.post(opened_url(pages[0]))
    client.post(opened_url(pages[0]))
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1


def test_the_beacon_needs_an_enrollment_in_that_course_and_a_post(
    client, trainee, other_trainee
):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    assert client.post(opened_url(pages[0]))["Location"].startswith(reverse("login"))
    client.force_login(other_trainee)
    assert client.post(opened_url(pages[0])).status_code == 404
    client.force_login(trainee)
    assert client.get(opened_url(pages[0])).status_code == 405
    assert not LessonProgress.objects.exists()


def test_marking_done_without_the_beacon_also_records_the_opening(client, trainee):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    client.post(done_url(pages[1]))
    enrollment.refresh_from_db()
    assert enrollment.last_lesson_id == pages[1].lesson_id
    assert LessonProgress.objects.get(enrollment=enrollment).completed_at


def test_lesson_served_from_the_cache_still_asks_to_record_the_visit(client, trainee):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    client.get(pages[0].url)  # an anonymous visit fills the cache
    client.force_login(trainee)
    response = client.get(pages[0].url)
    assert response["X-Page-Cache"] == "personal"
    html = response.content.decode()
    assert "Đánh dấu đã học xong" in html
    assert beacon(pages[0]) in html
    assert not LessonProgress.objects.exists()


def test_anonymous_lesson_page_invites_to_log_in_and_stays_cached(client):
    _parent, pages = course_with_lessons(1)
    assert client.get(pages[0].url)["X-Page-Cache"] == "miss"
    cached = client.get(pages[0].url)
    html = cached.content.decode()
    assert cached["X-Page-Cache"] == "hit"
    assert "để lưu tiến độ học" in html
    assert "Đánh dấu đã học xong" not in html


def test_a_signed_in_user_not_enrolled_is_told_and_nothing_is_recorded(client, trainee):
    _parent, pages = course_with_lessons(1)
    client.force_login(trainee)
    html = client.get(pages[0].url).content.decode()
    assert "Bạn chưa ghi danh khoá học này" in html
    assert not LessonProgress.objects.exists()


def test_marking_a_lesson_done_shows_it_done_on_the_lesson_page(client, trainee):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    response = client.post(done_url(pages[0]), {"next": pages[0].url})
    assert response.status_code == 302
    assert response["Location"] == pages[0].url
    html = client.get(pages[0].url).content.decode()
    assert "Đã học xong ✓" in html
    assert "Đánh dấu đã học xong" not in html
    assert LessonProgress.objects.get(enrollment=enrollment).completed_at


def test_marking_done_twice_changes_nothing(client, trainee):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    client.post(done_url(pages[0]))
    first = LessonProgress.objects.get(enrollment=enrollment).completed_at
    client.post(done_url(pages[0]))
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1
    assert LessonProgress.objects.get(enrollment=enrollment).completed_at == first


def test_marking_done_without_a_safe_next_goes_through_the_lesson_route(
    client, trainee
):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    client.force_login(trainee)
    response = client.post(done_url(pages[0]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("lesson-redirect", args=[pages[0].lesson_id])


def test_marking_done_needs_an_enrollment_in_that_course(
    client, trainee, other_trainee
):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    client.force_login(other_trainee)
    assert client.post(done_url(pages[0])).status_code == 404
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_marking_done_is_a_post_for_signed_in_users(client, trainee):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    assert client.post(done_url(pages[0]))["Location"].startswith(reverse("login"))
    client.force_login(trainee)
    assert client.get(done_url(pages[0])).status_code == 405


def test_completing_every_lesson_sends_enrollment_completed_exactly_once(
    client, trainee, django_capture_on_commit_callbacks
):
    parent, pages = course_with_lessons(3)
    enrollment = enrol(trainee, parent.course)
    received = []

    def on_completed(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    enrollment_completed.connect(on_completed)
    try:
        client.force_login(trainee)
        with django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                client.post(done_url(page))
            response = client.post(done_url(pages[-1]), follow=True)
    finally:
        enrollment_completed.disconnect(on_completed)
    assert received == [enrollment.pk]
    enrollment.refresh_from_db()
    assert enrollment.is_completed
    assert "Chúc mừng" in response.content.decode()


def test_dashboard_shows_progress_and_resumes_at_the_first_lesson_not_done(
    client, trainee
):
    parent, pages = course_with_lessons(5)
    enrollment = enrol(trainee, parent.course)
    for page in (pages[0], pages[1], pages[3]):
        complete_lesson(enrollment=enrollment, lesson=page.lesson)
    client.force_login(trainee)
    response = client.get(reverse("courses:dashboard"))
    html = response.content.decode()
    assert parent.course.title in html
    assert enrollment.training_class.code in html
    assert "08/12/2026 \u2013 09/12/2026" in html
    assert "3/5 bài" in html
    assert 'max="5" value="3"' in html
    resume = reverse("lesson-redirect", args=[pages[2].lesson_id])
    assert f'href="{resume}">Tiếp tục học' in html
    assert client.get(resume)["Location"] == pages[2].url


def test_dashboard_resumes_at_the_last_opened_lesson_not_yet_done(client, trainee):
    parent, pages = course_with_lessons(3)
    enrollment = enrol(trainee, parent.course)
    open_lesson(enrollment=enrollment, lesson=pages[2].lesson)
    client.force_login(trainee)
    html = client.get(reverse("courses:dashboard")).content.decode()
    resume = reverse("lesson-redirect", args=[pages[2].lesson_id])
    assert f'href="{resume}">Tiếp tục học' in html


def test_dashboard_shows_a_completed_course_as_completed(client, trainee):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    for page in pages:
        complete_lesson(enrollment=enrollment, lesson=page.lesson)
    client.force_login(trainee)
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "2/2 bài" in html
    assert "Đã hoàn thành ngày" in html
    assert "Tiếp tục học" not in html


def test_dashboard_leaves_out_withdrawn_and_other_peoples_enrollments(
    client, trainee, other_trainee
):
    mine = enrol(trainee, CourseFactory(title="Khoá của tôi"))
    enrol(other_trainee, CourseFactory(title="Khoá của người khác"))
    gone = enrol(trainee, CourseFactory(title="Khoá đã rút"))
    Enrollment.objects.filter(pk=gone.pk).update(
        status=Enrollment.Status.WITHDRAWN, withdrawn_at=mine.enrolled_at
    )
    client.force_login(trainee)
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "Khoá của tôi" in html
    assert "Khoá của người khác" not in html
    assert "Khoá đã rút" not in html


def test_dashboard_queries_do_not_grow_with_enrollments(
    client, trainee, django_assert_max_num_queries
):
    def add_enrollment():
        course = CourseFactory()
        lessons = LessonFactory.create_batch(3, course=course)
        enrollment = enrol(trainee, course)
        complete_lesson(enrollment=enrollment, lesson=lessons[0])

    add_enrollment()
    client.force_login(trainee)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("courses:dashboard"))
    for _ in range(5):
        add_enrollment()
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(reverse("courses:dashboard"))
    assert response.content.decode().count("1/3 bài") == 6


def test_dashboard_requires_login(client):
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_progress_page_lists_lessons_done_and_is_private(
    client, trainee, other_trainee
):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    complete_lesson(enrollment=enrollment, lesson=pages[0].lesson)
    url = reverse("courses:progress", args=[enrollment.pk])
    client.force_login(trainee)
    html = client.get(url).content.decode()
    assert "Bài số 1" in html
    assert "Bài số 2" in html
    assert "1/2 bài" in html
    client.force_login(other_trainee)
    assert client.get(url).status_code == 404


def test_lesson_route_redirects_to_the_page_and_404s_when_unpublished(client):
    _parent, pages = course_with_lessons(1)
    url = reverse("lesson-redirect", args=[pages[0].lesson_id])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == pages[0].url
    pages[0].unpublish()
    assert client.get(url).status_code == 404
    assert not Lesson.objects.get(pk=pages[0].lesson_id).is_published


def test_course_page_invites_anonymous_visitors_to_log_in_to_enrol(client):
    parent, _pages = course_with_lessons(1)
    html = client.get(parent.url).content.decode()
    assert "Đăng nhập để đăng ký học" in html
    assert f"{reverse('login')}?next={parent.url}" in html


def test_course_page_offers_the_open_online_class_to_a_signed_in_user(client, trainee):
    parent, _pages = course_with_lessons(1)
    training_class = TrainingClassFactory(
        course=parent.course,
        code="MO-01",
        mode=TrainingClass.Mode.ONLINE,
        is_enrollment_open=True,
    )
    TrainingClassFactory(course=parent.course, code="DONG-01")
    client.get(parent.url)  # anonymous visit fills the cache
    client.force_login(trainee)
    response = client.get(parent.url)
    html = response.content.decode()
    assert response["X-Page-Cache"] == "personal"
    assert f'action="{reverse("courses:enrol", args=[training_class.pk])}"' in html
    assert "MO-01" in html
    assert "DONG-01" not in html


def test_course_page_shows_an_enrolled_trainee_where_to_continue(client, trainee):
    parent, pages = course_with_lessons(2)
    enrollment = enrol(trainee, parent.course)
    complete_lesson(enrollment=enrollment, lesson=pages[0].lesson)
    client.force_login(trainee)
    html = client.get(parent.url).content.decode()
    assert f"Bạn đang học lớp {enrollment.training_class.code}" in html
    assert "1/2 bài" in html
    resume = reverse("lesson-redirect", args=[pages[1].lesson_id])
    assert f'href="{resume}">Tiếp tục học' in html


def test_lesson_route_keeps_the_reader_in_their_language(client):
    _parent, pages = course_with_lessons(1)
    english_url = "/en" + pages[0].url
    response = client.get("/en" + reverse("lesson-redirect", args=[pages[0].lesson_id]))
    assert response["Location"] == english_url


@pytest.mark.django_db
def test_dashboard_offers_the_post_test_once_every_lesson_is_done(client, trainee):
    from courses.models import Enrollment
    from courses.services import complete_lesson, enroll, trainee_for_user
    from tests.courses.factories import LessonFactory, TrainingClassFactory
    from tests.courses.quiz_factories import quiz_with_questions

    training_class = TrainingClassFactory()
    lesson = LessonFactory(course=training_class.course)
    quiz = quiz_with_questions(training_class.course, count=1)
    enrollment = enroll(
        trainee=trainee_for_user(trainee),
        training_class=training_class,
        method=Enrollment.Method.SELF,
    )
    client.force_login(trainee)
    before = client.get("/khoa-hoc-cua-toi/").content.decode()
    assert "Làm bài kiểm tra cuối khoá" not in before
    complete_lesson(enrollment=enrollment, lesson=lesson)
    after = client.get("/khoa-hoc-cua-toi/").content.decode()
    assert "Làm bài kiểm tra cuối khoá" in after
    assert f"/bai-kiem-tra/{quiz.pk}/" in after


def test_reading_a_lesson_writes_nothing_the_first_time_or_again(client, trainee):
    parent, pages = course_with_lessons(1)
    enrol(trainee, parent.course)
    client.force_login(trainee)
    for _visit in range(2):
        with CaptureQueriesContext(connection) as captured:
            html = client.get(pages[0].url).content.decode()
        assert "Đánh dấu đã học xong" in html
        writes = [
            q["sql"]
            for q in captured
            if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))
        ]
        assert [w for w in writes if "session" not in w] == []


def test_withdrawing_is_seen_on_the_next_lesson_view(
    client, trainee, django_capture_on_commit_callbacks
):
    from courses.services import withdraw

    parent, pages = course_with_lessons(1)
    enrollment = enrol(trainee, parent.course)
    client.force_login(trainee)
    assert "Đánh dấu đã học xong" in client.get(pages[0].url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(enrollment=enrollment)
    assert "Bạn chưa ghi danh khoá học này" in client.get(pages[0].url).content.decode()
