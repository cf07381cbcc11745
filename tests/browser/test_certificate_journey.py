"""A trainee finishes a demo course on a phone, downloads the certificate, and the
verify URL read from the PDF's QR code opens, logged out, on a 360 x 740 screen."""

import io
import re
import unicodedata
from urllib.parse import urlsplit

import pypdfium2
import pytest
import zxingcpp
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect
from pypdf import PdfReader

from certificates.models import Certificate
from cms.demo.quiz_content import BANKS, DemoQuestion
from courses.models import Attempt, Question
from courses.vietnamese import nfc, nfc_text
from tests.browser.conftest import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The demo post-test's answers as the course's authors wrote them, not as the grader
# reads them from the database.
DEMO_QUESTIONS: dict[str, DemoQuestion] = {
    nfc_text(spec.text): spec for bank in BANKS for spec in bank.questions
}
QR_DPI = 200


@pytest.fixture
def demo_site(live_server):
    # What `make run` seeds.
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo_certificates", verbosity=0)
    return live_server.url


def _answer_rightly(page, question: Question) -> None:
    spec = DEMO_QUESTIONS[question.text]
    fieldset = page.locator(f"#question-{question.pk}")
    if spec.accepted_answers:
        fieldset.locator("input[type=text]").fill(spec.accepted_answers[0])
        fieldset.locator("input[type=text]").blur()
        return
    for text, is_correct in spec.choices:
        if is_correct:
            fieldset.get_by_label(nfc(text), exact=True).check()


def _wait_until_saved(page, attempt: Attempt, answered: int) -> None:
    """Until autosave holds every answer and the page holds its version: "Nộp bài"
    sent while a save is in flight would carry a stale version."""
    for _ in range(100):
        attempt.refresh_from_db(fields=["version"])
        held = sum(1 for a in attempt.answers.all() if a.choice_ids or a.text)
        page_version = page.locator("input[name=version]").input_value()
        if held == answered and page_version == str(attempt.version):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"autosave holds {held}/{answered} answers")


def _go_to_my_courses(page) -> None:
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Khóa học của tôi"
    ).click()


def _qr_text(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=QR_DPI / 72).to_pil()
    finally:
        document.close()
    codes = [
        code
        for code in zxingcpp.read_barcodes(image)
        if code.format == zxingcpp.BarcodeFormat.QRCode
    ]
    assert len(codes) == 1
    return codes[0].text


def test_trainee_completes_a_demo_course_and_the_qr_on_the_certificate_verifies_it(
    demo_site, browser, phone, artifacts
):
    phone.goto(demo_site + "/accounts/login/?next=/lop-hoc/")
    phone.get_by_label("Tên đăng nhập").fill("hocvien")
    phone.get_by_label("Mật khẩu").fill("changeme")
    phone.get_by_role("button", name="Đăng nhập").click()
    card = phone.locator(".class-card").filter(has_text="DEMO-DS-01")
    card.get_by_role("button", name="Đăng ký học").click()
    phone.get_by_label(re.compile("quản lý đào tạo")).check()
    phone.get_by_label(re.compile("giấy chứng nhận")).check()
    phone.get_by_role("button", name="Xác nhận đăng ký").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Khóa học của tôi")
    expect(phone.locator("#giay-chung-nhan")).to_contain_text(
        "Bạn chưa có giấy chứng nhận nào"
    )

    phone.get_by_role("link", name="Tiếp tục học").click()
    total = int(re.search(r"Bài 1/(\d+)", phone.locator(".crumbs").inner_text())[1])
    for position in range(1, total + 1):
        expect(phone.locator(".crumbs")).to_contain_text(f"Bài {position}/{total}")
        phone.get_by_role("button", name="Đánh dấu đã học xong").click()
        expect(phone.get_by_text("Đã học xong ✓")).to_be_visible()
        if position < total:
            phone.locator('a[rel="next"]').click()
    expect(phone.locator('a[rel="next"]')).to_have_count(0)

    _go_to_my_courses(phone)
    enrollment_card = phone.locator(".enrollment").filter(has_text="DEMO-DS-01")
    expect(enrollment_card.locator(".progress-text")).to_have_text(
        f"{total}/{total} bài"
    )
    enrollment_card.get_by_role("link", name="Làm bài kiểm tra cuối khoá").click()
    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    attempt = Attempt.objects.get(trainee__user__username="hocvien")
    questions = [Question.objects.get(pk=pk) for pk in attempt.question_ids]
    assert phone.locator("fieldset.question").count() == len(questions) > 0
    for question in questions:
        _answer_rightly(phone, question)
    _wait_until_saved(phone, attempt, len(questions))
    phone.get_by_role("button", name="Nộp bài").click()
    expect(phone.get_by_role("heading", name="Đạt")).to_be_visible()

    _go_to_my_courses(phone)
    panel = phone.locator("#giay-chung-nhan")
    expect(panel.get_by_role("heading", name="Giấy chứng nhận của tôi")).to_be_visible()
    expect(enrollment_card.locator("p.done-mark")).to_contain_text("Đã hoàn thành")
    certificate = Certificate.objects.get(
        enrollment__trainee__user__username="hocvien",
        enrollment__training_class__code="DEMO-DS-01",
    )
    # No worker runs here: the download itself has to render the PDF.
    assert certificate.status == Certificate.Status.PENDING
    assert certificate.rendered_at is None
    certificate_card = panel.locator(".certificate").filter(
        has_text=certificate.register_number
    )
    expect(certificate_card.locator(".card-title")).to_have_text(
        certificate.course_title
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    with phone.expect_download() as download_info:
        certificate_card.get_by_role("link", name="Tải giấy chứng nhận (PDF)").click()
    download = download_info.value
    assert download.suggested_filename == (
        f"giay-chung-nhan-{certificate.register_year}-"
        f"{certificate.register_seq:03d}.pdf"
    )
    download.save_as(artifacts / "certificate.pdf")
    pdf = (artifacts / "certificate.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED

    holder = certificate.holder_name
    assert holder == unicodedata.normalize("NFC", "Ma Thị Hoà")
    text = "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    assert f"Ông/Bà: {holder}" in text

    verify_url = _qr_text(pdf)
    assert verify_url.startswith(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/")
    path = urlsplit(verify_url).path
    assert path == f"/verify/{certificate.verification_code}/"

    stranger = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True
    )
    try:
        page = stranger.new_page()
        page.set_default_timeout(15_000)
        page.goto(demo_site + path)
        expect(page.locator(".status-valid")).to_have_text("✓ Giấy chứng nhận hợp lệ")
        expect(page.locator("dd.holder")).to_have_text(holder)
        expect(page.locator("dd.course")).to_have_text(certificate.course_title)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=artifacts / "certificate-verify-360x740.png")
    finally:
        stranger.close()
