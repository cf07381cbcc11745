import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from cms.models import CoursePage, LessonPage
from courses.models import Course, Organisation, TrainingClass, User

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    return {
        "users": sorted(User.objects.values_list("username", "password")),
        "courses": sorted(Course.objects.values_list("code", "title")),
        "classes": sorted(TrainingClass.objects.values_list("code", "course__code")),
        "organisations": Organisation.objects.count(),
        "pages": sorted(
            LessonPage.objects.values_list("url_path", "latest_revision_id")
        ),
    }


def sign_in(username: str):
    # django-axes throttles sign-ins per address, so it needs the request.
    request = RequestFactory().post("/accounts/login/")
    return authenticate(request, username=username, password="changeme")


def test_seed_demo_creates_three_courses_with_five_lessons_each():
    call_command("seed_demo", verbosity=0)
    assert set(Course.objects.values_list("code", flat=True)) == {"DS", "CTXH", "CLB"}
    for course_page in CoursePage.objects.all():
        lessons = LessonPage.objects.child_of(course_page).live()
        assert lessons.count() >= 5, course_page.title
        assert all(lesson.title_en for lesson in lessons)
    assert set(TrainingClass.objects.values_list("code", flat=True)) >= {
        "DEMO-DS-01",
        "DEMO-CTXH-01",
        "DEMO-CLB-01",
    }


def test_seed_demo_is_idempotent():
    call_command("seed_demo", verbosity=0)
    first = snapshot()
    call_command("seed_demo", verbosity=0)
    assert snapshot() == first


def test_demo_accounts_log_in_with_their_roles():
    call_command("seed_demo", verbosity=0)
    admin = sign_in("admin")
    organizer = sign_in("tochuc")
    trainer = sign_in("giangvien")
    trainee = sign_in("hocvien")
    assert admin.is_superuser
    assert organizer.groups.filter(name="Tổ chức").exists()
    assert trainer.groups.filter(name="Giảng viên").exists()
    assert not trainee.is_staff


def test_demo_catalogue_shows_three_courses_in_vietnamese(client):
    call_command("seed_demo", verbosity=0)
    response = client.get("/khoa-hoc/")
    assert response.status_code == 200
    assert len(response.context["course_pages"]) == 3
    assert "Nghiệp vụ cơ bản cho cộng tác viên dân số" in response.content.decode()
