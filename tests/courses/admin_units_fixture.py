"""A few administrative units, written by hand for tests (codes invented).

Real `load_admin_units` data comes from the GPL `vietnam-provinces` package and is
never copied here. The shapes follow the 2025 reform: Lâm Bình district's communes
merged into fewer communes, Hà Giang province folded into Tuyên Quang, HCMC District
7's Phú Mỹ ward split between two new wards, an old ward whose name a different new
ward now bears, numbered wards in several districts, and old codes reused by unrelated
new communes.
"""

from courses.models import AdminUnit, AdminUnitSuccession, UnitScheme

CURRENT = UnitScheme.CURRENT
LEGACY = UnitScheme.LEGACY
PROVINCE = AdminUnit.Level.PROVINCE
DISTRICT = AdminUnit.Level.DISTRICT
COMMUNE = AdminUnit.Level.COMMUNE

# name in the tests -> (scheme, level, code, official name, province, district)
_UNITS: dict[str, tuple[str, str, int, str, int, int | None]] = {
    # Since 1 July 2025
    "tuyen_quang": (CURRENT, PROVINCE, 908, "Tỉnh Tuyên Quang", 908, None),
    "lam_binh": (CURRENT, COMMUNE, 90101, "Xã Lâm Bình", 908, None),
    "thuong_lam": (CURRENT, COMMUNE, 90102, "Xã Thượng Lâm", 908, None),
    "tan_my_tq": (CURRENT, COMMUNE, 90103, "Xã Tân Mỹ", 908, None),
    "ha_giang_1": (CURRENT, COMMUNE, 90104, "Phường Hà Giang 1", 908, None),
    "hcmc": (CURRENT, PROVINCE, 979, "Thành phố Hồ Chí Minh", 979, None),
    "tan_hung": (CURRENT, COMMUNE, 97901, "Phường Tân Hưng", 979, None),
    "tan_thuan": (CURRENT, COMMUNE, 97902, "Phường Tân Thuận", 979, None),
    "phu_thuan": (CURRENT, COMMUNE, 97903, "Phường Phú Thuận", 979, None),
    "tan_my_hcm": (CURRENT, COMMUNE, 97904, "Phường Tân Mỹ", 979, None),
    "ban_co": (CURRENT, COMMUNE, 97905, "Phường Bàn Cờ", 979, None),
    "vuon_lai": (CURRENT, COMMUNE, 97906, "Phường Vườn Lài", 979, None),
    # Named after the old Tân Phú district, not District 7's old Tân Phú ward.
    "tan_phu": (CURRENT, COMMUNE, 97907, "Phường Tân Phú", 979, None),
    # Before 1 July 2025
    "old_tuyen_quang": (LEGACY, PROVINCE, 908, "Tỉnh Tuyên Quang", 908, None),
    "old_lam_binh_district": (LEGACY, DISTRICT, 9070, "Huyện Lâm Bình", 908, None),
    "old_lang_can": (LEGACY, COMMUNE, 90111, "Thị trấn Lăng Can", 908, 9070),
    # Reuses the code of today's Thượng Lâm but became part of Lâm Bình.
    "old_phuc_yen": (LEGACY, COMMUNE, 90102, "Xã Phúc Yên", 908, 9070),
    "old_khuon_ha": (LEGACY, COMMUNE, 90113, "Xã Khuôn Hà", 908, 9070),
    "old_thuong_lam": (LEGACY, COMMUNE, 90114, "Xã Thượng Lâm", 908, 9070),
    "old_ha_giang": (LEGACY, PROVINCE, 902, "Tỉnh Hà Giang", 902, None),
    "old_ha_giang_city": (LEGACY, DISTRICT, 9024, "Thành phố Hà Giang", 902, None),
    "old_nguyen_trai": (LEGACY, COMMUNE, 90241, "Phường Nguyễn Trãi", 902, 9024),
    "old_hcmc": (LEGACY, PROVINCE, 979, "Thành phố Hồ Chí Minh", 979, None),
    "old_district_7": (LEGACY, DISTRICT, 9778, "Quận 7", 979, None),
    "old_tan_phong": (LEGACY, COMMUNE, 97781, "Phường Tân Phong", 979, 9778),
    "old_tan_hung": (LEGACY, COMMUNE, 97782, "Phường Tân Hưng", 979, 9778),
    "old_binh_thuan": (LEGACY, COMMUNE, 97783, "Phường Bình Thuận", 979, 9778),
    "old_tan_phu": (LEGACY, COMMUNE, 97784, "Phường Tân Phú", 979, 9778),
    "old_phu_my": (LEGACY, COMMUNE, 97785, "Phường Phú Mỹ", 979, 9778),
    "old_district_3": (LEGACY, DISTRICT, 9773, "Quận 3", 979, None),
    "old_ward_1_district_3": (LEGACY, COMMUNE, 97731, "Phường 1", 979, 9773),
    "old_district_10": (LEGACY, DISTRICT, 9770, "Quận 10", 979, None),
    "old_ward_1_district_10": (LEGACY, COMMUNE, 97701, "Phường 1", 979, 9770),
}

# old -> new, and whether the old unit was divided
_SUCCESSIONS: list[tuple[str, str, bool]] = [
    ("old_lang_can", "lam_binh", False),
    ("old_phuc_yen", "lam_binh", False),
    ("old_khuon_ha", "thuong_lam", False),
    ("old_thuong_lam", "thuong_lam", False),
    ("old_nguyen_trai", "ha_giang_1", False),
    ("old_tan_phong", "tan_hung", False),
    ("old_tan_hung", "tan_hung", False),
    ("old_binh_thuan", "tan_thuan", False),
    ("old_tan_phu", "tan_my_hcm", False),
    ("old_phu_my", "phu_thuan", True),
    ("old_phu_my", "tan_my_hcm", True),
    ("old_ward_1_district_3", "ban_co", False),
    ("old_ward_1_district_10", "vuon_lai", False),
]


def load_tiny_admin_units() -> dict[str, AdminUnit]:
    """Create the units and their old → new rows; return the units by test name."""
    units = {
        key: AdminUnit.objects.create(
            scheme=scheme,
            level=level,
            code=code,
            name=name,
            province_code=province_code,
            district_code=district_code,
        )
        for key, (
            scheme,
            level,
            code,
            name,
            province_code,
            district_code,
        ) in _UNITS.items()
    }
    AdminUnitSuccession.objects.bulk_create(
        AdminUnitSuccession(old=units[old], new=units[new], is_partial=is_partial)
        for old, new, is_partial in _SUCCESSIONS
    )
    return units
