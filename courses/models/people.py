"""Logins and the organisations people work for."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
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


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def subtree_of(self, organisation: "Organisation") -> "OrganisationQuerySet":
        """The organisation and every unit under it, at any depth."""
        ids = {organisation.pk}
        frontier = {organisation.pk}
        # Trees are a province agency and a few levels of units: a query per level.
        while frontier:
            frontier = (
                set(
                    Organisation.objects.filter(parent__in=frontier).values_list(
                        "pk", flat=True
                    )
                )
                - ids
            )
            ids |= frontier
        return self.filter(pk__in=ids)

    def visible_to(self, user) -> "OrganisationQuerySet":
        if user.is_superuser:
            return self
        if not user.is_authenticated or user.organisation_id is None:
            return self.none()
        return self.subtree_of(user.organisation)


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

    objects = OrganisationQuerySet.as_manager()

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

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError(
                    {"parent": _("Đơn vị cấp trên không được là đơn vị con của nó.")}
                )
            ancestor = ancestor.parent
