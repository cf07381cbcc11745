"""Roster import benchmark (SQLite, default settings).

- import_10k_vs_bulk_create: a valid 10,000-row roster (CSV) read, cleaned, checked
  for duplicates and capacity, written through TraineeRosterResource and enrolled in
  one class, against a raw `Trainee.objects.bulk_create` of the same rows; <= 3.
- import_10k_xlsx_vs_bulk_create: the same roster as XLSX (openpyxl parsing included);
  for information.

The library's default ModelResource path measured 29x here: per row it looked the
instance up by `import_id_fields` (a SELECT), deep-copied it for the diff, ran
full_clean() (unique checks: more SELECTs), opened a savepoint and called save().
TraineeRosterResource skips the lookup (force_init_instance), the diff and full_clean
(rows are cleaned and checked beforehand, in bulk), and writes with bulk_create;
enrolment is one bulk_create plus one conditional UPDATE of the seat count.
"""

import os
import tempfile
import time

ROWS = 10_000
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))


def _setup_django() -> None:
    if "DJANGO_SETTINGS_MODULE" not in os.environ:
        var_dir = tempfile.mkdtemp(prefix="lms-bench-import-")
        os.environ.update(
            {
                "LMS_VAR_DIR": var_dir,
                "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
                "DATABASE_URL": f"sqlite:///{var_dir}/bench.sqlite3",
                "CELERY_BROKER_URL": "",
            }
        )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _best(measure, reset) -> float:
    timings = []
    for _ in range(REPEAT):
        reset()
        started = time.perf_counter()
        measure()
        timings.append(time.perf_counter() - started)
    reset()
    return min(timings)


def run() -> dict:
    _setup_django()
    import datetime as dt

    from courses.models import Course, Enrollment, Organisation, Trainee, TrainingClass
    from courses.roster.services import check_roster, import_roster
    from tests.courses.roster_files import csv_bytes, person, xlsx_bytes

    organisation, _created = Organisation.objects.get_or_create(
        name="Trung tâm Dân số (benchmark)", parent=None
    )
    course, _created = Course.objects.get_or_create(
        code="BENCH-IMPORT",
        defaults={
            "title": "Benchmark",
            "topic": Course.Topic.STATISTICS,
            "audience": Course.Audience.POPULATION_COLLABORATOR,
        },
    )
    training_class, _created = TrainingClass.objects.get_or_create(
        code="BENCH-IMPORT-01",
        defaults={
            "course": course,
            "organisation": organisation,
            "title": "Lớp benchmark",
            "starts_on": dt.date(2026, 1, 5),
            "ends_on": dt.date(2026, 1, 6),
            "capacity": ROWS,
        },
    )
    rows = [person(n) for n in range(1, ROWS + 1)]
    csv_data = csv_bytes(rows, encoding="utf-8-sig")
    xlsx_data = xlsx_bytes(rows)

    def reset() -> None:
        Enrollment.objects.filter(training_class=training_class).delete()
        Trainee.objects.filter(enrollments__isnull=True).delete()
        TrainingClass.objects.filter(pk=training_class.pk).update(seats_taken=0)

    report = check_roster(
        data=csv_data, filename="ds.csv", training_class=training_class
    )
    assert report.is_valid, [str(p) for p in report.errors[:5]]
    cleaned = [row.values for row in report.rows]

    def bulk_create() -> None:
        Trainee.objects.bulk_create(
            [
                Trainee(
                    full_name=values["full_name"],
                    sex=values["sex"],
                    birth_date=values["birth_date"],
                    birth_year=values["birth_year"],
                    phone=values["phone"],
                    role=values["role"],
                )
                for values in cleaned
            ],
            batch_size=1000,
        )

    def import_file(data: bytes, filename: str):
        def measure() -> None:
            result = import_roster(
                data=data, filename=filename, training_class=training_class
            )
            assert result.created == ROWS

        return measure

    baseline = _best(bulk_create, reset)
    csv_seconds = _best(import_file(csv_data, "ds.csv"), reset)
    xlsx_seconds = _best(import_file(xlsx_data, "ds.xlsx"), reset)

    def figure(value: float, target: str) -> dict:
        return {
            "value": round(value, 3),
            "baseline": round(baseline, 3),
            "ratio": round(value / baseline, 2),
            "unit": "s",
            "target": target,
        }

    return {
        "import_10k_vs_bulk_create": figure(csv_seconds, "<= 3"),
        "import_10k_xlsx_vs_bulk_create": figure(xlsx_seconds, "info"),
    }
