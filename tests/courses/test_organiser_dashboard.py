"""The organiser's dashboard: classes of the month, attendance, completions by commune,
refresher-due trainees; scoped to the organisation's tree, in a fixed number of
queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.charts import bars
from courses.dashboard import build_dashboard, months_before
from courses.models import ClassSession, Enrollment
from courses.services import enroll
from courses.services.attendance import record_attendance
from tests.courses.factories import (
    ClassSessionFactory,
    TraineeFactory,
    TrainingClassFactory,
)

URL = "/admin/training-overview/"


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(8)))


def _enrol(training_class, trainee=None, *, on: dt.date, completed_on=None):
    enrollment = enroll(
        trainee=trainee or TraineeFactory(),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=_at(on), completed_at=completed_on and _at(completed_on)
    )
    enrollment.refresh_from_db()
    return enrollment


@pytest.fixture
def last_month() -> dt.date:
    return months_before(timezone.localdate().replace(day=1), 1)


@pytest.fixture
def class_with_attendance(organisation, organizer, last_month):
    """Two days, one session each; one trainee late (half a point), one enrolled late.

    e1 present, present: 100. e2 late, absent: 25. e3 (enrolled on day 2) present: 100.
    """
    day1, day2 = last_month, last_month + dt.timedelta(days=1)
    training_class = TrainingClassFactory(
        organisation=organisation,
        code="DS-THANG",
        starts_on=day1,
        ends_on=day2,
        capacity=30,
        late_points=Decimal("0.5"),
    )
    s1 = ClassSessionFactory(training_class=training_class, held_on=day1)
    s2 = ClassSessionFactory(
        training_class=training_class, held_on=day2, part=ClassSession.Part.AFTERNOON
    )
    e1, e2 = _enrol(training_class, on=day1), _enrol(training_class, on=day1)
    e3 = _enrol(training_class, on=day2)
    for session, enrollment, status in [
        (s1, e1, "present"),
        (s2, e1, "present"),
        (s1, e2, "late"),
        (s2, e2, "absent"),
        (s2, e3, "present"),
    ]:
        record_attendance(
            session=session,
            enrollment=enrollment,
            status=status,
            method="roll_call",
            by=organizer,
        )
    return training_class, s1, s2


def test_organiser_sees_the_month_s_classes_with_seats_sessions_and_attendance(
    client, organizer, class_with_attendance, last_month
):
    training_class, s1, s2 = class_with_attendance
    client.force_login(organizer)
    response = client.get(URL, {"month": last_month.strftime("%Y-%m")})
    assert response.status_code == 200
    summary = response.context["dashboard"].classes[0]
    assert summary.training_class == training_class
    assert summary.sessions_count == 2
    assert summary.trainees == 3
    assert summary.rate == Decimal("75.00")
    by_session = {line.session: line for line in summary.sessions}
    assert (by_session[s1].expected, by_session[s1].rate) == (2, Decimal("75.00"))
    assert (by_session[s2].expected, by_session[s2].rate) == (3, Decimal("66.67"))
    html = response.content.decode()
    assert "DS-THANG" in html
    assert "3/30" in html
    assert f"{last_month:%d/%m/%Y}" in html


def test_other_organisation_s_classes_are_absent_from_the_dashboard(
    client, other_organizer, class_with_attendance, last_month
):
    TrainingClassFactory(
        organisation=other_organizer.organisation,
        code="CTXH-KHAC",
        starts_on=last_month,
        ends_on=last_month,
    )
    client.force_login(other_organizer)
    response = client.get(URL, {"month": last_month.strftime("%Y-%m")})
    html = response.content.decode()
    assert "CTXH-KHAC" in html
    assert "DS-THANG" not in html
    assert [s.training_class.code for s in response.context["dashboard"].classes] == [
        "CTXH-KHAC"
    ]


def test_classes_of_another_month_are_not_listed(
    client, organizer, class_with_attendance, last_month
):
    client.force_login(organizer)
    response = client.get(
        URL, {"month": months_before(last_month, 2).strftime("%Y-%m")}
    )
    assert response.context["dashboard"].classes == []
    assert "DS-THANG" not in response.content.decode()


def test_completions_are_counted_by_2025_commune_with_old_records_mapped(
    client, organizer, other_organizer, tiny_admin_units, last_month
):
    u = tiny_admin_units
    ours = TrainingClassFactory(
        organisation=organizer.organisation, starts_on=last_month, ends_on=last_month
    )
    theirs = TrainingClassFactory(
        organisation=other_organizer.organisation,
        starts_on=last_month,
        ends_on=last_month,
    )

    def trainee_in(unit, province):
        trainee = TraineeFactory()
        trainee.set_unit(unit, province=province)
        trainee.save()
        return trainee

    for trainee in [
        trainee_in(u["lam_binh"], u["tuyen_quang"]),
        trainee_in(u["old_lang_can"], u["old_tuyen_quang"]),  # now Lâm Bình
        trainee_in(u["old_phu_my"], u["old_hcmc"]),  # split: not guessed
        TraineeFactory(),  # no address
    ]:
        _enrol(ours, trainee, on=last_month, completed_on=last_month)
    _enrol(ours, trainee_in(u["tan_hung"], u["hcmc"]), on=last_month)  # not completed
    _enrol(
        theirs,
        trainee_in(u["tan_hung"], u["hcmc"]),
        on=last_month,
        completed_on=last_month,
    )

    client.force_login(organizer)
    dashboard = client.get(URL).context["dashboard"]
    counts = {
        (line.place.commune, line.place.province): line.completions
        for line in dashboard.completions
    }
    assert counts == {
        ("Xã Lâm Bình", "Tỉnh Tuyên Quang"): 2,
        ("Chưa xác định (xã/phường cũ đã chia tách)", "Thành phố Hồ Chí Minh"): 1,
        ("Chưa rõ xã/phường", ""): 1,
    }
    assert dashboard.completions_total == 4
    assert dashboard.completions[0].place.commune == "Xã Lâm Bình"


def test_refresher_list_holds_trainees_whose_last_completed_class_ended_n_months_ago(
    client, organizer, other_organizer, tiny_admin_units
):
    u = tiny_admin_units
    today = timezone.localdate()
    long_ago, recently = months_before(today, 14), months_before(today, 2)
    old_class = TrainingClassFactory(
        organisation=organizer.organisation, starts_on=long_ago, ends_on=long_ago
    )
    recent_class = TrainingClassFactory(
        organisation=organizer.organisation, starts_on=recently, ends_on=recently
    )
    upcoming = TrainingClassFactory(
        organisation=organizer.organisation,
        starts_on=today + dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=11),
    )
    their_class = TrainingClassFactory(
        organisation=other_organizer.organisation, starts_on=long_ago, ends_on=long_ago
    )
    due = TraineeFactory(full_name="Hoàng Văn Tú")
    due.set_unit(u["old_khuon_ha"], province=u["old_tuyen_quang"])  # → Thượng Lâm
    due.save()
    trained_again = TraineeFactory(full_name="Lý Thị An")
    booked = TraineeFactory(full_name="Ma Văn Bảo")
    theirs = TraineeFactory(full_name="Đinh Thị Cúc")
    for trainee in (due, trained_again, booked):
        _enrol(old_class, trainee, on=long_ago, completed_on=long_ago)
    _enrol(recent_class, trained_again, on=recently, completed_on=recently)
    _enrol(upcoming, booked, on=today)
    _enrol(their_class, theirs, on=long_ago, completed_on=long_ago)

    client.force_login(organizer)
    dashboard = client.get(URL).context["dashboard"]
    assert dashboard.refresher_months == 12
    assert [
        (group.place.commune, [d.trainee.full_name for d in group.trainees])
        for group in dashboard.refresher_due
    ] == [("Xã Thượng Lâm", ["Hoàng Văn Tú"])]
    assert dashboard.refresher_due[0].trainees[0].last_ended_on == long_ago

    shorter = client.get(URL, {"months": "1"}).context["dashboard"]
    names = {d.trainee.full_name for g in shorter.refresher_due for d in g.trainees}
    assert names == {"Hoàng Văn Tú", "Lý Thị An"}


def test_dashboard_queries_do_not_grow_with_the_number_of_classes(
    organizer, organisation, last_month, tiny_admin_units
):
    def add_class():
        training_class = TrainingClassFactory(
            organisation=organisation, starts_on=last_month, ends_on=last_month
        )
        session = ClassSessionFactory(training_class=training_class)
        for _ in range(2):
            enrollment = _enrol(training_class, on=last_month, completed_on=last_month)
            record_attendance(
                session=session, enrollment=enrollment, status="present", method="qr"
            )
        return training_class

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            dashboard = build_dashboard(
                user=organizer, month=last_month, today=timezone.localdate()
            )
        return len(captured), len(dashboard.classes)

    add_class()
    queries()  # the user's permissions are cached after the first
    one, counted = queries()
    assert counted == 1
    for _ in range(4):
        add_class()
    five, counted = queries()
    assert counted == 5
    assert five == one


def test_dashboard_page_stays_within_a_fixed_query_budget(
    client, organizer, class_with_attendance, last_month, django_assert_max_num_queries
):
    client.force_login(organizer)
    with django_assert_max_num_queries(30):
        response = client.get(URL, {"month": last_month.strftime("%Y-%m")})
    assert response.status_code == 200


def test_charts_are_inline_svg_bars_labelled_for_screen_readers(
    client, organizer, class_with_attendance, last_month
):
    client.force_login(organizer)
    html = client.get(URL, {"month": last_month.strftime("%Y-%m")}).content.decode()
    assert '<svg role="img" aria-label="DS-THANG: 75,00%"' in html
    assert 'width="75.0%"' in html
    assert "<script" not in html.split('id="classes-this-month"')[1]


def test_bars_scale_to_the_largest_value_or_a_given_full_scale():
    assert [b.width for b in bars([("a", 2), ("b", 4), ("c", None)])] == [
        "50.0",
        "100.0",
        "0.0",
    ]
    assert bars([("x", Decimal("66.67"))], scale=100)[0].width == "66.7"


def test_months_before_keeps_the_day_or_the_month_s_last_day():
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)


def test_trainer_without_organiser_rights_cannot_open_the_dashboard(client, trainer):
    client.force_login(trainer)
    response = client.get(URL)
    # Wagtail turns PermissionDenied into a redirect to the admin home.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_menu_shows_the_dashboard_to_organisers_only(client, organizer, trainer):
    client.force_login(organizer)
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(trainer)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
