import logging

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.sites.shortcuts import get_current_site
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError

from courses.models import Consent
from courses.services.accounts import send_password_reset_mail
from courses.tasks import mail_password_reset_links

logger = logging.getLogger(__name__)


class EnrollmentConsentForm(forms.Form):
    """Asked once, at the first self-enrolment: one box per purpose, none ticked."""

    training = forms.BooleanField(
        label=_(
            "Tôi đồng ý để đơn vị tổ chức xử lý thông tin cá nhân của tôi cho việc "
            "quản lý đào tạo (ghi danh, điểm danh, theo dõi tiến độ học)."
        ),
        error_messages={
            "required": _(
                "Cần có sự đồng ý cho việc quản lý đào tạo thì mới ghi danh được."
            )
        },
    )
    certificates = forms.BooleanField(
        label=_(
            "Tôi đồng ý để thông tin của tôi được dùng để cấp giấy chứng nhận "
            "(không bắt buộc)."
        ),
        required=False,
    )

    def purposes(self) -> list[str]:
        chosen: list[str] = [Consent.Purpose.TRAINING_ADMINISTRATION]
        if self.cleaned_data.get("certificates"):
            chosen.append(Consent.Purpose.CERTIFICATES)
        return chosen


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form; the mail is queued for a worker, not sent in the request
    (`courses.services.accounts`)."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        user_ids = [user.pk for user in self.get_users(self.cleaned_data["email"])]
        if not user_ids:
            return
        options = {
            "domain": domain_override or get_current_site(request).domain,
            "use_https": use_https,
            "language": translation.get_language(),
        }
        # Queued at once, not on commit: the request writes nothing the mail needs.
        try:
            mail_password_reset_links.delay(user_ids, **options)
        except OperationalError:
            # The broker is down: the collaborator still gets the link, from here.
            logger.warning("Broker unreachable: password reset mail sent in-request")
            send_password_reset_mail(user_ids=user_ids, **options)
