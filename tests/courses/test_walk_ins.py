import pytest
from django.urls import reverse

from courses.models import AttendanceRecord, Consent, Enrollment, Trainee
from courses.services.attendance import merge_trainees, record_attendance
from tests.courses import roll_call_setup
from tests.courses.factories import TrainingClassFactory
from tests.courses.roll_call_setup import enrol

training_class = roll_call_setup.training_class
session = roll_call_setup.session

pytestmark = pytest.mark.django_db


def test_walk_in_is_enrolled_in_the_class_organisation_and_present(
    client, trainer, session
):
    client.force_login(trainer)
    client.post(
        reverse("courses:walk-in", args=[session.pk]),
        {"full_name": "Lù Văn Sáng", "phone": "0912 345 678"},
    )
    enrollment = Enrollment.objects.get(trainee__full_name="Lù Văn Sáng")
    assert enrollment.method == Enrollment.Method.WALK_IN
    assert enrollment.trainee.organisation == session.training_class.organisation
    assert enrollment.trainee.phone == "+84912345678"
    assert AttendanceRecord.objects.get(enrollment=enrollment).status == "present"


def test_walk_in_with_a_bad_phone_is_refused_and_nothing_kept(client, trainer, session):
    client.force_login(trainer)
    client.post(
        reverse("courses:walk-in", args=[session.pk]),
        {"full_name": "Lù Văn Sáng", "phone": "12"},
    )
    assert not Trainee.objects.filter(full_name="Lù Văn Sáng").exists()


def test_merge_moves_classes_attendance_and_consents_and_keeps_shared_records(
    organizer, session
):
    training_class = session.training_class
    known = enrol(training_class, "Lù Văn Sáng")
    walk_in = enrol(training_class, "Lù Văn Sáng")
    other_class = TrainingClassFactory(organisation=organizer.organisation)
    moved = enrol(other_class, "x")
    Enrollment.objects.filter(pk=moved.pk).update(trainee=walk_in.trainee)
    record_attendance(
        session=session, enrollment=known, status="absent", method="roll_call"
    )
    record_attendance(
        session=session, enrollment=walk_in, status="present", method="roll_call"
    )
    Consent.objects.create(
        trainee=walk_in.trainee, purpose="training", notice_version="1"
    )
    seats = training_class.seats_taken + 2

    merge_trainees(keep=known.trainee, duplicate=walk_in.trainee, by=organizer)

    assert not Trainee.objects.filter(pk=walk_in.trainee_id).exists()
    assert set(
        Enrollment.objects.filter(trainee=known.trainee).values_list(
            "training_class", flat=True
        )
    ) == {training_class.pk, other_class.pk}
    assert AttendanceRecord.objects.get(session=session).status == "absent"
    assert Consent.objects.get().trainee == known.trainee
    training_class.refresh_from_db()
    assert training_class.seats_taken == seats - 1


def test_merge_asks_for_confirmation_showing_both(client, organizer, session):
    known = enrol(session.training_class, "Lù Văn Sáng")
    walk_in = enrol(session.training_class, "Lù V. Sáng")
    client.force_login(organizer)
    url = reverse("courses:merge-trainees")
    chooser = client.get(url, {"duplicate": walk_in.trainee_id, "q": "Sáng"})
    assert f"keep={known.trainee_id}" in chooser.content.decode()
    confirm = client.get(
        url, {"duplicate": walk_in.trainee_id, "keep": known.trainee_id}
    ).content.decode()
    assert "Lù Văn Sáng" in confirm
    assert "Lù V. Sáng" in confirm
    assert Trainee.objects.filter(pk=walk_in.trainee_id).exists()
    client.post(
        url,
        {
            "duplicate": walk_in.trainee_id,
            "keep": known.trainee_id,
            "next_session": session.pk,
        },
    )
    assert not Trainee.objects.filter(pk=walk_in.trainee_id).exists()


def test_other_organisation_cannot_merge_our_trainees(
    client, other_organizer, trainer, session
):
    known = enrol(session.training_class, "Lù Văn Sáng")
    walk_in = enrol(session.training_class, "Lù V. Sáng")
    data = {"duplicate": walk_in.trainee_id, "keep": known.trainee_id}
    client.force_login(other_organizer)
    assert client.post(reverse("courses:merge-trainees"), data).status_code == 404
    client.force_login(trainer)  # sees the people, may not change them
    assert client.post(reverse("courses:merge-trainees"), data).status_code == 403
    assert Trainee.objects.filter(pk=walk_in.trainee_id).exists()


def test_merge_keeps_the_duplicates_data_requests_on_the_kept_trainee(
    organizer, session
):
    from courses.models import DataSubjectRequest
    from courses.privacy.subject_rights import file_request

    known = enrol(session.training_class, "Lò Văn Thắng")
    walk_in = enrol(session.training_class, "Lò Văn Thắng")
    request = file_request(
        trainee=walk_in.trainee,
        kind=DataSubjectRequest.Kind.ACCESS,
        by=organizer,
    )

    merge_trainees(keep=known.trainee, duplicate=walk_in.trainee, by=organizer)

    request.refresh_from_db()
    assert request.trainee_id == known.trainee_id


def test_merging_two_open_requests_of_one_kind_keeps_one_open(organizer, session):
    from courses.models import DataSubjectRequest
    from courses.privacy.subject_rights import file_request

    known = enrol(session.training_class, "Lò Văn Thắng")
    walk_in = enrol(session.training_class, "Lò Văn Thắng")
    kept = file_request(
        trainee=known.trainee, kind=DataSubjectRequest.Kind.ACCESS, by=organizer
    )
    folded = file_request(
        trainee=walk_in.trainee, kind=DataSubjectRequest.Kind.ACCESS, by=organizer
    )

    merge_trainees(keep=known.trainee, duplicate=walk_in.trainee, by=organizer)

    kept.refresh_from_db()
    folded.refresh_from_db()
    assert (kept.status, folded.status) == ("open", "done")
    assert folded.trainee_id == known.trainee_id
