import pytest
from django.core.management import call_command

from courses.admin_units import UnitIndex, map_to_current, resolve_commune
from courses.models import AdminUnit, AdminUnitSuccession, UnitScheme

pytestmark = pytest.mark.django_db


# Resolver, on the hand-made units


def test_a_2025_commune_is_found_by_its_name(tiny_admin_units):
    result = resolve_commune(province="Tuyên Quang", commune="Xã Thượng Lâm")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["thuong_lam"]
    assert result.province == tiny_admin_units["tuyen_quang"]
    assert result.was_legacy is False


def test_an_old_commune_is_carried_to_its_2025_successor(tiny_admin_units):
    result = resolve_commune(province="Tuyên Quang", commune="Thị trấn Lăng Can")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["lam_binh"]
    assert result.province == tiny_admin_units["tuyen_quang"]
    assert result.was_legacy is True


@pytest.mark.parametrize(
    "commune",
    [
        "xa lang can",
        "LĂNG CAN",
        "  Lăng   Can ",
        "TT Lăng Can",
        "TT. Lăng Can",
        "thi tran lang can",
        "Lăng Can (cũ)",
    ],
)
def test_case_diacritics_spacing_and_prefixes_do_not_matter(tiny_admin_units, commune):
    result = resolve_commune(province="tuyen quang", commune=commune)

    assert result.status == "found"
    assert result.commune == tiny_admin_units["lam_binh"]


@pytest.mark.parametrize(
    "province",
    ["TP.HCM", "TP HCM", "Tp. Hồ Chí Minh", "thanh pho ho chi minh", "Sài Gòn", "979"],
)
def test_province_is_read_in_its_usual_spellings_and_by_code(
    tiny_admin_units, province
):
    result = resolve_commune(province=province, commune="P. Tân Hưng")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["tan_hung"]
    assert result.province == tiny_admin_units["hcmc"]


def test_tone_placement_does_not_matter_but_tones_do(tiny_admin_units):
    # "Lâm Bình" vs a hypothetical "Lâm Bỉnh": only the tone mark differs.
    AdminUnit.objects.create(
        scheme=UnitScheme.CURRENT,
        level=AdminUnit.Level.COMMUNE,
        code=90199,
        name="Xã Lâm Bỉnh",
        province_code=908,
    )

    exact = resolve_commune(province="Tuyên Quang", commune="Lâm Bình")
    unaccented = resolve_commune(province="Tuyên Quang", commune="Lam Binh")

    assert exact.status == "found"
    assert exact.commune == tiny_admin_units["lam_binh"]
    assert unaccented.status == "ambiguous"
    assert len(unaccented.candidates) == 2


def test_a_commune_is_found_by_its_2025_code_before_an_old_one(tiny_admin_units):
    # 90102 is today's Thượng Lâm and, before 2025, Phúc Yên (now in Lâm Bình).
    result = resolve_commune(commune="90102")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["thuong_lam"]
    assert result.was_legacy is False


def test_an_old_code_is_read_as_old_when_the_new_one_is_elsewhere(tiny_admin_units):
    # 97731 exists only as Quận 3's Phường 1.
    result = resolve_commune(province="Hồ Chí Minh", commune="97731")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["ban_co"]
    assert result.was_legacy is True


def test_an_old_province_leads_to_the_province_it_merged_into(tiny_admin_units):
    result = resolve_commune(province="Tỉnh Hà Giang", commune="Phường Nguyễn Trãi")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["ha_giang_1"]
    assert result.province == tiny_admin_units["tuyen_quang"]
    assert result.was_legacy is True


def test_a_new_commune_under_an_old_province_name_is_found(tiny_admin_units):
    result = resolve_commune(province="Hà Giang", commune="Hà Giang 1")

    assert result.status == "found"
    assert result.commune == tiny_admin_units["ha_giang_1"]
    assert result.was_legacy is True


def test_a_split_old_commune_offers_its_successors(tiny_admin_units):
    result = resolve_commune(province="Hồ Chí Minh", commune="Phường Phú Mỹ")

    assert result.status == "split"
    assert result.commune is None
    assert set(result.candidates) == {
        tiny_admin_units["phu_thuan"],
        tiny_admin_units["tan_my_hcm"],
    }
    assert result.province == tiny_admin_units["hcmc"]
    assert result.was_legacy is True


def test_the_same_name_in_two_provinces_without_a_province_is_ambiguous(
    tiny_admin_units,
):
    result = resolve_commune(commune="Tân Mỹ")

    assert result.status == "ambiguous"
    assert result.commune is None
    assert result.province is None
    assert set(result.candidates) == {
        tiny_admin_units["tan_my_tq"],
        tiny_admin_units["tan_my_hcm"],
    }


def test_the_province_or_the_prefix_settles_a_shared_name(tiny_admin_units):
    by_province = resolve_commune(province="Tuyên Quang", commune="Tân Mỹ")
    by_prefix = resolve_commune(commune="Phường Tân Mỹ")

    assert by_province.commune == tiny_admin_units["tan_my_tq"]
    assert by_prefix.commune == tiny_admin_units["tan_my_hcm"]


def test_the_old_district_tells_numbered_wards_apart(tiny_admin_units):
    without = resolve_commune(province="TP.HCM", commune="Phường 1")
    district_3 = resolve_commune(province="TP.HCM", commune="P.01", district="Q3")
    district_10 = resolve_commune(
        province="TP.HCM", commune="Phường 1", district="Quận 10"
    )

    assert without.status == "ambiguous"
    assert set(without.candidates) == {
        tiny_admin_units["ban_co"],
        tiny_admin_units["vuon_lai"],
    }
    assert district_3.commune == tiny_admin_units["ban_co"]
    assert district_10.commune == tiny_admin_units["vuon_lai"]


def test_the_old_district_reads_the_name_in_the_old_list(tiny_admin_units):
    # Today's Phường Tân Phú is another place than District 7's old Tân Phú ward.
    today = resolve_commune(province="Hồ Chí Minh", commune="Phường Tân Phú")
    in_old_district = resolve_commune(
        province="Hồ Chí Minh", commune="Phường Tân Phú", district="Quận 7"
    )

    assert today.commune == tiny_admin_units["tan_phu"]
    assert today.was_legacy is False
    assert in_old_district.status == "found"
    assert in_old_district.commune == tiny_admin_units["tan_my_hcm"]
    assert in_old_district.was_legacy is True


def test_an_unknown_commune_is_not_found_but_the_province_is_kept(tiny_admin_units):
    result = resolve_commune(province="Tuyên Quang", commune="Xã Không Có")

    assert result.status == "not_found"
    assert result.commune is None
    assert result.province == tiny_admin_units["tuyen_quang"]


def test_a_commune_from_another_province_is_not_found(tiny_admin_units):
    result = resolve_commune(province="Tuyên Quang", commune="Phường Tân Hưng")

    assert result.status == "not_found"


def test_an_unknown_province_is_not_found(tiny_admin_units):
    result = resolve_commune(province="Tỉnh Không Có", commune="Lăng Can")

    assert result.status == "not_found"
    assert result.province is None


def test_a_province_alone_is_found_without_a_commune(tiny_admin_units):
    result = resolve_commune(province="Hà Giang")

    assert result.status == "found"
    assert result.commune is None
    assert result.province == tiny_admin_units["tuyen_quang"]
    assert result.was_legacy is True


def test_an_index_answers_many_rows_with_two_queries(
    tiny_admin_units, django_assert_num_queries
):
    with django_assert_num_queries(2):
        index = UnitIndex.load()
        results = [
            index.resolve(province="Tuyên Quang", commune=commune)
            for commune in ["Lăng Can", "Phúc Yên", "Khuôn Hà", "Lăng Can"] * 50
        ]

    assert [r.commune for r in results[:4]] == [
        tiny_admin_units["lam_binh"],
        tiny_admin_units["lam_binh"],
        tiny_admin_units["thuong_lam"],
        tiny_admin_units["lam_binh"],
    ]


# map_to_current, for reports over stored references


def test_an_old_reference_maps_to_its_successor_despite_a_reused_code(
    tiny_admin_units,
):
    result = map_to_current(
        scheme=UnitScheme.LEGACY, province_code=908, commune_code=90102
    )

    assert result.status == "found"
    assert result.commune == tiny_admin_units["lam_binh"]
    assert result.province == tiny_admin_units["tuyen_quang"]
    assert result.was_legacy is True


def test_a_current_reference_maps_to_itself(tiny_admin_units):
    result = map_to_current(
        scheme=UnitScheme.CURRENT, province_code=908, commune_code=90102
    )

    assert result.status == "found"
    assert result.commune == tiny_admin_units["thuong_lam"]
    assert result.was_legacy is False


def test_an_old_split_reference_maps_to_its_candidates(tiny_admin_units):
    result = map_to_current(
        scheme=UnitScheme.LEGACY, province_code=979, commune_code=97785
    )

    assert result.status == "split"
    assert set(result.candidates) == {
        tiny_admin_units["phu_thuan"],
        tiny_admin_units["tan_my_hcm"],
    }


def test_an_old_province_reference_maps_to_the_merged_province(tiny_admin_units):
    result = map_to_current(
        scheme=UnitScheme.LEGACY, province_code=902, commune_code=None
    )

    assert result.status == "found"
    assert result.commune is None
    assert result.province == tiny_admin_units["tuyen_quang"]


def test_an_unknown_reference_is_not_found(tiny_admin_units):
    result = map_to_current(
        scheme=UnitScheme.CURRENT, province_code=908, commune_code=12345
    )

    assert result.status == "not_found"


# Loader, on the real package


def _load(capsys) -> str:
    call_command("load_admin_units")
    return capsys.readouterr().out


def test_loader_fills_both_lists_and_the_old_to_new_table(capsys):
    out = _load(capsys)

    units = AdminUnit.objects
    assert units.current().provinces().count() == 34
    assert units.current().communes().count() == 3321
    assert units.legacy().provinces().count() == 63
    assert units.legacy().filter(level=AdminUnit.Level.DISTRICT).count() == 696
    assert units.legacy().communes().count() == 10051
    assert not units.current().filter(level=AdminUnit.Level.DISTRICT).exists()
    assert units.get(
        scheme=UnitScheme.CURRENT, level="commune", name="Xã Lâm Bình"
    ).name_folded == ("xa lam binh")
    phu_my = units.get(
        scheme=UnitScheme.LEGACY,
        level="commune",
        name="Phường Phú Mỹ",
        district_code__in=units.legacy()
        .filter(level="district", name="Quận 7")
        .values("code"),
    )
    successors = AdminUnitSuccession.objects.filter(old=phu_my)
    assert {s.new.name for s in successors} == {"Phường Phú Thuận", "Phường Tân Mỹ"}
    assert all(s.is_partial for s in successors)
    assert "3.321 xã/phường/đặc khu" in out


def test_loader_run_twice_changes_nothing_the_second_time(capsys):
    _load(capsys)
    before = set(AdminUnit.objects.values_list("pk", "name", "name_folded"))
    successions = AdminUnitSuccession.objects.count()

    out = _load(capsys)

    assert set(AdminUnit.objects.values_list("pk", "name", "name_folded")) == before
    assert AdminUnitSuccession.objects.count() == successions
    assert "Đơn vị hành chính: thêm 0, sửa 0, xoá 0; hiện có 14.165." in out
    assert "Bảng chuyển đổi cũ → mới: thêm 0, sửa 0, xoá 0" in out
    assert "Danh mục đã cập nhật sẵn." in out


def test_loader_repairs_a_changed_unit_and_removes_a_stray_one(capsys):
    _load(capsys)
    lam_binh = AdminUnit.objects.get(
        scheme=UnitScheme.CURRENT, level="commune", name="Xã Lâm Bình"
    )
    AdminUnit.objects.filter(pk=lam_binh.pk).update(name="Xã Sai Tên")
    AdminUnit.objects.create(
        scheme=UnitScheme.CURRENT,
        level="commune",
        code=999999,
        name="Xã Không Có",
        province_code=8,
    )

    out = _load(capsys)

    lam_binh.refresh_from_db()
    assert lam_binh.name == "Xã Lâm Bình"
    assert not AdminUnit.objects.filter(code=999999).exists()
    assert "Đơn vị hành chính: thêm 0, sửa 1, xoá 1" in out


def test_resolver_reads_real_rosters_after_a_load(capsys):
    _load(capsys)
    index = UnitIndex.load()

    lang_can = index.resolve(
        province="Tuyên Quang", district="Huyện Lâm Bình", commune="TT Lăng Can"
    )
    phu_my = index.resolve(province="TP HCM", district="Q7", commune="P. Phú Mỹ")
    # Vĩnh Phúc's old Yên Lập commune is not today's Yên Lập (old Phú Thọ's).
    old_yen_lap = index.resolve(province="Vĩnh Phúc", commune="Xã Yên Lập")
    new_yen_lap = index.resolve(province="Phú Thọ", commune="Xã Yên Lập")

    assert lang_can.status == "found"
    assert lang_can.commune.name == "Xã Lâm Bình"
    assert lang_can.province.name == "Tỉnh Tuyên Quang"
    assert phu_my.status == "split"
    assert {unit.name for unit in phu_my.candidates} == {
        "Phường Phú Thuận",
        "Phường Tân Mỹ",
    }
    assert old_yen_lap.commune.name == "Xã Vĩnh Hưng"
    assert old_yen_lap.province.name == "Tỉnh Phú Thọ"
    assert new_yen_lap.commune.name == "Xã Yên Lập"
    assert new_yen_lap.commune.code != old_yen_lap.commune.code
