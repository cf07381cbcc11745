"""One certificate, from its inspect screen: the PDF, revoking and re-issuing."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import services
from certificates.admin_views.common import (
    CHANGE,
    VIEW,
    AdminRequest,
    file_name,
    logged_download,
    private,
)
from certificates.forms import ReasonForm
from certificates.models import Certificate


def _visible_certificate(request: AdminRequest, pk: int) -> Certificate:
    return get_object_or_404(
        Certificate.objects.visible_to(request.user).select_related("template"),
        pk=pk,
    )


def certificate_url(certificate: Certificate) -> str:
    return reverse("certificate:inspect", args=[certificate.pk])


@permission_required(VIEW, raise_exception=True)
@private
def certificate_pdf(request: AdminRequest, pk: int) -> HttpResponseBase:
    """The stored PDF (rendered now if the worker has not got to it yet)."""
    certificate = services.with_pdf(_visible_certificate(request, pk))
    if certificate is None:
        raise Http404
    # The page prints a name, a birth date and a unit: logged like any export.
    return logged_download(
        request,
        certificate.pdf.open("rb"),
        filename=file_name(certificate),
        kind="certificates",
        file_format="pdf",
        filters={"certificate": certificate.pk},
        row_count=1,
    )


@require_POST
@permission_required(CHANGE, raise_exception=True)
def revoke(request: AdminRequest, pk: int) -> HttpResponseBase:
    certificate = _visible_certificate(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Phải ghi lý do thu hồi."))
        return redirect(certificate_url(certificate))
    try:
        services.revoke_certificate(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
        )
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Đã thu hồi giấy chứng nhận số %(number)s.")
            % {"number": certificate.register_number},
        )
    return redirect(certificate_url(certificate))


@require_POST
@permission_required(CHANGE, raise_exception=True)
def reissue(request: AdminRequest, pk: int) -> HttpResponseBase:
    certificate = _visible_certificate(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Phải ghi lý do cấp lại."))
        return redirect(certificate_url(certificate))
    try:
        certificate = services.reissue_certificate(
            certificate=certificate,
            by=request.user,
            reason=form.cleaned_data["reason"],
            result=form.cleaned_data["result"],
        )
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _(
                "Đã cấp lại giấy chứng nhận số %(number)s (lần %(edition)d) "
                "theo hồ sơ đã sửa; bản PDF mới đang được tạo."
            )
            % {"number": certificate.register_number, "edition": certificate.edition},
        )
    return redirect(certificate_url(certificate))
