"""Password reset: one neutral answer, throttled per address and per email."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from kombu.exceptions import OperationalError

from courses.tasks import mail_password_reset_links
from tests.courses.factories import UserFactory

pytestmark = pytest.mark.django_db

TRAINING_ROOM = "203.0.113.10"
OTHER_ROOM = "198.51.100.7"


@pytest.fixture
def hoa(db):
    return UserFactory(username="hoa", email="hoa@example.vn")


@pytest.fixture
def queued(monkeypatch) -> list[tuple]:
    """The reset mails the requests queued, not yet sent: (args, kwargs) each."""
    calls: list[tuple] = []
    monkeypatch.setattr(
        mail_password_reset_links,
        "delay",
        lambda *args, **kwargs: calls.append((args, kwargs)),
    )
    return calls


@pytest.fixture(autouse=True)
def worker(request, monkeypatch):
    """A worker that runs each queued reset mail at once, as the embedded default's
    in-process tasks do; tests asking for `queued` see the queue itself."""
    if "queued" in request.fixturenames:
        return
    monkeypatch.setattr(
        mail_password_reset_links,
        "delay",
        lambda *args, **kwargs: mail_password_reset_links.apply(args, kwargs).get(),
    )


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


def test_the_page_answers_before_any_mail_and_queues_ids_not_the_address(
    client, hoa, queued
):
    ask_reset(client, "hoa@example.vn")
    ask_reset(client, "khong-co@example.vn")

    assert mail.outbox == []
    # Only the known email queued a mail, and its message carries the user's id.
    assert queued == [
        (
            ([hoa.pk],),
            {"domain": "testserver", "use_https": False, "language": "vi"},
        )
    ]
    assert "hoa@example.vn" not in repr(queued)


def test_the_worker_writes_the_mail_in_the_language_of_the_request(hoa):
    mail_password_reset_links(
        [hoa.pk], domain="tap-huan.example.vn", use_https=True, language="en"
    )

    (message,) = mail.outbox
    assert message.to == ["hoa@example.vn"]
    assert "https://tap-huan.example.vn/" in message.body
    assert message.subject == "Password reset · Collaborator training"


def test_an_account_disabled_before_the_worker_runs_gets_no_link(hoa):
    hoa.is_active = False
    hoa.save()

    mail_password_reset_links(
        [hoa.pk], domain="testserver", use_https=False, language="vi"
    )

    assert mail.outbox == []


def test_with_the_broker_down_the_mail_still_goes_and_the_answer_is_the_same(
    client, hoa, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379.")

    monkeypatch.setattr(mail_password_reset_links, "delay", broker_down)

    known = ask_reset(client, "hoa@example.vn")
    unknown = ask_reset(client, "khong-co@example.vn")

    assert known.content == unknown.content
    assert [message.to for message in mail.outbox] == [["hoa@example.vn"]]
