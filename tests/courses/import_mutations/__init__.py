"""Malformed roster and question files, made in memory from a seeded random generator.

Each generator takes a `random.Random` and yields `Mutant`s: the bytes, the name they
are uploaded under, the kind of damage (for test ids and failure messages) and any cell
text the generator typed in, so that a message quoting that text back is not mistaken
for Python's own text leaking out. The worst files (bombs, a million rows) are built by
the functions in `worst`. Nothing here touches the database.

- `base`: the valid files to start from, and a workbook package written by hand
- `damage`: byte-level damage, zips rewritten part by part or written field by field
- `csv_rosters`, `xlsx_rosters`, `roster_layouts`: the corpus of roster files
- `questions`: the corpus of question files
- `worst`: the worst files
"""

from tests.courses.import_mutations.base import (
    QUESTION_HEADERS,
    ROSTER_HEADERS,
    Mutant,
    Raw,
    corpus,
    csv_of,
    good_row,
    package,
    question_xlsx,
    roster_csv,
    roster_rows,
    roster_sheet,
    roster_xlsx,
    workbook_bytes,
)
from tests.courses.import_mutations.csv_rosters import (
    csv_byte_damage,
    csv_cells,
    csv_encodings,
    csv_garbage,
    csv_shapes,
)
from tests.courses.import_mutations.damage import first_sheet_changed
from tests.courses.import_mutations.questions import QUESTION_CORPUS
from tests.courses.import_mutations.roster_layouts import (
    small_bombs,
    xlsx_layouts,
    xlsx_rows,
)
from tests.courses.import_mutations.worst import (
    billion_laughs,
    external_entity_sheet,
    largest_damaged_xlsx,
    largest_random_csv,
    many_entries,
    million_full_rows_csv,
    million_row_csv,
    quadratic_blowup,
    rows_flood,
    strings_flood,
    styles_flood,
    tag_flood,
    xfd_on_every_row,
    zip_bomb_claimed,
    zip_bomb_lying,
)
from tests.courses.import_mutations.xlsx_rosters import (
    xlsx_byte_damage,
    xlsx_cells,
    xlsx_xml_damage,
    xlsx_zip_damage,
)

ROSTER_CORPUS = (
    csv_byte_damage,
    csv_encodings,
    csv_shapes,
    csv_cells,
    csv_garbage,
    xlsx_byte_damage,
    xlsx_zip_damage,
    xlsx_xml_damage,
    xlsx_cells,
    xlsx_layouts,
    xlsx_rows,
    small_bombs,
)

__all__ = [
    "QUESTION_CORPUS",
    "QUESTION_HEADERS",
    "ROSTER_CORPUS",
    "ROSTER_HEADERS",
    "Mutant",
    "Raw",
    "billion_laughs",
    "corpus",
    "csv_of",
    "external_entity_sheet",
    "first_sheet_changed",
    "good_row",
    "largest_damaged_xlsx",
    "largest_random_csv",
    "many_entries",
    "million_full_rows_csv",
    "million_row_csv",
    "package",
    "quadratic_blowup",
    "question_xlsx",
    "roster_csv",
    "roster_rows",
    "roster_sheet",
    "roster_xlsx",
    "rows_flood",
    "strings_flood",
    "styles_flood",
    "tag_flood",
    "workbook_bytes",
    "xfd_on_every_row",
    "zip_bomb_claimed",
    "zip_bomb_lying",
]
