"""A template's "Xem thử PDF": the certificate printed for a made-up holder."""

import datetime as dt

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone

from certificates import pdf
from certificates.admin_views.common import VIEW_TEMPLATE, AdminRequest, private
from certificates.models import CertificateTemplate
from certificates.printed import Printed, add_months, dmy, fill_wording

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
