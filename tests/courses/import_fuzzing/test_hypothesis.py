"""Edits of bytes, and any value in any cell, from hypothesis (derandomized)."""

import datetime as dt
import io

import openpyxl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from tests.courses import import_mutations as mutations
from tests.courses.import_fuzzing.helpers import (
    MARKS,
    upload_questions,
    upload_roster,
)
from tests.courses.import_mutations import Mutant

pytestmark = MARKS

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,  # each example rolls its writes back
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

ROSTER_CSV = mutations.roster_csv()
ROSTER_XLSX = mutations.roster_xlsx()
QUESTION_XLSX = mutations.question_xlsx()

edits = st.lists(
    st.tuples(
        st.sampled_from(["flip", "insert", "delete", "truncate"]),
        st.floats(min_value=0, max_value=1),
        st.binary(min_size=1, max_size=16),
    ),
    min_size=1,
    max_size=6,
)


def edited(data: bytes, changes) -> bytes:
    for change, where, payload in changes:
        at = min(int(where * len(data)), max(len(data) - 1, 0))
        if change == "flip" and data:
            data = data[:at] + bytes([data[at] ^ (payload[0] or 1)]) + data[at + 1 :]
        elif change == "insert":
            data = data[:at] + payload + data[at:]
        elif change == "delete":
            data = data[:at] + data[at + len(payload) :]
        else:
            data = data[:at]
    return data


@settings(FUZZ, max_examples=60)
@given(base=st.sampled_from(["csv", "xlsx", "question"]), changes=edits)
def test_hypothesis_edited_bytes_never_crash_nor_half_write(
    training_class, course, base, changes
):
    data = {"csv": ROSTER_CSV, "xlsx": ROSTER_XLSX, "question": QUESTION_XLSX}[base]
    kind = f"{base} edited {changes!r}"[:200]
    if base == "question":
        mutant = Mutant(kind, "cau-hoi.xlsx", edited(data, changes))
        upload_questions(mutant, course)
    else:
        upload_roster(Mutant(kind, f"ds.{base}", edited(data, changes)), training_class)


cell_values = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.text(alphabet="0123456789 +-./,eE", max_size=14),
    st.sampled_from(["Nam", "Nữ", "CTV dân số", "05/03/1985", "=1+1", "Lăng Can"]),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.booleans(),
)
FUZZ_ROSTER_HEADERS = [*mutations.ROSTER_HEADERS, "Xã/Phường", "Tỉnh/Thành phố"]


def xlsx_of(rows: list[list[object]], headers: list[str]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
        )
    for line in sheet.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(FUZZ, max_examples=50)
@given(
    rows=st.lists(
        st.lists(cell_values, min_size=0, max_size=len(FUZZ_ROSTER_HEADERS) + 2),
        min_size=1,
        max_size=4,
    ),
    as_csv=st.booleans(),
)
def test_hypothesis_any_value_in_any_roster_cell_is_stored_or_refused_plainly(
    training_class, tiny_admin_units, rows, as_csv
):
    text = repr(rows)
    if as_csv:
        data = mutations.csv_of(
            [[("" if v is None else str(v)) for v in row] for row in rows],
            FUZZ_ROSTER_HEADERS,
        ).encode()
        upload_roster(Mutant("csv cells", "ds.csv", data, text), training_class)
    else:
        data = xlsx_of(rows, FUZZ_ROSTER_HEADERS)
        upload_roster(Mutant("xlsx cells", "ds.xlsx", data, text), training_class)


@settings(FUZZ, max_examples=40)
@given(
    rows=st.lists(
        st.lists(
            st.one_of(
                cell_values,
                st.sampled_from(["Một đáp án", "Nhiều đáp án", "Đúng-Sai", "A, C"]),
            ),
            min_size=0,
            max_size=len(mutations.QUESTION_HEADERS) + 1,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_hypothesis_any_value_in_any_question_cell_is_stored_or_refused_plainly(
    course, rows
):
    data = xlsx_of(rows, mutations.QUESTION_HEADERS)
    upload_questions(Mutant("question cells", "cau-hoi.xlsx", data, repr(rows)), course)
