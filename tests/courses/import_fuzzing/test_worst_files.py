"""The worst files: refused within 10 s and 300 MB."""

from collections.abc import Callable

import pytest

from courses.models import Question, Trainee
from courses.question_import import import_questions
from courses.roster.services import check_roster
from tests.courses import import_mutations as mutations
from tests.courses.import_fuzzing.helpers import (
    MARKS,
    MEMORY_LIMIT_BYTES,
    TIME_LIMIT_SECONDS,
    assert_readable,
    measured,
)
from tests.courses.import_mutations import Mutant

pytestmark = MARKS


WORST_FILES: dict[str, Callable[[], Mutant]] = {
    "zip bomb: a sheet inflating to 2 GB, said so": lambda: Mutant(
        "zip bomb", "ds.xlsx", mutations.zip_bomb_claimed()
    ),
    "zip bomb: 2 GB behind a claimed 1 MB": lambda: Mutant(
        "zip bomb", "ds.xlsx", mutations.zip_bomb_lying(1 << 20)
    ),
    "zip bomb: 2 GB behind a claimed 40 MB": lambda: Mutant(
        "zip bomb", "ds.xlsx", mutations.zip_bomb_lying(40 << 20)
    ),
    "ratio 700:1: 49 MB of empty rows": lambda: Mutant(
        "tag flood", "ds.xlsx", mutations.tag_flood(b"<row/>")
    ),
    "ratio 1000:1: 49 MB of cells in one row": lambda: Mutant(
        "tag flood", "ds.xlsx", mutations.tag_flood(b"<c/>")
    ),
    "35,000 zip entries": lambda: Mutant(
        "many entries", "ds.xlsx", mutations.many_entries()
    ),
    "billion laughs in the shared strings": lambda: Mutant(
        "XML bomb",
        "ds.xlsx",
        mutations.package(
            [mutations.roster_sheet(mutations.good_row(1))],
            shared_strings=mutations.billion_laughs("sst"),
        ),
    ),
    "billion laughs in the sheet": lambda: Mutant(
        "XML bomb",
        "ds.xlsx",
        mutations.package([mutations.billion_laughs("worksheet")]),
    ),
    "one entity repeated to a gigabyte": lambda: Mutant(
        "XML bomb", "ds.xlsx", mutations.package([mutations.quadratic_blowup()])
    ),
    "a 15 KB styles part with 300,000 styles": lambda: Mutant(
        "styles flood", "ds.xlsx", mutations.styles_flood()
    ),
    "300,000 shared strings": lambda: Mutant(
        "strings flood", "ds.xlsx", mutations.strings_flood()
    ),
    "300,000 empty rows": lambda: Mutant(
        "rows flood", "ds.xlsx", mutations.rows_flood()
    ),
    "a cell in column XFD on 10,000 rows": lambda: Mutant(
        "wide rows", "ds.xlsx", mutations.xfd_on_every_row()
    ),
    "CSV of a million rows (4.8 MB)": lambda: Mutant(
        "million rows", "ds.csv", mutations.million_row_csv()
    ),
    "CSV of a million blank lines": lambda: Mutant(
        "million blank rows", "ds.csv", mutations.million_row_csv(row=",")
    ),
    "CSV of a million full rows (131 MB)": lambda: Mutant(
        "million rows", "ds.csv", mutations.million_full_rows_csv()
    ),
    "largest: 5 MB of random bytes": lambda: Mutant(
        "random", "ds.csv", mutations.largest_random_csv(5)
    ),
    "largest: 5 MB package with a damaged sheet": lambda: Mutant(
        "damaged", "ds.xlsx", mutations.largest_damaged_xlsx(5)
    ),
}


def test_the_memory_measure_sees_a_350_mb_allocation():
    # Else the 300 MB assertion below could never fail.
    _result, _seconds, peak = measured(lambda: len(b"x" * (350 << 20)))

    assert peak > MEMORY_LIMIT_BYTES


@pytest.mark.parametrize("name", WORST_FILES)
def test_the_worst_files_are_refused_within_10_s_and_300_mb(
    name, training_class, course
):
    mutant = WORST_FILES[name]()

    report, seconds, peak = measured(
        lambda: check_roster(
            data=mutant.data, filename=mutant.filename, training_class=training_class
        )
    )
    assert not report.is_valid
    assert_readable([str(p) for p in report.errors], mutant)
    assert seconds < TIME_LIMIT_SECONDS, f"roster: {seconds:.1f} s"
    assert peak < MEMORY_LIMIT_BYTES, f"roster: {peak >> 20} MB"

    result, seconds, peak = measured(
        lambda: import_questions(
            file=mutant.data, filename="cau-hoi.xlsx", course=course, dry_run=False
        )
    )
    assert not result.created
    assert_readable([str(p) for p in result.problems], mutant)
    assert seconds < TIME_LIMIT_SECONDS, f"questions: {seconds:.1f} s"
    assert peak < MEMORY_LIMIT_BYTES, f"questions: {peak >> 20} MB"
    assert Trainee.objects.count() == Question.objects.count() == 0
