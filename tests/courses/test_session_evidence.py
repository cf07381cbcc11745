import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from courses.models import SessionEvidence
from courses.services.attendance import EVIDENCE_MAX_BYTES
from tests.courses import roll_call_setup

training_class = roll_call_setup.training_class
session = roll_call_setup.session

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def upload(client, session, name, content):
    return client.post(
        reverse("courses:upload-evidence", args=[session.pk]),
        {"file": SimpleUploadedFile(name, content), "note": "Buổi sáng"},
    )


def test_trainer_uploads_a_signed_sheet_that_only_staff_of_the_class_can_open(
    client, trainer, other_organizer, trainee, session
):
    client.force_login(trainer)
    upload(client, session, "danh-sach.png", PNG)
    evidence = SessionEvidence.objects.get(session=session)
    assert evidence.uploaded_by == trainer
    assert evidence.file.storage is SessionEvidence._meta.get_field("file").storage
    url = reverse("courses:evidence-file", args=[evidence.pk])
    assert (
        url
        in client.get(reverse("courses:roll-call", args=[session.pk])).content.decode()
    )
    response = client.get(url)
    assert b"".join(response.streaming_content) == PNG
    assert response["Cache-Control"] == "private, no-store"
    for outsider in (other_organizer, trainee):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sheet.exe", PNG),
        ("sheet.png", b"MZ not an image"),
        ("sheet.pdf", b"%PDF-" + b"0" * (EVIDENCE_MAX_BYTES)),
    ],
)
def test_files_outside_the_allowlist_or_too_big_are_refused(
    client, trainer, session, name, content
):
    client.force_login(trainer)
    upload(client, session, name, content)
    assert not SessionEvidence.objects.exists()


def test_a_pdf_scan_is_accepted(client, trainer, session):
    client.force_login(trainer)
    upload(client, session, "scan.PDF", b"%PDF-1.4 ...")
    assert SessionEvidence.objects.get().file.name.endswith(".PDF")
