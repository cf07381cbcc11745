"""An organiser downloads the attendance XLSX and the allowance receipt list, and the
files hold what the accountant settles against."""

import io
from decimal import Decimal

import openpyxl
import pytest
from pypdf import PdfReader

from courses.models import AllowanceRate, ClassSession
from courses.services.attendance import record_attendance
from tests.courses.factories import ClassSessionFactory, TrainingClassFactory
from tests.courses.roll_call_setup import enrol

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def settled_class(organisation):
    training_class = TrainingClassFactory(organisation=organisation, code="LOP-KY-01")
    morning = ClassSessionFactory(training_class=training_class)
    afternoon = ClassSessionFactory(
        training_class=training_class, part=ClassSession.Part.AFTERNOON
    )
    AllowanceRate.objects.create(
        training_class=training_class, label="Tiền ăn", rate_per_day=Decimal(150_000)
    )
    hoa = enrol(training_class, "Ma Thị Hoà")
    an = enrol(training_class, "Đinh Văn An")
    for session in (morning, afternoon):
        record_attendance(
            session=session, enrollment=hoa, status="present", method="roll_call"
        )
    record_attendance(
        session=morning, enrollment=an, status="present", method="roll_call"
    )
    record_attendance(
        session=afternoon, enrollment=an, status="absent", method="roll_call"
    )
    return training_class


def test_organiser_downloads_attendance_and_receipt_list(
    live_server, browser, organizer, settled_class
):
    page = browser.new_page(accept_downloads=True)
    exports = f"/admin/classes/{settled_class.pk}/exports/"
    page.goto(f"{live_server.url}/accounts/login/?next={exports}")
    page.get_by_label("Tên đăng nhập").fill(organizer.username)
    page.get_by_label("Mật khẩu").fill("pw")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{exports}")

    with page.expect_download() as attendance:
        page.locator("form[data-export=attendance]").get_by_role(
            "button", name="Tải XLSX"
        ).click()
    sheet = openpyxl.load_workbook(
        io.BytesIO(attendance.value.path().read_bytes())
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    names = [row[1] for row in rows[1:]]
    # Given name first, in Vietnamese order: An before Hoà.
    assert names == ["Đinh Văn An", "Đinh Văn An", "Ma Thị Hoà", "Ma Thị Hoà"]
    assert sheet.freeze_panes == "A2"

    with page.expect_download() as receipt:
        page.get_by_role("link", name="Tải PDF").click()
    pdf = PdfReader(io.BytesIO(receipt.value.path().read_bytes()))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Ma Thị Hoà" in text
    assert "Đinh Văn An" in text
    assert "225.000" in text  # 1.5 days at 150.000 đ: the grand total
    assert "Hai trăm hai mươi lăm nghìn đồng" in text
