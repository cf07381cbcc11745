import datetime as dt
import threading
import zoneinfo

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from courses import qr_codes
from courses.models import AttendanceRecord, QrCheckIn
from courses.services.attendance import AttendanceRefused, check_in_with_code
from tests.courses import roll_call_setup
from tests.courses.factories import ClassSessionFactory
from tests.courses.roll_call_setup import enrol

training_class = roll_call_setup.training_class
session = roll_call_setup.session

HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
NOW = dt.datetime(2026, 12, 8, 7, 40, 5, tzinfo=HANOI)


def test_a_code_is_valid_in_its_window_and_the_next_only():
    code = qr_codes.current_code(7, NOW, secret="s")
    assert qr_codes.verify(code, 7, NOW, secret="s") == qr_codes.window_of(NOW)
    assert qr_codes.verify(code, 7, NOW + dt.timedelta(seconds=30), secret="s")
    assert qr_codes.verify(code, 7, NOW + dt.timedelta(seconds=60), secret="s") is None
    assert qr_codes.is_expired(code, 7, NOW + dt.timedelta(seconds=60), secret="s")


def test_a_code_of_another_session_or_secret_is_refused():
    code = qr_codes.current_code(7, NOW, secret="s")
    assert qr_codes.verify(code, 8, NOW, secret="s") is None
    assert not qr_codes.is_expired(code, 8, NOW, secret="s")
    assert qr_codes.verify(code, 7, NOW, secret="other") is None


@pytest.mark.parametrize(
    ("part", "starts_at", "at", "late"),
    [
        ("morning", None, dt.time(7, 45), False),
        ("morning", None, dt.time(7, 46), True),
        ("afternoon", None, dt.time(13, 44), False),
        ("afternoon", None, dt.time(13, 46), True),
        ("timed", dt.time(9, 0), dt.time(9, 16), True),
    ],
)
def test_late_after_the_start_plus_grace_minutes(part, starts_at, at, late):
    held_on = dt.date(2026, 12, 8)
    assert (
        qr_codes.is_late(
            held_on=held_on,
            part=part,
            starts_at=starts_at,
            late_after_minutes=15,
            at=dt.datetime.combine(held_on, at, HANOI),
        )
        is late
    )


def test_the_qr_is_an_inline_svg_of_the_url():
    svg = qr_codes.svg("https://lms.example/diem-danh/quet/1/abc/")
    assert svg.startswith("<svg") or svg.startswith("<?xml")
    assert "<path" in svg


def scan_url(session, code=None):
    code = code or qr_codes.current_code(session.pk, timezone.now())
    return reverse("courses:qr-check-in", args=[session.pk, code])


@pytest.mark.django_db
def test_trainer_screen_shows_the_current_code_and_refreshes(client, trainer, session):
    client.force_login(trainer)
    response = client.get(reverse("courses:qr-screen", args=[session.pk]))
    assert scan_url(session) in response.content.decode()
    assert "<svg" in response.content.decode()
    assert 1 <= int(response["Refresh"]) <= 31


@pytest.mark.django_db
def test_another_organisation_cannot_see_the_qr_screen(
    client, other_organizer, session
):
    client.force_login(other_organizer)
    assert (
        client.get(reverse("courses:qr-screen", args=[session.pk])).status_code == 404
    )


@pytest.mark.django_db
def test_login_keeps_the_scan_url(client, session):
    url = scan_url(session)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].endswith("?next=" + url)


@pytest.mark.django_db
def test_scan_asks_then_records_present_once(client, session):
    enrollment = enrol(session.training_class, "Ma Thị Hoà", with_user=True)
    client.force_login(enrollment.trainee.user)
    url = scan_url(session)
    assert "Xác nhận có mặt" in client.get(url).content.decode()
    assert not AttendanceRecord.objects.exists()
    session.training_class.late_after_minutes = 24 * 60
    session.training_class.save()
    response = client.post(url)
    assert "bạn có mặt" in response.content.decode()
    record = AttendanceRecord.objects.get()
    assert (record.status, record.method) == ("present", "qr")
    again = client.post(url)
    assert again.status_code == 409
    assert "Bạn đã điểm danh buổi học này rồi." in again.content.decode()
    assert QrCheckIn.objects.count() == 1


@pytest.mark.django_db
def test_expired_and_foreign_codes_are_refused_with_a_message(client, session):
    enrollment = enrol(session.training_class, "Ma Thị Hoà", with_user=True)
    client.force_login(enrollment.trainee.user)
    old = qr_codes.current_code(session.pk, timezone.now() - dt.timedelta(minutes=5))
    response = client.post(scan_url(session, old))
    assert "Mã đã hết hạn" in response.content.decode()
    other = ClassSessionFactory(training_class=session.training_class, part="afternoon")
    foreign = qr_codes.current_code(other.pk, timezone.now())
    response = client.post(scan_url(session, foreign))
    assert "Mã không đúng cho buổi học này." in response.content.decode()
    assert not AttendanceRecord.objects.exists()
    assert not QrCheckIn.objects.exists()


@pytest.mark.django_db
def test_a_trainee_of_another_class_is_refused(client, other_trainee, session):
    client.force_login(other_trainee)
    response = client.post(scan_url(session))
    assert "Bạn không có tên trong lớp" in response.content.decode()
    assert not AttendanceRecord.objects.exists()


@pytest.mark.django_db
def test_a_scan_after_the_grace_period_is_late(session):
    enrollment = enrol(session.training_class, "Ma Thị Hoà", with_user=True)
    at = dt.datetime.combine(session.held_on, dt.time(8, 0), HANOI)
    record = check_in_with_code(
        session=session,
        user=enrollment.trainee.user,
        code=qr_codes.current_code(session.pk, at),
        now=at,
    )
    assert record.status == "late"


@pytest.mark.django_db
def test_a_locked_class_refuses_check_in(session):
    enrollment = enrol(session.training_class, "Ma Thị Hoà", with_user=True)
    session.training_class.locked_at = timezone.now()
    session.training_class.save()
    with pytest.raises(AttendanceRefused):
        check_in_with_code(
            session=session,
            user=enrollment.trainee.user,
            code=qr_codes.current_code(session.pk, timezone.now()),
        )
    assert not QrCheckIn.objects.exists()


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_100_simultaneous_check_ins_give_100_records_and_no_duplicates(session):
    users = [
        enrol(session.training_class, f"Học viên {n}", with_user=True).trainee.user
        for n in range(100)
    ]
    code = qr_codes.current_code(session.pk, timezone.now())
    # 25 connections at once, four scans each: the server's 100 connections are
    # shared with the test itself and other test runs.
    batches = [users[n::25] for n in range(25)]
    start = threading.Barrier(len(batches))
    errors = []

    def scan(batch):
        try:
            start.wait()
            for user in batch:
                check_in_with_code(session=session, user=user, code=code)
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=scan, args=(batch,)) for batch in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert AttendanceRecord.objects.filter(session=session).count() == 100
    assert QrCheckIn.objects.filter(session=session).count() == 100
    assert (
        AttendanceRecord.objects.filter(session=session)
        .values("enrollment")
        .distinct()
        .count()
        == 100
    )
