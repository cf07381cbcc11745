"""Fixtures of the organisers' certificate screens' tests."""

import pytest

from certificates.models import CertificateTemplate
from tests.certificates.factories import CertificateTemplateFactory
from tests.courses.factories import TrainingClassFactory


@pytest.fixture
def template(organisation) -> CertificateTemplate:
    return CertificateTemplateFactory(organisation=organisation, name="Mẫu Lâm Bình")


@pytest.fixture
def foreign_class(other_organisation):
    return TrainingClassFactory(organisation=other_organisation, code="PT-01")
