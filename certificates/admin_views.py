"""Organisers' certificate screens in the Wagtail admin: thin adapters over services.

Scoped like every class screen: a class, certificate, template or organisation outside
the user's reach answers 404. Every response carrying people's data is private and
never stored by a cache.
"""

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import pdf, services
from certificates.forms import OverrideForm, ReasonForm, RegisterExportForm
from certificates.models import Certificate, CertificateTemplate
from certificates.printed import Printed, add_months, dmy, fill_wording
from certificates.resources import CertificateRegisterResource
from courses.exports.services import log_export
from courses.exports.writers import write_xlsx
from courses.models import Enrollment, Organisation, TrainingClass, User
from courses.vietnamese import name_sort_key

ISSUE = "certificates.add_certificate"
VIEW = "certificates.view_certificate"
CHANGE = "certificates.change_certificate"
VIEW_TEMPLATE = "certificates.view_certificatetemplate"
ADD_TEMPLATE = "certificates.add_certificatetemplate"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# What "Xem thử PDF" prints in place of a real holder and class.
SAMPLE_HOLDER = "Nguyễn Thị Mẫu"
SAMPLE_BIRTH = "01/01/1990"
SAMPLE_UNIT = "Thôn Bản Mẫu, xã Mẫu"
SAMPLE_ROLE = "Cộng tác viên dân số"
SAMPLE_COURSE = "Khoá học mẫu"
SAMPLE_CLASS = "Lớp tập huấn mẫu"
SAMPLE_CLASS_CODE = "LOP-MAU"
SAMPLE_PLACE = "Hội trường UBND xã"
# A well-formed code that no certificate has: the sample's QR code verifies nothing.
SAMPLE_CODE = "XEM-THU-KHONG-CO-GIA-TRI"


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


# --- Templates: the PDF preview ----------------------------------------------------


def sample_printed(template: CertificateTemplate, *, today: dt.date) -> Printed:
    """The template printed for a made-up holder, as the preview shows it."""
    organisation = template.organisation
    result = template.default_result
    wording = fill_wording(
        template.wording,
        {
            "ho_ten": SAMPLE_HOLDER,
            "ngay_sinh": SAMPLE_BIRTH,
            "don_vi": SAMPLE_UNIT,
            "chuc_danh": SAMPLE_ROLE,
            "khoa_hoc": SAMPLE_COURSE,
            "lop": SAMPLE_CLASS,
            "ma_lop": SAMPLE_CLASS_CODE,
            "tu_ngay": dmy(today),
            "den_ngay": dmy(today),
            "dia_diem": SAMPLE_PLACE,
            "noi_hoc": f"tại {SAMPLE_PLACE}",
            "don_vi_to_chuc": organisation.name,
            "ket_qua": result,
        },
    )
    signature = None
    if template.signature_image:
        with template.signature_image.open("rb") as image:
            signature = image.read()
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return Printed(
        parent_body=template.parent_body.upper(),
        issuing_body=(template.issuing_body or organisation.name).upper(),
        title=template.title,
        holder_name=SAMPLE_HOLDER,
        holder_birth=SAMPLE_BIRTH,
        holder_unit=SAMPLE_UNIT,
        holder_role=SAMPLE_ROLE,
        wording=wording,
        result_label=template.result_label,
        result=result,
        place=template.place,
        issued_on=today,
        signer_title=template.signer_title,
        signer_name=template.signer_name,
        register_number=f"001/{today.year}/{template.register_suffix}",
        verify_url=f"{base}{reverse('certificates:verify', args=[SAMPLE_CODE])}",
        expires_on=(
            add_months(today, template.validity_months)
            if template.validity_months
            else None
        ),
        signature_image=signature,
    )


@permission_required(VIEW_TEMPLATE, raise_exception=True)
@private
def template_preview(request: AdminRequest, pk: int) -> HttpResponseBase:
    template = get_object_or_404(
        CertificateTemplate.objects.visible_to(request.user).select_related(
            "organisation"
        ),
        pk=pk,
    )
    data = pdf.render(sample_printed(template, today=timezone.localdate()))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="xem-thu-mau-{pk}.pdf"'
    return response


# --- One certificate: PDF, revoke, re-issue ------------------------------------------


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
    certificate = _visible_certificate(request, pk)
    if not (certificate.pdf and certificate.rendered_at):
        rendered = services.render_certificate(certificate_id=certificate.pk)
        if rendered is None:
            raise Http404
        certificate = rendered
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=_zip_name(certificate),
        content_type="application/pdf",
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


# --- One class: who qualifies, issue, print -----------------------------------------


def _visible_class(request: AdminRequest, class_id: int) -> TrainingClass:
    return get_object_or_404(
        TrainingClass.objects.visible_to(request.user).select_related(
            "course", "organisation"
        ),
        pk=class_id,
    )


def _class_url(training_class: TrainingClass) -> str:
    return reverse("certificates_admin:class", args=[training_class.pk])


def _no_template_message(training_class: TrainingClass) -> str:
    return _(
        "Đơn vị «%(name)s» (và các đơn vị cấp trên) chưa có mẫu giấy chứng nhận "
        "mặc định: hãy tạo mẫu trước khi cấp."
    ) % {"name": training_class.organisation.name}


def _printable(training_class: TrainingClass) -> list[Certificate]:
    """The class's certificates that stand (not revoked), in Vietnamese name order."""
    certificates = (
        Certificate.objects.filter(enrollment__training_class=training_class)
        .exclude(status=Certificate.Status.REVOKED)
        .select_related("template")
    )
    return sorted(
        certificates, key=lambda c: (name_sort_key(c.holder_name), c.register_seq)
    )


@permission_required(ISSUE, raise_exception=True)
@private
def class_certificates(request: AdminRequest, class_id: int) -> HttpResponseBase:
    training_class = _visible_class(request, class_id)
    candidates = sorted(
        services.qualification(training_class),
        key=lambda c: name_sort_key(c.enrollment.trainee.full_name),
    )
    template = services.template_for(training_class.organisation)
    return TemplateResponse(
        request,
        "certificates/admin/class_certificates.html",
        {
            "training_class": training_class,
            "candidates": candidates,
            "qualifying": sum(1 for c in candidates if c.qualifies),
            "printable": sum(
                1
                for c in candidates
                if c.certificate and c.certificate.status != Certificate.Status.REVOKED
            ),
            "template": template,
            "no_template_message": (
                _no_template_message(training_class) if template is None else ""
            ),
            "add_template_url": (
                reverse("certificatetemplate:add")
                if request.user.has_perm(ADD_TEMPLATE)
                else ""
            ),
            "page_title": _("Giấy chứng nhận"),
            "header_title": _("Giấy chứng nhận"),
            "page_subtitle": training_class.code,
        },
    )


@require_POST
@permission_required(ISSUE, raise_exception=True)
def issue_for_class(request: AdminRequest, class_id: int) -> HttpResponseBase:
    training_class = _visible_class(request, class_id)
    if services.template_for(training_class.organisation) is None:
        messages.error(request, _no_template_message(training_class))
        return redirect(_class_url(training_class))
    result = services.issue_for_class(training_class=training_class, by=request.user)
    not_issued = [c for c in result.skipped if c.certificate is None]
    if result.issued:
        numbers = sorted(result.issued, key=lambda c: c.register_seq)
        messages.success(
            request,
            _("Đã cấp %(count)d giấy chứng nhận (số %(first)s đến %(last)s).")
            % {
                "count": len(numbers),
                "first": numbers[0].register_number,
                "last": numbers[-1].register_number,
            },
        )
    else:
        messages.info(request, _("Không có ai mới đủ điều kiện: chưa cấp giấy nào."))
    if not_issued:
        messages.warning(
            request,
            _("%(count)d người chưa được cấp: lý do ghi trong bảng.")
            % {"count": len(not_issued)},
        )
    return redirect(_class_url(training_class))


@require_POST
@permission_required(ISSUE, raise_exception=True)
def issue_override(
    request: AdminRequest, class_id: int, enrollment_id: int
) -> HttpResponseBase:
    training_class = _visible_class(request, class_id)
    enrollment = get_object_or_404(
        Enrollment.objects.filter(training_class=training_class).select_related(
            "trainee"
        ),
        pk=enrollment_id,
    )
    form = OverrideForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            _("%(name)s: phải ghi lý do cấp ngoại lệ.")
            % {"name": enrollment.trainee.full_name},
        )
        return redirect(_class_url(training_class))
    existing = Certificate.objects.filter(enrollment=enrollment).first()
    if existing is not None:
        messages.info(
            request,
            _("%(name)s đã có giấy chứng nhận số %(number)s.")
            % {"name": existing.holder_name, "number": existing.register_number},
        )
        return redirect(_class_url(training_class))
    try:
        certificate = services.issue_certificate(
            enrollment=enrollment,
            by=request.user,
            override_reason=form.cleaned_data["reason"],
            result=form.cleaned_data["result"],
        )
    except services.CertificateError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Đã cấp ngoại lệ giấy chứng nhận số %(number)s cho %(name)s.")
            % {"number": certificate.register_number, "name": certificate.holder_name},
        )
    return redirect(_class_url(training_class))


def _refuse_empty(request: AdminRequest, training_class: TrainingClass):
    messages.warning(request, _("Lớp chưa có giấy chứng nhận nào để in."))
    return HttpResponseRedirect(_class_url(training_class))


@permission_required(VIEW, raise_exception=True)
@private
def class_pdf(request: AdminRequest, class_id: int) -> HttpResponseBase:
    """Every standing certificate of the class in one PDF, a page each, to print."""
    training_class = _visible_class(request, class_id)
    certificates = _printable(training_class)
    if not certificates:
        return _refuse_empty(request, training_class)
    data = pdf.render_many(services.printed_for(c) for c in certificates)
    log_export(
        user=request.user,
        kind="certificates",
        file_format="pdf",
        filters={"training_class": training_class.pk},
        row_count=len(certificates),
    )
    return FileResponse(
        io.BytesIO(data),
        as_attachment=True,
        filename=f"giay-chung-nhan-{training_class.code}.pdf",
        content_type="application/pdf",
    )


def _zip_name(certificate: Certificate) -> str:
    # The register number, never the holder's name: the file list shows no one.
    return f"{certificate.register_seq:03d}-{certificate.register_year}.pdf"


@permission_required(VIEW, raise_exception=True)
@private
def class_zip(request: AdminRequest, class_id: int) -> HttpResponseBase:
    """The stored PDF of each standing certificate, rendering those still pending."""
    training_class = _visible_class(request, class_id)
    certificates = list(
        Certificate.objects.filter(enrollment__training_class=training_class)
        .exclude(status=Certificate.Status.REVOKED)
        .order_by("register_year", "register_seq")
    )
    if not certificates:
        return _refuse_empty(request, training_class)
    spool = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115
    names: set[str] = set()
    with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
        for certificate in certificates:
            if not (certificate.pdf and certificate.rendered_at):
                rendered = services.render_certificate(certificate_id=certificate.pk)
                if rendered is None:
                    continue
                certificate = rendered
            name = _zip_name(certificate)
            if name in names:  # the class changed organisation between issues
                name = f"{name[:-4]}-{certificate.organisation_id}.pdf"
            names.add(name)
            with certificate.pdf.open("rb") as stored:
                archive.writestr(name, stored.read())
    spool.seek(0)
    log_export(
        user=request.user,
        kind="certificates",
        file_format="zip",
        filters={"training_class": training_class.pk},
        row_count=len(names),
    )
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"giay-chung-nhan-{training_class.code}.zip",
        content_type="application/zip",
    )


# --- The register (sổ cấp) ---------------------------------------------------------


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
    log_export(
        user=request.user,
        kind="certificate_register",
        file_format="xlsx",
        filters={"organisation": organisation.pk, "year": year},
        row_count=count,
    )
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"certificate-register-{organisation.pk}-{year}.xlsx",
        content_type=XLSX,
    )


def admin_urls() -> list:
    urls = [
        path("classes/<int:class_id>/", class_certificates, name="class"),
        path("classes/<int:class_id>/issue/", issue_for_class, name="class_issue"),
        path(
            "classes/<int:class_id>/override/<int:enrollment_id>/",
            issue_override,
            name="class_override",
        ),
        path("classes/<int:class_id>/certificates.pdf", class_pdf, name="class_pdf"),
        path("classes/<int:class_id>/certificates.zip", class_zip, name="class_zip"),
        path("register/", register_export, name="register"),
    ]
    return [path("certificates/", include((urls, "certificates_admin")))]
