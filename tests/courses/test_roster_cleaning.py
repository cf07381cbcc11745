"""Cell parsing: phones, national IDs, birth dates, sex, roles, formulas."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.models import Trainee
from courses.roster.cleaning import (
    CellProblem,
    clean_birth,
    clean_full_name,
    clean_national_id,
    clean_phone,
    clean_role,
    clean_sex,
    text_of,
)
from courses.roster.reading import Formula, Garbled


def test_phone_that_lost_its_leading_zero_is_repaired_with_a_notice():
    cleaned = clean_phone(912345678)

    assert cleaned.value == "+84912345678"
    assert cleaned.notice == "Số điện thoại “912345678” đã sửa thành 0912 345 678."


def test_old_eleven_digit_mobile_is_renumbered_with_a_notice():
    cleaned = clean_phone("01662345678")

    assert cleaned.value == "+84362345678"
    assert "đã sửa" in cleaned.notice


def test_well_formed_phone_has_no_notice():
    assert clean_phone("0912 345 678").notice == ""


def test_invalid_phone_is_a_problem():
    with pytest.raises(CellProblem, match="không hợp lệ"):
        clean_phone("12345")


@given(
    st.sampled_from(["090", "091", "097", "098", "086", "032", "070", "083"]),
    st.integers(min_value=0, max_value=9_999_999),
)
def test_any_mobile_typed_with_or_without_zero_or_plus84_gives_one_number(prefix, rest):
    local = f"{prefix}{rest:07d}"
    forms = [local, local[1:], f"+84{local[1:]}", f"84{local[1:]}", int(local)]

    assert {clean_phone(form).value for form in forms} == {f"+84{local[1:]}"}


def test_national_id_that_lost_zeros_is_repadded_and_said_so():
    cleaned = clean_national_id(1085001234.0)

    assert cleaned.value == "001085001234"
    assert "bỏ số 0" in cleaned.notice


@given(st.integers(min_value=1_000_000_000, max_value=999_999_999_999))
def test_national_id_digits_always_come_back_as_twelve(number):
    assert clean_national_id(number).value == f"{number:012d}"


@pytest.mark.parametrize("raw", ["12345", "123456789", "0010850012345", "00108500123A"])
def test_national_id_of_another_length_or_with_letters_is_a_problem(raw):
    with pytest.raises(CellProblem, match="CCCD"):
        clean_national_id(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("05/03/1985", (dt.date(1985, 3, 5), 1985)),
        ("5/3/1985", (dt.date(1985, 3, 5), 1985)),
        ("05-03-1985", (dt.date(1985, 3, 5), 1985)),
        ("1985", (None, 1985)),
        (1985, (None, 1985)),
        (dt.datetime(1985, 3, 5), (dt.date(1985, 3, 5), 1985)),  # noqa: DTZ001
        (31111, (dt.date(1985, 3, 5), 1985)),  # an Excel serial without its format
        ("", (None, None)),
    ],
)
def test_birth_reads_day_month_year_a_year_or_an_excel_date(raw, expected):
    assert clean_birth(raw).value == expected


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31)))
def test_any_date_written_day_first_reads_back(day):
    assert clean_birth(day.strftime("%d/%m/%Y")).value == (day, day.year)


@pytest.mark.parametrize("raw", ["31/02/1985", "1985/03/05", "1850", "năm 85"])
def test_unreadable_or_implausible_birth_is_a_problem(raw):
    with pytest.raises(CellProblem):
        clean_birth(raw)


@pytest.mark.parametrize(
    ("raw", "sex"),
    [
        ("Nam", "male"),
        ("NỮ", "female"),
        ("nu", "female"),
        ("Male", "male"),
        ("F", "female"),
        ("m", "male"),
        ("", ""),
    ],
)
def test_sex_is_read_in_vietnamese_or_english(raw, sex):
    assert clean_sex(raw).value == sex


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("CTV dân số", Trainee.Role.POPULATION_COLLABORATOR),
        ("Cộng tác viên dân số thôn Nà Chang", Trainee.Role.POPULATION_COLLABORATOR),
        ("TNV CTXH", Trainee.Role.SOCIAL_WORK_VOLUNTEER),
        ("Chủ nhiệm CLB", Trainee.Role.CLUB_LEADER),
        ("Ban chủ nhiệm", Trainee.Role.CLUB_LEADER),
        ("Cán bộ xã", Trainee.Role.COMMUNE_OFFICIAL),
        ("", Trainee.Role.OTHER),
    ],
)
def test_roles_are_mapped_from_free_text(raw, role):
    assert clean_role(raw).value == role


def test_unknown_role_is_other_with_a_notice():
    cleaned = clean_role("Trưởng thôn")

    assert cleaned.value == Trainee.Role.OTHER
    assert "Trưởng thôn" in cleaned.notice


def test_formula_cell_is_a_problem_never_a_value():
    with pytest.raises(CellProblem, match="công thức"):
        text_of(Formula("=1+2"))


def test_unconvertible_legacy_text_is_a_problem_never_stored():
    with pytest.raises(CellProblem, match="Unikey"):
        clean_full_name(Garbled("Ngu¿Ôn"))


@pytest.mark.parametrize("text", ["=1+2", "+84 91", "-5", "@SUM(A1)"])
def test_formula_looking_text_stays_plain_text(text):
    assert text_of(text) == text


@given(st.text(alphabet="aăâeêioôơuưyđ àáảãạ", min_size=1, max_size=30))
def test_names_are_stored_in_nfc_whatever_form_they_came_in(text):
    decomposed = unicodedata.normalize("NFD", f"Lò Thị {text}")

    name = clean_full_name(decomposed).value

    assert unicodedata.is_normalized("NFC", name)
    assert "  " not in name
