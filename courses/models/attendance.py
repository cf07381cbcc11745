"""Attendance per half-day session, its history, the paper evidence, and allowances.

Allowances are paid per day present, so attendance is taken per session and the
accountant settles the class against the signed lists: every change is kept.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey

from courses.models.catalogue import ClassSession, TrainingClass
from courses.models.enrollment import Enrollment
from courses.vietnamese import nfc


def private_storage():
    return storages["private"]


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    LATE = "late", _("Đi muộn")
    EXCUSED = "excused", _("Vắng có phép")
    ABSENT = "absent", _("Vắng")


class AttendanceMethod(models.TextChoices):
    ROLL_CALL = "roll_call", _("Điểm danh tại lớp")
    QR = "qr", _("Quét mã QR")
    IMPORT = "import", _("Nhập từ tệp")
    PAPER = "paper", _("Theo danh sách ký giấy")


class AttendanceRecord(models.Model):
    """One trainee's presence at one session; the latest word, with its history."""

    session = models.ForeignKey(
        ClassSession,
        verbose_name=_("buổi học"),
        on_delete=models.CASCADE,
        related_name="attendance_records",
    )
    enrollment = models.ForeignKey(
        Enrollment,
        verbose_name=_("ghi danh"),
        on_delete=models.CASCADE,
        related_name="attendance_records",
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=AttendanceStatus.choices
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    method = models.CharField(
        _("cách ghi nhận"), max_length=10, choices=AttendanceMethod.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("ghi lúc"), auto_now=True)

    class Meta:
        verbose_name = _("điểm danh")
        verbose_name_plural = pgettext_lazy("plural", "điểm danh")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"],
                name="one_attendance_record_per_session_per_enrollment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session} — {self.enrollment.trainee}: {self.status}"

    def save(self, *args, **kwargs):
        self.note = nfc(self.note)
        super().save(*args, **kwargs)


class AttendanceChange(models.Model):
    """Who changed an attendance record from what to what, and when."""

    record = models.ForeignKey(
        AttendanceRecord, on_delete=models.CASCADE, related_name="changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now_add=True)
    old_status = models.CharField(
        max_length=10, choices=AttendanceStatus.choices, blank=True
    )
    new_status = models.CharField(max_length=10, choices=AttendanceStatus.choices)
    old_note = models.CharField(max_length=255, blank=True)
    new_note = models.CharField(max_length=255, blank=True)
    method = models.CharField(max_length=10, choices=AttendanceMethod.choices)

    class Meta:
        verbose_name = _("lịch sử điểm danh")
        verbose_name_plural = pgettext_lazy("plural", "lịch sử điểm danh")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.record_id}: {self.old_status} → {self.new_status}"


class QrCheckIn(models.Model):
    """A rotating code used once by one trainee: the database refuses replays."""

    session = models.ForeignKey(
        ClassSession, on_delete=models.CASCADE, related_name="qr_check_ins"
    )
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="qr_check_ins"
    )
    window = models.BigIntegerField(help_text="Time window the code belonged to.")
    checked_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quét mã điểm danh")
        verbose_name_plural = pgettext_lazy("plural", "quét mã điểm danh")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"],
                name="one_qr_check_in_per_session_per_enrollment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.session_id}/{self.enrollment_id}"


class SessionEvidence(models.Model):
    """The scan or photo of a signed sheet: private, never a public image."""

    session = models.ForeignKey(
        ClassSession,
        verbose_name=_("buổi học"),
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    file = models.FileField(
        _("ảnh/bản quét danh sách ký"),
        storage=private_storage,
        upload_to="sign-in-sheets/%Y/%m/",
    )
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng buổi học")
        verbose_name_plural = pgettext_lazy("plural", "minh chứng buổi học")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return f"{self.session} — {self.file.name}"


class AllowanceRate(models.Model):
    """One allowance type of a class and its rate per day present (VND)."""

    # A ParentalKey: organisers enter the rates inline with the class.
    training_class = ParentalKey(
        TrainingClass,
        verbose_name=_("lớp"),
        on_delete=models.CASCADE,
        related_name="allowance_rates",
    )
    label = models.CharField(
        _("khoản hỗ trợ"), max_length=100, help_text=_("Ví dụ: Tiền ăn, Tiền đi lại.")
    )
    rate_per_day = models.DecimalField(
        _("mức/ngày (đồng)"), max_digits=12, decimal_places=0
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("mức hỗ trợ")
        verbose_name_plural = pgettext_lazy("plural", "mức hỗ trợ")
        ordering = ["training_class", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "label"],
                name="allowance_label_unique_in_class",
            ),
            models.CheckConstraint(
                condition=Q(rate_per_day__gte=0), name="allowance_rate_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.rate_per_day}"

    def save(self, *args, **kwargs):
        self.label = nfc(self.label)
        super().save(*args, **kwargs)


class ExportLog(models.Model):
    """Every export of people's data: who, when, what and with which filter."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    exported_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=40)
    file_format = models.CharField(max_length=8)
    filters = models.JSONField(default=dict)
    row_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("nhật ký xuất dữ liệu")
        verbose_name_plural = pgettext_lazy("plural", "nhật ký xuất dữ liệu")
        ordering = ["-exported_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_format} — {self.exported_at:%d/%m/%Y %H:%M}"


class ExportJob(models.Model):
    """A large export run by a Celery worker, with progress and its file."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")
        # Done, and its file deleted once the retention period ran out.
        EXPIRED = "expired", _("Đã xoá tệp")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=40)
    file_format = models.CharField(max_length=8)
    filters = models.JSONField(default=dict)
    status = models.CharField(
        max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    file = models.FileField(storage=private_storage, upload_to="exports/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("xuất dữ liệu lớn")
        verbose_name_plural = pgettext_lazy("plural", "xuất dữ liệu lớn")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_format} ({self.status})"

    @property
    def percent(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0
