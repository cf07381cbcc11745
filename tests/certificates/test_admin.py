"""The organisers' certificate screens: templates, a class's issuance, the register."""

import datetime as dt
import io
import zipfile

import openpyxl
import pypdf
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.users.models import UserProfile

from certificates import services
from certificates.models import Certificate, CertificateTemplate
from courses.models import Enrollment, ExportLog, Trainee
from courses.services import complete_lesson
from tests.certificates.conftest import make_enrollment
from tests.certificates.factories import CertificateTemplateFactory
from tests.courses.factories import TrainingClassFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture
def template(organisation) -> CertificateTemplate:
    return CertificateTemplateFactory(organisation=organisation, name="Mẫu Lâm Bình")


@pytest.fixture
def foreign_class(other_organisation):
    return TrainingClassFactory(organisation=other_organisation, code="PT-01")


def completed(training_class, full_name: str, **fields) -> Enrollment:
    """A trainee who finished every lesson, as the trainee's own clicks would."""
    enrollment = make_enrollment(training_class, full_name=full_name, **fields)
    for lesson in training_class.course.lessons.all():
        complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    return enrollment


def issued(enrollment: Enrollment) -> Certificate:
    return services.issue_certificate(enrollment=enrollment)


def page_text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def download(response) -> bytes:
    return b"".join(response.streaming_content)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (60, 30), (200, 0, 0, 128)).save(out, "PNG")
    return out.getvalue()


def template_form_data(organisation, **changes) -> dict:
    data = {
        "organisation": organisation.pk,
        "name": "Mẫu tập huấn dân số",
        "is_default": "on",
        "parent_body": "Sở Y tế tỉnh Tuyên Quang",
        "issuing_body": "Trung tâm Dân số khu vực Lâm Bình",
        "title": "GIẤY CHỨNG NHẬN",
        "wording": "Đã hoàn thành lớp «{khoa_hoc}» từ ngày {tu_ngay} đến {den_ngay}.",
        "result_label": "Kết quả",
        "default_result": "Đạt",
        "place": "Tuyên Quang",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Hoàng Văn Thụ",
        "register_suffix": "GCN-LB",
        "validity_months": "",
    }
    data.update(changes)
    return data


# --- Templates ----------------------------------------------------------------------


def test_organizer_creates_a_template_with_a_signature_through_the_admin_form(
    client, organizer, organisation
):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", png_bytes(), content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert response.status_code == 302
    template = CertificateTemplate.objects.get(name="Mẫu tập huấn dân số")
    assert template.organisation == organisation
    assert template.is_default
    assert template.signature_image.read() == png_bytes()


def test_a_placeholder_the_renderer_does_not_know_is_refused_with_the_allowed_list(
    client, organizer, organisation
):
    client.force_login(organizer)

    response = client.post(
        reverse("certificatetemplate:add"),
        template_form_data(organisation, wording="Ông/Bà {ho_ten} đã học {mon_hoc}."),
    )

    assert response.status_code == 200
    html = page_text(response)
    assert "Không có chỗ điền {mon_hoc}" in html
    assert "{ho_ten}" in html  # the list of allowed placeholders
    assert not CertificateTemplate.objects.exists()


def test_a_signature_that_is_not_a_png_or_jpeg_is_refused_whatever_its_name(
    client, organizer, organisation
):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", b"%PDF-1.4 not an image", content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert response.status_code == 200
    assert "phải là ảnh PNG hoặc JPEG" in page_text(response)
    assert not CertificateTemplate.objects.exists()


def test_a_signature_over_two_megabytes_is_refused(client, organizer, organisation):
    client.force_login(organizer)
    data = template_form_data(organisation)
    data["signature_image"] = SimpleUploadedFile(
        "chu-ky.png", png_bytes() + b"\0" * (2 * 1024 * 1024), content_type="image/png"
    )

    response = client.post(reverse("certificatetemplate:add"), data)

    assert "lớn hơn 2 MB" in page_text(response)
    assert not CertificateTemplate.objects.exists()


def test_the_organisation_choice_holds_only_the_organizer_s_tree(
    client, organizer, organisation, other_organisation
):
    client.force_login(organizer)

    form = page_text(client.get(reverse("certificatetemplate:add")))
    response = client.post(
        reverse("certificatetemplate:add"), template_form_data(other_organisation)
    )

    assert organisation.name in form
    assert other_organisation.name not in form
    assert response.status_code == 200
    assert not CertificateTemplate.objects.exists()


def test_a_second_default_template_for_one_organisation_is_refused_in_vietnamese(
    client, organizer, organisation, template
):
    client.force_login(organizer)

    response = client.post(
        reverse("certificatetemplate:add"), template_form_data(organisation)
    )

    assert response.status_code == 200
    assert "đã có mẫu mặc định «Mẫu Lâm Bình»" in page_text(response)
    assert CertificateTemplate.objects.count() == 1


def test_templates_list_shows_only_the_organizer_s_own(
    client, organizer, template, other_organisation
):
    CertificateTemplateFactory(organisation=other_organisation, name="Mẫu Phú Thọ")
    client.force_login(organizer)

    html = page_text(client.get(reverse("certificatetemplate:index")))

    assert "Mẫu Lâm Bình" in html
    assert "Mẫu Phú Thọ" not in html
    assert reverse("certificatetemplate:preview_pdf", args=[template.pk]) in html
    edit = client.get(reverse("certificatetemplate:edit", args=[template.pk]))
    assert edit.status_code == 200
    assert reverse("certificatetemplate:preview_pdf", args=[template.pk]) in (
        page_text(edit)
    )


@pytest.mark.parametrize("view", ["edit", "delete", "preview_pdf"])
def test_another_organisation_s_template_is_not_found(
    client, other_organizer, template, view
):
    client.force_login(other_organizer)

    response = client.get(reverse(f"certificatetemplate:{view}", args=[template.pk]))

    assert response.status_code == 404


def test_preview_prints_the_template_for_a_sample_holder_inline(
    client, organizer, template
):
    template.signature_image.save("chu-ky.png", io.BytesIO(png_bytes()))
    client.force_login(organizer)

    response = client.get(
        reverse("certificatetemplate:preview_pdf", args=[template.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Nguyễn Thị Mẫu" in text
    assert f"001/{YEAR}/GCN-TTDS" in text


# --- A class's certificates -----------------------------------------------------------


def test_class_page_lists_who_qualifies_who_has_one_and_why_the_others_do_not(
    client, organizer, training_class, template
):
    completed(training_class, "Lò Thị Mai")
    holder = completed(training_class, "Vàng Văn Sính")
    certificate = issued(holder)
    make_enrollment(training_class, full_name="Hà Thị Chưa")
    client.force_login(organizer)

    response = client.get(reverse("certificates_admin:class", args=[training_class.pk]))

    html = page_text(response)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "Cấp cho 1 người đủ điều kiện" in html
    assert "Còn 1/1 bài học chưa hoàn thành." in html
    assert certificate.register_number in html
    # Vietnamese order: by given name (Chưa, Mai, Sính), not by family name.
    assert html.index("Hà Thị Chưa") < html.index("Lò Thị Mai")
    assert html.index("Lò Thị Mai") < html.index("Vàng Văn Sính")


def test_bulk_issue_certifies_exactly_the_qualifiers_with_consecutive_numbers(
    client, organizer, training_class, template
):
    qualifiers = [
        completed(training_class, name)
        for name in ("Lò Thị Mai", "Vàng Văn Sính", "Ma Thị Hoà")
    ]
    waiting = make_enrollment(training_class, full_name="Hà Thị Chưa")
    client.force_login(organizer)

    response = client.post(
        reverse("certificates_admin:class_issue", args=[training_class.pk])
    )

    assert response.status_code == 302
    certificates = Certificate.objects.filter(enrollment__training_class=training_class)
    assert {c.enrollment_id for c in certificates} == {e.pk for e in qualifiers}
    assert sorted(c.register_seq for c in certificates) == [1, 2, 3]
    assert all(c.issued_by == organizer for c in certificates)
    assert not Certificate.objects.filter(enrollment=waiting).exists()
    shown = messages_of(response)
    assert any("Đã cấp 3 giấy chứng nhận" in m for m in shown)
    assert any("1 người chưa được cấp" in m for m in shown)


def test_the_bulk_issue_messages_count_one_and_many_in_english(
    client, organizer, training_class, template
):
    profile = UserProfile.get_for_user(organizer)
    profile.preferred_language = "en"
    profile.save()
    completed(training_class, "Lò Thị Mai")
    for name in ("Hà Thị Chưa", "Đỗ Văn Chờ"):
        make_enrollment(training_class, full_name=name)
    client.force_login(organizer)

    response = client.post(
        reverse("certificates_admin:class_issue", args=[training_class.pk])
    )

    shown = messages_of(response)
    assert f"Issued 1 certificate (no. 001/{YEAR}/GCN-TTDS)." in shown
    assert (
        "2 people were not issued a certificate: the reasons are given in the table."
        in shown
    )


def test_without_a_template_the_page_says_so_and_links_to_creating_one(
    client, organizer, training_class
):
    completed(training_class, "Lò Thị Mai")
    client.force_login(organizer)

    html = page_text(
        client.get(reverse("certificates_admin:class", args=[training_class.pk]))
    )
    response = client.post(
        reverse("certificates_admin:class_issue", args=[training_class.pk])
    )

    assert "chưa có mẫu giấy chứng nhận mặc định" in html
    assert reverse("certificatetemplate:add") in html
    assert any("chưa có mẫu" in m for m in messages_of(response))
    assert not Certificate.objects.exists()


def test_an_override_needs_a_reason_and_records_it(
    client, organizer, training_class, template
):
    enrollment = make_enrollment(training_class, full_name="Hà Thị Chưa")
    url = reverse(
        "certificates_admin:class_override", args=[training_class.pk, enrollment.pk]
    )
    client.force_login(organizer)

    refused = client.post(url, {"reason": "   ", "result": ""})

    assert not Certificate.objects.exists()
    assert any("phải ghi lý do cấp ngoại lệ" in m for m in messages_of(refused))

    client.post(url, {"reason": "Đã học bù trực tiếp ngày 10/12.", "result": "Khá"})

    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.override_reason == "Đã học bù trực tiếp ngày 10/12."
    assert certificate.issued_by == organizer
    assert certificate.result == "Khá"


def test_trainer_may_not_issue(client, trainer, training_class):
    training_class.trainers.add(trainer)
    client.force_login(trainer)

    response = client.get(reverse("certificates_admin:class", args=[training_class.pk]))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_class_edit_screen_links_to_its_certificates(
    client, organizer, training_class
):
    client.force_login(organizer)

    html = page_text(
        client.get(reverse("trainingclass:edit", args=[training_class.pk]))
    )

    assert reverse("certificates_admin:class", args=[training_class.pk]) in html


@pytest.mark.parametrize("name", ["class", "class_pdf", "class_zip", "class_issue"])
def test_another_organisation_s_class_is_not_found(
    client, organizer, foreign_class, name
):
    client.force_login(organizer)
    url = reverse(f"certificates_admin:{name}", args=[foreign_class.pk])

    response = client.post(url) if name == "class_issue" else client.get(url)

    assert response.status_code == 404


def test_other_organizer_cannot_override_in_a_class_they_do_not_see(
    client, other_organizer, training_class, template
):
    enrollment = make_enrollment(training_class, full_name="Hà Thị Chưa")
    client.force_login(other_organizer)

    response = client.post(
        reverse(
            "certificates_admin:class_override",
            args=[training_class.pk, enrollment.pk],
        ),
        {"reason": "Thử"},
    )

    assert response.status_code == 404
    assert not Certificate.objects.exists()


def test_class_pdf_has_one_page_per_standing_certificate(
    client, organizer, training_class, template
):
    for name in ("Lò Thị Mai", "Vàng Văn Sính", "Ma Thị Hoà"):
        issued(completed(training_class, name))
    revoked = Certificate.objects.get(holder_name="Ma Thị Hoà")
    services.revoke_certificate(certificate=revoked, by=organizer, reason="Nhầm lớp")
    client.force_login(organizer)

    response = client.get(
        reverse("certificates_admin:class_pdf", args=[training_class.pk])
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    reader = pypdf.PdfReader(io.BytesIO(download(response)))
    assert len(reader.pages) == 2
    # Printed in name order: Mai before Sính.
    assert "Lò Thị Mai" in reader.pages[0].extract_text()
    assert "Vàng Văn Sính" in reader.pages[1].extract_text()


def test_class_zip_holds_one_pdf_per_certificate_named_by_register_number(
    client, organizer, training_class, template
):
    for name in ("Lò Thị Mai", "Vàng Văn Sính"):
        issued(completed(training_class, name))
    client.force_login(organizer)

    response = client.get(
        reverse("certificates_admin:class_zip", args=[training_class.pk])
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(download(response)))
    assert archive.namelist() == [f"001-{YEAR}.pdf", f"002-{YEAR}.pdf"]
    for name in archive.namelist():
        assert len(pypdf.PdfReader(io.BytesIO(archive.read(name))).pages) == 1
    # The pending ones were rendered on the way.
    assert set(Certificate.objects.values_list("status", flat=True)) == {
        Certificate.Status.ISSUED
    }


def test_a_class_without_certificates_has_nothing_to_print(
    client, organizer, training_class
):
    client.force_login(organizer)

    response = client.get(
        reverse("certificates_admin:class_pdf", args=[training_class.pk])
    )

    assert response.status_code == 302
    assert any("chưa có giấy chứng nhận nào" in m for m in messages_of(response))


# --- Issued certificates: listing, detail, revoke, re-issue -------------------------


def test_certificate_listing_is_scoped_and_finds_a_holder_without_diacritics(
    client, organizer, other_organizer, training_class, template
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    issued(completed(training_class, "Lò Thị Mai"))

    client.force_login(organizer)
    found = page_text(client.get(reverse("certificate:index"), {"q": "hoa"}))
    client.force_login(other_organizer)
    theirs = page_text(client.get(reverse("certificate:index")))

    assert "Ma Thị Hoà" in found
    assert "Lò Thị Mai" not in found
    assert certificate.issued_on.strftime("%d/%m/%Y") in found
    assert reverse("certificate:inspect", args=[certificate.pk]) in found
    assert "Ma Thị Hoà" not in theirs


def test_certificate_listing_filters_by_status(
    client, organizer, training_class, template
):
    issued(completed(training_class, "Ma Thị Hoà"))
    revoked = issued(completed(training_class, "Lò Thị Mai"))
    services.revoke_certificate(certificate=revoked, by=organizer, reason="Nhầm")
    client.force_login(organizer)

    html = page_text(
        client.get(reverse("certificate:index"), {"status": Certificate.Status.REVOKED})
    )

    assert "Lò Thị Mai" in html
    assert "Ma Thị Hoà" not in html


def test_certificate_listing_filters_by_class_offering_only_visible_classes(
    client, organizer, training_class, foreign_class, template
):
    issued(completed(training_class, "Ma Thị Hoà"))
    other_class = TrainingClassFactory(
        organisation=training_class.organisation, course=training_class.course
    )
    issued(completed(other_class, "Lò Thị Mai"))
    client.force_login(organizer)

    html = page_text(
        client.get(
            reverse("certificate:index"),
            {"training_class": training_class.pk, "register_year": YEAR},
        )
    )

    assert "Ma Thị Hoà" in html
    assert "Lò Thị Mai" not in html
    assert f'<option value="{other_class.pk}"' in html  # the class filter's choices
    assert foreign_class.code not in html


def test_there_is_no_form_to_type_a_certificate_in(client, organizer):
    client.force_login(organizer)

    html = page_text(client.get(reverse("certificate:index")))

    assert "/admin/certificate/new/" not in html
    assert client.get("/admin/certificate/new/").status_code == 404


@pytest.mark.parametrize("name", ["inspect", "pdf", "revoke", "reissue"])
def test_another_organisation_s_certificate_is_not_found(
    client, other_organizer, training_class, template, name
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    client.force_login(other_organizer)
    url = reverse(f"certificate:{name}", args=[certificate.pk])

    response = (
        client.post(url, {"reason": "Thử"})
        if name in {"revoke", "reissue"}
        else client.get(url)
    )

    assert response.status_code == 404
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert certificate.edition == 1


def test_certificate_detail_shows_the_printed_values_privately(
    client, organizer, training_class, template
):
    certificate = issued(
        completed(training_class, "Ma Thị Hoà", birth_date=dt.date(1990, 1, 2))
    )
    client.force_login(organizer)

    response = client.get(reverse("certificate:inspect", args=[certificate.pk]))

    html = page_text(response)
    assert "no-store" in response["Cache-Control"]
    assert "Ma Thị Hoà" in html
    assert "02/01/1990" in html  # birth, as printed
    assert "08/12/2026" in html  # the class's first day, dd/mm/yyyy
    assert certificate.issued_on.strftime("%d/%m/%Y") in html
    assert certificate.wording in html
    assert reverse("certificate:pdf", args=[certificate.pk]) in html
    assert reverse("certificate:revoke", args=[certificate.pk]) in html


def test_staff_download_the_pdf_of_a_certificate(
    client, organizer, training_class, template
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    client.force_login(organizer)

    response = client.get(reverse("certificate:pdf", args=[certificate.pk]))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert len(pypdf.PdfReader(io.BytesIO(download(response))).pages) == 1
    # Named by the register number, not the holder.
    assert f'filename="001-{YEAR}.pdf"' in response["Content-Disposition"]
    # Pending when asked for, rendered on the way.
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED
    # A page with a name, birth date and unit on it leaves a trace like any export.
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.file_format, log.row_count) == (
        organizer,
        "certificates",
        "pdf",
        1,
    )
    assert log.filters == {"certificate": certificate.pk}


def test_a_refused_certificate_pdf_leaves_no_export_trace(
    client, other_organizer, training_class, template
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    client.force_login(other_organizer)

    response = client.get(reverse("certificate:pdf", args=[certificate.pk]))

    assert response.status_code == 404
    assert not ExportLog.objects.exists()


def test_revoking_needs_a_reason_and_is_recorded(
    client, organizer, training_class, template
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    url = reverse("certificate:revoke", args=[certificate.pk])
    client.force_login(organizer)

    refused = client.post(url, {"reason": ""})
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING
    assert any("Phải ghi lý do thu hồi" in m for m in messages_of(refused))

    client.post(url, {"reason": "Cấp nhầm người."})

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Cấp nhầm người."
    assert certificate.revoked_by == organizer
    html = page_text(client.get(reverse("certificate:inspect", args=[certificate.pk])))
    assert "Cấp nhầm người." in html
    assert reverse("certificate:reissue", args=[certificate.pk]) not in html


def test_reissue_after_a_correction_keeps_the_earlier_edition_in_the_history(
    client, organizer, training_class, template
):
    enrollment = completed(training_class, "Ma Thị Hoa")
    certificate = issued(enrollment)
    number = certificate.register_number
    Trainee.objects.filter(pk=enrollment.trainee_id).update(full_name="Ma Thị Hoà")
    url = reverse("certificate:reissue", args=[certificate.pk])
    client.force_login(organizer)

    refused = client.post(url, {"reason": " "})
    assert any("Phải ghi lý do cấp lại" in m for m in messages_of(refused))

    client.post(url, {"reason": "Sửa dấu trong tên theo CCCD."})

    certificate.refresh_from_db()
    assert certificate.edition == 2
    assert certificate.holder_name == "Ma Thị Hoà"
    assert certificate.register_number == number
    (revision,) = certificate.revisions.all()
    assert revision.printed["holder_name"] == "Ma Thị Hoa"
    assert revision.reason == "Sửa dấu trong tên theo CCCD."
    assert revision.replaced_by == organizer
    html = page_text(client.get(reverse("certificate:inspect", args=[certificate.pk])))
    assert "Sửa dấu trong tên theo CCCD." in html
    assert "«Ma Thị Hoa» → «Ma Thị Hoà»" in html


def test_a_revoked_certificate_is_not_reissued(
    client, organizer, training_class, template
):
    certificate = issued(completed(training_class, "Ma Thị Hoà"))
    services.revoke_certificate(certificate=certificate, by=organizer, reason="Nhầm")
    client.force_login(organizer)

    response = client.post(
        reverse("certificate:reissue", args=[certificate.pk]), {"reason": "Sửa tên"}
    )

    certificate.refresh_from_db()
    assert certificate.edition == 1
    assert any("đã thu hồi, không cấp lại được" in m for m in messages_of(response))


# --- The register -----------------------------------------------------------------


def test_register_xlsx_lists_the_year_s_certificates_in_register_order(
    client, organizer, organisation, training_class, template
):
    names = ["Vàng Văn Sính", "=Lò Thị Mai", "Ma Thị Hoà"]
    for name in names:
        issued(completed(training_class, name))
    first = Certificate.objects.get(register_seq=1)
    services.revoke_certificate(certificate=first, by=organizer, reason="Nhầm lớp")
    client.force_login(organizer)

    response = client.get(
        reverse("certificates_admin:register"),
        {"organisation": organisation.pk, "year": YEAR},
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert (
        f"certificate-register-{organisation.pk}-{YEAR}.xlsx"
        in (response["Content-Disposition"])
    )
    sheet = openpyxl.load_workbook(io.BytesIO(download(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("STT", "Số vào sổ", "Ngày cấp", "Họ và tên")
    assert [row[1] for row in rows[1:]] == [
        f"{n:03d}/{YEAR}/GCN-TTDS" for n in (1, 2, 3)
    ]
    assert [row[3] for row in rows[1:]] == names
    assert [row[0] for row in rows[1:]] == [1, 2, 3]
    assert rows[1][2] == dt.datetime.combine(timezone.localdate(), dt.time())
    assert rows[1][10] == "Đã thu hồi"
    assert rows[1][11] == "Nhầm lớp"
    # A name that looks like a formula stays text.
    assert sheet.cell(row=3, column=4).data_type == "s"
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.row_count) == (organizer, "certificate_register", 3)


def test_register_page_offers_only_visible_organisations(
    client, organizer, organisation, other_organisation
):
    client.force_login(organizer)

    html = page_text(client.get(reverse("certificates_admin:register")))

    assert organisation.name in html
    assert other_organisation.name not in html


def test_another_organisation_s_register_is_not_found(
    client, other_organizer, organisation, training_class, template
):
    issued(completed(training_class, "Ma Thị Hoà"))
    client.force_login(other_organizer)

    response = client.get(
        reverse("certificates_admin:register"),
        {"organisation": organisation.pk, "year": YEAR},
    )

    assert response.status_code == 404


def test_trainer_may_not_export_the_register(client, trainer, organisation):
    client.force_login(trainer)

    response = client.get(
        reverse("certificates_admin:register"),
        {"organisation": organisation.pk, "year": YEAR},
    )

    # Wagtail answers a permission refusal with the dashboard and a message.
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not ExportLog.objects.exists()


def test_the_certificates_menu_is_for_organisers_not_trainers(
    client, organizer, trainer
):
    entries = [
        reverse("certificate:index"),
        reverse("certificatetemplate:index"),
        reverse("certificates_admin:register"),
    ]

    client.force_login(organizer)
    theirs = page_text(client.get(reverse("wagtailadmin_home")))
    client.force_login(trainer)
    not_theirs = page_text(client.get(reverse("wagtailadmin_home")))

    assert all(url in theirs for url in entries)
    assert not any(url in not_theirs for url in entries)
