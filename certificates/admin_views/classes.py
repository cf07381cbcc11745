"""One class's certificates: who qualifies and why not, issuing, printing.

The organiser previews the class, issues to everyone who qualifies (or to one
trainee by exception, with a reason), then prints the class as one PDF or takes
the stored PDFs as a ZIP.
"""

import io
import tempfile
import zipfile

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from certificates import pdf, services
from certificates.admin_views.common import (
    ADD_TEMPLATE,
    ISSUE,
    VIEW,
    AdminRequest,
    file_name,
    logged_download,
    private,
)
from certificates.forms import OverrideForm
from certificates.models import Certificate
from courses.models import Enrollment, TrainingClass
from courses.vietnamese import name_sort_key


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
            ngettext(
                "Đã cấp %(count)d giấy chứng nhận (số %(first)s đến %(last)s).",
                "Đã cấp %(count)d giấy chứng nhận (số %(first)s đến %(last)s).",
                len(numbers),
            )
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
            ngettext(
                "%(count)d người chưa được cấp: lý do ghi trong bảng.",
                "%(count)d người chưa được cấp: lý do ghi trong bảng.",
                len(not_issued),
            )
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
    return logged_download(
        request,
        io.BytesIO(data),
        filename=f"giay-chung-nhan-{training_class.code}.pdf",
        kind="certificates",
        file_format="pdf",
        filters={"training_class": training_class.pk},
        row_count=len(certificates),
    )


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
            certificate = services.with_pdf(certificate)
            if certificate is None:
                continue
            name = file_name(certificate)
            if name in names:  # the class changed organisation between issues
                name = f"{name[:-4]}-{certificate.organisation_id}.pdf"
            names.add(name)
            with certificate.pdf.open("rb") as stored:
                archive.writestr(name, stored.read())
    spool.seek(0)
    return logged_download(
        request,
        spool,
        filename=f"giay-chung-nhan-{training_class.code}.zip",
        kind="certificates",
        file_format="zip",
        filters={"training_class": training_class.pk},
        row_count=len(names),
    )
