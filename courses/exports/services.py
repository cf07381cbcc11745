"""The one write every export makes: a log line saying who exported what."""

from courses.models import ExportLog


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
