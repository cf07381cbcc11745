"""Building the world's admin records: roster and question imports through the
admin, and the certificates issued, revoked and reissued."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from certificates import services as certificate_services
from certificates.models import CertificateTemplate
from courses.models import Enrollment
from courses.question_import import TEMPLATE_HEADERS
from courses.vietnamese import nfc
from tests.courses.roster_files import csv_bytes, xlsx_bytes
from tests.lms.xss.placement import (
    EVERYTHING,
    NAMES,
    ROSTER_FAMILY_NAME,
    ROSTER_HEADERS,
    ROSTER_NAMES,
    first_pack,
    joined,
)
from tests.lms.xss_payloads import pack


def _roster_rows(valid: bool) -> list[list[object]]:
    if valid:
        return [
            [
                f"{ROSTER_FAMILY_NAME} {payload.text}",
                "",
                "",
                "",
                other.text,
                other.text,
                nfc(other.text)[:150],
                other.text,
            ]
            for payload, other in zip(ROSTER_NAMES, reversed(ROSTER_NAMES), strict=True)
        ]
    return [
        [payload.text, payload.text, payload.text, payload.text, "", "", "", ""]
        for payload in EVERYTHING
    ]


def _question_rows(valid: bool) -> list[list[object]]:
    headers = list(TEMPLATE_HEADERS)
    rows = []
    categories = pack(EVERYTHING, limit=150)
    for index, (text, held) in enumerate(pack(EVERYTHING, limit=500)):
        cells = {
            "Nhóm câu hỏi": categories[index % len(categories)][0],
            "Loại": "Một đáp án" if valid else text,
            "Câu hỏi": f"Nhập {index}: {text}",
            "Lựa chọn A": text,
            "Lựa chọn B": held[0].text,
            "Đáp án đúng": "A" if valid else text,
            "Giải thích": joined(held),
        }
        rows.append([cells.get(header) for header in headers])
    return rows


def import_through_admin(world_parts: dict, admin_client: Client, course) -> None:
    rendered = world_parts["rendered"]
    training_class = world_parts["training_class"]
    upload = reverse("courses_roster:upload")
    for label, valid in (("roster preview (errors)", False), ("roster preview", True)):
        response = admin_client.post(
            upload,
            {
                "training_class": training_class.pk,
                "file": SimpleUploadedFile(
                    "danh-sach.csv", csv_bytes(_roster_rows(valid), ROSTER_HEADERS)
                ),
            },
        )
        assert response.status_code == 200
        rendered[label] = response.content.decode()
    token = response.context["token"]
    assert token, [str(e) for e in response.context["report"].errors[:5]]
    confirmed = admin_client.post(reverse("courses_roster:confirm"), {"token": token})
    assert confirmed.status_code == 302
    question_upload = reverse("courses_question_import")
    for label, valid in (
        ("question import preview (errors)", False),
        ("question import preview", True),
    ):
        data = xlsx_bytes(_question_rows(valid), list(TEMPLATE_HEADERS))
        response = admin_client.post(
            question_upload,
            {"course": course.pk, "file": SimpleUploadedFile("cau-hoi.xlsx", data)},
        )
        assert response.status_code == 200
        rendered[label] = response.content.decode()
    token = response.context["token"]
    assert token, [str(e) for e in response.context["result"].problems[:5]]
    confirmed = admin_client.post(
        reverse("courses_question_import_confirm"), {"token": token}
    )
    assert confirmed.status_code == 302


def build_certificates(world_parts: dict, enrollments: list[Enrollment]) -> None:
    admin = world_parts["admin"]
    organisation = world_parts["training_class"].organisation
    wording = "{ho_ten} " + joined(EVERYTHING) + " {khoa_hoc} {noi_hoc}"
    template = CertificateTemplate.objects.create(
        organisation=organisation,
        name=first_pack(EVERYTHING, 150)[0],
        parent_body=first_pack(EVERYTHING, 255)[0],
        issuing_body=first_pack(EVERYTHING[20:], 255)[0],
        title=first_pack(EVERYTHING[40:], 100)[0],
        wording=wording,
        result_label=first_pack(EVERYTHING[60:], 50)[0],
        default_result=first_pack(EVERYTHING[80:], 50)[0],
        place=first_pack(EVERYTHING[100:], 100)[0],
        signer_title=first_pack(EVERYTHING[120:], 150)[0],
        signer_name=first_pack(EVERYTHING[140:], 150)[0],
        register_suffix="GCN",
    )
    reasons = pack(EVERYTHING, limit=500)
    certificates = [
        certificate_services.issue_certificate(
            enrollment=enrollment,
            by=admin,
            override_reason=reasons[index % len(reasons)][0],
        )
        for index, enrollment in enumerate(enrollments)
    ]
    revoked = certificate_services.revoke_certificate(
        certificate=certificates[0], by=admin, reason=joined(EVERYTHING)
    )
    reissued = certificates[1]
    trainee = reissued.enrollment.trainee
    trainee.full_name = NAMES[-1].text
    trainee.save()
    reissued = certificate_services.reissue_certificate(
        certificate=reissued, by=admin, reason=joined(EVERYTHING)
    )
    # The PDF draws the same values; rendering must not choke on them.
    reissued = certificate_services.render_certificate(certificate_id=reissued.pk)
    world_parts.update(
        template=template,
        certificates=certificates,
        revoked=revoked,
        reissued=reissued,
    )
