"""A class's certificates: who qualifies, issuing, the print PDF and the ZIP."""

import io
import zipfile

import pypdf
import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from certificates import services
from certificates.models import Certificate
from tests.certificates.admin.support import (
    YEAR,
    completed,
    download,
    issued,
    messages_of,
    page_text,
)
from tests.certificates.conftest import make_enrollment

pytestmark = pytest.mark.django_db


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
