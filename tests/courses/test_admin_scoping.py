"""Organizers see their organisation's tree, trainers their classes, in the admin."""

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import ClassEditAfterLock, Enrollment, Trainee
from courses.services import enroll
from tests.courses.factories import (
    OrganisationFactory,
    TraineeFactory,
    TrainingClassFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_class(organisation):
    return TrainingClassFactory(organisation=organisation, title="Lớp của mình")


@pytest.fixture
def foreign_class(other_organisation):
    return TrainingClassFactory(
        organisation=other_organisation, title="Lớp đơn vị khác"
    )


def test_organizer_lists_only_classes_of_their_organisation_tree(
    client, organizer, organisation, own_class, foreign_class
):
    unit = OrganisationFactory(name="Trạm Y tế xã Lăng Can", parent=organisation)
    TrainingClassFactory(organisation=unit, title="Lớp của đơn vị trực thuộc")
    client.force_login(organizer)
    html = client.get("/admin/trainingclass/").content.decode()
    assert "Lớp của mình" in html
    assert "Lớp của đơn vị trực thuộc" in html
    assert "Lớp đơn vị khác" not in html


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_organisations_class_is_not_found_by_its_id(
    client, organizer, foreign_class, view
):
    client.force_login(organizer)
    response = client.get(f"/admin/trainingclass/{view}/{foreign_class.pk}/")
    assert response.status_code == 404


def test_organizer_opens_their_own_class_for_editing(client, organizer, own_class):
    client.force_login(organizer)
    response = client.get(f"/admin/trainingclass/edit/{own_class.pk}/")
    assert response.status_code == 200
    assert "Các buổi học" in response.content.decode()


def test_trainer_sees_only_the_classes_they_teach(client, trainer, own_class):
    taught = TrainingClassFactory(title="Lớp mình dạy")
    taught.trainers.add(trainer)
    client.force_login(trainer)
    html = client.get("/admin/trainingclass/").content.decode()
    assert "Lớp mình dạy" in html
    assert "Lớp của mình" not in html


def test_trainees_list_is_scoped_and_hides_other_organisations_people(
    client, organizer, organisation, other_organisation
):
    TraineeFactory(full_name="Lò Thị Hoà", organisation=organisation)
    TraineeFactory(full_name="Vàng Văn Sính", organisation=other_organisation)
    client.force_login(organizer)
    html = client.get("/admin/trainee/").content.decode()
    assert "Lò Thị Hoà" in html
    assert "Vàng Văn Sính" not in html


def test_trainee_search_ignores_diacritics(client, organizer, organisation):
    TraineeFactory(full_name="Lò Thị Hoà", organisation=organisation)
    client.force_login(organizer)
    html = client.get("/admin/trainee/", {"q": "hoa"}).content.decode()
    assert "Lò Thị Hoà" in html


def test_sensitive_fields_are_hidden_without_the_permission(
    client, organizer, organisation
):
    trainee = TraineeFactory(
        organisation=organisation, national_id="001234567890", ethnicity="Tày"
    )
    client.force_login(organizer)
    html = client.get(f"/admin/trainee/edit/{trainee.pk}/").content.decode()
    assert "001234567890" not in html
    assert 'name="national_id"' not in html


def test_sensitive_fields_show_to_those_granted_them(client, organizer, organisation):
    from django.contrib.auth.models import Permission

    organizer.user_permissions.add(
        Permission.objects.get(codename="view_sensitive_trainee")
    )
    trainee = TraineeFactory(organisation=organisation, national_id="001234567890")
    client.force_login(organizer)
    html = client.get(f"/admin/trainee/edit/{trainee.pk}/").content.decode()
    assert "001234567890" in html


def test_organizer_cannot_edit_a_locked_class(client, organizer, own_class):
    own_class.locked_at = timezone.now()
    own_class.save()
    client.force_login(organizer)
    response = client.post(
        f"/admin/trainingclass/edit/{own_class.pk}/",
        _class_form(own_class, title="Đổi tên"),
    )
    own_class.refresh_from_db()
    assert own_class.title == "Lớp của mình"
    assert "đã khoá sổ" in response.content.decode()


def test_superuser_edits_a_locked_class_only_with_a_logged_reason(client, own_class):
    admin = UserFactory(is_superuser=True, is_staff=True)
    own_class.locked_at = timezone.now()
    own_class.save()
    client.force_login(admin)
    url = f"/admin/trainingclass/edit/{own_class.pk}/"
    client.post(url, _class_form(own_class, title="Đổi tên"))
    own_class.refresh_from_db()
    assert own_class.title == "Lớp của mình"

    client.post(
        url, _class_form(own_class, title="Đổi tên", edit_reason="Sai chính tả")
    )
    own_class.refresh_from_db()
    assert own_class.title == "Đổi tên"
    log = ClassEditAfterLock.objects.get()
    assert log.reason == "Sai chính tả"
    assert "title" in log.changes


def test_organizer_enrols_a_trainee_from_the_admin_through_the_service(
    client, organizer, organisation, own_class
):
    trainee = TraineeFactory(organisation=organisation)
    client.force_login(organizer)
    client.post(
        "/admin/enrollment/new/",
        {"training_class": own_class.pk, "trainee": trainee.pk},
    )
    enrollment = Enrollment.objects.get()
    assert enrollment.method == Enrollment.Method.ORGANIZER
    assert enrollment.enrolled_by == organizer
    own_class.refresh_from_db()
    assert own_class.seats_taken == 1


def test_full_class_refusal_shows_in_the_admin_form(client, organizer, organisation):
    full = TrainingClassFactory(organisation=organisation, capacity=1)
    enroll(
        trainee=TraineeFactory(),
        training_class=full,
        method=Enrollment.Method.ORGANIZER,
    )
    client.force_login(organizer)
    response = client.post(
        "/admin/enrollment/new/",
        {
            "training_class": full.pk,
            "trainee": TraineeFactory(organisation=organisation).pk,
        },
    )
    assert "đủ số chỗ" in response.content.decode()
    assert Enrollment.objects.count() == 1


def test_organizer_cannot_enrol_into_another_organisations_class(
    client, organizer, organisation, foreign_class
):
    trainee = TraineeFactory(organisation=organisation)
    client.force_login(organizer)
    client.post(
        "/admin/enrollment/new/",
        {"training_class": foreign_class.pk, "trainee": trainee.pk},
    )
    assert not Enrollment.objects.exists()


def test_withdrawing_from_the_admin_frees_the_seat(
    client, organizer, organisation, own_class
):
    enrollment = enroll(
        trainee=TraineeFactory(organisation=organisation),
        training_class=own_class,
        method=Enrollment.Method.ORGANIZER,
    )
    client.force_login(organizer)
    client.post(
        f"/admin/enrollment/edit/{enrollment.pk}/",
        {"status": Enrollment.Status.WITHDRAWN},
    )
    own_class.refresh_from_db()
    assert own_class.seats_taken == 0
    assert Trainee.objects.count() == 1


def test_re_enrolling_into_a_class_filled_meanwhile_shows_the_refusal(
    client, organizer, organisation
):
    full = TrainingClassFactory(organisation=organisation, capacity=1)
    first = enroll(
        trainee=TraineeFactory(organisation=organisation),
        training_class=full,
        method=Enrollment.Method.ORGANIZER,
    )
    client.force_login(organizer)
    url = f"/admin/enrollment/edit/{first.pk}/"
    client.post(url, {"status": Enrollment.Status.WITHDRAWN})
    enroll(
        trainee=TraineeFactory(organisation=organisation),
        training_class=full,
        method=Enrollment.Method.ORGANIZER,
    )

    response = client.post(url, {"status": Enrollment.Status.ACTIVE})

    assert "đủ số chỗ" in response.content.decode()
    first.refresh_from_db()
    assert first.status == Enrollment.Status.WITHDRAWN
    full.refresh_from_db()
    assert full.seats_taken == 1


def _class_form(training_class, **overrides):
    data = {
        "code": training_class.code,
        "course": training_class.course_id,
        "title": training_class.title,
        "organisation": training_class.organisation_id,
        "starts_on": training_class.starts_on.strftime("%d/%m/%Y"),
        "ends_on": training_class.ends_on.strftime("%d/%m/%Y"),
        "mode": training_class.mode,
        "capacity": training_class.capacity,
        "venue": training_class.venue,
        "unit_label": "",
        "unit_province_code": "",
        "unit_commune_code": "",
        "funding_source": "",
        "decision_number": "",
        "sessions-TOTAL_FORMS": "0",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "allowance_rates-TOTAL_FORMS": "0",
        "allowance_rates-INITIAL_FORMS": "0",
        "allowance_rates-MIN_NUM_FORMS": "0",
        "allowance_rates-MAX_NUM_FORMS": "1000",
        "late_points": "1",
        "excused_points": "0",
        "late_after_minutes": "15",
        "completion_attendance_percent": "",
        "edit_reason": "",
    }
    data.update(overrides)
    return data


def test_organizer_enters_allowance_rates_inline_with_the_class(
    client, organizer, own_class
):
    client.force_login(organizer)
    client.post(
        f"/admin/trainingclass/edit/{own_class.pk}/",
        _class_form(
            own_class,
            **{
                "allowance_rates-TOTAL_FORMS": "1",
                "allowance_rates-0-label": "Tiền ăn",
                "allowance_rates-0-rate_per_day": "150000",
                "allowance_rates-0-ORDER": "1",
            },
        ),
    )
    rate = own_class.allowance_rates.get()
    assert (rate.label, rate.rate_per_day) == ("Tiền ăn", 150000)


def test_class_edit_page_links_to_its_results_attendance_and_exports(
    client, organizer, own_class
):
    client.force_login(organizer)
    html = client.get(f"/admin/trainingclass/edit/{own_class.pk}/").content.decode()
    for screen in (
        reverse("courses_class_quiz_report", args=[own_class.pk]),
        reverse("courses:class-sessions", args=[own_class.pk]),
        reverse("courses_class_exports", args=[own_class.pk]),
    ):
        assert screen in html
