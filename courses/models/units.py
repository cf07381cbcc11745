"""Administrative units before and after the 1 July 2025 reform, and references to them.

Our own tables, filled by `load_admin_units` from the `vietnam-provinces` package.
Records never point at these rows: a person or a venue keeps a `UnitReference`
(scheme, codes and the name as printed then): codes are reused across schemes and
names change.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.vietnamese import fold, nfc


class UnitScheme(models.TextChoices):
    CURRENT = "2025", _("Danh mục từ 01/07/2025 (2 cấp)")
    LEGACY = "2008", _("Danh mục trước 01/07/2025 (3 cấp)")


class AdminUnitQuerySet(models.QuerySet["AdminUnit"]):
    def current(self) -> "AdminUnitQuerySet":
        return self.filter(scheme=UnitScheme.CURRENT)

    def legacy(self) -> "AdminUnitQuerySet":
        return self.filter(scheme=UnitScheme.LEGACY)

    def provinces(self) -> "AdminUnitQuerySet":
        return self.filter(level=AdminUnit.Level.PROVINCE)

    def communes(self) -> "AdminUnitQuerySet":
        return self.filter(level=AdminUnit.Level.COMMUNE)


class AdminUnit(models.Model):
    """A province, (pre-2025) district, or commune/ward/special zone."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh/thành phố")
        DISTRICT = "district", _("Quận/huyện (trước 2025)")
        COMMUNE = "commune", _("Xã/phường/đặc khu")

    scheme = models.CharField(_("danh mục"), max_length=8, choices=UnitScheme.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.PositiveIntegerField(_("mã"))
    name = models.CharField(_("tên"), max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    province_code = models.PositiveIntegerField(_("mã tỉnh"))
    district_code = models.PositiveIntegerField(_("mã huyện"), null=True, blank=True)

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = pgettext_lazy("plural", "đơn vị hành chính")
        ordering = ["scheme", "province_code", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "level", "code"],
                name="admin_unit_code_unique_in_scheme_and_level",
            ),
            models.CheckConstraint(
                condition=Q(scheme=UnitScheme.LEGACY) | ~Q(level="district"),
                name="admin_unit_districts_only_before_2025",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.name_folded = fold(self.name)
        super().save(*args, **kwargs)


class AdminUnitSuccession(models.Model):
    """One row of the official old → new table: an old commune went (partly) here."""

    old = models.ForeignKey(
        AdminUnit,
        on_delete=models.CASCADE,
        related_name="successions",
        limit_choices_to={"scheme": UnitScheme.LEGACY},
    )
    new = models.ForeignKey(
        AdminUnit,
        on_delete=models.CASCADE,
        related_name="predecessions",
        limit_choices_to={"scheme": UnitScheme.CURRENT},
    )
    is_partial = models.BooleanField(
        _("chỉ một phần"),
        default=False,
        help_text=_("Đơn vị cũ bị chia cho nhiều đơn vị mới."),
    )

    class Meta:
        verbose_name = _("chuyển đổi đơn vị hành chính")
        verbose_name_plural = pgettext_lazy("plural", "chuyển đổi đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["old", "new"], name="admin_unit_succession_once_per_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"


class UnitReference(models.Model):
    """Where someone lives or a class is held: scheme, codes, name as printed."""

    unit_scheme = models.CharField(
        _("danh mục đơn vị"),
        max_length=8,
        choices=UnitScheme.choices,
        default=UnitScheme.CURRENT,
        blank=True,
    )
    unit_province_code = models.PositiveIntegerField(
        _("mã tỉnh"), null=True, blank=True
    )
    unit_commune_code = models.PositiveIntegerField(_("mã xã"), null=True, blank=True)
    unit_label = models.CharField(
        _("xã/phường, tỉnh/thành phố"),
        max_length=255,
        blank=True,
        help_text=_("Tên đơn vị như được ghi tại thời điểm nhập."),
    )

    class Meta:
        abstract = True

    def set_unit(self, unit: AdminUnit | None, *, province: AdminUnit | None) -> None:
        """Point at a commune (and its province), freezing the names as printed now."""
        if unit is None:
            self.unit_province_code = province.code if province else None
            self.unit_commune_code = None
            self.unit_label = province.name if province else ""
            self.unit_scheme = province.scheme if province else UnitScheme.CURRENT
            return
        self.unit_scheme = unit.scheme
        self.unit_province_code = unit.province_code
        self.unit_commune_code = unit.code
        self.unit_label = f"{unit.name}, {province.name}" if province else unit.name
