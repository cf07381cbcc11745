import pytest

from courses.models import Enrollment, Trainee
from tests.courses.factories import TrainingClassFactory
from tests.courses.roster_files import named_rows, xlsx_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def choose_file(page, name: str, data: bytes) -> None:
    page.set_input_files(
        "input[type=file]", files=[{"name": name, "mimeType": XLSX, "buffer": data}]
    )


def test_organizer_imports_a_roster_and_sees_a_readable_error_for_a_bad_file(
    live_server, page, organizer, organisation
):
    training_class = TrainingClassFactory(
        organisation=organisation, code="LB-DS-01", title="CTV dân số Lâm Bình"
    )
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "organizer")
    page.fill("#id_password", "pw")
    page.press("#id_password", "Enter")
    page.wait_for_url(live_server.url + "/admin/")

    page.get_by_role("link", name="Nhập danh sách học viên").first.click()
    page.select_option("select[name=training_class]", str(training_class.pk))
    roster = xlsx_bytes(named_rows(["Ma Thị Hoà", "Đặng Văn Ơn"]), title_block=True)
    choose_file(page, "danh-sach.xlsx", roster)
    page.get_by_role("button", name="Xem trước").click()

    assert "2 học viên mới, không có lỗi" in page.inner_text("[data-roster-status]")
    assert page.locator("table.roster-preview tbody tr").count() == 2
    assert Trainee.objects.count() == 0  # a preview writes nothing

    page.get_by_role("button", name="Xác nhận nhập").click()
    page.get_by_text("Đã thêm 2 học viên vào lớp LB-DS-01.").wait_for()
    assert Enrollment.objects.filter(training_class=training_class).count() == 2

    page.select_option("select[name=training_class]", str(training_class.pk))
    bad = xlsx_bytes([[1, "1985", "0912345678"]], ["STT", "Năm sinh", "SĐT"])
    choose_file(page, "thieu-cot.xlsx", bad)
    page.get_by_role("button", name="Xem trước").click()

    alert = page.get_by_role("alert").inner_text()
    assert "Không có cột “Họ và tên”" in alert
    assert page.get_by_role("button", name="Xác nhận nhập").count() == 0
    assert Trainee.objects.count() == 2
