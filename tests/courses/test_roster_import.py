"""import_roster: all rows or none, duplicates reported, capacity respected."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from courses.models import Enrollment, Trainee
from courses.roster.services import RosterRejected, check_roster, import_roster
from tests.courses.factories import (
    OrganisationFactory,
    TraineeFactory,
    TrainingClassFactory,
)
from tests.courses.roster_files import (
    HEADERS,
    csv_bytes,
    named_rows,
    person,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_class(organisation):
    return TrainingClassFactory(organisation=organisation, code="LB-DS-01", capacity=30)


def run_import(training_class, data, filename="ds.xlsx", **kwargs):
    return import_roster(
        data=data, filename=filename, training_class=training_class, **kwargs
    )


def problems_of(excinfo) -> list[str]:
    return [str(problem) for problem in excinfo.value.report.errors]


def test_valid_roster_creates_trainees_and_enrolls_them_by_import(
    training_class, organizer
):
    data = xlsx_bytes(named_rows(["Nguyễn Thị Hoà", "Đặng Văn Ơn"]), title_block=True)

    report = run_import(training_class, data, by=organizer)

    assert report.created == 2
    hoa = Trainee.objects.get(full_name="Nguyễn Thị Hoà")
    assert hoa.name_folded == "nguyen thi hoa"
    assert hoa.given_name == "Hoà"
    assert hoa.sex == Trainee.Sex.FEMALE
    assert hoa.birth_date.isoformat() == "1985-03-05"
    assert hoa.birth_year == 1985
    assert hoa.phone == "+84912000001"
    assert hoa.role == Trainee.Role.POPULATION_COLLABORATOR
    enrollment = Enrollment.objects.get(trainee=hoa)
    assert enrollment.training_class == training_class
    assert enrollment.method == Enrollment.Method.IMPORT
    assert enrollment.enrolled_by == organizer
    training_class.refresh_from_db()
    assert training_class.seats_taken == 2


def test_a_bad_last_row_writes_nothing_at_all(training_class):
    rows = [person(n) for n in range(1, 6)]
    rows.append(person(6, **{"Số điện thoại": "12345"}))

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    assert Trainee.objects.count() == 0
    assert Enrollment.objects.count() == 0
    training_class.refresh_from_db()
    assert training_class.seats_taken == 0
    assert problems_of(excinfo) == [
        "Dòng 7, cột “Số điện thoại”: Số điện thoại “12345” không hợp lệ."
    ]


def test_check_roster_reports_repairs_and_writes_nothing(training_class):
    rows = [person(1, **{"Số điện thoại": 1662345678})]

    report = check_roster(
        data=xlsx_bytes(rows), filename="ds.xlsx", training_class=training_class
    )

    assert report.is_valid
    assert Trainee.objects.count() == 0
    assert [str(n) for n in report.notices] == [
        "Dòng 2, cột “Số điện thoại”: Số điện thoại “1662345678” đã sửa thành "
        "0362 345 678."
    ]
    assert report.rows[0].values["phone"] == "+84362345678"


def test_unknown_columns_are_ignored_with_a_notice(training_class):
    headers = [*HEADERS, "Số tài khoản"]
    data = xlsx_bytes([[*person(1), "0123"]], headers)

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert report.is_valid
    assert "Bỏ qua các cột không dùng: “Số tài khoản”." in [
        str(n) for n in report.notices
    ]


def test_missing_name_column_is_a_file_error(training_class):
    headers = ["STT", "Ngày sinh", "Số điện thoại"]
    data = xlsx_bytes([[1, "1985", "0912345678"]], headers)

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert not report.is_valid
    assert "Không có cột “Họ và tên”" in str(report.errors[0])


def test_duplicate_phone_inside_the_file_names_both_rows(training_class):
    rows = [
        person(1, **{"Số điện thoại": "0912345678"}),
        person(2),
        person(3, **{"Số điện thoại": "912345678"}),
    ]

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    assert problems_of(excinfo) == [
        "Dòng 2, cột “Số điện thoại”: Trùng với dòng 4 (cùng số điện thoại).",
        "Dòng 4, cột “Số điện thoại”: Trùng với dòng 2 (cùng số điện thoại).",
    ]
    assert Trainee.objects.count() == 0


def test_hoa_with_either_tone_placement_is_the_same_person(training_class):
    rows = [
        person(1, **{"Họ và tên": "Ma Thị Hoà", "Ngày sinh": "1990"}),
        person(2, **{"Họ và tên": "Ma Thị Hòa", "Ngày sinh": "1990"}),
    ]

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    assert problems_of(excinfo) == [
        "Dòng 2, cột “Họ và tên”: Trùng với dòng 3 (cùng họ tên, năm sinh và xã).",
        "Dòng 3, cột “Họ và tên”: Trùng với dòng 2 (cùng họ tên, năm sinh và xã).",
    ]


def test_existing_trainee_with_same_name_and_year_is_reported_not_merged(
    training_class,
):
    existing = TraineeFactory(
        full_name="Ma Thị Hòa",
        birth_year=1990,
        phone="",
        organisation=training_class.organisation,
    )
    rows = [person(1, **{"Họ và tên": "Ma Thị Hoà", "Ngày sinh": "1990"})]

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    assert problems_of(excinfo) == [
        "Dòng 2, cột “Họ và tên”: Trùng với học viên đã có “Ma Thị Hòa, sinh 1990” "
        f"(mã {existing.pk}) (cùng họ tên, năm sinh và xã)."
    ]
    assert Trainee.objects.count() == 1


def test_a_duplicate_in_another_organisation_is_not_named(
    training_class, other_organisation
):
    existing = TraineeFactory(
        full_name="Lò Văn Páo", phone="+84912345678", organisation=other_organisation
    )
    rows = [person(1, **{"Số điện thoại": "0912 345 678"})]

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    (problem,) = problems_of(excinfo)
    assert "Lò Văn Páo" not in problem
    assert f"thuộc đơn vị khác (mã {existing.pk})" in problem


def test_existing_trainee_already_in_the_class_is_said_so(training_class):
    existing = TraineeFactory(full_name="Lò Văn Páo", phone="+84912345678")
    Enrollment.objects.create(
        trainee=existing,
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )
    rows = [person(1, **{"Số điện thoại": "0912 345 678"})]

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))

    (problem,) = problems_of(excinfo)
    assert f"(mã {existing.pk}) (cùng số điện thoại)" in problem
    assert problem.endswith("Người này đã có trong lớp.")


def test_roster_larger_than_the_seats_left_is_refused_whole(organisation):
    training_class = TrainingClassFactory(organisation=organisation, capacity=2)

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes([person(n) for n in range(1, 4)]))

    assert problems_of(excinfo) == [
        "Danh sách có 3 người nhưng lớp chỉ còn 2 chỗ (0/2). Hãy tăng số chỗ của lớp "
        "hoặc bớt người."
    ]
    assert Trainee.objects.count() == 0


def test_organisation_is_matched_inside_the_class_organisation_tree(
    training_class, organisation, other_organisation
):
    unit = OrganisationFactory(name="Trạm Y tế xã Lăng Can", parent=organisation)
    headers = [*HEADERS, "Đơn vị"]
    rows = [
        [*person(1), "trạm y tế xã lăng can"],
        [*person(2), other_organisation.name],
    ]

    report = run_import(training_class, xlsx_bytes(rows, headers))

    first, second = Trainee.objects.order_by("full_name")
    assert {first.organisation, second.organisation} == {unit, None}
    assert any(
        "Không có đơn vị “Trung tâm Công tác xã hội tỉnh Phú Thọ”" in str(n)
        for n in report.notices
    )


def test_formula_cell_is_a_row_error_and_formula_looking_text_is_kept(
    training_class,
):
    rows = [person(1, **{"Chức danh": '=HYPERLINK("x")'}), person(2)]
    data = xlsx_bytes(rows, formulas={"B3": '=CONCAT("Lò"," Thị Mai")'})

    with pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, data)

    (problem,) = problems_of(excinfo)
    assert problem.startswith("Dòng 3, cột “Họ và tên”: Ô chứa công thức")

    report = run_import(training_class, xlsx_bytes([rows[0]]))
    assert report.created == 1
    assert Trainee.objects.get().role == Trainee.Role.OTHER


def test_csv_formula_looking_text_is_stored_as_plain_text(training_class):
    headers = [*HEADERS, "Ghi chú"]
    data = csv_bytes([[*person(1), "=1+1"], [*person(2), "@SUM(A1)"]], headers)

    run_import(training_class, data, filename="ds.csv")

    assert sorted(Trainee.objects.values_list("notes", flat=True)) == [
        "=1+1",
        "@SUM(A1)",
    ]


def test_problems_are_in_english_when_the_request_is(training_class):
    rows = [person(1, **{"Giới tính": "X"})]
    with translation.override("en"), pytest.raises(RosterRejected) as excinfo:
        run_import(training_class, xlsx_bytes(rows))
    (problem,) = excinfo.value.report.errors
    assert problem.row == 2
    assert problem.column == "Giới tính"


def test_command_dry_run_writes_nothing(training_class, tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes([person(1), person(2)]))

    call_command("import_roster", str(path), "--class", "LB-DS-01", "--dry-run")

    assert Trainee.objects.count() == 0
    assert "2 học viên hợp lệ" in capsys.readouterr().out


def test_command_imports_and_says_how_many(training_class, tmp_path, capsys):
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes([person(1), person(2)], encoding="utf-8-sig"))

    call_command("import_roster", str(path), "--class", "LB-DS-01")

    assert Trainee.objects.count() == 2
    assert "Đã thêm 2 học viên vào lớp LB-DS-01." in capsys.readouterr().out


def test_command_prints_each_problem_and_fails(training_class, tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes([person(1), person(2, **{"Ngày sinh": "31/02/1985"})]))

    with pytest.raises(CommandError, match="1 lỗi; chưa ghi gì"):
        call_command("import_roster", str(path), "--class", "LB-DS-01")

    assert Trainee.objects.count() == 0
    assert "Dòng 3, cột “Ngày sinh”: Ngày sinh “31/02/1985” không đọc được" in (
        capsys.readouterr().err
    )


def test_command_exits_non_zero_from_the_shell(training_class, tmp_path):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(xlsx_bytes([person(1, **{"Họ và tên": ""})]))

    with pytest.raises(CommandError):
        call_command("import_roster", str(path), "--class", "LB-DS-01")
    with pytest.raises(CommandError, match="Không có lớp mã “NOPE”"):
        call_command("import_roster", str(path), "--class", "NOPE")
