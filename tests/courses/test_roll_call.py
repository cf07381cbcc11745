import datetime as dt
import re

import pytest
from django.urls import reverse

from courses.models import AttendanceMethod, AttendanceRecord, Enrollment
from tests.courses import roll_call_setup
from tests.courses.factories import ClassSessionFactory
from tests.courses.roll_call_setup import enrol

training_class = roll_call_setup.training_class
session = roll_call_setup.session

pytestmark = pytest.mark.django_db


def roll_call_url(session):
    return reverse("courses:roll-call", args=[session.pk])


def mark_url(session):
    return reverse("courses:roll-call-mark", args=[session.pk])


def statuses(session):
    return dict(
        AttendanceRecord.objects.filter(session=session).values_list(
            "enrollment__trainee__full_name", "status"
        )
    )


def test_trainer_sees_the_class_sorted_by_given_name(client, trainer, session):
    for name in ["Nguyễn Văn Ánh", "Lò Thị Bình", "Trần Văn An"]:
        enrol(session.training_class, name)
    client.force_login(trainer)
    html = client.get(roll_call_url(session)).content.decode()
    names = re.findall(r"<span>([^<]+)</span><button", html)
    assert names == ["Trần Văn An", "Nguyễn Văn Ánh", "Lò Thị Bình"]


def test_another_organisation_and_trainees_get_404(
    client, other_organizer, trainee, session
):
    for user in (other_organizer, trainee):
        client.force_login(user)
        assert client.get(roll_call_url(session)).status_code == 404
        response = client.post(mark_url(session), {"all": "1"})
        assert response.status_code == 404
    assert not AttendanceRecord.objects.exists()


def test_anonymous_visitor_is_sent_to_login(client, session):
    response = client.get(roll_call_url(session))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_all_present_then_one_absent_is_saved_at_once(client, organizer, session):
    enrol(session.training_class, "Hà Văn Cường")
    absent = enrol(session.training_class, "Ma Thị Dung")
    client.force_login(organizer)
    client.post(mark_url(session), {"all": "1"})
    client.post(mark_url(session), {"s": f"{absent.pk}a"})
    assert statuses(session) == {"Hà Văn Cường": "present", "Ma Thị Dung": "absent"}
    record = AttendanceRecord.objects.get(enrollment=absent)
    assert record.method == AttendanceMethod.ROLL_CALL
    assert record.recorded_by == organizer
    assert list(record.changes.values_list("old_status", "new_status")) == [
        ("present", "absent"),
        ("", "present"),
    ]
    html = client.get(roll_call_url(session)).content.decode()
    assert '<b data-c="present">1</b>' in html
    assert '<b data-c="absent">1</b>' in html


def test_a_tap_with_javascript_answers_json_with_statuses_and_counts(
    client, trainer, session
):
    enrollment = enrol(session.training_class, "Hà Văn Cường")
    client.force_login(trainer)
    response = client.post(
        mark_url(session),
        {"s": f"{enrollment.pk}l"},
        headers={"accept": "application/json"},
    )
    assert response.json()["statuses"] == {str(enrollment.pk): "late"}
    assert response.json()["counts"]["late"] == 1


def test_late_enrolee_is_labelled_and_not_marked_by_all_present(
    client, trainer, training_class
):
    earlier = ClassSessionFactory(
        training_class=training_class, held_on=training_class.starts_on
    )
    on_time = enrol(training_class, "Hà Văn Cường")
    late = enrol(training_class, "Ma Thị Dung")
    Enrollment.objects.filter(pk=on_time.pk).update(
        enrolled_at=on_time.enrolled_at - dt.timedelta(days=3)
    )
    client.force_login(trainer)
    html = client.get(roll_call_url(earlier)).content.decode()
    assert html.count("ghi danh sau buổi này") == 1
    assert re.search(r"Ma Thị Dung <i>ghi danh sau buổi này</i>", html)
    client.post(mark_url(earlier), {"all": "1"})
    assert statuses(earlier) == {"Hà Văn Cường": "present"}
    assert not AttendanceRecord.objects.filter(enrollment=late).exists()


def test_marking_from_paper_records_the_paper_method(client, trainer, session):
    enrollment = enrol(session.training_class, "Hà Văn Cường")
    client.force_login(trainer)
    response = client.post(mark_url(session), {"s": f"{enrollment.pk}e", "paper": "1"})
    assert response["Location"].endswith("?paper=1")
    record = AttendanceRecord.objects.get(enrollment=enrollment)
    assert (record.status, record.method) == ("excused", AttendanceMethod.PAPER)


def test_an_enrollment_of_another_class_cannot_be_marked(client, trainer, session):
    stranger = enrol(ClassSessionFactory().training_class, "Hà Văn Cường")
    client.force_login(trainer)
    response = client.post(mark_url(session), {"s": f"{stranger.pk}p"})
    assert response.status_code == 404
    assert not AttendanceRecord.objects.exists()


def test_roll_call_of_100_trainees_is_a_small_page(client, trainer, session):
    for n in range(100):
        enrol(session.training_class, f"Nguyễn Thị Phương Thảo {n}")
    client.force_login(trainer)
    client.post(mark_url(session), {"all": "1"})
    response = client.get(roll_call_url(session))
    assert response.content.count(b"name=s ") == 400
    assert len(response.content) < 30 * 1024
    assert b"https://" not in response.content.replace(b"https://www.w3.org", b"")


def test_class_page_lists_sessions_linking_to_roll_call(client, organizer, session):
    client.force_login(organizer)
    url = reverse("courses:class-sessions", args=[session.training_class_id])
    assert roll_call_url(session) in client.get(url).content.decode()
    edit = f"/admin/trainingclass/edit/{session.training_class_id}/"
    assert url in client.get(edit).content.decode()
