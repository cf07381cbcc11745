"""Printed papers: sign-in sheets and the allowance receipt list (PDF and XLSX)."""

import datetime as dt
import io
import unicodedata
from decimal import Decimal

import openpyxl
import pypdf
import pytest

from courses.exports.pdf import (
    allowance_list_pdf,
    amount_in_words,
    sign_in_sheets_pdf,
)
from courses.exports.queries import (
    ExportRefused,
    allowance_list,
    class_sign_in_sheets,
    sign_in_sheet,
)
from courses.exports.writers import write_xlsx
from courses.models import AllowanceRate, ClassSession, Enrollment
from courses.services import enroll
from courses.services.attendance import record_attendance
from tests.courses.factories import (
    ClassSessionFactory,
    OrganisationFactory,
    TraineeFactory,
    TrainingClassFactory,
)

DAY1, DAY2 = dt.date(2026, 12, 8), dt.date(2026, 12, 9)


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def training_class(db):
    parent = OrganisationFactory(name="Sở Y tế tỉnh Tuyên Quang")
    organiser = OrganisationFactory(
        name="Trung tâm Dân số khu vực Lâm Bình", parent=parent
    )
    training_class = TrainingClassFactory(
        organisation=organiser,
        code="LB-01",
        title="Lớp tập huấn cộng tác viên dân số mới",
        starts_on=DAY1,
        ends_on=DAY2,
        venue="Hội trường UBND xã Thượng Lâm",
    )
    for day in (DAY1, DAY2):
        for part in (ClassSession.Part.MORNING, ClassSession.Part.AFTERNOON):
            ClassSessionFactory(training_class=training_class, held_on=day, part=part)
    return training_class


def _enroll(training_class, full_name):
    return enroll(
        trainee=TraineeFactory(full_name=full_name),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )


def test_sign_in_sheet_lists_everyone_by_given_name_under_the_official_header(
    training_class,
):
    for name in ("Nguyễn Văn Đức", "Ma Thị Hoà", "Lò Văn Dũng"):
        _enroll(training_class, name)
    session = training_class.sessions.get(held_on=DAY1, part="afternoon")

    text = _text(sign_in_sheets_pdf([sign_in_sheet(session)]))

    assert text == unicodedata.normalize("NFC", text)
    for expected in (
        "SỞ Y TẾ TỈNH TUYÊN QUANG",
        "TRUNG TÂM DÂN SỐ KHU VỰC LÂM BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "DANH SÁCH KÝ TÊN HỌC VIÊN",
        "Buổi chiều, 08/12/2026",
        "Ký tên",
    ):
        assert expected in text
    assert text.index("Lò Văn Dũng") < text.index("Nguyễn Văn Đức")
    assert text.index("Nguyễn Văn Đức") < text.index("Ma Thị Hoà")


def test_sign_in_sheets_of_a_class_put_each_session_on_its_own_page(training_class):
    _enroll(training_class, "Lò Thị Mai")
    sheets = class_sign_in_sheets(training_class)

    reader = pypdf.PdfReader(io.BytesIO(sign_in_sheets_pdf(sheets)))

    assert len(reader.pages) == 4
    assert "Buổi chiều, 09/12/2026" in reader.pages[3].extract_text()


def test_amount_in_words_is_vietnamese_and_capitalised():
    assert (
        amount_in_words(Decimal(1_250_000)) == "Một triệu hai trăm năm mươi nghìn đồng"
    )


def _allowances(training_class):
    AllowanceRate.objects.create(
        training_class=training_class, label="Tiền ăn", rate_per_day=150_000
    )
    AllowanceRate.objects.create(
        training_class=training_class,
        label="Tiền đi lại",
        rate_per_day=50_000,
        sort_order=1,
    )
    mai = _enroll(training_class, "Lò Thị Mai")
    anh = _enroll(training_class, "Trần Thị Anh")
    sessions = list(training_class.sessions.all())
    for session in sessions:
        record_attendance(
            session=session, enrollment=mai, status="present", method="roll_call"
        )
    record_attendance(
        session=sessions[0], enrollment=anh, status="late", method="roll_call"
    )
    record_attendance(
        session=sessions[1], enrollment=anh, status="excused", method="roll_call"
    )
    return allowance_list(training_class)


def test_allowance_list_pays_days_present_times_each_rate(training_class):
    allowances = _allowances(training_class)

    by_name = {row.person.full_name: row for row in allowances.rows}
    assert [row.person.full_name for row in allowances.rows] == [
        "Trần Thị Anh",
        "Lò Thị Mai",
    ]
    assert by_name["Lò Thị Mai"].days == Decimal(2)
    assert by_name["Lò Thị Mai"].amounts == [Decimal(300_000), Decimal(100_000)]
    assert by_name["Trần Thị Anh"].days == Decimal("0.5")
    assert by_name["Trần Thị Anh"].total == Decimal(100_000)
    assert allowances.grand_total == Decimal(500_000)


def test_allowance_receipt_pdf_has_totals_words_and_signature_blocks(training_class):
    allowances = _allowances(training_class)

    pdf = allowance_list_pdf(allowances, place_and_date="Lâm Bình, ngày ... tháng ...")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = " ".join(_text(pdf).split())  # headers wrap in their narrow cells

    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert width > height  # A4 landscape
    for expected in (
        "DANH SÁCH KÝ NHẬN TIỀN HỖ TRỢ",
        "Ký nhận",
        "Tiền đi lại: thành tiền",
        "300.000",
        "500.000",
        "Số tiền bằng chữ: Năm trăm nghìn đồng",
        "Người lập biểu",
        "Kế toán",
        "Thủ trưởng đơn vị",
    ):
        assert expected in text


def test_allowance_receipt_xlsx_has_numbers_per_rate_and_total(training_class):
    allowances = _allowances(training_class)
    out = io.BytesIO()

    write_xlsx(allowances.headers, allowances.table(), out)
    out.seek(0)
    sheet = openpyxl.load_workbook(out).active

    assert [c.value for c in sheet[1]] == [
        "STT",
        "Họ và tên",
        "Đơn vị / Chức danh",
        "Số ngày",
        "Tiền ăn: mức/ngày",
        "Tiền ăn: thành tiền",
        "Tiền đi lại: mức/ngày",
        "Tiền đi lại: thành tiền",
        "Tổng",
        "Ký nhận",
    ]
    assert [c.value for c in sheet[3]][:9] == [
        2,
        "Lò Thị Mai",
        "Cộng tác viên dân số",
        2,
        150000,
        300000,
        50000,
        100000,
        400000,
    ]
    assert sheet["D2"].value == 0.5


def test_class_without_allowance_rates_is_refused_with_a_clear_message(
    training_class,
):
    with pytest.raises(ExportRefused) as refused:
        allowance_list(training_class)

    assert "chưa có mức hỗ trợ" in refused.value.message


# --- Commands ----------------------------------------------------------------------


@pytest.fixture
def admin(db):
    from tests.courses.factories import UserFactory

    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "pdf"])
def test_export_attendance_command_writes_the_file_and_logs_it(
    admin, training_class, tmp_path, file_format
):
    from django.core.management import call_command

    from courses.models import ExportLog

    _enroll(training_class, "Lò Thị Mai")
    output = tmp_path / f"lb.{file_format}"

    call_command(
        "export_attendance",
        "--class",
        "LB-01",
        "--format",
        file_format,
        "--output",
        str(output),
    )

    data = output.read_bytes()
    if file_format == "csv":
        assert data.decode("utf-8-sig").count("Lò Thị Mai") == 4
    elif file_format == "xlsx":
        sheet = openpyxl.load_workbook(output).active
        assert sheet.max_row == 5
    else:
        assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 4
    log = ExportLog.objects.get()
    assert (log.user, log.file_format) == (admin, file_format)
    assert log.filters == {"training_class": training_class.pk}
    assert log.row_count == 4


def test_export_allowances_command_refuses_a_class_without_rates(
    admin, training_class, tmp_path
):
    from django.core.management import CommandError, call_command

    output = tmp_path / "lb.pdf"
    with pytest.raises(CommandError, match="chưa có mức hỗ trợ"):
        call_command("export_allowances", "--class", "LB-01", "--output", str(output))
    assert not output.exists()


def test_export_allowances_command_writes_pdf_logged_under_by_user(
    admin, organizer, training_class, tmp_path
):
    from django.core.management import call_command

    from courses.models import ExportLog

    _allowances(training_class)
    output = tmp_path / "lb.pdf"
    organizer.organisation = training_class.organisation
    organizer.save()

    call_command(
        "export_allowances",
        "--class",
        "LB-01",
        "--output",
        str(output),
        "--by",
        "organizer",
    )

    assert "Năm trăm nghìn đồng" in _text(output.read_bytes())
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.row_count) == (organizer, "allowances", 2)
