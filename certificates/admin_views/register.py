"""The certificate register (sổ cấp) of an organisation and a year, as XLSX."""

import tempfile

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from certificates.admin_views.common import (
    VIEW,
    AdminRequest,
    logged_download,
    private,
)
from certificates.forms import RegisterExportForm
from certificates.models import Certificate
from certificates.resources import CertificateRegisterResource
from courses.exports.writers import write_xlsx
from courses.models import Organisation


@permission_required(VIEW, raise_exception=True)
@private
def register_export(request: AdminRequest) -> HttpResponseBase:
    """Choose an organisation and a year; the register comes back as XLSX."""
    form = RegisterExportForm(request.GET or None, user=request.user)
    if form.is_bound:
        if "organisation" in form.errors and request.GET.get("organisation"):
            # Another organisation's register does not exist, as far as this user
            # can tell.
            raise Http404
        if form.is_valid():
            return _register_xlsx(
                request, form.cleaned_data["organisation"], form.cleaned_data["year"]
            )
    return TemplateResponse(
        request,
        "certificates/admin/register_export.html",
        {
            "form": form,
            "page_title": _("Sổ cấp giấy chứng nhận"),
            "header_title": _("Sổ cấp giấy chứng nhận"),
        },
    )


def _register_xlsx(
    request: AdminRequest, organisation: Organisation, year: int
) -> HttpResponseBase:
    certificates = Certificate.objects.visible_to(request.user).filter(
        organisation=organisation, register_year=year
    )
    resource = CertificateRegisterResource()
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    count = write_xlsx(
        resource.headers(),
        resource.table(certificates),
        spool,
        sheet_name=_("Sổ cấp %(year)d") % {"year": year},
    )
    spool.seek(0)
    return logged_download(
        request,
        spool,
        filename=f"certificate-register-{organisation.pk}-{year}.xlsx",
        kind="certificate_register",
        file_format="xlsx",
        filters={"organisation": organisation.pk, "year": year},
        row_count=count,
    )
