"""`manage.py issue_certificates --class CODE [--dry-run]`."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from certificates.models import Certificate
from courses.models import Enrollment
from tests.certificates.conftest import make_enrollment
from tests.certificates.factories import CertificateTemplateFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture
def template(organisation):
    return CertificateTemplateFactory(organisation=organisation)


def finished(training_class, full_name: str) -> Enrollment:
    enrollment = make_enrollment(training_class, full_name=full_name)
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
    return enrollment


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("issue_certificates", *args, stdout=out)
    return out.getvalue()


def test_command_issues_to_the_qualifiers_and_says_why_the_others_were_skipped(
    training_class, template
):
    finished(training_class, "Lò Thị Mai")
    finished(training_class, "Vàng Văn Sính")
    waiting = make_enrollment(training_class, full_name="Hà Thị Chưa")

    output = run("--class", training_class.code)

    certificates = Certificate.objects.filter(enrollment__training_class=training_class)
    assert sorted(c.holder_name for c in certificates) == [
        "Lò Thị Mai",
        "Vàng Văn Sính",
    ]
    assert all(c.issued_by is None for c in certificates)
    assert not Certificate.objects.filter(enrollment=waiting).exists()
    assert "Đã cấp 2 giấy chứng nhận" in output
    assert f"001/{YEAR}/GCN-TTDS" in output
    assert "Không cấp cho 1 người" in output
    assert "Hà Thị Chưa: Còn 1/1 bài học chưa hoàn thành." in output


def test_running_it_again_issues_nothing_new_and_names_the_holders(
    training_class, template
):
    finished(training_class, "Lò Thị Mai")
    run("--class", training_class.code)

    output = run("--class", training_class.code)

    assert Certificate.objects.count() == 1
    assert "Đã cấp 0 giấy chứng nhận" in output
    assert f"Lò Thị Mai: đã có giấy chứng nhận số 001/{YEAR}/GCN-TTDS" in output


def test_dry_run_lists_who_would_get_one_and_issues_nothing(training_class, template):
    finished(training_class, "Lò Thị Mai")
    make_enrollment(training_class, full_name="Hà Thị Chưa")

    output = run("--class", training_class.code, "--dry-run")

    assert not Certificate.objects.exists()
    assert "Sẽ cấp 1 giấy chứng nhận" in output
    assert "+ Lò Thị Mai" in output
    assert "Hà Thị Chưa: Còn 1/1 bài học" in output


def test_an_unknown_class_code_fails_in_both_languages(template):
    with pytest.raises(CommandError) as failure:
        run("--class", "KHONG-CO")

    assert "Không có lớp mã «KHONG-CO»" in str(failure.value)
    assert "No class with code 'KHONG-CO'" in str(failure.value)


def test_a_missing_template_fails_in_both_languages_and_issues_nothing(
    training_class,
):
    finished(training_class, "Lò Thị Mai")

    with pytest.raises(CommandError) as failure:
        run("--class", training_class.code)

    assert "chưa có mẫu giấy chứng nhận mặc định" in str(failure.value)
    assert "has no default certificate template" in str(failure.value)
    assert not Certificate.objects.exists()
