"""Issuing, numbering, freezing, revoking and re-issuing, through the services."""

import datetime as dt
import logging
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from certificates.models import (
    CODE_LENGTH,
    Certificate,
    CertificateTemplate,
    validate_wording,
)
from certificates.services import (
    CertificateError,
    NotQualified,
    issue_certificate,
    issue_for_class,
    qualification,
    reissue_certificate,
    rendering,
    requeue_pending_certificates,
    revoke_certificate,
)
from courses.models import Enrollment, Trainee
from courses.services import complete_lesson
from tests.certificates.conftest import make_enrollment
from tests.courses.factories import OrganisationFactory, TrainingClassFactory


@pytest.fixture
def queued(monkeypatch) -> list[int]:
    """The certificate ids whose render would have been queued."""
    ids: list[int] = []
    monkeypatch.setattr(rendering, "queue_render", ids.append)
    return ids


def test_completing_the_course_issues_a_certificate_with_its_values_frozen(
    training_class, certificate_template, django_capture_on_commit_callbacks, queued
):
    enrollment = make_enrollment(
        training_class, full_name="Lò Thị Ưng", birth_date=dt.date(1990, 1, 2)
    )
    (lesson,) = training_class.course.lessons.all()
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    with django_capture_on_commit_callbacks(execute=True):
        pass

    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.PENDING
    assert queued == [certificate.pk]
    assert certificate.holder_name == "Lò Thị Ưng"
    assert certificate.holder_birth == "02/01/1990"
    assert certificate.course_title == training_class.course.title
    assert certificate.class_starts_on == dt.date(2026, 12, 8)
    assert certificate.issuing_body == "TRUNG TÂM DÂN SỐ KHU VỰC LÂM BÌNH"
    assert certificate.parent_body == "SỞ Y TẾ TỈNH TUYÊN QUANG"
    assert "từ ngày 08/12/2026 đến ngày 09/12/2026" in certificate.wording
    assert "Hội trường UBND xã Lâm Bình" in certificate.wording

    Trainee.objects.filter(pk=enrollment.trainee_id).update(full_name="Lò Thị Mới")
    certificate_template.signer_name = "Người Khác"
    certificate_template.save()
    certificate.refresh_from_db()
    assert certificate.holder_name == "Lò Thị Ưng"
    assert certificate.signer_name == "Hoàng Văn Thụ"


def test_completion_without_a_template_leaves_the_trainee_completed_and_logs_no_name(
    training_class, django_capture_on_commit_callbacks, caplog
):
    enrollment = make_enrollment(training_class, full_name="Hà Thị Kín")
    (lesson,) = training_class.course.lessons.all()
    with (
        caplog.at_level(logging.WARNING),
        django_capture_on_commit_callbacks(execute=True),
    ):
        complete_lesson(enrollment=enrollment, lesson=lesson)

    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert not Certificate.objects.exists()
    assert "NoTemplate" in caplog.text
    assert "Hà Thị Kín" not in caplog.text


def test_a_trainee_who_has_not_completed_is_refused_with_the_reasons(
    training_class, certificate_template
):
    enrollment = make_enrollment(training_class)
    with pytest.raises(NotQualified) as refused:
        issue_certificate(enrollment=enrollment)
    assert refused.value.reasons == ["Còn 1/1 bài học chưa hoàn thành."]
    assert not Certificate.objects.exists()


def test_an_override_needs_a_person_and_records_the_reason(
    training_class, certificate_template, organizer
):
    enrollment = make_enrollment(training_class)
    with pytest.raises(CertificateError):
        issue_certificate(enrollment=enrollment, override_reason="Thi lại đạt")

    certificate = issue_certificate(
        enrollment=enrollment,
        by=organizer,
        override_reason="  Thi lại có giám sát, đạt  ",
        result="Khá",
    )
    assert certificate.override_reason == "Thi lại có giám sát, đạt"
    assert certificate.issued_by == organizer
    assert certificate.result == "Khá"


def test_issuing_twice_returns_the_same_certificate(
    completed_enrollment, certificate_template
):
    first = issue_certificate(enrollment=completed_enrollment)
    second = issue_certificate(enrollment=completed_enrollment)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


def test_register_numbers_run_per_organisation_and_year(
    training_class, certificate_template, organisation
):
    for _ in range(3):
        enrollment = make_enrollment(training_class)
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
        issue_certificate(enrollment=enrollment)
    other = OrganisationFactory()
    CertificateTemplate.objects.create(
        organisation=other,
        name="Khác",
        issuing_body="Hội Người cao tuổi",
        place="Phú Thọ",
        signer_name="Bà Chủ tịch",
    )
    other_class = TrainingClassFactory(organisation=other)
    other_enrollment = make_enrollment(other_class)
    Enrollment.objects.filter(pk=other_enrollment.pk).update(
        completed_at=timezone.now()
    )
    issue_certificate(enrollment=other_enrollment)

    year = timezone.localdate().year
    ours = list(
        Certificate.objects.filter(organisation=organisation)
        .order_by("register_seq")
        .values_list("register_number", flat=True)
    )
    assert ours == [f"{n:03d}/{year}/GCN-TTDS" for n in (1, 2, 3)]
    assert Certificate.objects.get(organisation=other).register_number == (
        f"001/{year}/GCN"
    )


def test_verification_codes_are_long_random_and_unrelated_to_ids(
    training_class, certificate_template
):
    codes = []
    for _ in range(5):
        enrollment = make_enrollment(training_class)
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
        certificate = issue_certificate(enrollment=enrollment)
        codes.append(certificate.verification_code)
        assert len(certificate.verification_code) == CODE_LENGTH
        assert str(certificate.pk) != certificate.verification_code
    assert len(set(codes)) == 5
    # Codes do not share a prefix or grow with issue order.
    assert len({code[:6] for code in codes}) == 5


def test_a_branch_without_its_own_template_uses_its_parents(
    organisation, certificate_template
):
    branch = OrganisationFactory(parent=organisation, name="Trạm Y tế xã Lâm Bình")
    training_class = TrainingClassFactory(organisation=branch)
    enrollment = make_enrollment(training_class)
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())

    certificate = issue_certificate(enrollment=enrollment)

    assert certificate.template == certificate_template
    assert certificate.organisation == branch


def test_validity_months_set_the_expiry(completed_enrollment, certificate_template):
    certificate_template.validity_months = 24
    certificate_template.save()
    certificate = issue_certificate(enrollment=completed_enrollment)
    assert (
        certificate.expires_on
        == certificate.issued_on.replace(year=certificate.issued_on.year + 2)
        or certificate.issued_on.month == 2
    )


def test_wording_with_an_unknown_placeholder_is_refused_with_the_allowed_list():
    with pytest.raises(ValidationError) as refused:
        validate_wording("Ông/Bà {ho_ten} đã học {khoa_hcoc}")
    message = refused.value.messages[0]
    assert "{khoa_hcoc}" in message
    assert "{khoa_hoc}" in message
    with pytest.raises(ValidationError):
        validate_wording("Dấu ngoặc {ho_ten")
    validate_wording("Ông/Bà {ho_ten}, {{không phải chỗ điền}}")


def test_the_preview_names_who_qualifies_and_why_the_others_do_not(
    training_class, certificate_template, completed_enrollment
):
    waiting = make_enrollment(training_class, full_name="Vi Văn Chờ")

    candidates = {c.enrollment.pk: c for c in qualification(training_class)}

    assert candidates[completed_enrollment.pk].qualifies
    assert not candidates[waiting.pk].qualifies
    assert candidates[waiting.pk].unmet == ["Còn 1/1 bài học chưa hoàn thành."]

    result = issue_for_class(training_class=training_class, by=None)
    assert [c.enrollment_id for c in result.issued] == [completed_enrollment.pk]
    assert [c.enrollment.pk for c in result.skipped] == [waiting.pk]
    again = {c.enrollment.pk: c for c in qualification(training_class)}
    assert again[completed_enrollment.pk].certificate is not None
    assert not again[completed_enrollment.pk].qualifies


def test_revoking_needs_a_reason_and_is_recorded(
    completed_enrollment, certificate_template, organizer
):
    certificate = issue_certificate(enrollment=completed_enrollment)
    with pytest.raises(CertificateError):
        revoke_certificate(certificate=certificate, by=organizer, reason="  ")

    revoke_certificate(certificate=certificate, by=organizer, reason="Cấp nhầm người")

    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == "Cấp nhầm người"
    assert certificate.revoked_by == organizer
    assert certificate.revoked_at is not None
    with pytest.raises(CertificateError):
        reissue_certificate(certificate=certificate, by=organizer, reason="Sửa")


def test_reissuing_after_a_correction_keeps_the_old_edition(
    completed_enrollment, certificate_template, organizer, queued
):
    certificate = issue_certificate(enrollment=completed_enrollment)
    number, code = certificate.register_number, certificate.verification_code
    Trainee.objects.filter(pk=completed_enrollment.trainee_id).update(
        full_name="Nguyễn Thị Hường"
    )

    reissue_certificate(
        certificate=certificate, by=organizer, reason="Sai dấu trong họ tên"
    )

    certificate.refresh_from_db()
    assert certificate.holder_name == "Nguyễn Thị Hường"
    assert certificate.edition == 2
    assert certificate.status == Certificate.Status.PENDING
    assert (certificate.register_number, certificate.verification_code) == (
        number,
        code,
    )
    (revision,) = certificate.revisions.all()
    assert revision.edition == 1
    assert revision.printed["holder_name"] == "Nguyễn Thị Hương"
    assert revision.reason == "Sai dấu trong họ tên"
    assert revision.replaced_by == organizer


def test_the_sweeper_requeues_only_certificates_pending_past_the_grace(
    training_class, certificate_template, queued
):
    stuck, fresh, done = [], [], []
    for bucket in (stuck, fresh, done):
        enrollment = make_enrollment(training_class)
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
        bucket.append(issue_certificate(enrollment=enrollment))
    now = timezone.now()
    Certificate.objects.filter(pk__in=[stuck[0].pk, done[0].pk]).update(
        queued_at=now - dt.timedelta(minutes=10)
    )
    Certificate.objects.filter(pk=done[0].pk).update(status=Certificate.Status.ISSUED)

    assert requeue_pending_certificates(now=now) == 1
    assert queued == [stuck[0].pk]
    # Just re-queued: the next sweep waits for the grace period again.
    assert requeue_pending_certificates(now=now + dt.timedelta(seconds=30)) == 0


@pytest.mark.pg
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_issues_give_consecutive_numbers_and_one_per_enrollment(
    organisation,
):
    CertificateTemplate.objects.create(
        organisation=organisation,
        name="Mẫu",
        issuing_body="Trung tâm",
        place="Tuyên Quang",
        signer_name="Hoàng Văn Thụ",
    )
    training_class = TrainingClassFactory(organisation=organisation)
    enrollments = [make_enrollment(training_class) for _ in range(12)]
    Enrollment.objects.update(completed_at=timezone.now())
    # Each enrollment asked twice at once: 24 threads, 12 certificates.
    jobs = enrollments + enrollments
    barrier = threading.Barrier(len(jobs))
    errors: list[Exception] = []

    def attempt(enrollment):
        try:
            barrier.wait()
            issue_certificate(enrollment=enrollment)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(e,)) for e in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(Certificate.objects.values_list("register_seq", flat=True))
    assert numbers == list(range(1, 13))
    assert Certificate.objects.values("enrollment").distinct().count() == 12


def test_an_online_class_is_worded_as_online_not_as_a_place(
    organisation, certificate_template
):
    from courses.models import TrainingClass

    online = TrainingClassFactory(
        organisation=organisation, mode=TrainingClass.Mode.ONLINE, venue="Trực tuyến"
    )
    enrollment = make_enrollment(online)
    Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())

    certificate = issue_certificate(enrollment=enrollment)

    assert certificate.wording.endswith("theo hình thức trực tuyến.")
    assert "tại Trực tuyến" not in certificate.wording


def test_the_qr_code_is_frozen_at_issue_and_points_at_the_verify_page(
    completed_enrollment, certificate_template
):
    from certificates.qr import QrBitmap, encode
    from certificates.services import verify_url

    certificate = issue_certificate(enrollment=completed_enrollment)

    assert verify_url(certificate).endswith(f"/verify/{certificate.verification_code}/")
    frozen = QrBitmap.from_text(certificate.verification_qr)
    assert frozen == encode(verify_url(certificate))
