"""The certificate register (sổ cấp giấy chứng nhận) as a spreadsheet, export only.

Built from courses.exports' Columns so that cells are typed (the issue date is a
date) and written by the same formula-safe XLSX writer as every other export.
"""

from collections.abc import Iterator, Sequence

from django.utils.translation import gettext_lazy as _
from import_export import resources

from certificates.models import Certificate, CertificateQuerySet
from certificates.printed import dmy
from courses.exports.resources import Column, ColumnResource


def _as_is(value):
    return value


def _status_label(value: str) -> str:
    return str(Certificate.Status(value).label) if value else ""


class CertificateRegisterResource(ColumnResource, resources.ModelResource):
    """One row per certificate of one organisation's register, in register order.

    Every value is the one printed on the certificate (frozen at issue), so the
    register reads as the papers do, whatever was renamed since.
    """

    stt = Column(source="stt", header=_("STT"), cell=_as_is)
    register_number = Column(source="register_number", header=_("Số vào sổ"))
    issued_on = Column(source="issued_on", header=_("Ngày cấp"), cell=_as_is)
    holder_name = Column(source="holder_name", header=_("Họ và tên"))
    holder_birth = Column(source="holder_birth", header=_("Ngày/năm sinh"))
    holder_unit = Column(source="holder_unit", header=_("Đơn vị"))
    course_title = Column(source="course_title", header=_("Khoá học"))
    training_class = Column(source="class_label", header=_("Lớp"))
    class_period = Column(source="class_period", header=_("Thời gian lớp"))
    result = Column(source="result", header=_("Kết quả"))
    status = Column(source="status", header=_("Trạng thái"), cell=_status_label)
    revoke_reason = Column(source="revoke_reason", header=_("Lý do thu hồi"))

    # What each row reads from the database; `stt`, `class_label` and
    # `class_period` are computed from these.
    VALUES: Sequence[str] = (
        "register_number",
        "issued_on",
        "holder_name",
        "holder_birth",
        "holder_unit",
        "course_title",
        "class_title",
        "class_code",
        "class_starts_on",
        "class_ends_on",
        "result",
        "status",
        "revoke_reason",
    )

    class Meta:
        model = Certificate
        fields = export_order = (
            "stt",
            "register_number",
            "issued_on",
            "holder_name",
            "holder_birth",
            "holder_unit",
            "course_title",
            "training_class",
            "class_period",
            "result",
            "status",
            "revoke_reason",
        )

    def register_rows(self, certificates: CertificateQuerySet) -> Iterator[dict]:
        """`.values()` rows in register order, numbered, with the computed cells."""
        rows = certificates.order_by("register_year", "register_seq").values(
            *self.VALUES
        )
        for number, row in enumerate(rows.iterator(), start=1):
            starts, ends = row["class_starts_on"], row["class_ends_on"]
            row["stt"] = number
            row["class_label"] = f"{row['class_title']} ({row['class_code']})"
            row["class_period"] = (
                dmy(starts) if starts == ends else f"{dmy(starts)} - {dmy(ends)}"
            )
            yield row

    def table(self, certificates: CertificateQuerySet) -> Iterator[list]:
        """Typed cells, one list per certificate, for `write_xlsx`."""
        columns = self.columns()
        for row in self.register_rows(certificates):
            yield [column.export(row) for column in columns]
