"""Who is in which class, and how far they have got through the lessons."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models.catalogue import Lesson, TrainingClass
from courses.models.trainees import Trainee


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def active(self) -> "EnrollmentQuerySet":
        return self.filter(status=Enrollment.Status.ACTIVE)

    def for_class(self, training_class: TrainingClass) -> "EnrollmentQuerySet":
        return self.filter(training_class=training_class)

    def visible_to(self, user) -> "EnrollmentQuerySet":
        """Staff see enrollments of the classes they may see; a trainee their own."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(training_class__in=TrainingClass.objects.visible_to(user))
            | Q(trainee__user=user)
        )

    def for_user(self, user) -> "EnrollmentQuerySet":
        return self.filter(trainee__user=user) if user.is_authenticated else self.none()

    def with_progress(self) -> "EnrollmentQuerySet":
        """Lessons done and lessons published, counted in the same query."""
        return self.select_related(
            "training_class__course", "last_lesson", "trainee"
        ).annotate(
            lessons_done=Count(
                "lesson_progress",
                filter=Q(
                    lesson_progress__completed_at__isnull=False,
                    lesson_progress__lesson__is_published=True,
                ),
                distinct=True,
            ),
            lessons_total=Count(
                "training_class__course__lessons",
                filter=Q(training_class__course__lessons__is_published=True),
                distinct=True,
            ),
        )


class Enrollment(models.Model):
    """A trainee's place in a class. Withdrawal keeps the row as a record."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang học")
        WITHDRAWN = "withdrawn", _("Đã rút")

    class Method(models.TextChoices):
        SELF = "self", _("Tự đăng ký")
        ORGANIZER = "organizer", _("Cán bộ tổ chức ghi danh")
        TRAINER = "trainer", _("Giảng viên ghi danh")
        IMPORT = "import", _("Nhập từ danh sách")
        WALK_IN = "walk_in", _("Đến lớp không có trong danh sách")

    trainee = models.ForeignKey(
        Trainee,
        verbose_name=_("học viên"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    training_class = models.ForeignKey(
        TrainingClass,
        verbose_name=_("lớp"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    method = models.CharField(
        _("hình thức ghi danh"), max_length=10, choices=Method.choices
    )
    enrolled_at = models.DateTimeField(_("ghi danh lúc"), auto_now_add=True)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi danh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("rút lúc"), null=True, blank=True)
    completed_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    last_lesson = models.ForeignKey(
        Lesson,
        verbose_name=_("bài đang học"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("ghi danh")
        verbose_name_plural = pgettext_lazy("plural", "ghi danh")
        ordering = ["-enrolled_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "training_class"],
                name="one_enrollment_per_trainee_per_class",
            ),
            models.CheckConstraint(
                condition=Q(status="withdrawn", withdrawn_at__isnull=False)
                | Q(status="active", withdrawn_at__isnull=True),
                name="enrollment_withdrawn_at_matches_status",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} — {self.training_class.code}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None

    @property
    def progress_percent(self) -> int:
        """Needs `with_progress()`."""
        total = getattr(self, "lessons_total", 0)
        return round(100 * self.lessons_done / total) if total else 0


class LessonProgress(models.Model):
    """One trainee's reading of one lesson within one enrollment."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="progress"
    )
    first_opened_at = models.DateTimeField(_("mở lần đầu lúc"), auto_now_add=True)
    completed_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("tiến độ bài học")
        verbose_name_plural = pgettext_lazy("plural", "tiến độ bài học")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"],
                name="one_progress_per_enrollment_per_lesson",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment} — {self.lesson}"
