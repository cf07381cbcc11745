"""Every file of the seeded corpus, sent the way users send it."""

import random
from collections.abc import Callable
from functools import cache

import pytest

from tests.courses import import_mutations as mutations
from tests.courses.import_fuzzing.helpers import (
    MARKS,
    upload_questions,
    upload_roster,
)
from tests.courses.import_mutations import Mutant

pytestmark = MARKS


def each(mutants: tuple[Mutant, ...], upload: Callable[[Mutant], None]) -> None:
    """Run every mutant, then report every one that failed, not just the first."""
    failures = []
    for mutant in mutants:
        try:
            upload(mutant)
        except Exception as error:  # an assertion, or an uncaught exception: a bug
            failures.append(f"{mutant.kind}: {type(error).__name__}: {error}"[:500])
    assert not failures, f"{len(failures)} of {len(mutants)} files:\n" + "\n".join(
        failures[:25]
    )


@cache
def generated(generator) -> tuple[Mutant, ...]:
    # A string seed is hashed with SHA-512: the same files on every run and machine.
    return tuple(generator(random.Random(generator.__name__)))


# --- the corpus -----------------------------------------------------------------------


def test_the_corpus_holds_over_500_files_of_every_promised_kind():
    roster = [m for g in mutations.ROSTER_CORPUS for m in generated(g)]
    questions = [m for g in mutations.QUESTION_CORPUS for m in generated(g)]
    kinds = " | ".join(m.kind for m in roster + questions)

    assert len(roster) + len(questions) >= 500
    assert len(roster) >= 400
    assert len(questions) >= 100
    for promised in (
        "truncated",
        "flipped",
        "inserted",
        "deleted",
        "utf-16-le without BOM",
        "cp1258",
        "latin-1 mojibake",
        "mixed utf-8 and cp1258",
        "ragged rows",
        "empty file",
        "header only",
        "header twice",
        "very long",
        "NUL",
        "CR-only newlines",
        "merged cells",
        "formula =HYPERLINK",
        "formula =1+1",
        "formula =cmd|",
        "birth as text date",
        "phone as a float",
        "five sheets",
        "zip without its directory",
        "entity bomb",
        "zip entries",
        "CSV named .xlsx",
        "XLSX named .csv",
    ):
        assert promised in kinds, promised


@pytest.mark.parametrize("generator", mutations.ROSTER_CORPUS, ids=lambda g: g.__name__)
def test_every_mutated_roster_is_checked_or_refused_plainly(generator, training_class):
    each(generated(generator), lambda mutant: upload_roster(mutant, training_class))


@pytest.mark.parametrize(
    "generator", mutations.QUESTION_CORPUS, ids=lambda g: g.__name__
)
def test_every_mutated_question_file_is_checked_or_refused_plainly(generator, course):
    each(generated(generator), lambda mutant: upload_questions(mutant, course))
