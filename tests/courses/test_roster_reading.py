"""Reading roster files: encodings, legacy fonts, header rows, limits."""

import pytest

from courses.roster.legacy import (
    detect_encoding,
    looks_tcvn3,
    looks_vni,
    tcvn3_to_unicode,
)
from courses.roster.reading import (
    MAX_DATA_ROWS,
    RosterFileError,
    canonical_field,
    find_header,
    read_table,
)
from tests.courses.roster_files import (
    csv_bytes,
    named_rows,
    person,
    xlsx_bytes,
    zip_bomb,
)

NAMES = ["Nguyễn Thị Hoà", "Đặng Văn Ơn", "Trần Thị Ngọc Ánh", "Lương Thị Phượng"]


def names_in(table) -> list[str]:
    columns, rows = find_header(table)
    return [cells[columns.index["full_name"]] for _n, cells in rows]


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("cp1258", "cp1258"),
    ],
)
def test_csv_in_each_encoding_reads_as_nfc_vietnamese(encoding, detected):
    table = read_table(csv_bytes(named_rows(NAMES), encoding=encoding), "ds.csv")

    assert table.encoding == detected
    assert names_in(table) == NAMES


def test_cp1252_csv_without_vietnamese_reads_as_western():
    data = csv_bytes([[1, "José Müller"]], ["STT", "Full name"], encoding="cp1252")
    table = read_table(data, "ds.csv")

    assert table.encoding == "cp1252"
    assert names_in(table) == ["José Müller"]


def test_semicolon_separated_csv_is_understood():
    data = "Họ và tên;Ngày sinh\r\nMa Thị Hoà;1990\r\n".encode()

    assert names_in(read_table(data, "ds.csv")) == ["Ma Thị Hoà"]


def test_header_below_a_merged_title_block_is_found():
    table = read_table(xlsx_bytes(named_rows(NAMES[:1]), title_block=True))

    columns, rows = find_header(table)

    assert columns.header_row == 4
    assert rows[0][0] == 5  # numbered as in the sheet


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("HỌ VÀ TÊN", "full_name"),
        ("ho va ten", "full_name"),
        ("Họ và tên:", "full_name"),
        ("Họ tên học viên", "full_name"),
        ("SĐT", "phone"),
        ("Điện thoại", "phone"),
        ("CMND/CCCD", "national_id"),
        ("Nam/Nữ", "sex"),
        ("Năm sinh", "birth"),
        ("Xã/Phường/Thị trấn", "commune"),
        ("Tỉnh/TP", "province"),
        ("Thôn / Bản", "village"),
        ("  Chức  vụ ", "role"),
        ("Số tài khoản", None),
    ],
)
def test_headers_match_ignoring_case_spacing_diacritics_and_punctuation(header, field):
    assert canonical_field(header) == field


def test_synonym_headers_in_any_order_find_their_columns():
    headers = ["Điện thoại", "HỌ TÊN", "Năm sinh"]
    table = read_table(xlsx_bytes([["0912345678", "Ma Thị Hoà", 1990]], headers))

    columns, _rows = find_header(table)

    assert columns.index == {"phone": 0, "full_name": 1, "birth": 2}
    assert columns.written["full_name"] == "HỌ TÊN"


def test_tcvn3_names_convert_to_unicode():
    assert tcvn3_to_unicode("NguyÔn ThÞ Hoµ") == "Nguyễn Thị Hoà"
    assert tcvn3_to_unicode("§Æng V¨n ¥n") == "Đặng Văn Ơn"
    assert tcvn3_to_unicode("L\xad¬ng ThÞ Ph\xadîng") == "Lương Thị Phượng"
    assert tcvn3_to_unicode("DANH S\xb8CH HäC VI£N") == "DANH SÁCH HỌC VIÊN"


def test_tcvn3_xlsx_is_converted_and_said_so():
    rows = [[1, "NguyÔn ThÞ Hoµ", "N÷"], [2, "L\xad¬ng ThÞ Ph\xadîng", "N÷"]]
    table = read_table(xlsx_bytes(rows, ["STT", "Hä vµ tªn", "Giíi tÝnh"]))

    assert names_in(table) == ["Nguyễn Thị Hoà", "Lương Thị Phượng"]
    assert table.encoding == "xlsx+tcvn3"
    assert "TCVN3" in table.notices[0]


def test_tcvn3_csv_saved_by_western_windows_is_converted():
    text = "STT,Hä vµ tªn\r\n1,NguyÔn ThÞ Hoµ\r\n"

    table = read_table(text.encode("cp1252"), "ds.csv")

    assert names_in(table) == ["Nguyễn Thị Hoà"]


def test_vni_file_is_refused_with_how_to_fix_it():
    rows = [[1, "Nguyeãn Thò Hoaø", "Nöõ"], [2, "Ñaëng Vaên Ôn", "Nam"]]

    with pytest.raises(RosterFileError) as excinfo:
        read_table(xlsx_bytes(rows, ["STT", "Hoï vaø teân", "Giôùi tính"]))

    assert "VNI" in excinfo.value.message
    assert "Unikey" in excinfo.value.message
    assert "Công cụ chuyển mã" in excinfo.value.message


def test_unicode_file_is_not_taken_for_a_legacy_one():
    assert detect_encoding([*NAMES, "Hà Giang", "Nam", "Nữ"]) == "unicode"


def test_one_legacy_cell_among_unicode_ones_is_still_found():
    assert detect_encoding([*NAMES, "NguyÔn ThÞ Hoµ"]) == "tcvn3"
    assert detect_encoding([*NAMES, "Nguyeãn Thò Hoaø"]) == "vni"


@pytest.mark.parametrize("ch", [chr(code) for code in range(0x80, 0x100)])
def test_any_odd_character_in_a_unicode_file_is_judged_as_cell_by_cell(ch):
    # detect_encoding skips its per-cell checks when the file holds no character they
    # need; with any Latin-1 character added it must agree with those checks.
    odd = f"Hoa{ch} Lan"
    expected = "tcvn3" if looks_tcvn3(odd) else "vni" if looks_vni(odd) else "unicode"

    assert detect_encoding([*NAMES, odd]) == expected


def test_file_over_five_megabytes_is_refused_before_reading():
    with pytest.raises(RosterFileError, match="lớn hơn 5 MB"):
        read_table(b"x" * (5 * 1024 * 1024 + 1), "ds.csv")


def test_zip_bomb_is_refused_from_its_directory():
    bomb = zip_bomb(60)
    assert len(bomb) < 1024 * 1024

    with pytest.raises(RosterFileError, match="giải nén quá lớn"):
        read_table(bomb, "ds.xlsx")


def test_more_than_ten_thousand_data_rows_is_refused():
    rows = [person(n) for n in range(1, MAX_DATA_ROWS + 2)]

    with pytest.raises(RosterFileError, match=r"quá 10\.000 dòng"):
        find_header(read_table(csv_bytes(rows), "ds.csv"))


def test_exactly_ten_thousand_data_rows_is_accepted():
    rows = [person(n) for n in range(1, MAX_DATA_ROWS + 1)]

    _columns, data_rows = find_header(read_table(csv_bytes(rows), "ds.csv"))

    assert len(data_rows) == MAX_DATA_ROWS


def test_old_binary_xls_is_refused_with_how_to_save_as_xlsx():
    with pytest.raises(RosterFileError, match=r"\.xlsx"):
        read_table(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "ds.xls")


def test_damaged_xlsx_is_a_readable_error():
    with pytest.raises(RosterFileError, match="bị hỏng"):
        read_table(b"PK\x03\x04 not really a zip", "ds.xlsx")
