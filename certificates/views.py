"""Public verification of a certificate, and a trainee's own certificates."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from certificates.models import Certificate, is_well_formed_code
from certificates.ratelimit import is_over_limit
from certificates.services import with_pdf


def _not_found(request: HttpRequest) -> HttpResponse:
    # One answer for unknown and malformed codes: nothing to learn by probing.
    return TemplateResponse(request, "certificates/verify_not_found.html", status=404)


@never_cache
def verify(request: HttpRequest, code: str) -> HttpResponse:
    """What anyone holding the paper may check: no phone, ID or birth date."""
    if is_over_limit(
        request, scope="verify", limit=settings.CERTIFICATE_VERIFY_PER_MINUTE, window=60
    ):
        response = TemplateResponse(
            request, "certificates/verify_too_many.html", status=429
        )
        response["Retry-After"] = "60"
        return response
    certificate = (
        Certificate.objects.select_related("organisation")
        .filter(verification_code=code)
        .first()
        if is_well_formed_code(code)
        else None
    )
    if certificate is None:
        response = _not_found(request)
    else:
        state = (
            "revoked"
            if certificate.status == Certificate.Status.REVOKED
            else "expired"
            if certificate.expires_on and certificate.expires_on < timezone.localdate()
            else "valid"
        )
        response = TemplateResponse(
            request,
            "certificates/verify.html",
            {"certificate": certificate, "state": state},
        )
    # The code is the key to the page: keep it out of search engines and referrers.
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@login_required
def download(request: HttpRequest, certificate_id: int) -> FileResponse:
    """A trainee's own certificate as PDF (rendered now if the worker has not yet)."""
    certificate = get_object_or_404(
        Certificate.objects.for_user(request.user).exclude(
            status=Certificate.Status.REVOKED
        ),
        pk=certificate_id,
    )
    certificate = with_pdf(certificate)
    if certificate is None:
        raise Http404
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"giay-chung-nhan-{certificate.register_year}-"
        f"{certificate.register_seq:03d}.pdf",
        content_type="application/pdf",
    )


def dashboard_context(request: HttpRequest) -> dict:
    """The certificates panel of "Khóa học của tôi"."""
    return {
        "certificates": Certificate.objects.for_user(request.user)
        .select_related("organisation")
        .order_by("-issued_on", "-pk"),
        "today": timezone.localdate(),
    }
