"""Attendance export benchmark (SQLite, default settings).

- export_csv_100k_vs_raw: the attendance list of 100,000 rows (2,000 trainees x 50
  sessions) through attendance_rows + write_csv, against a raw csv.writer over
  values_list of the same query and columns; <= 2.
- export_xlsx_100k_vs_xlsxwriter: the same rows through write_xlsx, against
  xlsxwriter in constant-memory mode writing the raw rows with write_row; <= 1.5.
- export_mem_mb_20k / export_mem_mb_100k: tracemalloc peak while writing the CSV;
  < 20 MB and about the same at both sizes (memory holds one batch, not the file).

The library's default path (Resource.export over model instances: per row and
column Field.export, widget and dehydrate calls) measured 69x here. The row source
instead iterates values_list(...).iterator(chunk_size=2000) in batches of trainees
taken in Vietnamese name order, and formats with per-column functions built once
from AttendanceListResource, the single column definition.
"""

import csv
import os
import tempfile
import time
import tracemalloc

from bench.importing import _setup_django

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
SESSIONS = 50  # 25 days, morning and afternoon


def _best(measure) -> float:
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        measure()
        timings.append(time.perf_counter() - started)
    return min(timings)


def _class(code: str, trainees: int):
    import datetime as dt

    from courses.models import (
        AttendanceRecord,
        ClassSession,
        Course,
        Enrollment,
        Organisation,
        Trainee,
        TrainingClass,
    )
    from tests.courses.roster_files import vietnamese_name

    existing = TrainingClass.objects.filter(code=code).first()
    if existing:
        return existing
    organisation, _created = Organisation.objects.get_or_create(
        name="Trung tâm Dân số (benchmark xuất)", parent=None
    )
    course, _created = Course.objects.get_or_create(
        code="BENCH-EXPORT",
        defaults={
            "title": "Benchmark",
            "topic": Course.Topic.STATISTICS,
            "audience": Course.Audience.POPULATION_COLLABORATOR,
        },
    )
    start = dt.date(2026, 1, 5)
    training_class = TrainingClass.objects.create(
        code=code,
        course=course,
        organisation=organisation,
        title="Lớp benchmark xuất",
        starts_on=start,
        ends_on=start + dt.timedelta(days=SESSIONS // 2),
        capacity=trainees,
    )
    sessions = ClassSession.objects.bulk_create(
        ClassSession(
            training_class=training_class,
            held_on=start + dt.timedelta(days=n // 2),
            part=ClassSession.Part.MORNING
            if n % 2 == 0
            else ClassSession.Part.AFTERNOON,
        )
        for n in range(SESSIONS)
    )
    people = Trainee.objects.bulk_create(
        Trainee(
            full_name=name,
            given_name=name.split()[-1],
            name_folded=name.lower(),
            sex=Trainee.Sex.FEMALE,
            birth_year=1980 + n % 20,
            role=Trainee.Role.POPULATION_COLLABORATOR,
            unit_label="Xã Thượng Lâm, Tuyên Quang",
        )
        for n, name in enumerate(
            (vietnamese_name(n) for n in range(1, trainees + 1)), start=1
        )
    )
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            trainee=trainee,
            training_class=training_class,
            method=Enrollment.Method.IMPORT,
        )
        for trainee in people
    )
    statuses = ["present", "present", "present", "late", "excused", "absent"]
    AttendanceRecord.objects.bulk_create(
        (
            AttendanceRecord(
                session=session,
                enrollment=enrollment,
                status=statuses[(i + j) % len(statuses)],
                method="roll_call",
                note="=1+1" if (i + j) % 97 == 0 else "",
            )
            for i, enrollment in enumerate(enrollments)
            for j, session in enumerate(sessions)
        ),
        batch_size=2000,
    )
    return training_class


def run() -> dict:
    _setup_django()
    from courses.exports.queries import attendance_queryset, attendance_rows
    from courses.exports.resources import AttendanceListResource
    from courses.exports.writers import write_csv, write_xlsx
    from courses.models import User

    user, _created = User.objects.get_or_create(
        username="bench-export", defaults={"is_superuser": True, "is_staff": True}
    )
    small = _class("BENCH-EXPORT-20K", 400)
    large = _class("BENCH-EXPORT-100K", 2000)
    filters = {"training_class": large.pk}
    sources = [
        s for s in AttendanceListResource().sources() if s not in {"stt", "birth"}
    ]
    workdir = tempfile.mkdtemp(prefix="lms-bench-export-")

    def raw_rows():
        return (
            attendance_queryset(user, {"training_class": large.pk})
            .values_list("trainee__birth_year", *sources)
            .iterator(chunk_size=2000)
        )

    def raw_csv() -> None:
        with open(os.path.join(workdir, "raw.csv"), "w", newline="") as out:
            writer = csv.writer(out)
            writer.writerows(raw_rows())

    def our_csv(target_filters=filters, name="ours.csv") -> int:
        header, rows, _total = attendance_rows(user=user, filters=target_filters)
        with open(os.path.join(workdir, name), "wb") as out:
            return write_csv(header, rows, out)

    def raw_xlsx() -> None:
        import xlsxwriter

        workbook = xlsxwriter.Workbook(
            os.path.join(workdir, "raw.xlsx"), {"constant_memory": True}
        )
        sheet = workbook.add_worksheet()
        for n, row in enumerate(raw_rows()):
            sheet.write_row(n, 0, row)
        workbook.close()

    def our_xlsx() -> None:
        header, rows, _total = attendance_rows(user=user, filters=filters)
        with open(os.path.join(workdir, "ours.xlsx"), "wb") as out:
            write_xlsx(header, rows, out)

    assert our_csv() == 100_000
    csv_baseline = _best(raw_csv)
    csv_seconds = _best(our_csv)
    xlsx_baseline = _best(raw_xlsx)
    xlsx_seconds = _best(our_xlsx)

    def peak_mb(target) -> float:
        our_csv(target, "mem.csv")  # warm caches (ICU collator, translations)
        tracemalloc.start()
        our_csv(target, "mem.csv")
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return peak / 1024 / 1024

    mem_20k = peak_mb({"training_class": small.pk})
    mem_100k = peak_mb(filters)

    def ratio(value: float, baseline: float, target: str) -> dict:
        return {
            "value": round(value, 3),
            "baseline": round(baseline, 3),
            "ratio": round(value / baseline, 2),
            "unit": "s",
            "target": target,
        }

    def memory(value: float, target: str) -> dict:
        return {
            "value": round(value, 1),
            "baseline": round(mem_20k, 1),
            "ratio": round(value / mem_20k, 2),
            "unit": "MB",
            "target": target,
        }

    return {
        "export_csv_100k_vs_raw": ratio(csv_seconds, csv_baseline, "<= 2"),
        "export_xlsx_100k_vs_xlsxwriter": ratio(xlsx_seconds, xlsx_baseline, "<= 1.5"),
        "export_mem_mb_20k": memory(mem_20k, "< 20"),
        "export_mem_mb_100k": memory(mem_100k, "< 20, ~ the 20k figure"),
    }
