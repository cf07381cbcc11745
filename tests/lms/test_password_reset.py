"""Password reset: one neutral answer, throttled per address and per email."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.courses.factories import UserFactory

pytestmark = pytest.mark.django_db

TRAINING_ROOM = "203.0.113.10"
OTHER_ROOM = "198.51.100.7"


@pytest.fixture
def hoa(db):
    return UserFactory(username="hoa", email="hoa@example.vn")


def ask_reset(client, email: str, *, address: str = TRAINING_ROOM):
    return client.post(
        reverse("password_reset"), {"email": email}, REMOTE_ADDR=address, follow=True
    )


def test_known_and_unknown_emails_get_the_same_answer(client, hoa):
    known = ask_reset(client, "hoa@example.vn")
    unknown = ask_reset(client, "khong-co@example.vn")

    assert known.redirect_chain == unknown.redirect_chain
    assert known.content == unknown.content
    assert "Nếu địa chỉ này có tài khoản" in known.content.decode()
    assert [message.to for message in mail.outbox] == [["hoa@example.vn"]]


def test_the_emailed_link_sets_a_new_password(client, hoa):
    ask_reset(client, "hoa@example.vn")
    message = mail.outbox[0]
    assert "Đặt lại mật khẩu" in message.subject
    link = re.search(r"https?://\S+", message.body).group(0)

    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "cong-tac-vien-2026", "new_password2": "cong-tac-vien-2026"},
        follow=True,
    )

    assert "Mật khẩu mới đã được lưu" in response.content.decode()
    hoa.refresh_from_db()
    assert hoa.check_password("cong-tac-vien-2026")


def test_an_email_gets_five_resets_an_hour_then_nothing_with_the_same_answer(
    client, hoa
):
    answers = [ask_reset(client, "hoa@example.vn") for _ in range(5)]
    throttled = ask_reset(client, " HOA@example.vn", address=OTHER_ROOM)

    assert len(mail.outbox) == settings.PASSWORD_RESET_PER_EMAIL_PER_HOUR == 5
    assert throttled.redirect_chain == answers[0].redirect_chain
    assert throttled.content == answers[0].content


def test_an_address_is_throttled_across_emails(client, hoa):
    for n in range(settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR):
        ask_reset(client, f"nguoi-{n}@example.vn")

    throttled = ask_reset(client, "hoa@example.vn")
    assert mail.outbox == []
    assert throttled.redirect_chain[-1][0] == reverse("password_reset_done")

    ask_reset(client, "hoa@example.vn", address=OTHER_ROOM)
    assert len(mail.outbox) == 1


def test_wagtail_admin_has_no_second_unthrottled_reset_form(client, hoa):
    response = client.post(
        reverse("wagtailadmin_password_reset"), {"email": "hoa@example.vn"}
    )

    assert response.status_code == 404
    assert mail.outbox == []


def test_the_login_page_links_to_the_reset_form(client):
    assert reverse("password_reset") in client.get(reverse("login")).content.decode()


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("hoa-2026", False),  # too short
        ("1234567890123", False),  # digits only
        ("password123", False),  # common
        ("hoa@example.vn", False),  # like the user's own email
        ("cong-tac-vien-2026", True),
    ],
)
def test_passwords_need_ten_characters_and_pass_django_validators(
    hoa, password, accepted
):
    try:
        validate_password(password, user=hoa)
    except ValidationError:
        assert not accepted
    else:
        assert accepted
