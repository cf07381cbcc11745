"""Whole export files for one class, shared by the admin views and the commands.

Each function writes the file, logs the export and returns the row count.
"""

from typing import BinaryIO

from django.utils.translation import gettext as _

from courses.exports.pdf import allowance_list_pdf, sign_in_sheets_pdf
from courses.exports.queries import (
    ExportRefused,
    allowance_list,
    attendance_rows,
    class_sign_in_sheets,
    clean_filters,
    now_label,
    sign_in_sheet,
)
from courses.exports.services import log_export
from courses.exports.writers import write_csv, write_xlsx
from courses.models import ClassSession, TrainingClass

ATTENDANCE, SIGN_IN_SHEET, ALLOWANCES = "attendance", "sign_in_sheet", "allowances"


def export_attendance(*, user, filters: dict, file_format: str, out: BinaryIO) -> int:
    """The attendance list as CSV or XLSX, scoped to what the user may see."""
    filters = clean_filters(filters)
    header, rows, _total = attendance_rows(user=user, filters=filters)
    writer = {"csv": write_csv, "xlsx": write_xlsx}[file_format]
    count = writer(header, rows, out)
    log_export(
        user=user,
        kind=ATTENDANCE,
        file_format=file_format,
        filters=filters,
        row_count=count,
    )
    return count


def export_sign_in_sheets(
    *, user, training_class: TrainingClass, out: BinaryIO, session: ClassSession | None
) -> int:
    """Blank sheets of one session, or of every session of the class."""
    sheets = (
        [sign_in_sheet(session)] if session else class_sign_in_sheets(training_class)
    )
    if not sheets:
        raise ExportRefused(_("Lớp chưa có buổi học nào."))
    out.write(sign_in_sheets_pdf(sheets))
    count = sum(len(sheet.people) for sheet in sheets)
    filters = {"training_class": training_class.pk}
    if session:
        filters["session"] = session.pk
    log_export(
        user=user,
        kind=SIGN_IN_SHEET,
        file_format="pdf",
        filters=filters,
        row_count=count,
    )
    return count


def export_allowances(
    *, user, training_class: TrainingClass, file_format: str, out: BinaryIO
) -> int:
    """The allowance receipt list as XLSX or PDF; refused when no rate is set."""
    allowances = allowance_list(training_class)
    if file_format == "pdf":
        place = training_class.unit_label.split(",")[0] or "......"
        out.write(
            allowance_list_pdf(allowances, place_and_date=f"{place}, {now_label()}")
        )
    else:
        write_xlsx(allowances.headers, allowances.table(), out)
    log_export(
        user=user,
        kind=ALLOWANCES,
        file_format=file_format,
        filters={"training_class": training_class.pk},
        row_count=len(allowances.rows),
    )
    return len(allowances.rows)
