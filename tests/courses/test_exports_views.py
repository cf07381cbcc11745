"""Export views in the admin: scoped to the organiser's classes, every file logged."""

import io

import openpyxl
import pypdf
import pytest
from django.urls import reverse

from courses.models import AllowanceRate, Enrollment, ExportLog
from courses.services import enroll
from tests.courses.factories import (
    ClassSessionFactory,
    TraineeFactory,
    TrainingClassFactory,
)


@pytest.fixture
def training_class(organisation):
    training_class = TrainingClassFactory(organisation=organisation, code="LB-01")
    ClassSessionFactory(training_class=training_class)
    enroll(
        trainee=TraineeFactory(full_name="Lò Thị Mai"),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    return training_class


@pytest.fixture
def theirs(other_organisation):
    training_class = TrainingClassFactory(organisation=other_organisation)
    ClassSessionFactory(training_class=training_class)
    return training_class


def test_export_page_offers_the_files_of_the_class(client, organizer, training_class):
    client.force_login(organizer)

    page = client.get(reverse("courses_class_exports", args=[training_class.pk]))

    assert page.status_code == 200
    session = training_class.sessions.get()
    assert reverse("courses_session_sign_in_sheet", args=[session.pk]) in (
        page.content.decode()
    )
    assert "chưa có mức hỗ trợ" in page.content.decode()


def test_organizer_downloads_attendance_xlsx_and_it_is_logged(
    client, organizer, training_class
):
    client.force_login(organizer)

    response = client.get(
        reverse("courses_class_attendance_export", args=[training_class.pk, "xlsx"])
    )

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert sheet.active["B2"].value == "Lò Thị Mai"
    log = ExportLog.objects.get()
    assert (log.user, log.kind, log.file_format, log.row_count) == (
        organizer,
        "attendance",
        "xlsx",
        1,
    )


def test_session_sign_in_sheet_is_a_pdf_at_its_named_url(
    client, organizer, training_class
):
    client.force_login(organizer)
    session = training_class.sessions.get()

    url = reverse("courses_session_sign_in_sheet", args=[session.pk])
    response = client.get(url)

    assert url.endswith(f"classes/sessions/{session.pk}/sign-in-sheet.pdf")
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert "Lò Thị Mai" in pdf.pages[0].extract_text()


def test_allowance_list_without_rates_redirects_with_the_message(
    client, organizer, training_class
):
    client.force_login(organizer)

    response = client.get(
        reverse("courses_class_allowances_export", args=[training_class.pk, "pdf"]),
        follow=True,
    )

    assert "chưa có mức hỗ trợ" in response.content.decode()
    assert not ExportLog.objects.exists()


def test_allowance_list_downloads_as_pdf_when_rates_exist(
    client, organizer, training_class
):
    AllowanceRate.objects.create(
        training_class=training_class, label="Tiền ăn", rate_per_day=150_000
    )
    client.force_login(organizer)

    response = client.get(
        reverse("courses_class_allowances_export", args=[training_class.pk, "pdf"])
    )

    assert response["Content-Type"] == "application/pdf"
    assert ExportLog.objects.get().kind == "allowances"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("courses_class_exports", []),
        ("courses_class_attendance_export", ["csv"]),
        ("courses_class_allowances_export", ["xlsx"]),
        ("courses_class_sign_in_sheets", []),
    ],
)
def test_another_organisations_class_answers_404(client, organizer, theirs, name, args):
    client.force_login(organizer)

    response = client.get(reverse(name, args=[theirs.pk, *args]))

    assert response.status_code == 404
    assert not ExportLog.objects.exists()


def test_another_organisations_session_sheet_answers_404(client, organizer, theirs):
    client.force_login(organizer)

    response = client.get(
        reverse("courses_session_sign_in_sheet", args=[theirs.sessions.get().pk])
    )

    assert response.status_code == 404
