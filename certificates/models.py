"""Certificates (giấy chứng nhận): templates organisers edit, and what was issued.

Every printed value is frozen on the certificate when it is issued: units and
organisations are renamed (the 2025 reform renamed thousands), a trainee's record is
corrected, and a certificate must still read as it did on paper.
"""

import secrets
import string

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models import Enrollment, Organisation, User
from courses.models.attendance import private_storage

# Placeholders the wording may use, and what each is replaced by.
PLACEHOLDERS = {
    "ho_ten": _("họ và tên học viên"),
    "ngay_sinh": _("ngày sinh (hoặc năm sinh)"),
    "don_vi": _("đơn vị (xã/phường, tỉnh/thành phố)"),
    "chuc_danh": _("chức danh"),
    "khoa_hoc": _("tên khoá học"),
    "lop": _("tên lớp"),
    "ma_lop": _("mã lớp"),
    "tu_ngay": _("ngày bắt đầu lớp"),
    "den_ngay": _("ngày kết thúc lớp"),
    "dia_diem": _("địa điểm"),
    "noi_hoc": _(
        "«tại <địa điểm>», hoặc «theo hình thức trực tuyến» cho lớp trực tuyến"
    ),
    "don_vi_to_chuc": _("đơn vị tổ chức"),
    "ket_qua": _("kết quả"),
}

DEFAULT_WORDING = (
    "Đã hoàn thành lớp tập huấn «{khoa_hoc}» tổ chức từ ngày {tu_ngay} đến ngày "
    "{den_ngay} {noi_hoc}."
)

# 24 URL-safe characters: 144 random bits, unrelated to any id.
CODE_BYTES = 18
CODE_LENGTH = 24
CODE_ALPHABET = frozenset(string.ascii_letters + string.digits + "-_")


def new_verification_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


def is_well_formed_code(code: str) -> bool:
    return len(code) == CODE_LENGTH and set(code) <= CODE_ALPHABET


def validate_wording(value: str) -> None:
    """Refuse placeholders the renderer does not know, and broken braces."""
    try:
        fields = [name for _t, name, _f, _c in string.Formatter().parse(value) if name]
    except ValueError as error:
        raise ValidationError(
            _("Dấu ngoặc nhọn { } không khớp: %(error)s"), params={"error": error}
        ) from error
    unknown = sorted({name for name in fields if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Không có chỗ điền %(unknown)s. Được dùng: %(allowed)s."),
            params={
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "allowed": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            },
        )


class CertificateTemplateQuerySet(models.QuerySet["CertificateTemplate"]):
    def visible_to(self, user: User) -> "CertificateTemplateQuerySet":
        if user.is_superuser:
            return self
        return self.filter(organisation__in=Organisation.objects.visible_to(user))


class CertificateTemplate(models.Model):
    """How one organisation's certificates read; edited in the admin, no code."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="certificate_templates",
        help_text=_(
            "Lớp của đơn vị này (và các đơn vị trực thuộc chưa có mẫu riêng) "
            "dùng mẫu này."
        ),
    )
    name = models.CharField(_("tên mẫu"), max_length=150)
    is_default = models.BooleanField(
        _("mẫu mặc định của đơn vị"),
        default=True,
        help_text=_("Mỗi đơn vị có một mẫu mặc định, dùng khi cấp giấy chứng nhận."),
    )
    parent_body = models.CharField(
        _("cơ quan chủ quản"),
        max_length=255,
        blank=True,
        help_text=_("In góc trên bên trái, phía trên tên đơn vị cấp. Ví dụ: SỞ Y TẾ."),
    )
    issuing_body = models.CharField(
        _("đơn vị cấp"),
        max_length=255,
        help_text=_("In hoa góc trên bên trái. Ví dụ: TRUNG TÂM Y TẾ KHU VỰC ..."),
    )
    title = models.CharField(_("tiêu đề"), max_length=100, default="GIẤY CHỨNG NHẬN")
    wording = models.TextField(
        _("nội dung"),
        default=DEFAULT_WORDING,
        validators=[validate_wording],
        help_text=_(
            "Chỗ điền: {ho_ten}, {ngay_sinh}, {don_vi}, {chuc_danh}, {khoa_hoc}, "
            "{lop}, {ma_lop}, {tu_ngay}, {den_ngay}, {dia_diem}, {noi_hoc}, "
            "{don_vi_to_chuc}, "
            "{ket_qua}."
        ),
    )
    result_label = models.CharField(
        _("nhãn kết quả"),
        max_length=50,
        blank=True,
        default="Kết quả",
        help_text=_("Để trống nếu giấy không ghi kết quả."),
    )
    default_result = models.CharField(
        _("kết quả mặc định"), max_length=50, blank=True, default="Đạt"
    )
    place = models.CharField(
        _("nơi cấp"),
        max_length=100,
        help_text=_("In trước ngày cấp: «<nơi cấp>, ngày .. tháng .. năm ..»."),
    )
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=150, default="GIÁM ĐỐC"
    )
    signer_name = models.CharField(_("họ tên người ký"), max_length=150)
    register_suffix = models.CharField(
        _("ký hiệu sổ"),
        max_length=30,
        default="GCN",
        help_text=_("Số in trên giấy: 015/2026/<ký hiệu>."),
    )
    signature_image = models.FileField(
        _("ảnh chữ ký và dấu (tuỳ chọn)"),
        storage=private_storage,
        upload_to="certificate-seals/",
        blank=True,
        help_text=_("PNG hoặc JPEG, nền trong hoặc trắng, tối đa 2 MB."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("thời hạn (tháng)"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu giấy không có thời hạn."),
    )
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    objects = CertificateTemplateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mẫu giấy chứng nhận")
        verbose_name_plural = pgettext_lazy("plural", "mẫu giấy chứng nhận")
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(is_default=True),
                name="one_default_certificate_template_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RegisterCounter(models.Model):
    """The last register number an organisation gave in a year (sổ cấp).

    Issuing locks this row, so numbers are handed out one at a time and roll back
    with a failed issue: no gap, no duplicate.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="one_register_counter_per_organisation_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.year}: {self.last_number}"


class CertificateQuerySet(models.QuerySet["Certificate"]):
    def visible_to(self, user: User) -> "CertificateQuerySet":
        """Staff see the certificates of the classes they see."""
        return self.filter(
            enrollment__in=Enrollment.objects.visible_to(user).values("pk")
        )

    def for_user(self, user: User) -> "CertificateQuerySet":
        """A trainee's own certificates."""
        return self.filter(enrollment__trainee__user=user)

    def pending(self) -> "CertificateQuerySet":
        return self.filter(status=Certificate.Status.PENDING)


class Certificate(models.Model):
    """One certificate per enrollment, with every printed value frozen at issue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang tạo bản PDF")
        ISSUED = "issued", _("Đã cấp")
        REVOKED = "revoked", _("Đã thu hồi")

    # Records, not content: Wagtail's reference index would cost every save
    # (issue, render, revoke) several queries, and no editor looks for usages here.
    wagtail_reference_index_ignore = True

    enrollment = models.OneToOneField(
        Enrollment,
        verbose_name=_("ghi danh"),
        on_delete=models.PROTECT,
        related_name="certificate",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("mẫu"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("đơn vị cấp"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    register_year = models.PositiveSmallIntegerField(_("năm vào sổ"))
    register_seq = models.PositiveIntegerField(_("số thứ tự trong sổ"))
    register_number = models.CharField(_("số vào sổ"), max_length=60)
    verification_code = models.CharField(
        _("mã xác thực"),
        max_length=CODE_LENGTH,
        unique=True,
        default=new_verification_code,
        editable=False,
    )
    # The QR code of the verify address, encoded once at issue (certificates.qr).
    verification_qr = models.TextField(editable=False, blank=True)
    issued_on = models.DateField(_("ngày cấp"))
    expires_on = models.DateField(_("hết hạn ngày"), null=True, blank=True)
    edition = models.PositiveSmallIntegerField(_("lần cấp"), default=1)

    # Printed values, frozen.
    holder_name = models.CharField(_("họ và tên"), max_length=150)
    holder_birth = models.CharField(_("ngày/năm sinh"), max_length=20, blank=True)
    holder_unit = models.CharField(_("đơn vị"), max_length=255, blank=True)
    holder_role = models.CharField(_("chức danh"), max_length=100, blank=True)
    course_title = models.CharField(_("khoá học"), max_length=255)
    class_title = models.CharField(_("lớp"), max_length=255)
    class_code = models.CharField(_("mã lớp"), max_length=40)
    class_starts_on = models.DateField(_("lớp bắt đầu"))
    class_ends_on = models.DateField(_("lớp kết thúc"))
    class_place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuing_body = models.CharField(_("đơn vị cấp (in trên giấy)"), max_length=255)
    title = models.CharField(_("tiêu đề"), max_length=100)
    wording = models.TextField(_("nội dung"))
    result_label = models.CharField(_("nhãn kết quả"), max_length=50, blank=True)
    result = models.CharField(_("kết quả"), max_length=50, blank=True)
    place = models.CharField(_("nơi cấp"), max_length=100)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150)
    signer_name = models.CharField(_("họ tên người ký"), max_length=150)

    # How it came to be.
    issued_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cấp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    override_reason = models.TextField(
        _("lý do cấp ngoại lệ"),
        blank=True,
        help_text=_("Ghi khi cấp cho người chưa đạt điều kiện hoàn thành tự động."),
    )
    pdf = models.FileField(
        _("bản PDF"), storage=private_storage, upload_to="certificates/", blank=True
    )
    rendered_at = models.DateTimeField(_("tạo PDF lúc"), null=True, blank=True)
    # When its render was last queued: the sweeper re-queues what waits too long.
    queued_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thu hồi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(_("lý do thu hồi"), blank=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("giấy chứng nhận")
        verbose_name_plural = pgettext_lazy("plural", "giấy chứng nhận")
        ordering = ["-register_year", "-register_seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "register_year", "register_seq"],
                name="one_register_number_per_organisation_per_year",
            ),
            models.CheckConstraint(
                condition=~Q(status="revoked") | Q(revoked_at__isnull=False),
                name="revoked_certificate_has_revoked_at",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "queued_at"], name="certificate_queue_idx")
        ]

    def __str__(self) -> str:
        return f"{self.register_number} {self.holder_name}"


class CertificateRevision(models.Model):
    """The printed values a certificate had before a correction re-issued it."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="revisions"
    )
    edition = models.PositiveSmallIntegerField(_("lần cấp"))
    printed = models.JSONField(_("nội dung đã in"))
    pdf = models.FileField(storage=private_storage, upload_to="certificates/old/")
    reason = models.TextField(_("lý do cấp lại"))
    replaced_at = models.DateTimeField(_("cấp lại lúc"), auto_now_add=True)
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("lần cấp trước")
        verbose_name_plural = pgettext_lazy("plural", "lần cấp trước")
        ordering = ["certificate", "edition"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "edition"],
                name="one_revision_per_certificate_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_id} #{self.edition}"
