"""Helpers of the organisers' certificate screens' tests: trainees who finished,
certificates issued, and reading what a screen answered."""

import io

from django.contrib.messages import get_messages
from django.utils import timezone
from PIL import Image

from certificates import services
from certificates.models import Certificate
from courses.models import Enrollment
from courses.services import complete_lesson
from tests.certificates.conftest import make_enrollment

YEAR = timezone.localdate().year


def completed(training_class, full_name: str, **fields) -> Enrollment:
    """A trainee who finished every lesson, as the trainee's own clicks would."""
    enrollment = make_enrollment(training_class, full_name=full_name, **fields)
    for lesson in training_class.course.lessons.all():
        complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    return enrollment


def issued(enrollment: Enrollment) -> Certificate:
    return services.issue_certificate(enrollment=enrollment)


def page_text(response) -> str:
    return response.content.decode()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def download(response) -> bytes:
    return b"".join(response.streaming_content)


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (60, 30), (200, 0, 0, 128)).save(out, "PNG")
    return out.getvalue()


def template_form_data(organisation, **changes) -> dict:
    data = {
        "organisation": organisation.pk,
        "name": "Mẫu tập huấn dân số",
        "is_default": "on",
        "parent_body": "Sở Y tế tỉnh Tuyên Quang",
        "issuing_body": "Trung tâm Dân số khu vực Lâm Bình",
        "title": "GIẤY CHỨNG NHẬN",
        "wording": "Đã hoàn thành lớp «{khoa_hoc}» từ ngày {tu_ngay} đến {den_ngay}.",
        "result_label": "Kết quả",
        "default_result": "Đạt",
        "place": "Tuyên Quang",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Hoàng Văn Thụ",
        "register_suffix": "GCN-LB",
        "validity_months": "",
    }
    data.update(changes)
    return data
