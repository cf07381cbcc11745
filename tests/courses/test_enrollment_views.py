"""A trainee's own enrolment, consent and withdrawal, through the test client."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from courses.models import Consent, Enrollment, Trainee, TrainingClass
from courses.privacy import NOTICE_VERSION
from courses.services import enroll, self_enroll, trainee_for_user
from tests.courses.factories import TraineeFactory, TrainingClassFactory

pytestmark = pytest.mark.django_db

CONSENT = {"consent-asked": "1", "training": "on"}


def open_class(**kwargs) -> TrainingClass:
    return TrainingClassFactory(
        mode=TrainingClass.Mode.ONLINE, is_enrollment_open=True, **kwargs
    )


def enrol_url(training_class: TrainingClass) -> str:
    return reverse("courses:enrol", args=[training_class.pk])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_open_classes_lists_only_online_open_unlocked_classes_with_seats(client):
    shown = open_class(code="MO-01", capacity=30)
    open_class(code="DAY-01", capacity=1, seats_taken=1)
    open_class(code="KHOA-01", locked_at=timezone.now())
    TrainingClassFactory(code="DONG-01", mode=TrainingClass.Mode.ONLINE)
    TrainingClassFactory(
        code="TRUCTIEP-01", mode=TrainingClass.Mode.IN_PERSON, is_enrollment_open=True
    )
    response = client.get(reverse("courses:open-classes"))
    html = response.content.decode()
    assert [c.code for c in response.context["classes"]] == ["MO-01"]
    assert shown.course.title in html
    assert "08/12/2026 \u2013 09/12/2026" in html
    assert "còn 30 chỗ" in html


def test_anonymous_visitor_must_log_in_to_enrol(client):
    training_class = open_class()
    response = client.post(enrol_url(training_class), CONSENT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    assert not Enrollment.objects.exists()


def test_first_enrolment_asks_for_consent_with_a_link_to_the_notice(client, trainee):
    training_class = open_class()
    client.force_login(trainee)
    html = client.get(enrol_url(training_class)).content.decode()
    assert 'name="training"' in html
    assert 'name="certificates"' in html
    assert f'href="{reverse("courses:privacy")}"' in html


def test_an_enrol_button_without_answers_asks_for_consent_instead_of_erring(
    client, trainee
):
    client.force_login(trainee)
    response = client.post(enrol_url(open_class()))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="training"' in html
    assert 'role="alert"' not in html
    assert not Enrollment.objects.exists()


def test_enrolment_is_refused_without_consent_to_training_administration(
    client, trainee
):
    training_class = open_class()
    client.force_login(trainee)
    response = client.post(
        enrol_url(training_class), {"consent-asked": "1", "certificates": "on"}
    )
    assert response.status_code == 200
    assert "Cần có sự đồng ý cho việc quản lý đào tạo" in response.content.decode()
    assert not Enrollment.objects.exists()
    assert not Consent.objects.exists()


def test_enrolling_with_consent_records_the_consents_and_takes_a_seat(client, trainee):
    training_class = open_class(capacity=5)
    client.force_login(trainee)
    response = client.post(
        enrol_url(training_class), {**CONSENT, "certificates": "on"}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("courses:dashboard")
    assert f"Bạn đã ghi danh vào lớp {training_class.code}" in messages_of(response)[0]
    enrollment = Enrollment.objects.get()
    assert enrollment.trainee.user == trainee
    assert enrollment.method == Enrollment.Method.SELF
    consents = Consent.objects.filter(trainee__user=trainee)
    assert set(consents.values_list("purpose", flat=True)) == {
        Consent.Purpose.TRAINING_ADMINISTRATION,
        Consent.Purpose.CERTIFICATES,
    }
    for consent in consents:
        assert consent.notice_version == NOTICE_VERSION
        assert consent.method == Consent.Method.ONLINE
        assert consent.given_at is not None
        assert consent.withdrawn_at is None
    training_class.refresh_from_db()
    assert training_class.seats_taken == 1


def test_certificates_consent_is_optional(client, trainee):
    client.force_login(trainee)
    client.post(enrol_url(open_class()), CONSENT)
    assert Enrollment.objects.filter(trainee__user=trainee).exists()
    assert list(Consent.objects.values_list("purpose", flat=True)) == [
        Consent.Purpose.TRAINING_ADMINISTRATION
    ]


def test_second_enrolment_does_not_ask_for_consent_again(client, trainee):
    client.force_login(trainee)
    client.post(enrol_url(open_class()), CONSENT)
    second = open_class()
    assert 'name="training"' not in client.get(enrol_url(second)).content.decode()
    client.post(enrol_url(second))
    assert Enrollment.objects.filter(trainee__user=trainee).count() == 2
    assert Consent.objects.count() == 1


def test_full_class_refuses_with_a_message_and_keeps_no_consent(client, trainee):
    training_class = open_class(capacity=1)
    enroll(
        trainee=TraineeFactory(),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    client.force_login(trainee)
    response = client.post(enrol_url(training_class), CONSENT, follow=True)
    assert response.redirect_chain[-1][0] == reverse("courses:open-classes")
    assert messages_of(response) == ["Lớp đã đủ số chỗ."]
    assert not Enrollment.objects.filter(trainee__user=trainee).exists()
    assert not Consent.objects.exists()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mode": TrainingClass.Mode.ONLINE, "is_enrollment_open": False},
        {"mode": TrainingClass.Mode.IN_PERSON, "is_enrollment_open": True},
        {"mode": TrainingClass.Mode.ONLINE, "is_enrollment_open": True, "locked": 1},
    ],
    ids=["closed", "in-person", "locked"],
)
def test_classes_not_open_to_self_enrolment_refuse_with_a_message(
    client, trainee, kwargs
):
    locked = kwargs.pop("locked", None)
    training_class = TrainingClassFactory(
        locked_at=timezone.now() if locked else None, **kwargs
    )
    client.force_login(trainee)
    page = client.get(enrol_url(training_class)).content.decode()
    assert "không nhận tự đăng ký" in page
    assert "Xác nhận đăng ký" not in page
    response = client.post(enrol_url(training_class), CONSENT, follow=True)
    assert messages_of(response) == ["Lớp này không nhận tự đăng ký trực tuyến."]
    assert not Enrollment.objects.exists()


def test_enrolling_twice_is_refused_with_a_message(client, trainee):
    training_class = open_class()
    client.force_login(trainee)
    client.post(enrol_url(training_class), CONSENT, follow=True)
    response = client.post(enrol_url(training_class), follow=True)
    assert messages_of(response) == ["Học viên đã có trong lớp này."]
    training_class.refresh_from_db()
    assert training_class.seats_taken == 1


def test_enrolling_needs_a_csrf_token(trainee):
    client = Client(enforce_csrf_checks=True)
    client.force_login(trainee)
    response = client.post(enrol_url(open_class()), CONSENT)
    assert response.status_code == 403
    assert not Enrollment.objects.exists()


def test_withdrawal_asks_to_confirm_then_frees_the_seat(client, trainee):
    training_class = open_class()
    enrollment = self_enroll(user=trainee, training_class=training_class)
    url = reverse("courses:withdraw", args=[enrollment.pk])
    client.force_login(trainee)
    confirm = client.get(url)
    assert "Bạn có chắc muốn rút khỏi lớp" in confirm.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE
    response = client.post(url, follow=True)
    assert messages_of(response) == [f"Bạn đã rút khỏi lớp {training_class.code}."]
    enrollment.refresh_from_db()
    training_class.refresh_from_db()
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    assert training_class.seats_taken == 0


def test_withdrawing_from_a_locked_class_is_refused_with_a_message(client, trainee):
    training_class = open_class()
    enrollment = self_enroll(user=trainee, training_class=training_class)
    TrainingClass.objects.filter(pk=training_class.pk).update(locked_at=timezone.now())
    client.force_login(trainee)
    response = client.post(
        reverse("courses:withdraw", args=[enrollment.pk]), follow=True
    )
    assert "đã khoá sổ" in messages_of(response)[0]
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_trainee_cannot_withdraw_another_trainees_enrollment(
    client, trainee, other_trainee
):
    enrollment = self_enroll(user=trainee, training_class=open_class())
    url = reverse("courses:withdraw", args=[enrollment.pk])
    client.force_login(other_trainee)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_anonymous_visitor_is_sent_to_log_in_to_withdraw(client, trainee):
    enrollment = self_enroll(user=trainee, training_class=open_class())
    response = client.post(reverse("courses:withdraw", args=[enrollment.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_trainee_withdraws_a_consent_from_the_dashboard(client, trainee):
    client.force_login(trainee)
    client.post(enrol_url(open_class()), {**CONSENT, "certificates": "on"})
    certificates = Consent.objects.get(purpose=Consent.Purpose.CERTIFICATES)
    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    withdraw_url = reverse("courses:withdraw-consent", args=[certificates.pk])
    assert withdraw_url in dashboard
    client.post(withdraw_url)
    certificates.refresh_from_db()
    assert certificates.withdrawn_at is not None
    assert Consent.objects.get(purpose="training").withdrawn_at is None


def test_trainee_cannot_withdraw_another_trainees_consent(
    client, trainee, other_trainee
):
    consent = Consent.objects.create(
        trainee=trainee_for_user(trainee),
        purpose=Consent.Purpose.TRAINING_ADMINISTRATION,
        notice_version=NOTICE_VERSION,
    )
    client.force_login(other_trainee)
    url = reverse("courses:withdraw-consent", args=[consent.pk])
    assert client.post(url).status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_enrolment_asks_again_after_the_training_consent_was_withdrawn(client, trainee):
    client.force_login(trainee)
    client.post(enrol_url(open_class()), CONSENT)
    consent = Consent.objects.get()
    client.post(reverse("courses:withdraw-consent", args=[consent.pk]))
    html = client.get(enrol_url(open_class())).content.decode()
    assert 'name="training"' in html


def test_trainee_record_is_created_on_first_enrolment(client, trainee):
    client.force_login(trainee)
    client.post(enrol_url(open_class()), CONSENT)
    assert Trainee.objects.get(user=trainee).full_name == "Ma Thị Hoà"


def test_privacy_notice_covers_purposes_retention_recipients_rights_and_law(client):
    response = client.get("/quyen-rieng-tu/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Chúng tôi thu thập những thông tin gì",
        "Quản lý đào tạo (bắt buộc để ghi danh)",
        "Cấp giấy chứng nhận (không bắt buộc)",
        "Lưu trong bao lâu",
        "Ai được nhận thông tin",
        "Được yêu cầu sửa thông tin sai.",
        "Được rút lại sự đồng ý",
        "Được phản đối",
        "Cách yêu cầu",
        "91/2025/QH15",
        "356/2025",
        NOTICE_VERSION,
    ]:
        assert text in html, text


def test_privacy_notice_has_an_english_address(client):
    response = client.get("/en/quyen-rieng-tu/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert 'href="/quyen-rieng-tu/" hreflang="vi"' in html
    assert "91/2025/QH15" in html


def test_privacy_notice_reads_in_english(client):
    with translation.override("en"):
        heading = gettext("Quyền của bạn")
    assert heading != "Quyền của bạn"
    html = client.get("/en/quyen-rieng-tu/").content.decode()
    assert heading in html
    assert "Quyền của bạn" not in html


def test_every_page_footer_links_to_the_privacy_notice(client):
    html = client.get(reverse("courses:open-classes")).content.decode()
    assert 'href="/quyen-rieng-tu/"' in html
