"""Requests a trainee makes about their personal data, and when each is due.

Law 91/2025/QH15 gives data subjects the rights to access, correct, erase, withdraw
consent and object; Decree 356/2025 fixes how fast a controller answers. Every
request is kept with its answer: it is the organiser's proof of having answered.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models.trainees import Trainee


class RequestKind(models.TextChoices):
    ACCESS = "access", _("Xem, nhận bản sao dữ liệu")
    CORRECT = "correct", _("Sửa dữ liệu")
    ERASE = "erase", _("Xoá dữ liệu")
    WITHDRAW = "withdraw", _("Rút lại sự đồng ý, phản đối xử lý")


# Days from receipt to the answer, per kind. Decree 356/2025 asks for an
# acknowledgement within 2 working days and sets its own limits per right (72 hours
# for some, longer for others); 15 days is a conservative default, NOT a reading of
# the decree. The organisation's data-protection officer must confirm each figure
# before go-live; changing one changes only requests received afterwards.
ANSWER_DAYS: dict[str, int] = {
    RequestKind.ACCESS: 15,
    RequestKind.CORRECT: 15,
    RequestKind.ERASE: 15,
    RequestKind.WITHDRAW: 15,
}


def due_on_for(kind: str, received_at: dt.datetime) -> dt.date:
    return timezone.localdate(received_at) + dt.timedelta(days=ANSWER_DAYS[kind])


class DataSubjectRequestQuerySet(models.QuerySet["DataSubjectRequest"]):
    def open(self) -> "DataSubjectRequestQuerySet":
        return self.filter(status=DataSubjectRequest.Status.OPEN)

    def overdue(self, today: dt.date | None = None) -> "DataSubjectRequestQuerySet":
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def visible_to(self, user) -> "DataSubjectRequestQuerySet":
        """The requests of the trainees the user may see (their organisation tree)."""
        return self.filter(trainee__in=Trainee.objects.visible_to(user).values("pk"))


class DataSubjectRequest(models.Model):
    """One request about a trainee's personal data, from receipt to answer."""

    Kind = RequestKind

    class Status(models.TextChoices):
        OPEN = "open", _("Đang chờ xử lý")
        DONE = "done", _("Đã xử lý")
        REFUSED = "refused", _("Từ chối")

    trainee = models.ForeignKey(
        Trainee,
        verbose_name=_("học viên"),
        on_delete=models.PROTECT,
        related_name="data_requests",
    )
    kind = models.CharField(_("loại yêu cầu"), max_length=10, choices=Kind.choices)
    details = models.TextField(
        _("nội dung"),
        blank=True,
        help_text=_(
            "Cần sửa gì, rút lại sự đồng ý nào... Không ghi thông tin của người khác."
        ),
    )
    received_at = models.DateTimeField(_("nhận lúc"), default=timezone.now)
    due_on = models.DateField(
        _("hạn trả lời"),
        blank=True,
        help_text=_("Tính từ ngày nhận theo thời hạn của từng loại yêu cầu."),
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.TextField(
        _("kết quả, lý do"),
        blank=True,
        help_text=_("Đã làm gì; khi từ chối, bắt buộc ghi lý do."),
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)

    objects = DataSubjectRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("yêu cầu về dữ liệu cá nhân")
        verbose_name_plural = pgettext_lazy("plural", "yêu cầu về dữ liệu cá nhân")
        ordering = ["status", "due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["trainee", "kind"],
                condition=Q(status="open"),
                name="one_open_data_request_per_trainee_per_kind",
            ),
            models.CheckConstraint(
                condition=Q(status="open", handled_at__isnull=True)
                | (~Q(status="open") & Q(handled_at__isnull=False)),
                name="data_request_handled_at_matches_status",
            ),
            models.CheckConstraint(
                condition=~Q(status="refused") | ~Q(outcome=""),
                name="refused_data_request_has_a_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.due_on is None:
            self.due_on = due_on_for(self.kind, self.received_at)
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.due_on < timezone.localdate()
