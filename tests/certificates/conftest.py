import datetime as dt

import pytest

from certificates.models import CertificateTemplate
from courses.models import Enrollment
from courses.services import enroll
from tests.courses.factories import (
    LessonFactory,
    TraineeFactory,
    TrainingClassFactory,
)


@pytest.fixture
def certificate_template(organisation) -> CertificateTemplate:
    return CertificateTemplate.objects.create(
        organisation=organisation,
        name="Mẫu chuẩn",
        parent_body="Sở Y tế tỉnh Tuyên Quang",
        issuing_body="Trung tâm Dân số khu vực Lâm Bình",
        place="Tuyên Quang",
        signer_title="GIÁM ĐỐC",
        signer_name="Hoàng Văn Thụ",
        register_suffix="GCN-TTDS",
    )


@pytest.fixture
def training_class(organisation):
    training_class = TrainingClassFactory(
        organisation=organisation,
        title="Lớp nghiệp vụ dân số khoá 1",
        starts_on=dt.date(2026, 12, 8),
        ends_on=dt.date(2026, 12, 9),
        venue="Hội trường UBND xã Lâm Bình",
    )
    LessonFactory(course=training_class.course, title="Bài 1")
    return training_class


def make_enrollment(training_class, **trainee_fields) -> Enrollment:
    trainee = TraineeFactory(organisation=training_class.organisation, **trainee_fields)
    return enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )


@pytest.fixture
def completed_enrollment(training_class) -> Enrollment:
    enrollment = make_enrollment(
        training_class,
        full_name="Nguyễn Thị Hương",
        birth_date=dt.date(1985, 3, 15),
        phone="+84912345678",
        national_id="008185001234",
        village="Thôn Nà Liềm",
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(
        completed_at=dt.datetime(2026, 12, 9, 10, tzinfo=dt.UTC)
    )
    enrollment.refresh_from_db()
    return enrollment
