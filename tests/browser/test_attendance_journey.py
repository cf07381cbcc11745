import pytest
from django.utils import timezone

from courses import qr_codes
from courses.models import AttendanceRecord
from tests.courses import roll_call_setup
from tests.courses.roll_call_setup import enrol

training_class = roll_call_setup.training_class
session = roll_call_setup.session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def log_in(phone, live_server, user, next_url):
    phone.goto(f"{live_server.url}/accounts/login/?next={next_url}")
    phone.get_by_label("Tên đăng nhập").fill(user.username)
    phone.get_by_label("Mật khẩu").fill("pw")
    phone.get_by_role("button", name="Đăng nhập").click()


def test_trainer_takes_roll_call_on_a_phone(live_server, phone, trainer, session):
    enrol(session.training_class, "Hà Văn Cường")
    absent = enrol(session.training_class, "Ma Thị Dung")
    log_in(phone, live_server, trainer, f"/diem-danh/buoi/{session.pk}/")
    phone.get_by_role("button", name="Tất cả có mặt").click()
    phone.wait_for_selector('#counts [data-c="present"]:text("2")')
    phone.locator(f'button[value="{absent.pk}a"]').click()
    phone.wait_for_selector(f'button[value="{absent.pk}a"][aria-pressed="true"]')
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert dict(
        AttendanceRecord.objects.values_list("enrollment__trainee__full_name", "status")
    ) == {"Hà Văn Cường": "present", "Ma Thị Dung": "absent"}


def test_trainee_checks_in_through_the_qr_url(live_server, phone, session):
    enrollment = enrol(session.training_class, "Ma Thị Hoà", with_user=True)
    session.training_class.late_after_minutes = 24 * 60
    session.training_class.save()
    code = qr_codes.current_code(session.pk, timezone.now())
    log_in(
        phone,
        live_server,
        enrollment.trainee.user,
        f"/diem-danh/quet/{session.pk}/{code}/",
    )
    phone.get_by_role("button", name="Xác nhận có mặt").click()
    assert "bạn có mặt" in phone.get_by_role("status").inner_text()
    record = AttendanceRecord.objects.get(enrollment=enrollment)
    assert (record.status, record.method) == ("present", "qr")
