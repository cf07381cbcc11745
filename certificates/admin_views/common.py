"""What every certificate screen shares: permissions, private responses, file names."""

from collections.abc import Callable
from functools import wraps
from typing import IO

from django.http import FileResponse, HttpRequest

from certificates.models import Certificate
from courses.exports.services import CONTENT_TYPES, log_export
from courses.models import User

ISSUE = "certificates.add_certificate"
VIEW = "certificates.view_certificate"
CHANGE = "certificates.change_certificate"
VIEW_TEMPLATE = "certificates.view_certificatetemplate"
ADD_TEMPLATE = "certificates.add_certificatetemplate"


class AdminRequest(HttpRequest):
    user: User  # Wagtail's admin lets only signed-in staff this far


def private(view: Callable) -> Callable:
    """Mark the response private and not to be stored by any cache."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def file_name(certificate: Certificate) -> str:
    # The register number, never the holder's name: a download folder or a ZIP's
    # file list shows no one.
    return f"{certificate.register_seq:03d}-{certificate.register_year}.pdf"


def logged_download(
    request: AdminRequest,
    body: IO[bytes],
    *,
    filename: str,
    kind: str,
    file_format: str,
    filters: dict,
    row_count: int,
) -> FileResponse:
    """A file of people's data as an attachment; the export is logged on the way."""
    log_export(
        user=request.user,
        kind=kind,
        file_format=file_format,
        filters=filters,
        row_count=row_count,
    )
    return FileResponse(
        body,
        as_attachment=True,
        filename=filename,
        content_type=CONTENT_TYPES[file_format],
    )
