"""Demo certificate templates for the organisations that run the demo classes."""

from django.db import transaction

from certificates.models import CertificateTemplate
from certificates.services import template_for
from courses.models import Organisation, TrainingClass

PLACES = {
    "Trung tâm Dân số khu vực Lâm Bình": ("Lâm Bình", "Ma Văn Chiến", "GCN-TTDS"),
    "Trung tâm Công tác xã hội tỉnh Phú Thọ": ("Phú Thọ", "Đinh Thị Lan", "GCN-CTXH"),
    "Hội Người cao tuổi tỉnh Thái Nguyên": ("Thái Nguyên", "Hoàng Văn Bảy", "GCN-HNCT"),
}


@transaction.atomic
def seed_demo_certificate_templates() -> list[str]:
    """A default template for each organisation of a demo class that has none."""
    created = []
    organisations = Organisation.objects.filter(
        pk__in=TrainingClass.objects.filter(code__startswith="DEMO-").values(
            "organisation"
        )
    ).select_related("parent")
    for organisation in organisations:
        if template_for(organisation) is not None:
            continue
        place, signer, suffix = PLACES.get(
            organisation.name, (organisation.name, "Nguyễn Văn An", "GCN")
        )
        CertificateTemplate.objects.create(
            organisation=organisation,
            name=f"Mẫu chuẩn - {organisation.name}",
            parent_body=organisation.parent.name if organisation.parent else "",
            issuing_body=organisation.name,
            place=place,
            signer_title="GIÁM ĐỐC"
            if organisation.kind != Organisation.Kind.ASSOCIATION
            else "CHỦ TỊCH",
            signer_name=signer,
            register_suffix=suffix,
        )
        created.append(organisation.name)
    return created
