from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import Consent


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
