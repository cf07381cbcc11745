"""A trainee's rights over their data: the download, erasure, requests and the
organisers' queue, consent withdrawal, and national IDs masked for staff."""

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.files.storage import storages
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from certificates.models import Certificate, CertificateRevision
from certificates.services import (
    ConsentWithdrawn,
    issue_certificate,
    issue_certificate_on_completion,
    reissue_certificate,
    render_certificate,
    rendering,
)
from courses.exports.queries import allowance_list
from courses.models import (
    AllowanceRate,
    Answer,
    Attempt,
    AttendanceChange,
    AttendanceRecord,
    AttendanceStatus,
    Consent,
    DataSubjectRequest,
    Enrollment,
    ExportLog,
    LessonProgress,
    QrCheckIn,
    Trainee,
    User,
)
from courses.models.attendance import AttendanceMethod
from courses.models.requests import ANSWER_DAYS, due_on_for
from courses.privacy import give_consents, withdraw_consent
from courses.privacy.registry import Erasure, PersonalData, entries
from courses.privacy.subject_rights import (
    JSON_NAME,
    RequestRefused,
    answer_request,
    erase_personal_data,
    export_personal_data,
    file_request,
)
from courses.roster.cleaning import CellProblem, clean_national_id
from courses.services import complete_lesson, enroll, start_attempt
from courses.services.attendance import record_attendance
from tests.certificates.factories import CertificateTemplateFactory
from tests.courses.factories import (
    ClassSessionFactory,
    LessonFactory,
    OrganisationFactory,
    TraineeFactory,
    TrainingClassFactory,
    UserFactory,
)
from tests.courses.quiz_factories import quiz_with_questions

NATIONAL_ID = "008185001234"
MASKED_ID = "••••••••1234"
PHONE = "+84912345678"


@pytest.fixture(autouse=True)
def no_render_queue(monkeypatch):
    # PDFs are rendered by calling the service; no broker in these tests.
    monkeypatch.setattr(rendering, "queue_render", lambda pk: None)


@pytest.fixture
def training_class(organisation):
    today = timezone.localdate()
    training_class = TrainingClassFactory(
        organisation=organisation,
        starts_on=today - dt.timedelta(days=1),
        ends_on=today + dt.timedelta(days=1),
        capacity=50,
    )
    LessonFactory(course=training_class.course)
    AllowanceRate.objects.create(
        training_class=training_class, label="Tiền ăn", rate_per_day=Decimal(150000)
    )
    return training_class


@pytest.fixture
def session(training_class):
    return ClassSessionFactory(
        training_class=training_class, held_on=timezone.localdate()
    )


@pytest.fixture
def mai(organisation, training_class, session, organizer):
    """A trainee with a login and something of every kind of data."""
    user = UserFactory(username="mai", full_name="Lò Thị Mai")
    trainee = TraineeFactory(
        full_name="Lò Thị Mai",
        user=user,
        organisation=organisation,
        phone=PHONE,
        national_id=NATIONAL_ID,
        ethnicity="Tày",
        birth_date=dt.date(1985, 3, 15),
        village="Thôn Nà Liềm",
        notes="Làm CTV từ 2019",
    )
    give_consents(
        trainee=trainee,
        purposes=[
            Consent.Purpose.TRAINING_ADMINISTRATION,
            Consent.Purpose.CERTIFICATES,
        ],
        by=user,
    )
    enrollment = enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
        by=organizer,
    )
    record_attendance(
        session=session,
        enrollment=enrollment,
        status=AttendanceStatus.LATE,
        method=AttendanceMethod.ROLL_CALL,
        by=organizer,
        note="Con ốm, đến muộn",
    )
    record_attendance(
        session=session,
        enrollment=enrollment,
        status=AttendanceStatus.PRESENT,
        method=AttendanceMethod.ROLL_CALL,
        by=organizer,
        note="Đến trước giờ, ghi nhầm",
    )
    QrCheckIn.objects.create(session=session, enrollment=enrollment, window=1)
    complete_lesson(enrollment=enrollment, lesson=training_class.course.lessons.get())
    quiz = quiz_with_questions(training_class.course, count=1)
    attempt = start_attempt(quiz=quiz, trainee=trainee)
    Answer.objects.create(
        attempt=attempt,
        question=quiz.items.get().question,
        text="Tôi ở thôn Nà Liềm",
    )
    CertificateTemplateFactory(organisation=organisation)
    certificate = issue_certificate(
        enrollment=enrollment, by=organizer, override_reason="Học bù tại lớp"
    )
    render_certificate(certificate_id=certificate.pk)
    certificate = reissue_certificate(
        certificate=Certificate.objects.get(pk=certificate.pk),
        by=organizer,
        reason="Sửa ngày sinh",
    )
    render_certificate(certificate_id=certificate.pk)
    return trainee


@pytest.fixture
def on(training_class, session, organizer):
    """Another trainee of the same class, who asked for nothing."""
    trainee = TraineeFactory(
        full_name="Đặng Thị Ơn",
        organisation=training_class.organisation,
        phone="+84987654321",
        national_id="001190005678",
    )
    enrollment = enroll(
        trainee=trainee,
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    record_attendance(
        session=session,
        enrollment=enrollment,
        status=AttendanceStatus.PRESENT,
        method=AttendanceMethod.ROLL_CALL,
        by=organizer,
        note="Mang theo con nhỏ",
    )
    return trainee


def _open(archive: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        files = {name: opened.read(name) for name in opened.namelist()}
    return json.loads(files.pop(JSON_NAME)), files


def _section(document: dict, label: str) -> dict:
    (section,) = [s for s in document["sections"] if s["model"] == label]
    return section


def _granted(user: User, codename: str) -> User:
    user.user_permissions.add(Permission.objects.get(codename=codename))
    return User.objects.get(pk=user.pk)  # a fresh permission cache


# --- The download ----------------------------------------------------------------


def test_export_holds_every_kind_of_the_trainees_data_and_their_certificates(mai, on):
    document, files = _open(export_personal_data(trainee=mai))

    assert [s["model"] for s in document["sections"]] == [e.label for e in entries()]
    (person,) = _section(document, "courses.Trainee")["rows"]
    assert person["full_name"] == "Lò Thị Mai"
    assert person["national_id"] == NATIONAL_ID  # their own copy is whole
    assert person["ethnicity"] == "Tày"
    assert person["birth_date"] == "1985-03-15"
    assert person["role"] == "Cộng tác viên dân số"
    assert _section(document, "courses.User")["rows"][0]["username"] == "mai"
    assert "password" not in _section(document, "courses.User")["rows"][0]
    (record,) = _section(document, "courses.AttendanceRecord")["rows"]
    assert record["status"] == "Có mặt"
    assert len(_section(document, "courses.AttendanceChange")["rows"]) == 2
    assert _section(document, "courses.Answer")["rows"][0]["text"] == (
        "Tôi ở thôn Nà Liềm"
    )
    assert len(_section(document, "courses.Consent")["rows"]) == 2
    assert len(_section(document, "certificates.CertificateRevision")["rows"]) == 1
    assert "bị xoá" in _section(document, "courses.LessonProgress")["on_erasure"]
    # The current edition and the one it replaced, as the PDFs the trainee held.
    assert sorted(files) == document["files"] == sorted(document["files"])
    assert len(files) == 2
    assert all(content.startswith(b"%PDF") for content in files.values())
    # Nothing about the classmate.
    text = json.dumps(document, ensure_ascii=False)
    assert "Đặng Thị Ơn" not in text
    assert "Mang theo con nhỏ" not in text


def test_trainee_downloads_their_own_data_from_my_data(client, mai):
    client.force_login(mai.user)

    page = client.get(reverse("courses:my-data"))
    response = client.get(reverse("courses:download-my-data"))

    assert "Thông tin nhạy cảm" not in page.content.decode()
    assert reverse("courses:download-my-data") in page.content.decode()
    assert response["Content-Type"] == "application/zip"
    assert "no-cache" in response["Cache-Control"]
    document, _files = _open(response.content)
    assert _section(document, "courses.Trainee")["rows"][0]["phone"] == PHONE


def test_a_login_without_a_trainee_record_has_nothing_to_download(client, trainee):
    client.force_login(trainee)

    assert client.get(reverse("courses:download-my-data")).status_code == 404
    assert client.get(reverse("courses:my-data")).status_code == 200


def test_my_data_needs_a_login(client):
    response = client.get(reverse("courses:my-data"))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


# --- Erasure -----------------------------------------------------------------------


def test_erasure_removes_the_person_and_keeps_what_the_accountant_settles_against(
    mai, on, organizer, training_class, django_capture_on_commit_callbacks
):
    enrollment = mai.enrollments.get()
    certificate = Certificate.objects.get(enrollment=enrollment)
    pdfs = [
        certificate.pdf.name,
        CertificateRevision.objects.get(certificate=certificate).pdf.name,
    ]
    user_pk = mai.user_id
    before = allowance_list(training_class)

    with django_capture_on_commit_callbacks(execute=True):
        done = erase_personal_data(trainee=mai, by=organizer)

    placeholder = f"Đã xoá theo yêu cầu #{done.pk}"
    mai.refresh_from_db()
    assert mai.full_name == placeholder
    for name in ("phone", "national_id", "ethnicity", "village", "notes", "sex"):
        assert getattr(mai, name) == "", name
    assert mai.birth_date is None
    assert mai.birth_year is None
    assert mai.unit_label == ""
    assert mai.user_id is None
    assert mai.organisation == organizer.organisation  # still in the organiser's tree
    assert not User.objects.filter(pk=user_pk).exists()
    # Kept for settlement, without what anyone wrote about the person.
    record = AttendanceRecord.objects.get(enrollment=enrollment)
    assert (record.status, record.note) == (AttendanceStatus.PRESENT, "")
    assert set(
        AttendanceChange.objects.filter(record=record).values_list(
            "old_note", "new_note"
        )
    ) == {("", "")}
    assert Enrollment.objects.filter(pk=enrollment.pk).exists()
    assert Attempt.objects.filter(trainee=mai).count() == 1
    assert list(Answer.objects.filter(attempt__trainee=mai).values_list("text")) == [
        ("",)
    ]
    assert not Consent.objects.filter(trainee=mai, withdrawn_at__isnull=True).exists()
    assert Consent.objects.filter(trainee=mai).count() == 2
    # Gone: what served only the person's learning.
    assert not LessonProgress.objects.filter(enrollment=enrollment).exists()
    assert not QrCheckIn.objects.filter(enrollment=enrollment).exists()
    # The certificate: revoked, its number kept in the register, the person gone.
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.REVOKED
    assert certificate.revoke_reason == f"Xoá theo yêu cầu #{done.pk}"
    assert certificate.register_number.startswith("001/")
    assert certificate.holder_name == placeholder
    assert (certificate.holder_birth, certificate.holder_unit, certificate.wording) == (
        "",
        "",
        "",
    )
    assert not certificate.pdf
    assert not CertificateRevision.objects.filter(certificate=certificate).exists()
    assert not any(storages["private"].exists(name) for name in pdfs)
    # The allowance list still pays the same days, to a row without a name.
    after = allowance_list(training_class)
    assert [row.days for row in after.rows] == [row.days for row in before.rows]
    assert placeholder in [row.person.full_name for row in after.rows]
    # The request is answered.
    assert done.kind == DataSubjectRequest.Kind.ERASE
    assert done.status == DataSubjectRequest.Status.DONE
    assert done.handled_by == organizer


def test_erasure_leaves_the_classmate_alone(mai, on, organizer):
    erase_personal_data(trainee=mai, by=organizer)

    on.refresh_from_db()
    assert (on.full_name, on.phone, on.national_id) == (
        "Đặng Thị Ơn",
        "+84987654321",
        "001190005678",
    )
    assert AttendanceRecord.objects.get(enrollment__trainee=on).note == (
        "Mang theo con nhỏ"
    )


def test_erasure_is_all_or_nothing(mai, organizer, monkeypatch):
    def fail(rows, context):
        raise RuntimeError("disk full")

    failing = PersonalData(
        model=Trainee,
        rows=lambda trainee: Trainee.objects.filter(pk=trainee.pk),
        erasure=Erasure.ANONYMISE,
        reason="test",
        erase=fail,
        order=95,  # after the login and the certificates, before the trainee
    )
    monkeypatch.setattr(
        "courses.privacy.subject_rights.entries", lambda: [*entries(), failing]
    )
    user_pk = mai.user_id

    with pytest.raises(RuntimeError):
        erase_personal_data(trainee=mai, by=organizer)

    mai.refresh_from_db()
    assert mai.full_name == "Lò Thị Mai"
    assert User.objects.filter(pk=user_pk).exists()
    assert LessonProgress.objects.filter(enrollment__trainee=mai).exists()
    assert Certificate.objects.get(enrollment__trainee=mai).holder_name == "Lò Thị Mai"
    assert not DataSubjectRequest.objects.exists()


def test_erasure_scrubs_the_name_from_the_admin_action_log(mai, organizer):
    entry = log(instance=mai, action="wagtail.edit", user=organizer)
    assert entry.label == "Lò Thị Mai"

    done = erase_personal_data(trainee=mai, by=organizer)

    entry.refresh_from_db()
    assert entry.label == f"Đã xoá theo yêu cầu #{done.pk}"


def test_erasure_takes_the_sign_in_records_of_the_login(mai, on, organizer):
    access_log = pytest.importorskip("axes.models").AccessLog
    for username in ("mai", "other"):
        access_log.objects.create(
            username=username,
            ip_address="10.0.0.7",
            user_agent="Zalo",
            path_info="/accounts/login/",
        )

    erase_personal_data(trainee=mai, by=organizer)

    assert list(access_log.objects.values_list("username", flat=True)) == ["other"]


def test_a_staff_login_is_only_unlinked(organizer, organisation):
    trainee = TraineeFactory(organisation=organisation, user=organizer)

    erase_personal_data(trainee=trainee, by=organizer)

    organizer.refresh_from_db()
    assert organizer.is_active
    assert not Trainee.objects.filter(user=organizer).exists()


def test_an_answered_request_cannot_be_erased_again(mai, organizer):
    done = erase_personal_data(trainee=mai, by=organizer)

    with pytest.raises(RequestRefused):
        erase_personal_data(trainee=mai, request=done, by=organizer)


# --- Requests from the trainee ------------------------------------------------------


def test_trainee_files_a_request_from_the_dashboard(client, mai):
    client.force_login(mai.user)

    dashboard = client.get(reverse("courses:dashboard")).content.decode()
    response = client.post(
        reverse("courses:file-data-request"),
        {"kind": "correct", "details": "Ngày sinh đúng là 16/03/1985"},
        follow=True,
    )

    assert f'action="{reverse("courses:file-data-request")}"' in dashboard
    assert "csrfmiddlewaretoken" in dashboard
    filed = DataSubjectRequest.objects.get(trainee=mai)
    assert filed.kind == DataSubjectRequest.Kind.CORRECT
    assert filed.status == DataSubjectRequest.Status.OPEN
    assert filed.due_on == timezone.localdate() + dt.timedelta(days=15)
    assert filed.filed_by == mai.user
    assert f"#{filed.pk}" in response.content.decode()


def test_filing_a_request_needs_a_post_with_its_csrf_token(mai):
    client = Client(enforce_csrf_checks=True)
    client.force_login(mai.user)

    assert client.get(reverse("courses:file-data-request")).status_code == 405
    response = client.post(reverse("courses:file-data-request"), {"kind": "access"})

    assert response.status_code == 403
    assert not DataSubjectRequest.objects.exists()


def test_a_correction_says_what_to_correct(client, mai):
    client.force_login(mai.user)

    response = client.post(reverse("courses:file-data-request"), {"kind": "correct"})

    assert response.status_code == 400
    assert not DataSubjectRequest.objects.exists()


def test_one_open_request_of_a_kind_at_a_time(mai):
    file_request(trainee=mai, kind="access", by=mai.user)

    with pytest.raises(RequestRefused):
        file_request(trainee=mai, kind="access", by=mai.user)
    file_request(trainee=mai, kind="erase", by=mai.user)


def test_each_kind_is_due_by_its_documented_answer_period():
    received = dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC)  # 2 March in Vietnam

    for kind, days in ANSWER_DAYS.items():
        assert due_on_for(kind, received) == dt.date(2026, 3, 2) + dt.timedelta(days)


# --- The organisers' queue ----------------------------------------------------------


def _queue(client) -> str:
    return client.get(reverse("datasubjectrequest:index")).content.decode()


def test_organisers_see_the_requests_of_their_tree_only(
    client, mai, organizer, other_organizer
):
    filed = file_request(trainee=mai, kind="erase", by=mai.user)

    client.force_login(other_organizer)
    assert "Lò Thị Mai" not in _queue(client)
    for name in ("export", "erase", "edit"):
        url = reverse(f"datasubjectrequest:{name}", args=[filed.pk])
        assert client.get(url).status_code == 404, name

    client.force_login(organizer)
    assert "Lò Thị Mai" in _queue(client)


def test_trainers_have_no_queue(client, trainer):
    client.force_login(trainer)

    response = client.get(reverse("datasubjectrequest:index"))

    assert response.status_code in (302, 403)


def test_overdue_requests_are_highlighted(client, mai, on, organizer):
    late = file_request(
        trainee=mai,
        kind="access",
        by=organizer,
        received_at=timezone.now() - dt.timedelta(days=ANSWER_DAYS["access"] + 1),
    )
    file_request(trainee=on, kind="access", by=organizer)
    client.force_login(organizer)

    html = _queue(client)

    assert html.count("data-overdue") == 1
    assert html.count('class="data-request-overdue"') == 1
    assert html.index("Lò Thị Mai") < html.index("Đặng Thị Ơn")  # soonest due first
    assert late.is_overdue


def test_the_queue_hands_over_the_zip_with_the_id_masked_without_the_permission(
    client, mai, organizer
):
    filed = file_request(trainee=mai, kind="access", by=mai.user)
    url = reverse("datasubjectrequest:export", args=[filed.pk])
    client.force_login(organizer)

    masked, _files = _open(client.get(url).content)
    client.force_login(_granted(organizer, "view_sensitive_trainee"))
    whole, _files = _open(client.get(url).content)

    person = _section(masked, "courses.Trainee")["rows"][0]
    assert person["national_id"] == MASKED_ID
    assert person["ethnicity"] == "•••"
    assert NATIONAL_ID not in json.dumps(masked)
    assert _section(whole, "courses.Trainee")["rows"][0]["national_id"] == NATIONAL_ID
    log_entry = ExportLog.objects.filter(kind="personal_data").first()
    assert log_entry.filters == {"trainee": mai.pk, "request": filed.pk}
    assert log_entry.user == organizer


def test_erasing_from_the_queue_asks_first_then_erases(client, mai, organizer):
    filed = file_request(trainee=mai, kind="erase", by=mai.user)
    url = reverse("datasubjectrequest:erase", args=[filed.pk])
    client.force_login(organizer)

    confirm = client.get(url).content.decode()
    mai.refresh_from_db()
    assert mai.full_name == "Lò Thị Mai"
    assert 'data-erasure="delete"' in confirm
    assert 'data-erasure="keep"' in confirm
    assert "csrfmiddlewaretoken" in confirm

    response = client.post(url)

    assert response.status_code == 302
    filed.refresh_from_db()
    assert filed.status == DataSubjectRequest.Status.DONE
    mai.refresh_from_db()
    assert mai.full_name == f"Đã xoá theo yêu cầu #{filed.pk}"


def test_only_an_open_erase_request_leads_to_erasure(client, mai, organizer):
    filed = file_request(trainee=mai, kind="access", by=mai.user)
    client.force_login(organizer)

    client.post(reverse("datasubjectrequest:erase", args=[filed.pk]))

    mai.refresh_from_db()
    assert mai.full_name == "Lò Thị Mai"


def test_a_refusal_gives_its_reason_and_an_erasure_is_done_only_by_erasing(
    mai, organizer
):
    erase = file_request(trainee=mai, kind="erase", by=mai.user)
    access = file_request(trainee=mai, kind="access", by=mai.user)

    with pytest.raises(RequestRefused):
        answer_request(request=access, status="refused", outcome=" ", by=organizer)
    with pytest.raises(RequestRefused):
        answer_request(request=erase, status="done", outcome="", by=organizer)
    refused = answer_request(
        request=erase,
        status="refused",
        outcome="Đang quyết toán lớp; xoá sau khi quyết toán xong.",
        by=organizer,
    )

    assert refused.status == DataSubjectRequest.Status.REFUSED
    assert refused.handled_by == organizer
    assert refused.handled_at is not None


def test_organisers_answer_a_request_in_the_admin(client, mai, organizer):
    filed = file_request(trainee=mai, kind="access", by=mai.user)
    client.force_login(organizer)

    response = client.post(
        reverse("datasubjectrequest:edit", args=[filed.pk]),
        {"status": "done", "outcome": "Đã gửi tệp qua Zalo ngày 20/03."},
    )

    assert response.status_code == 302
    filed.refresh_from_db()
    assert (filed.status, filed.handled_by) == ("done", organizer)


def test_organisers_record_a_paper_request_for_a_trainee_they_see(
    client, mai, organizer
):
    stranger = TraineeFactory(
        full_name="Người Đơn Vị Khác", organisation=OrganisationFactory()
    )
    client.force_login(organizer)
    add = reverse("datasubjectrequest:add")

    form = client.get(add).content.decode()
    refused = client.post(
        add,
        {"trainee": stranger.pk, "kind": "erase", "received_at": "2026-03-01 09:00"},
    )
    client.post(
        add, {"trainee": mai.pk, "kind": "erase", "received_at": "2026-03-01 09:00"}
    )

    assert "Lò Thị Mai" in form
    assert "Người Đơn Vị Khác" not in form
    assert refused.status_code == 200  # the form again, with the error
    filed = DataSubjectRequest.objects.get()
    assert (filed.trainee, filed.filed_by) == (mai, organizer)
    assert filed.due_on == dt.date(2026, 3, 1) + dt.timedelta(days=15)


# --- Consent withdrawal -------------------------------------------------------------


def test_withdrawing_the_training_consent_leaves_open_classes_and_tells_organisers(
    organisation, organizer
):
    user = UserFactory()
    trainee = TraineeFactory(organisation=organisation, user=user)
    (consent,) = give_consents(
        trainee=trainee, purposes=[Consent.Purpose.TRAINING_ADMINISTRATION], by=user
    )
    open_place = enroll(
        trainee=trainee,
        training_class=TrainingClassFactory(organisation=organisation),
        method=Enrollment.Method.ORGANIZER,
    )
    done_place = enroll(
        trainee=trainee,
        training_class=TrainingClassFactory(organisation=organisation),
        method=Enrollment.Method.ORGANIZER,
    )
    Enrollment.objects.filter(pk=done_place.pk).update(completed_at=timezone.now())

    withdraw_consent(consent=consent)

    open_place.refresh_from_db()
    done_place.refresh_from_db()
    assert open_place.status == Enrollment.Status.WITHDRAWN
    assert done_place.status == Enrollment.Status.ACTIVE
    record = DataSubjectRequest.objects.get(trainee=trainee)
    assert record.kind == DataSubjectRequest.Kind.WITHDRAW
    assert record.status == DataSubjectRequest.Status.DONE
    assert open_place.training_class.code in record.outcome


def test_withdrawing_the_certificates_consent_stops_new_certificates_only(
    mai, organizer, training_class
):
    issued = Certificate.objects.get(enrollment__trainee=mai)
    consent = mai.consents.get(purpose=Consent.Purpose.CERTIFICATES)
    later = enroll(
        trainee=mai,
        training_class=TrainingClassFactory(organisation=training_class.organisation),
        method=Enrollment.Method.ORGANIZER,
    )

    withdraw_consent(consent=consent)

    with pytest.raises(ConsentWithdrawn):
        issue_certificate(enrollment=later, by=organizer, override_reason="Học bù")
    Enrollment.objects.filter(pk=later.pk).update(completed_at=timezone.now())
    assert issue_certificate_on_completion(enrollment=later) is None
    issued.refresh_from_db()
    assert issued.status == Certificate.Status.ISSUED
    assert mai.enrollments.get(pk=later.pk).status == Enrollment.Status.ACTIVE


def test_a_trainee_never_asked_online_still_gets_a_certificate(
    organisation, organizer, training_class
):
    CertificateTemplateFactory(organisation=organisation)
    enrollment = enroll(
        trainee=TraineeFactory(organisation=organisation),
        training_class=training_class,
        method=Enrollment.Method.IMPORT,
    )

    certificate = issue_certificate(
        enrollment=enrollment, by=organizer, override_reason="Theo danh sách giấy"
    )

    assert certificate.pk is not None


# --- National IDs in staff screens and files ---------------------------------------


def test_the_trainee_list_shows_phones_but_never_ids_or_ethnicity(
    client, organizer, organisation
):
    TraineeFactory(
        full_name="Hà Thị Lan",
        organisation=organisation,
        phone=PHONE,
        national_id=NATIONAL_ID,
        ethnicity="Dao",
    )
    for user in (organizer, _granted(organizer, "view_sensitive_trainee")):
        client.force_login(user)
        html = client.get("/admin/trainee/").content.decode()

        assert "Hà Thị Lan" in html
        assert "0912 345 678" in html  # organisers call trainees
        assert NATIONAL_ID not in html
        assert "Dao" not in html


def test_the_attendance_export_carries_no_id_or_phone(
    client, organizer, training_class, mai
):
    client.force_login(organizer)

    response = client.get(
        reverse("courses_class_attendance_export", args=[training_class.pk, "csv"])
    )
    text = b"".join(response.streaming_content).decode("utf-8-sig")

    assert "Lò Thị Mai" in text
    assert NATIONAL_ID not in text
    assert "912345678" not in text
    assert "912 345 678" not in text


def test_roster_preview_notices_show_only_the_last_digits_of_an_id():
    repadded = clean_national_id(8185001234)  # Excel dropped the two leading zeros

    assert repadded.value == NATIONAL_ID
    assert MASKED_ID in repadded.notice
    assert NATIONAL_ID not in repadded.notice
    with pytest.raises(CellProblem) as too_long:
        clean_national_id("0081850012345")
    assert "••••••••2345" in too_long.value.message
    assert "0081850012345" not in too_long.value.message
