"""The password-reset mail, written and sent by a worker.

Sending through SMTP takes seconds. A reset page that waited for it only when the
email had an account would tell anyone timing it which addresses are registered,
and would keep a collaborator on a weak signal watching a spinner.
"""

from collections.abc import Iterator

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation

from courses.models import User


class PasswordResetMail(PasswordResetForm):
    """Django's reset mail (token, link, templates) for users chosen by id."""

    def __init__(self, user_ids: list[int]) -> None:
        super().__init__()
        self.user_ids = user_ids
        self.cleaned_data = {"email": ""}  # save() reads it; get_users ignores it

    def get_users(self, email: str) -> Iterator[User]:
        # Checked again when the mail is written: an account disabled meanwhile
        # gets no link.
        for user in User.objects.filter(pk__in=self.user_ids, is_active=True):
            if user.email and user.has_usable_password():
                yield user


def send_password_reset_mail(
    *, user_ids: list[int], domain: str, use_https: bool, language: str
) -> None:
    """Mail each user a reset link for `domain`, in the language they asked in."""
    with translation.override(language):
        PasswordResetMail(user_ids).save(domain_override=domain, use_https=use_https)
