"""Trainees (the collaborators who learn) and the consent they give per purpose."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models.people import Organisation
from courses.models.units import UnitReference
from courses.phones import display_phone
from courses.vietnamese import fold, given_name, nfc, nfc_text


class TraineeQuerySet(models.QuerySet["Trainee"]):
    def visible_to(self, user) -> "TraineeQuerySet":
        """Least access: organizers see their organisations' people, trainers their
        classes' people, a trainee only themself."""
        if user.is_superuser:
            return self
        if not user.is_authenticated:
            return self.none()
        scope = Q(user=user)
        # Organisers' mark, as for classes (TrainingClass.objects.visible_to): trainers
        # hold view_trainee too, and must see only the people of the classes they teach.
        if user.organisation_id and user.has_perm("courses.change_trainingclass"):
            subtree = Organisation.objects.subtree_of(user.organisation)
            scope |= Q(organisation__in=subtree)
            scope |= Q(enrollments__training_class__organisation__in=subtree)
        scope |= Q(enrollments__training_class__trainers=user)
        return self.filter(pk__in=self.filter(scope).values("pk"))


class Trainee(UnitReference):
    """A person who takes courses: a population collaborator, a volunteer, a club chair.

    Many are enrolled by an organiser from a roster and never log in, so the login is
    optional and a person is a record of their own.
    """

    class Sex(models.TextChoices):
        FEMALE = "female", _("Nữ")
        MALE = "male", _("Nam")

    class Role(models.TextChoices):
        POPULATION_COLLABORATOR = "population_collaborator", _("Cộng tác viên dân số")
        SOCIAL_WORK_VOLUNTEER = (
            "social_work_volunteer",
            _("Cộng tác viên, tình nguyện viên công tác xã hội"),
        )
        CLUB_LEADER = "club_leader", _("Chủ nhiệm, thành viên ban chủ nhiệm CLB")
        COMMUNE_OFFICIAL = "commune_official", _("Cán bộ xã/phường")
        OTHER = "other", _("Khác")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainee",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    given_name = models.CharField(
        _("tên"),
        max_length=50,
        blank=True,
        help_text=_("Tên gọi, dùng để sắp xếp. Để trống: lấy chữ cuối của họ và tên."),
    )
    name_folded = models.CharField(max_length=150, editable=False, db_index=True)
    sex = models.CharField(
        _("giới tính"), max_length=8, choices=Sex.choices, blank=True
    )
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("năm sinh"),
        null=True,
        blank=True,
        help_text=_("Chỉ năm sinh khi không rõ ngày sinh."),
    )
    phone = models.CharField(
        _("số điện thoại"),
        max_length=16,
        blank=True,
        db_index=True,
        help_text=_("Lưu dạng quốc tế (+84...), hiển thị 0912 345 678."),
    )
    role = models.CharField(
        _("chức danh"), max_length=32, choices=Role.choices, default=Role.OTHER
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainees",
    )
    village = models.CharField(_("thôn/bản/tổ dân phố"), max_length=150, blank=True)
    # Sensitive (Decree 356/2025): optional, shown only with `view_sensitive_trainee`.
    ethnicity = models.CharField(_("dân tộc"), max_length=50, blank=True)
    national_id = models.CharField(
        _("số CCCD/định danh"),
        max_length=12,
        blank=True,
        help_text=_("12 chữ số. Chỉ thu khi cần cho thanh toán."),
    )
    notes = models.TextField(
        _("ghi chú"),
        blank=True,
        help_text=_("Không ghi thông tin về người được tư vấn, hỗ trợ."),
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = TraineeQuerySet.as_manager()

    SENSITIVE_FIELDS = ("ethnicity", "national_id")

    class Meta:
        verbose_name = _("học viên")
        verbose_name_plural = pgettext_lazy("plural", "học viên")
        ordering = ["given_name", "full_name"]
        permissions = [
            ("view_sensitive_trainee", _("Xem dân tộc, số CCCD của học viên")),
            ("import_trainee", _("Nhập danh sách học viên từ tệp")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(national_id="") | Q(national_id__regex=r"^[0-9]{12}$"),
                name="trainee_national_id_is_12_digits",
            ),
            models.CheckConstraint(
                condition=Q(phone="") | Q(phone__regex=r"^\+84[0-9]{9,10}$"),
                name="trainee_phone_is_vietnamese_e164",
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True)
                | Q(birth_year__gte=1900, birth_year__lte=2100),
                name="trainee_birth_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        self.given_name = nfc(self.given_name) or given_name(self.full_name)
        self.name_folded = fold(self.full_name)
        self.village = nfc(self.village)
        self.ethnicity = nfc(self.ethnicity)
        self.notes = nfc_text(self.notes)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        super().save(*args, **kwargs)

    @property
    def phone_display(self) -> str:
        return display_phone(self.phone)

    @property
    def birth_display(self) -> str:
        if self.birth_date:
            return self.birth_date.strftime("%d/%m/%Y")
        return str(self.birth_year or "")

    @property
    def national_id_masked(self) -> str:
        return f"{'•' * 8}{self.national_id[-4:]}" if self.national_id else ""


class Consent(models.Model):
    """A trainee's explicit yes to one purpose, under one version of the notice."""

    class Purpose(models.TextChoices):
        TRAINING_ADMINISTRATION = "training", _("Quản lý đào tạo")
        CERTIFICATES = "certificates", _("Cấp giấy chứng nhận")
        ALLOWANCE_PAYMENT = "allowance", _("Chi trả tiền hỗ trợ")

    class Method(models.TextChoices):
        ONLINE = "online", _("Trực tuyến")
        PAPER = "paper", _("Phiếu giấy")

    trainee = models.ForeignKey(
        Trainee, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("mục đích"), max_length=16, choices=Purpose.choices)
    notice_version = models.CharField(_("phiên bản thông báo"), max_length=20)
    method = models.CharField(
        _("hình thức"), max_length=8, choices=Method.choices, default=Method.ONLINE
    )
    given_at = models.DateTimeField(_("đồng ý lúc"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("rút lại lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sự đồng ý")
        verbose_name_plural = pgettext_lazy("plural", "sự đồng ý")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_trainee_per_purpose",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} — {self.get_purpose_display()}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
