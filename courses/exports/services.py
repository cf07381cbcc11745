"""What every export shares: the log line saying who exported what, and the
file types the files are sent as."""

from courses.models import ExportLog

# What each export's file is sent as.
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "zip": "application/zip",
}


def log_export(
    *, user, kind: str, file_format: str, filters: dict, row_count: int
) -> ExportLog:
    """Record an export of people's data (who, when, what, which filter, how many)."""
    return ExportLog.objects.create(
        user=user,
        kind=kind,
        file_format=file_format,
        filters=filters,
        row_count=row_count,
    )
