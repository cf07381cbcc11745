"""Province / district / commune cells of a roster → 2025 units, splits refused."""

import pytest

from courses.models import Trainee, UnitScheme
from courses.roster.services import RosterRejected, check_roster, import_roster
from tests.courses.factories import TrainingClassFactory
from tests.courses.roster_files import HEADERS, person, xlsx_bytes

pytestmark = pytest.mark.django_db

UNIT_HEADERS = [*HEADERS, "Xã/Phường", "Huyện/Quận", "Tỉnh/TP"]


@pytest.fixture
def training_class(organisation):
    return TrainingClassFactory(organisation=organisation, capacity=30)


def roster(*places: tuple[str, str, str]) -> bytes:
    rows = [[*person(n), *place] for n, place in enumerate(places, 1)]
    return xlsx_bytes(rows, UNIT_HEADERS)


def test_old_commune_and_district_are_stored_as_the_2025_commune(
    training_class, tiny_admin_units
):
    data = roster(("TT Lăng Can", "Huyện Lâm Bình", "Tuyên Quang"))

    report = import_roster(data=data, filename="ds.xlsx", training_class=training_class)

    trainee = Trainee.objects.get()
    assert trainee.unit_scheme == UnitScheme.CURRENT
    assert trainee.unit_commune_code == tiny_admin_units["lam_binh"].code
    assert trainee.unit_province_code == 908
    assert trainee.unit_label == "Xã Lâm Bình, Tỉnh Tuyên Quang"
    assert [str(n) for n in report.notices] == [
        "Dòng 2, cột “Xã/Phường”: “TT Lăng Can, Huyện Lâm Bình, Tuyên Quang” là "
        "đơn vị cũ; đã ghi đơn vị mới: Xã Lâm Bình, Tỉnh Tuyên Quang."
    ]


def test_new_commune_by_name_is_stored_without_notice(training_class, tiny_admin_units):
    report = check_roster(
        data=roster(("Phường Tân Hưng", "", "TP HCM")),
        filename="ds.xlsx",
        training_class=training_class,
    )

    assert report.is_valid
    assert report.notices == []
    assert report.rows[0].values["unit_commune_code"] == 97901


def test_split_ward_is_a_row_error_naming_the_new_wards(
    training_class, tiny_admin_units
):
    data = roster(
        ("Phường Tân Hưng", "", "TP HCM"), ("Phường Phú Mỹ", "Quận 7", "TP HCM")
    )

    with pytest.raises(RosterRejected) as excinfo:
        import_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert [str(p) for p in excinfo.value.report.errors] == [
        "Dòng 3, cột “Xã/Phường”: Phường Phú Mỹ (cũ) nay thuộc Phường Phú Thuận "
        "hoặc Phường Tân Mỹ: ghi rõ đơn vị mới."
    ]
    assert Trainee.objects.count() == 0


def test_unknown_commune_is_a_row_error(training_class, tiny_admin_units):
    report = check_roster(
        data=roster(("Xã Không Có", "", "Tuyên Quang")),
        filename="ds.xlsx",
        training_class=training_class,
    )

    (problem,) = report.errors
    assert problem.row == 2
    assert "Không tìm thấy “Xã Không Có, Tuyên Quang”" in problem.message


def test_same_name_and_year_in_different_communes_are_different_people(
    training_class, tiny_admin_units
):
    rows = [
        [*person(1, **{"Họ và tên": "Ma Thị Hoà"}), "Xã Lâm Bình", "", "Tuyên Quang"],
        [*person(2, **{"Họ và tên": "Ma Thị Hòa"}), "Xã Thượng Lâm", "", "Tuyên Quang"],
    ]

    report = check_roster(
        data=xlsx_bytes(rows, UNIT_HEADERS),
        filename="ds.xlsx",
        training_class=training_class,
    )

    assert report.is_valid
