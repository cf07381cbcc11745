"""One column definition per export, as django-import-export resources.

Each column names the `values_list` path it reads and a plain function turning the
raw value into a typed cell (str, int, Decimal, date or None). The fast streaming
path (courses.exports.queries) builds its per-column functions from these fields, so
a header or a source changes in one place only; `Resource.export()` still works for
small querysets through the library's own path.
"""

from collections.abc import Callable, Sequence
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources

from courses.models import ClassSession, Enrollment, Trainee
from courses.models.attendance import AttendanceStatus


def _label(choices) -> Callable[[Any], str]:
    labels = {value: str(label) for value, label in choices}
    return lambda value: labels.get(value, "") if value else ""


def _text(value: Any) -> str:
    return value or ""


class Column(fields.Field):
    """A field that also knows how to turn its raw database value into a cell."""

    def __init__(
        self, *, source: str, header: str, cell: Callable[[Any], Any] = _text, **kw
    ):
        super().__init__(attribute=source, column_name=header, **kw)
        self.source = source
        self.cell = cell

    def get_value(self, obj):
        # Rows for the library path are dicts from `.values(...)`.
        if isinstance(obj, dict):
            return obj.get(self.source)
        return super().get_value(obj)

    def export(self, instance, **kwargs):
        return self.cell(self.get_value(instance))


class ColumnResource(resources.Resource):
    """A resource made of Columns, exportable from `.values()` rows."""

    def columns(self) -> list[Column]:
        return [f for f in self.get_export_fields() if isinstance(f, Column)]

    def sources(self) -> list[str]:
        return [c.source for c in self.columns()]

    def headers(self) -> list[str]:
        return [str(c.column_name) for c in self.columns()]


class AttendanceListResource(ColumnResource):
    """Attendance list: one row per trainee per session of their class.

    Read from Enrollment rows crossed with their class's sessions; `status` and
    `note` are annotations (the record of that enrollment at that session), and
    `stt` and `birth` are filled by the row source (running number; date or year).
    """

    stt = Column(source="stt", header=_("STT"), cell=lambda v: v)
    full_name = Column(source="trainee__full_name", header=_("Họ và tên"))
    birth = Column(source="birth", header=_("Ngày sinh/Năm sinh"), cell=lambda v: v)
    sex = Column(
        source="trainee__sex", header=_("Giới tính"), cell=_label(Trainee.Sex.choices)
    )
    role = Column(
        source="trainee__role",
        header=_("Chức danh"),
        cell=_label(Trainee.Role.choices),
    )
    organisation = Column(source="trainee__organisation__name", header=_("Đơn vị"))
    unit = Column(source="trainee__unit_label", header=_("Xã/phường"))
    training_class = Column(source="training_class__code", header=_("Lớp"))
    held_on = Column(
        source="training_class__sessions__held_on",
        header=_("Ngày buổi học"),
        cell=lambda v: v,
    )
    part = Column(
        source="training_class__sessions__part",
        header=_("Buổi"),
        cell=_label(ClassSession.Part.choices),
    )
    status = Column(
        source="attendance_status",
        header=_("Trạng thái"),
        cell=_label(AttendanceStatus.choices),
    )
    note = Column(source="attendance_note", header=_("Ghi chú"))

    class Meta:
        model = Enrollment
        fields: Sequence[str] = ()


class AllowanceListResource(ColumnResource):
    """Allowance receipt list of one class: fixed columns, then per allowance type
    its rate and amount, then the total and the signature column."""

    stt = Column(source="stt", header=_("STT"), cell=lambda v: v)
    full_name = Column(source="full_name", header=_("Họ và tên"))
    unit_role = Column(source="unit_role", header=_("Đơn vị / Chức danh"))
    days = Column(source="days", header=_("Số ngày"), cell=lambda v: v)

    class Meta:
        fields: Sequence[str] = ()

    def __init__(self, *, rate_labels: Sequence[str] = (), **kwargs):
        super().__init__(**kwargs)
        self.rate_labels = list(rate_labels)

    def headers(self) -> list[str]:
        headers = super().headers()
        for label in self.rate_labels:
            headers += [
                gettext("%(label)s: mức/ngày") % {"label": label},
                gettext("%(label)s: thành tiền") % {"label": label},
            ]
        return [*headers, gettext("Tổng"), gettext("Ký nhận")]
