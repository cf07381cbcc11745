"""People, organisations, courses and training classes: the records the LMS keeps."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.vietnamese import nfc


class User(AbstractUser):
    """A login. Roles come from groups (Trainers, Organizers)."""

    full_name = models.CharField(
        _("họ và tên"),
        max_length=150,
        blank=True,
        help_text=_("Họ và tên đầy đủ, ví dụ: Nguyễn Thị Hoà."),
    )
    organisation = models.ForeignKey(
        "courses.Organisation",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("Cán bộ tổ chức chỉ thấy lớp và học viên của đơn vị mình."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("người dùng")
        verbose_name_plural = pgettext_lazy("plural", "người dùng")

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[-1] if self.full_name else self.username


class Organisation(models.Model):
    """An agency, association or unit that organises classes; units nest under it."""

    class Kind(models.TextChoices):
        POPULATION_CENTRE = "population_centre", _("Trung tâm/Chi cục dân số")
        SOCIAL_AFFAIRS = "social_affairs", _("Cơ quan công tác xã hội")
        ASSOCIATION = "association", _("Hội, đoàn thể")
        HEALTH = "health", _("Cơ quan y tế")
        COMMUNE = "commune", _("UBND xã/phường")
        OTHER = "other", _("Khác")

    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    kind = models.CharField(
        _("loại"), max_length=32, choices=Kind.choices, default=Kind.OTHER
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("tổ chức")
        verbose_name_plural = pgettext_lazy("plural", "tổ chức")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="organisation_name_unique_under_parent"
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="organisation_not_its_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        super().save(*args, **kwargs)


class Course(models.Model):
    """What is taught. Its material lives in a Wagtail CoursePage pointing here."""

    class Topic(models.TextChoices):
        STATISTICS = "statistics", _("Kỹ năng thống kê, ghi chép")
        COUNSELLING = "counselling", _("Tư vấn, hỗ trợ")
        CLUB_MANAGEMENT = "club_management", _("Quản lý câu lạc bộ")

    class Audience(models.TextChoices):
        POPULATION_COLLABORATOR = "population_collaborator", _("Cộng tác viên dân số")
        SOCIAL_WORK_VOLUNTEER = (
            "social_work_volunteer",
            _("Cộng tác viên, tình nguyện viên công tác xã hội"),
        )
        CLUB_LEADER = "club_leader", _("Ban chủ nhiệm câu lạc bộ")

    code = models.SlugField(
        _("mã khoá học"),
        max_length=32,
        unique=True,
        help_text=_("Mã ngắn, không dấu, ví dụ: DS, CTXH, CLB."),
    )
    title = models.CharField(_("tên khoá học"), max_length=255)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    topic = models.CharField(_("chủ đề"), max_length=32, choices=Topic.choices)
    audience = models.CharField(_("đối tượng"), max_length=32, choices=Audience.choices)

    class Meta:
        verbose_name = _("khoá học")
        verbose_name_plural = pgettext_lazy("plural", "khoá học")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.title_en = nfc(self.title_en)
        super().save(*args, **kwargs)


class TrainingClassQuerySet(models.QuerySet["TrainingClass"]):
    def open_for_enrollment(self) -> "TrainingClassQuerySet":
        return self.filter(is_enrollment_open=True, locked_at__isnull=True)

    def for_course(self, course: Course) -> "TrainingClassQuerySet":
        return self.filter(course=course)


class TrainingClass(models.Model):
    """A dated, located class (lớp tập huấn) of one course, run by one organisation."""

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        BLENDED = "blended", _("Kết hợp")

    course = models.ForeignKey(
        Course,
        verbose_name=_("khoá học"),
        on_delete=models.PROTECT,
        related_name="training_classes",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="training_classes",
    )
    code = models.CharField(
        _("mã lớp"),
        max_length=40,
        unique=True,
        help_text=_("Ví dụ: DEMO-DS-01. Dùng trong lệnh nhập danh sách và báo cáo."),
    )
    title = models.CharField(_("tên lớp"), max_length=255)
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"))
    venue = models.CharField(_("địa điểm"), max_length=255, blank=True)
    mode = models.CharField(
        _("hình thức"), max_length=16, choices=Mode.choices, default=Mode.IN_PERSON
    )
    capacity = models.PositiveIntegerField(_("số chỗ"), default=50)
    is_enrollment_open = models.BooleanField(_("đang nhận đăng ký"), default=False)
    funding_source = models.CharField(_("nguồn kinh phí"), max_length=255, blank=True)
    decision_number = models.CharField(
        _("số quyết định mở lớp"), max_length=64, blank=True
    )
    trainers = models.ManyToManyField(
        User, verbose_name=_("giảng viên"), blank=True, related_name="taught_classes"
    )
    locked_at = models.DateTimeField(_("khoá sổ lúc"), null=True, blank=True)

    objects = TrainingClassQuerySet.as_manager()

    class Meta:
        verbose_name = _("lớp tập huấn")
        verbose_name_plural = pgettext_lazy("plural", "lớp tập huấn")
        ordering = ["-starts_on", "code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="training_class_ends_on_or_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.venue = nfc(self.venue)
        super().save(*args, **kwargs)
