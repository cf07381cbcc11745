"""The public verify page, and a trainee's own certificates."""

import datetime as dt
import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from certificates.models import Certificate
from certificates.services import issue_certificate, revoke_certificate
from courses.services import trainee_for_user


@pytest.fixture
def certificate(completed_enrollment, certificate_template) -> Certificate:
    return issue_certificate(enrollment=completed_enrollment)


def verify_url(code: str, prefix: str = "") -> str:
    return f"{prefix}/verify/{code}/"


def test_anyone_can_check_a_valid_certificate_without_logging_in(client, certificate):
    response = client.get(verify_url(certificate.verification_code))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Giấy chứng nhận hợp lệ" in html
    assert "Nguyễn Thị Hương" in html
    assert certificate.course_title in html
    assert "08/12/2026 \N{EN DASH} 09/12/2026" in html
    assert "TRUNG TÂM DÂN SỐ KHU VỰC LÂM BÌNH" in html
    assert certificate.issued_on.strftime("%d/%m/%Y") in html
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-cache" in response["Cache-Control"]


def test_the_verify_page_shows_no_phone_id_or_birth_date(client, certificate):
    html = client.get(verify_url(certificate.verification_code)).content.decode()

    for secret in ("0912", "912345678", "008185001234", "15/03/1985", "1985"):
        assert secret not in html
    assert "Thôn Nà Liềm" not in html


def test_unknown_and_malformed_codes_get_the_same_404(client, certificate):
    code = certificate.verification_code
    unknown = code[:-1] + ("A" if code[-1] != "A" else "B")
    answers = [
        client.get(verify_url(candidate))
        for candidate in (
            unknown,
            "abc",
            "x" * 200,
            "%3Cscript%3E",
            str(certificate.pk),
        )
    ]
    assert {answer.status_code for answer in answers} == {404}
    # Identical but for the language switch, which links to the address asked for.
    bodies = {
        re.sub(r'href="[^"]*/verify/[^"]*"', "", answer.content.decode())
        for answer in answers
    }
    assert len(bodies) == 1
    assert "Không tìm thấy giấy chứng nhận" in bodies.pop()


def test_a_revoked_certificate_says_so_with_the_reason(client, certificate, organizer):
    revoke_certificate(certificate=certificate, by=organizer, reason="Cấp nhầm lớp")

    html = client.get(verify_url(certificate.verification_code)).content.decode()

    assert "đã bị thu hồi" in html
    assert "Cấp nhầm lớp" in html
    assert "Giấy chứng nhận hợp lệ" not in html


def test_an_expired_certificate_says_since_when(client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=timezone.localdate() - dt.timedelta(days=1)
    )
    html = client.get(verify_url(certificate.verification_code)).content.decode()
    assert "đã hết hạn" in html
    assert "Giấy chứng nhận hợp lệ" not in html


def test_the_verify_page_reads_in_english_under_en(client, certificate):
    response = client.get(verify_url(certificate.verification_code, "/en"))
    assert response.status_code == 200
    assert "valid" in response.content.decode().lower()


@override_settings(CERTIFICATE_VERIFY_PER_MINUTE=5)
def test_checks_are_rate_limited_per_address(client, certificate):
    url = verify_url(certificate.verification_code)
    statuses = [client.get(url, REMOTE_ADDR="10.0.0.7").status_code for _ in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    # Guessing codes counts too, and another address is not affected.
    assert client.get(verify_url("zz"), REMOTE_ADDR="10.0.0.7").status_code == 429
    assert client.get(url, REMOTE_ADDR="10.0.0.8").status_code == 200


@override_settings(CERTIFICATE_VERIFY_PER_MINUTE=2, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_limit_follows_the_forwarded_address(client, certificate):
    url = verify_url(certificate.verification_code)
    for _ in range(2):
        client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1")
    blocked = client.get(
        url, HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1"
    )
    other = client.get(url, HTTP_X_FORWARDED_FOR="203.0.113.6", REMOTE_ADDR="127.0.0.1")
    assert (blocked.status_code, other.status_code) == (429, 200)


@pytest.fixture
def own_certificate(trainee, training_class, certificate_template):
    from courses.models import Enrollment
    from courses.services import enroll

    enrollment = enroll(
        trainee=trainee_for_user(trainee),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
    return issue_certificate(enrollment=enrollment)


def test_a_trainee_sees_and_downloads_their_certificate_on_the_dashboard(
    client, trainee, own_certificate
):
    client.force_login(trainee)
    html = client.get(reverse("courses:dashboard")).content.decode()
    download = reverse("certificates:download", args=[own_certificate.pk])
    assert "Giấy chứng nhận của tôi" in html
    assert download in html
    assert own_certificate.register_number in html

    response = client.get(download)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert "no-cache" in response["Cache-Control"]
    own_certificate.refresh_from_db()
    assert own_certificate.status == Certificate.Status.ISSUED
    # The file name carries the register number, not the holder's name.
    assert "Ho" not in response["Content-Disposition"]


def test_another_trainee_cannot_download_it(client, other_trainee, own_certificate):
    client.force_login(other_trainee)
    url = reverse("certificates:download", args=[own_certificate.pk])
    assert client.get(url).status_code == 404


def test_a_revoked_certificate_cannot_be_downloaded(
    client, trainee, own_certificate, organizer
):
    revoke_certificate(certificate=own_certificate, by=organizer, reason="Sai lớp")
    client.force_login(trainee)
    url = reverse("certificates:download", args=[own_certificate.pk])
    assert client.get(url).status_code == 404
    html = client.get(reverse("courses:dashboard")).content.decode()
    assert "Sai lớp" in html


def test_anonymous_visitors_are_sent_to_log_in(client, own_certificate):
    url = reverse("certificates:download", args=[own_certificate.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
