"""Courses and the training classes that teach them."""

from decimal import Decimal

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from courses.models.people import Organisation, User
from courses.models.units import UnitReference
from courses.vietnamese import nfc, nfc_text


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


class Lesson(models.Model):
    """A lesson of a course, as the domain counts it for progress and completion.

    Its material is a Wagtail LessonPage that points here; the cms keeps title and
    position in step when the page is published, moved or unpublished.
    """

    course = models.ForeignKey(
        Course,
        verbose_name=_("khoá học"),
        on_delete=models.CASCADE,
        related_name="lessons",
    )
    title = models.CharField(_("tên bài"), max_length=255)
    position = models.PositiveIntegerField(_("thứ tự"), default=0)
    is_published = models.BooleanField(_("đang xuất bản"), default=True)

    class Meta:
        verbose_name = _("bài học")
        verbose_name_plural = pgettext_lazy("plural", "bài học")
        ordering = ["course", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class TrainingClassQuerySet(models.QuerySet["TrainingClass"]):
    def open_for_enrollment(self) -> "TrainingClassQuerySet":
        return self.filter(is_enrollment_open=True, locked_at__isnull=True)

    def open_for_self_enrollment(self) -> "TrainingClassQuerySet":
        return self.open_for_enrollment().filter(mode=TrainingClass.Mode.ONLINE)

    def for_course(self, course: Course) -> "TrainingClassQuerySet":
        return self.filter(course=course)

    def visible_to(self, user) -> "TrainingClassQuerySet":
        """Organizers: their organisation's tree. Trainers: the classes they teach."""
        if user.is_superuser:
            return self
        if not user.is_authenticated or not user.is_staff:
            return self.none()
        scope = Q(trainers=user)
        if user.organisation_id and user.has_perm("courses.change_trainingclass"):
            scope |= Q(
                organisation__in=Organisation.objects.subtree_of(user.organisation)
            )
        return self.filter(pk__in=self.filter(scope).values("pk"))


class TrainingClass(UnitReference, ClusterableModel):
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
    # Attendance rules, per class because organisers and funders differ.
    late_points = models.DecimalField(
        _("điểm cho buổi đi muộn"),
        max_digits=3,
        decimal_places=2,
        default=Decimal(1),
        help_text=_("Có mặt tính 1, vắng tính 0."),
    )
    excused_points = models.DecimalField(
        _("điểm cho buổi vắng có phép"),
        max_digits=3,
        decimal_places=2,
        default=Decimal(0),
    )
    late_after_minutes = models.PositiveSmallIntegerField(
        _("tính muộn sau (phút)"),
        default=15,
        help_text=_("Quét mã sau chừng ấy phút từ giờ bắt đầu buổi thì tính đi muộn."),
    )
    completion_attendance_percent = models.PositiveSmallIntegerField(
        _("chuyên cần tối thiểu để hoàn thành (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Để trống nếu lớp không xét chuyên cần."),
    )
    seats_taken = models.PositiveIntegerField(
        _("số chỗ đã nhận"), default=0, editable=False
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
            # The guard of the capacity race: enroll() takes a seat with a conditional
            # UPDATE; the database refuses a count above capacity, whoever writes it.
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")),
                name="training_class_seats_taken_within_capacity",
            ),
            models.CheckConstraint(
                condition=Q(late_points__gte=0, late_points__lte=1)
                & Q(excused_points__gte=0, excused_points__lte=1),
                name="attendance_points_between_0_and_1",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"

    def save(self, *args, **kwargs):
        self.title = nfc(self.title)
        self.venue = nfc(self.venue)
        super().save(*args, **kwargs)

    @property
    def is_locked(self) -> bool:
        return self.locked_at is not None

    @property
    def seats_summary(self) -> str:
        return f"{self.seats_taken}/{self.capacity}"

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seats_taken, 0)


class ClassSession(models.Model):
    """A half-day (or timed) session of a class; attendance is taken per session."""

    class Part(models.TextChoices):
        MORNING = "morning", _("Buổi sáng")
        AFTERNOON = "afternoon", _("Buổi chiều")
        TIMED = "timed", _("Theo giờ")

    # A ParentalKey so that organizers edit the timetable inline with the class.
    training_class = ParentalKey(
        TrainingClass,
        verbose_name=_("lớp"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    held_on = models.DateField(_("ngày"))
    part = models.CharField(
        _("buổi"), max_length=10, choices=Part.choices, default=Part.MORNING
    )
    starts_at = models.TimeField(_("từ"), null=True, blank=True)
    ends_at = models.TimeField(_("đến"), null=True, blank=True)
    venue = models.CharField(
        _("địa điểm"),
        max_length=255,
        blank=True,
        help_text=_("Để trống nếu như địa điểm của lớp."),
    )
    topic = models.CharField(_("nội dung"), max_length=255, blank=True)
    trainer = models.ForeignKey(
        User,
        verbose_name=_("giảng viên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="taught_sessions",
    )

    class Meta:
        verbose_name = _("buổi học")
        verbose_name_plural = pgettext_lazy("plural", "buổi học")
        ordering = ["training_class", "held_on", "part", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "held_on", "part"],
                condition=~Q(part="timed"),
                name="one_session_per_class_half_day",
            ),
            models.CheckConstraint(
                condition=~Q(part="timed")
                | Q(starts_at__isnull=False, ends_at__gt=F("starts_at")),
                name="timed_session_has_start_before_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%d/%m/%Y} — {self.get_part_display()}"

    def save(self, *args, **kwargs):
        self.venue = nfc(self.venue)
        self.topic = nfc(self.topic)
        super().save(*args, **kwargs)


class ClassEditAfterLock(models.Model):
    """A superuser's edit of a locked class and the reason they gave."""

    training_class = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="edits_after_lock"
    )
    edited_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    reason = models.TextField(_("lý do"))
    changes = models.JSONField(_("thay đổi"), default=dict)

    class Meta:
        verbose_name = _("sửa lớp đã khoá sổ")
        verbose_name_plural = pgettext_lazy("plural", "sửa lớp đã khoá sổ")
        ordering = ["-edited_at"]

    def __str__(self) -> str:
        return f"{self.training_class.code} — {self.edited_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs):
        self.reason = nfc_text(self.reason)
        super().save(*args, **kwargs)
