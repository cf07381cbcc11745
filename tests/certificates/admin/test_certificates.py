"""Issued certificates: listing, detail, the PDF, revoking and re-issuing."""

import datetime as dt
import io

import pypdf
import pytest
from django.urls import reverse

from certificates import services
from certificates.models import Certificate
from courses.models import ExportLog, Trainee
from tests.certificates.admin.support import (
    YEAR,
    completed,
    download,
    issued,
    messages_of,
    page_text,
)
from tests.courses.factories import TrainingClassFactory

pytestmark = pytest.mark.django_db


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
