from django.core.management.base import BaseCommand
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.admin_units_loader import Changes, load_admin_units
from courses.models import AdminUnit, UnitScheme


def _n(count: int) -> str:
    return number_format(count, force_grouping=True)


class Command(BaseCommand):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Set per instance: argparse cannot format a lazy string.
        self.help = _(
            "Nạp danh mục đơn vị hành chính (từ 01/07/2025 và trước đó) cùng bảng "
            "chuyển đổi cũ → mới từ gói vietnam-provinces; chạy lại không thay đổi gì."
        )

    def handle(self, *args, **options):
        report = load_admin_units()
        counts = report.counts
        level = AdminUnit.Level
        self.stdout.write(
            _(
                "Danh mục từ 01/07/2025: %(provinces)s tỉnh/thành phố, "
                "%(communes)s xã/phường/đặc khu."
            )
            % {
                "provinces": _n(counts.get((UnitScheme.CURRENT, level.PROVINCE), 0)),
                "communes": _n(counts.get((UnitScheme.CURRENT, level.COMMUNE), 0)),
            }
        )
        self.stdout.write(
            _(
                "Danh mục trước 01/07/2025: %(provinces)s tỉnh/thành phố, "
                "%(districts)s quận/huyện, %(communes)s xã/phường/thị trấn."
            )
            % {
                "provinces": _n(counts.get((UnitScheme.LEGACY, level.PROVINCE), 0)),
                "districts": _n(counts.get((UnitScheme.LEGACY, level.DISTRICT), 0)),
                "communes": _n(counts.get((UnitScheme.LEGACY, level.COMMUNE), 0)),
            }
        )
        self.stdout.write(self._changes(_("Đơn vị hành chính"), report.units))
        self.stdout.write(
            self._changes(_("Bảng chuyển đổi cũ → mới"), report.successions)
        )
        if report.skipped_successions:
            self.stdout.write(
                self.style.WARNING(
                    ngettext(
                        "Bỏ qua %(count)s dòng chuyển đổi trỏ tới đơn vị không có "
                        "trong danh mục.",
                        "Bỏ qua %(count)s dòng chuyển đổi trỏ tới đơn vị không có "
                        "trong danh mục.",
                        report.skipped_successions,
                    )
                    % {"count": _n(report.skipped_successions)}
                )
            )
        if report.changed_nothing:
            self.stdout.write(self.style.SUCCESS(_("Danh mục đã cập nhật sẵn.")))
        else:
            self.stdout.write(self.style.SUCCESS(_("Đã nạp danh mục.")))

    def _changes(self, what: str, changes: Changes) -> str:
        return _(
            "%(what)s: thêm %(created)s, sửa %(updated)s, xoá %(deleted)s; "
            "hiện có %(total)s."
        ) % {
            "what": what,
            "created": _n(changes.created),
            "updated": _n(changes.updated),
            "deleted": _n(changes.deleted),
            "total": _n(changes.total),
        }
