import factory
from factory.django import DjangoModelFactory

from certificates.models import CertificateTemplate
from tests.courses.factories import OrganisationFactory


class CertificateTemplateFactory(DjangoModelFactory):
    """An organisation's default template, as an organiser would fill it in."""

    class Meta:
        model = CertificateTemplate

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Mẫu giấy chứng nhận {n}")
    is_default = True
    parent_body = "Sở Y tế tỉnh Tuyên Quang"
    issuing_body = factory.LazyAttribute(lambda t: t.organisation.name)
    place = "Tuyên Quang"
    signer_title = "GIÁM ĐỐC"
    signer_name = "Hoàng Văn Thụ"
    register_suffix = "GCN-TTDS"

    class Params:
        # A second, non-default template of the same organisation.
        alternative = factory.Trait(is_default=False)
