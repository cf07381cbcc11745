import re

import pytest
from django.core.management import call_command

from courses.models import Consent, Enrollment, LessonProgress

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo_site(live_server):
    call_command("seed_demo", verbosity=0)
    return live_server.url


def test_trainee_enrols_with_consent_completes_two_lessons_and_sees_progress(
    demo_site, phone, artifacts
):
    phone.goto(demo_site + "/accounts/login/?next=/lop-hoc/")
    phone.get_by_label("Tên đăng nhập").fill("hocvien")
    phone.get_by_label("Mật khẩu").fill("changeme")
    phone.get_by_role("button", name="Đăng nhập").click()
    assert phone.get_by_role("heading", level=1).inner_text() == (
        "Lớp đang nhận đăng ký"
    )

    card = phone.locator(".class-card").filter(has_text="DEMO-DS-01")
    card.get_by_role("button", name="Đăng ký học").click()
    assert phone.get_by_role("link", name="thông báo về xử lý dữ liệu cá nhân")
    phone.get_by_label(re.compile("quản lý đào tạo")).check()
    phone.get_by_label(re.compile("giấy chứng nhận")).check()
    phone.get_by_role("button", name="Xác nhận đăng ký").click()
    assert phone.get_by_role("heading", level=1).inner_text() == "Khóa học của tôi"
    assert (
        "Bạn đã ghi danh vào lớp DEMO-DS-01" in phone.locator(".messages").inner_text()
    )

    phone.get_by_role("link", name="Tiếp tục học").click()
    assert "Bài 1/" in phone.locator(".crumbs").inner_text()
    total = int(re.search(r"Bài 1/(\d+)", phone.locator(".crumbs").inner_text())[1])
    phone.get_by_role("button", name="Đánh dấu đã học xong").click()
    assert phone.get_by_text("Đã học xong ✓").is_visible()
    phone.locator('a[rel="next"]').click()
    assert "Bài 2/" in phone.locator(".crumbs").inner_text()
    phone.get_by_role("button", name="Đánh dấu đã học xong").click()
    assert phone.get_by_text("Đã học xong ✓").is_visible()

    phone.get_by_role("link", name="Khóa học của tôi").click()
    card = phone.locator(".enrollment").filter(has_text="DEMO-DS-01")
    assert card.locator(".progress-text").inner_text() == f"2/{total} bài"
    assert card.locator("progress").get_attribute("value") == "2"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=artifacts / "dashboard-360x740.png", full_page=False)

    enrollment = Enrollment.objects.get(
        trainee__user__username="hocvien", training_class__code="DEMO-DS-01"
    )
    assert (
        LessonProgress.objects.filter(
            enrollment=enrollment, completed_at__isnull=False
        ).count()
        == 2
    )
    assert set(
        Consent.objects.filter(trainee=enrollment.trainee).values_list(
            "purpose", flat=True
        )
    ) == {"training", "certificates"}
