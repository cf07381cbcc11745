"""The certificate register (sổ cấp) as XLSX, and who may export it."""

import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from courses.models import ExportLog
from tests.certificates.admin.support import (
    YEAR,
    completed,
    download,
    issued,
    page_text,
)

pytestmark = pytest.mark.django_db


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
