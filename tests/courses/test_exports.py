"""Attendance list exports: scoped, sorted by given name, typed, formula-safe."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.exports.queries import attendance_rows
from courses.exports.writers import FORMULA_STARTS, safe_text, write_csv, write_xlsx
from courses.models import ClassSession, Enrollment
from courses.services import enroll
from courses.services.attendance import record_attendance
from tests.courses.factories import (
    ClassSessionFactory,
    OrganisationFactory,
    TraineeFactory,
    TrainingClassFactory,
)

DAY1, DAY2 = dt.date(2026, 12, 8), dt.date(2026, 12, 9)


@pytest.fixture
def training_class(organisation):
    training_class = TrainingClassFactory(organisation=organisation, code="LB-01")
    for day in (DAY1, DAY2):
        for part in (ClassSession.Part.AFTERNOON, ClassSession.Part.MORNING):
            ClassSessionFactory(training_class=training_class, held_on=day, part=part)
    return training_class


def _enroll(training_class, full_name, **fields):
    return enroll(
        trainee=TraineeFactory(full_name=full_name, **fields),
        training_class=training_class,
        method=Enrollment.Method.ORGANIZER,
    )


def _csv(user, filters):
    header, rows, total = attendance_rows(user=user, filters=filters)
    out = io.BytesIO()
    written = write_csv(header, rows, out)
    assert written == total
    return out.getvalue()


def test_attendance_csv_is_utf8_with_bom_sorted_by_given_name(
    organizer, training_class
):
    for name in ("Nguyễn Văn Đức", "Trần Thị Anh", "Lò Văn Dũng", "Hà Thị Ân"):
        _enroll(training_class, name)

    data = _csv(organizer, {"training_class": training_class.pk})

    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["STT", "Họ và tên"]
    names = [row[1] for row in rows[1:]]
    # Vietnamese order of given names: Anh < Ân < Dũng < Đức (Python puts Đ after z
    # and Â after A-z, so a plain sort would fail this).
    assert names == (
        ["Trần Thị Anh"] * 4
        + ["Hà Thị Ân"] * 4
        + ["Lò Văn Dũng"] * 4
        + ["Nguyễn Văn Đức"] * 4
    )
    assert [row[0] for row in rows[1:]] == [str(n) for n in range(1, 17)]


def test_attendance_rows_follow_session_dates_then_morning_before_afternoon(
    organizer, training_class
):
    _enroll(training_class, "Lò Thị Mai")

    data = _csv(organizer, {"training_class": training_class.pk})

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))[1:]
    assert [(row[8], row[9]) for row in rows] == [
        ("08/12/2026", "Buổi sáng"),
        ("08/12/2026", "Buổi chiều"),
        ("09/12/2026", "Buổi sáng"),
        ("09/12/2026", "Buổi chiều"),
    ]


def test_attendance_rows_carry_status_and_note_of_each_session(
    organizer, training_class
):
    enrollment = _enroll(training_class, "Lò Thị Mai", birth_date=dt.date(1990, 3, 5))
    morning = training_class.sessions.get(held_on=DAY1, part="morning")
    record_attendance(
        session=morning,
        enrollment=enrollment,
        status="late",
        method="roll_call",
        by=organizer,
        note="Đến lúc 8 giờ 20",
    )

    header, rows, total = attendance_rows(
        user=organizer, filters={"training_class": training_class.pk}
    )
    rows = list(rows)

    assert total == 4
    first = dict(zip(header, rows[0], strict=True))
    assert first["Trạng thái"] == "Đi muộn"
    assert first["Ghi chú"] == "Đến lúc 8 giờ 20"
    assert first["Ngày sinh/Năm sinh"] == dt.date(1990, 3, 5)
    assert first["Ngày buổi học"] == DAY1
    assert dict(zip(header, rows[1], strict=True))["Trạng thái"] == ""


def test_organizer_never_exports_another_organisations_people(
    organizer, other_organizer, training_class
):
    _enroll(training_class, "Lò Thị Mai")
    theirs = TrainingClassFactory(organisation=other_organizer.organisation)
    ClassSessionFactory(training_class=theirs)
    _enroll(theirs, "Đặng Văn Ơn")

    mine = _csv(organizer, {}).decode("utf-8-sig")
    asked_for_theirs = _csv(organizer, {"training_class": theirs.pk})

    assert "Lò Thị Mai" in mine
    assert "Đặng Văn Ơn" not in mine
    assert asked_for_theirs.decode("utf-8-sig").count("\n") == 1  # header only


def test_attendance_filters_by_date_range(organizer, training_class):
    _enroll(training_class, "Lò Thị Mai")

    header, rows, total = attendance_rows(
        user=organizer,
        filters={"date_from": "2026-12-09", "date_to": DAY2},
    )

    dates = {row[header.index("Ngày buổi học")] for row in rows}
    assert (total, dates) == (2, {DAY2})


def test_attendance_filters_by_organisation_tree(organizer, organisation):
    branch = OrganisationFactory(parent=organisation, name="Trạm Y tế xã Thượng Lâm")
    in_branch = TrainingClassFactory(organisation=branch)
    ClassSessionFactory(training_class=in_branch)
    _enroll(in_branch, "Lò Thị Mai")
    at_top = TrainingClassFactory(organisation=organisation)
    ClassSessionFactory(training_class=at_top)
    _enroll(at_top, "Ma Văn Tú")

    _header, rows, _total = attendance_rows(
        user=organizer, filters={"organisation": branch.pk}
    )

    assert [row[1] for row in rows] == ["Lò Thị Mai"]


def test_attendance_filters_by_commune_of_the_trainee(organizer, training_class):
    _enroll(
        training_class,
        "Lò Thị Mai",
        unit_province_code=8,
        unit_commune_code=2269,
        unit_label="Xã Thượng Lâm, Tuyên Quang",
    )
    _enroll(training_class, "Ma Văn Tú", unit_province_code=8, unit_commune_code=2270)

    header, rows, total = attendance_rows(
        user=organizer, filters={"province_code": 8, "commune_code": 2269}
    )
    rows = list(rows)

    assert total == 4
    assert {row[1] for row in rows} == {"Lò Thị Mai"}
    assert rows[0][header.index("Xã/phường")] == "Xã Thượng Lâm, Tuyên Quang"


def test_csv_cells_that_look_like_formulas_are_written_as_text(
    organizer, training_class
):
    enrollment = _enroll(training_class, "Lò Thị Mai")
    session = training_class.sessions.get(held_on=DAY1, part="morning")
    record_attendance(
        session=session,
        enrollment=enrollment,
        status="excused",
        method="roll_call",
        note='=HYPERLINK("http://x","bấm")',
    )

    data = _csv(organizer, {"training_class": training_class.pk})

    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][-1] == '\'=HYPERLINK("http://x","bấm")'


@given(st.text(max_size=20))
def test_safe_text_never_starts_with_a_formula_character(text):
    cell = safe_text(text)
    assert not cell.startswith(FORMULA_STARTS)
    assert cell.endswith(text)


def _xlsx(user, filters):
    header, rows, _total = attendance_rows(user=user, filters=filters)
    out = io.BytesIO()
    write_xlsx(header, rows, out)
    out.seek(0)
    return openpyxl.load_workbook(out).active


def test_attendance_xlsx_has_typed_cells_frozen_header_and_autofilter(
    organizer, training_class
):
    _enroll(training_class, "Lò Thị Mai", birth_date=dt.date(1990, 3, 5))
    _enroll(training_class, "Ma Văn Tú", birth_year=1978)

    sheet = _xlsx(organizer, {"training_class": training_class.pk})

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L9"
    assert sheet["A2"].value == 1
    assert sheet["A2"].data_type == "n"
    assert sheet["B2"].value == "Lò Thị Mai"
    assert sheet["C2"].value.date() == dt.date(1990, 3, 5)
    assert sheet["C2"].number_format == "dd/mm/yyyy"
    assert sheet["I2"].is_date
    assert sheet["I2"].number_format == "dd/mm/yyyy"
    assert sheet["C6"].value == 1978
    assert sheet["C6"].data_type == "n"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_xlsx_cells_that_look_like_formulas_stay_strings(start):
    out = io.BytesIO()
    write_xlsx(["Ghi chú"], [(f"{start}1+1",)], out)
    out.seek(0)

    cell = openpyxl.load_workbook(out).active["A2"]

    assert cell.data_type == "s"
    # xlsxwriter stores CR as the OOXML escape _x000D_, which Excel reads back as CR.
    assert cell.value in {f"{start}1+1", "_x000D_1+1"}


def test_writers_report_progress_every_thousand_rows():
    for writer in (write_csv, write_xlsx):
        seen = []
        writer(["STT"], ((n,) for n in range(2500)), io.BytesIO(), seen.append)
        assert seen == [1000, 2000, 2500]
