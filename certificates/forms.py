"""Forms behind the organisers' certificate screens: scoped choices, checked uploads."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError
from wagtail.admin.forms import WagtailAdminModelForm

from certificates.models import CertificateTemplate
from courses.models import Organisation, User

SIGNATURE_MAX_BYTES = 2 * 1024 * 1024
SIGNATURE_FORMATS = frozenset({"PNG", "JPEG"})


def check_signature_image(upload: UploadedFile) -> None:
    """PNG or JPEG by content (a renamed file is caught), at most 2 MB."""
    if upload.size is not None and upload.size > SIGNATURE_MAX_BYTES:
        raise ValidationError(
            _("Ảnh chữ ký và dấu lớn hơn 2 MB: hãy thu nhỏ ảnh rồi tải lên lại.")
        )
    kind = None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        OSError,
        SyntaxError,
        ValueError,
    ):
        kind = None
    finally:
        upload.seek(0)
    if kind not in SIGNATURE_FORMATS:
        raise ValidationError(
            _("Ảnh chữ ký và dấu phải là ảnh PNG hoặc JPEG (tối đa 2 MB).")
        )


class CertificateTemplateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None and "organisation" in self.fields:
            self.fields["organisation"].queryset = Organisation.objects.visible_to(
                self.for_user
            )

    def clean_signature_image(self):
        image = self.cleaned_data.get("signature_image")
        # Only a new upload is checked; the stored file passed when it came in.
        if isinstance(image, UploadedFile):
            check_signature_image(image)
        return image

    def clean(self):
        cleaned = super().clean()
        organisation = cleaned.get("organisation")
        if cleaned.get("is_default") and organisation is not None:
            current = (
                CertificateTemplate.objects.filter(
                    organisation=organisation, is_default=True
                )
                .exclude(pk=self.instance.pk)
                .first()
            )
            if current is not None:
                self.add_error(
                    "is_default",
                    _(
                        "Đơn vị «%(organisation)s» đã có mẫu mặc định «%(name)s». "
                        "Bỏ chọn ô này, hoặc bỏ mặc định ở mẫu kia trước."
                    )
                    % {"organisation": organisation.name, "name": current.name},
                )
        return cleaned

    class Meta:
        model = CertificateTemplate
        fields = "__all__"


class ReasonForm(forms.Form):
    """A required reason, for revoking or re-issuing a certificate."""

    reason = forms.CharField(
        label=_("Lý do"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Phải ghi lý do.")},
    )
    result = forms.CharField(
        label=_("Kết quả (để trống nếu không đổi)"), max_length=50, required=False
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Phải ghi lý do."))
        return reason


class OverrideForm(forms.Form):
    """Issue to someone the completion rule does not (yet) qualify, with why."""

    reason = forms.CharField(
        label=_("Lý do cấp ngoại lệ"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Phải ghi lý do cấp ngoại lệ.")},
    )
    result = forms.CharField(
        label=_("Kết quả (tuỳ chọn)"), max_length=50, required=False
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Phải ghi lý do cấp ngoại lệ."))
        return reason


def _current_year() -> int:
    return timezone.localdate().year


class RegisterExportForm(forms.Form):
    """Which register (sổ cấp) to download: one organisation, one year."""

    organisation = forms.ModelChoiceField(
        label=_("Đơn vị cấp"), queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(
        label=_("Năm"), min_value=2000, max_value=2100, initial=_current_year
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user)
