"""Hundreds of malformed rosters and question files, sent the way users send them.

A roster goes through check_roster (the preview) and, when that passes, import_roster
(the confirmation); a question file through import_questions as a dry run, then for
real. For every file: no exception but the services' own answers, every row written
or none, and each message one of the import's own Vietnamese sentences, never Python's
text. The worst files (bombs, a million rows, the largest damaged files) must be refused
within 10 s and 300 MB: safety limits, so asserted here rather than benchmarked.

The files come from tests/courses/import_mutations.py (seeded, the same on every run)
and from hypothesis (derandomized).
"""

import ast
import ctypes
import datetime as dt
import io
import random
import re
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import openpyxl
import pytest
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from courses.models import Choice, Enrollment, Question, QuestionCategory, Trainee
from courses.question_import import checking as question_checking
from courses.question_import import import_questions
from courses.question_import import reading as question_reading
from courses.question_import import services as question_services
from courses.roster import cleaning, reading, services, units, xlsx
from courses.roster.services import RosterRejected, check_roster, import_roster
from tests.courses import import_mutations as mutations
from tests.courses.factories import CourseFactory, TrainingClassFactory
from tests.courses.import_mutations import Mutant

pytestmark = [
    pytest.mark.django_db,
    # openpyxl's notice for the date serial 1e20 among the mutants; the file is refused.
    pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning"),
]

TIME_LIMIT_SECONDS = 10
MEMORY_LIMIT_BYTES = 300 * 1024 * 1024

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


@pytest.fixture
def training_class(organisation):
    return TrainingClassFactory(organisation=organisation, capacity=20_000)


@pytest.fixture
def course():
    return CourseFactory(code="DS-A0", title="Ghi chép sổ A0")


# --- what a message may say -----------------------------------------------------------

IMPORT_MODULES = (
    reading,
    cleaning,
    services,
    units,
    xlsx,
    question_services,
    question_reading,
    question_checking,
)


class Template:
    """A gettext message with its %(name)s placeholders matching any text."""

    def __init__(self, msgid: str):
        parts = [part.replace("%%", "%") for part in re.split(r"%\(\w+\)[sd]", msgid)]
        self.exact = len(parts) == 1
        self.first, self.middle, self.last = parts[0], parts[1:-1], parts[-1]

    def matches(self, message: str) -> bool:
        if self.exact:
            return message == self.first
        stop = len(message) - len(self.last)
        if not (
            stop >= len(self.first)
            and message.startswith(self.first)
            and message.endswith(self.last)
        ):
            return False
        position = len(self.first)
        for part in self.middle:
            position = message.find(part, position, stop)
            if position < 0:
                return False
            position += len(part)
        return True


@cache
def catalogue() -> tuple[Template, ...]:
    """Every message the import modules mark for translation, as written and as the
    Vietnamese catalogue renders it."""
    msgids = set()
    for module in IMPORT_MODULES:
        for node in ast.walk(ast.parse(Path(module.__file__).read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in {"_", "gettext"}
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                msgids.add(node.args[0].value)
    with translation.override("vi"):
        rendered = {translation.gettext(msgid) for msgid in msgids}
    return tuple(Template(text) for text in sorted(msgids | rendered))


def is_catalogued(message: str) -> bool:
    if any(template.matches(message) for template in catalogue()):
        return True
    # One sentence after another ("… (cùng số điện thoại). Người này đã có trong lớp.")
    return any(
        is_catalogued(message[: index + 1]) and is_catalogued(message[index + 2 :])
        for index in range(len(message))
        if message.startswith(". ", index)
    )


VIETNAMESE_LETTERS = set(
    "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
LEAKS = (
    "Traceback",
    "Error(",
    "Exception",
    "b'",
    'b"',
    "\\x",
    "<class ",
    " object at 0x",
    "(text=",
    "None",
)


def visible_text(mutant: Mutant) -> str:
    """Whatever text the file holds, however decoded: a message may quote it back."""
    texts = [mutant.text]
    for codec in ("utf-8", "latin-1", "cp1258", "utf-16"):
        texts.append(mutant.data.decode(codec, errors="replace"))
    try:
        with zipfile.ZipFile(io.BytesIO(mutant.data)) as archive:
            for info in archive.infolist()[:50]:
                if info.file_size < 20 << 20:
                    texts.append(archive.read(info).decode("utf-8", errors="replace"))
    except Exception:  # noqa: S110 - most mutants are not readable zips
        pass
    return "\n".join(texts)


def assert_readable(messages: list[str], mutant: Mutant) -> None:
    """Non-empty, the import's own Vietnamese sentences, no Python text in them."""
    assert messages, f"{mutant.kind}: refused without a word"
    visible = None
    for message in messages[:40]:
        assert isinstance(message, str), (mutant.kind, message)
        assert message.strip(), f"{mutant.kind}: an empty message"
        assert VIETNAMESE_LETTERS & set(message.lower()), (mutant.kind, message)
        assert is_catalogued(message), f"{mutant.kind}: not ours: {message[:300]!r}"
        for leak in LEAKS:
            if leak in message:
                visible = visible if visible is not None else visible_text(mutant)
                assert leak in visible, f"{mutant.kind}: {leak!r} in {message[:300]!r}"


# --- the user's way through each import -----------------------------------------------


def roster_counts(training_class) -> tuple[int, int, int]:
    training_class.refresh_from_db()
    return (
        Trainee.objects.count(),
        Enrollment.objects.count(),
        training_class.seats_taken,
    )


def upload_roster(mutant: Mutant, training_class) -> None:
    """Preview, then confirm when the preview offers it; every write rolled back."""
    with transaction.atomic():
        before = roster_counts(training_class)
        report = check_roster(
            data=mutant.data, filename=mutant.filename, training_class=training_class
        )
        assert roster_counts(training_class) == before, f"{mutant.kind}: preview wrote"
        assert_readable_notices(report, mutant)
        if not report.is_valid:
            assert_readable([p.message for p in report.errors], mutant)
            assert_readable([str(p) for p in report.errors], mutant)
        else:
            try:
                imported = import_roster(
                    data=mutant.data,
                    filename=mutant.filename,
                    training_class=training_class,
                )
            except RosterRejected as rejected:
                assert roster_counts(training_class) == before, mutant.kind
                assert_readable([str(p) for p in rejected.report.errors], mutant)
            else:
                created = len(report.rows)
                assert imported.created == created > 0, mutant.kind
                assert roster_counts(training_class) == tuple(
                    count + created for count in before
                ), f"{mutant.kind}: a partial write"
        transaction.set_rollback(True)


def assert_readable_notices(report, mutant: Mutant) -> None:
    if report.notices:
        assert_readable([str(notice) for notice in report.notices], mutant)


def question_counts() -> tuple[int, int, int]:
    return (
        Question.objects.count(),
        Choice.objects.count(),
        QuestionCategory.objects.count(),
    )


def upload_questions(mutant: Mutant, course) -> None:
    """Preview, then import when the preview offers it; every write rolled back."""
    with transaction.atomic():
        before = question_counts()
        preview = import_questions(
            file=mutant.data, filename=mutant.filename, course=course, dry_run=True
        )
        assert question_counts() == before, f"{mutant.kind}: preview wrote"
        if not preview.is_valid:
            assert_readable([str(p) for p in preview.problems], mutant)
            assert_readable([p.message for p in preview.problems], mutant)
        else:
            result = import_questions(
                file=mutant.data, filename=mutant.filename, course=course, dry_run=False
            )
            if result.created:
                assert result.created == len(result.rows), mutant.kind
                assert question_counts() == (
                    before[0] + result.created,
                    before[1] + sum(len(row.choices) for row in result.rows),
                    before[2] + len(result.new_categories),
                ), f"{mutant.kind}: a partial write"
            else:
                assert question_counts() == before, f"{mutant.kind}: a partial write"
                assert_readable([str(p) for p in result.problems], mutant)
        transaction.set_rollback(True)


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


# --- hypothesis: edits of bytes, and any value in any cell ----------------------------

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


# --- the worst files: refused within 10 s and 300 MB ----------------------------------


CLEAR_REFS = Path("/proc/self/clear_refs")


def _status_bytes(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) * 1024
    raise LookupError(field)


def measured(call: Callable[[], object]) -> tuple[object, float, int]:
    """The call's result, its seconds, and its peak memory growth in bytes.

    On Linux the kernel's own peak (VmHWM, reset by writing 5 to clear_refs): every
    byte counts, C buffers of expat and zlib included, at no cost to the call; the
    C heap is trimmed first so that freed memory cannot hide a new peak. Elsewhere
    tracemalloc, which slows allocation-heavy calls down several times.
    """
    if CLEAR_REFS.exists():
        ctypes.CDLL(None).malloc_trim(0)
        CLEAR_REFS.write_text("5")
        baseline = _status_bytes("VmRSS")
        started = time.perf_counter()
        result = call()
        elapsed = time.perf_counter() - started
        return result, elapsed, _status_bytes("VmHWM") - baseline
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    try:
        result = call()
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] - baseline
        tracemalloc.stop()
    return result, elapsed, peak


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


# --- regressions: each a bug the fuzzing found ----------------------------------------


def test_regression_csv_cell_over_128_kb_is_refused_not_a_csv_error(training_class):
    # csv.Error ("field larger than field limit") escaped check_roster.
    data = mutations.csv_of([mutations.good_row(1)]).replace("CTV", '"CTV', 1).encode()

    report = check_roster(
        data=data + b"x" * 200_000, filename="ds.csv", training_class=training_class
    )

    assert [str(p) for p in report.errors] == [
        "Tệp CSV có ô dài bất thường (trên 128 KB), thường do thiếu dấu ngoặc kép "
        "đóng. Hãy mở bằng Excel, kiểm tra rồi lưu lại."
    ]


def test_regression_nul_in_a_csv_cell_is_dropped_before_postgresql(training_class):
    # PostgreSQL refuses NUL in text: the confirmation raised instead of importing.
    row = mutations.good_row(1, **{"Họ và tên": "Lò Thị\x00 Mai", "Ghi chú": "a\x00b"})
    data = mutations.csv_of([row]).encode()

    report = import_roster(data=data, filename="ds.csv", training_class=training_class)

    assert report.created == 1
    assert Trainee.objects.get().full_name == "Lò Thị Mai"
    assert Trainee.objects.get().notes == "ab"


def test_regression_infinite_birth_number_is_a_row_problem(training_class):
    # clean_birth did int(float("inf")): OverflowError out of check_roster.
    cell = mutations.Raw('<c r="{ref}"><v>1e999</v></c>')
    data = mutations.package(
        [mutations.roster_sheet(mutations.good_row(1, **{"Ngày sinh": cell}))]
    )

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert [str(p) for p in report.errors] == [
        "Dòng 2, cột “Ngày sinh”: Ngày sinh “inf” không hợp lệ."
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Nguyễn " + "a" * 60, "Tên (chữ cuối của họ và tên) dài quá 50 ký tự."),
        (" ".join(["ﬃ"] * 75), "Họ và tên dài quá 150 ký tự."),  # folds to 299
    ],
)
def test_regression_names_too_long_to_store_are_row_problems(
    training_class, name, message
):
    # given_name (50) and name_folded (150) overflowed: a DataError at confirmation.
    data = mutations.csv_of([mutations.good_row(1, **{"Họ và tên": name})]).encode()

    with pytest.raises(RosterRejected) as rejected:
        import_roster(data=data, filename="ds.csv", training_class=training_class)

    assert [p.message for p in rejected.value.report.errors] == [message]
    assert Trainee.objects.count() == 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda xml: xml[: len(xml) // 2],
        lambda xml: xml.replace(b'r="B5"', b'r="5B"').replace(b'r="B3"', b'r="3B"'),
        lambda xml: xml.replace(b"</row>", b"", 1),
    ],
    ids=["truncated", "bad reference", "unclosed row"],
)
def test_regression_broken_sheet_xml_is_a_damaged_file_in_both_imports(
    training_class, course, damage
):
    # openpyxl reads a sheet lazily: its errors came out of iter_rows, uncaught.
    roster = mutations.first_sheet_changed(mutations.roster_xlsx(), damage)
    questions = mutations.first_sheet_changed(mutations.question_xlsx(), damage)

    report = check_roster(
        data=roster, filename="ds.xlsx", training_class=training_class
    )
    result = import_questions(
        file=questions, filename="cau-hoi.xlsx", course=course, dry_run=True
    )

    assert "Tệp Excel bị hỏng" in str(report.errors[0])
    assert "Tệp Excel bị hỏng" in str(result.problems[0])


def test_regression_a_workbook_without_a_worksheet_is_damaged(training_class, course):
    # workbook.worksheets[0] raised IndexError.
    data = mutations.package([])

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)
    result = import_questions(
        file=data, filename="cau-hoi.xlsx", course=course, dry_run=True
    )

    assert "Tệp Excel bị hỏng" in str(report.errors[0])
    assert "Tệp Excel bị hỏng" in str(result.problems[0])


def test_regression_a_formula_in_the_header_row_is_named_by_its_text(training_class):
    # The notice about ignored columns showed “Formula(text='=\"STT\"')”.
    data = mutations.workbook_bytes(
        mutations.roster_rows(1),
        ['="STT"', *mutations.ROSTER_HEADERS[1:]],
        formulas={"A1": '="STT"'},
    )

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert 'Bỏ qua các cột không dùng: “="STT"”.' in [str(n) for n in report.notices]


def test_regression_full_width_digits_in_a_national_id_are_a_row_problem(
    training_class,
):
    # A full-width digit passes str.isdigit(): the row reached PostgreSQL's 0-9 check
    # and the confirmation raised IntegrityError.
    national_id = "00108500000\uff11"
    data = mutations.csv_of(
        [mutations.good_row(1, **{"Số CCCD": national_id})]
    ).encode()

    with pytest.raises(RosterRejected) as rejected:
        import_roster(data=data, filename="ds.csv", training_class=training_class)

    (problem,) = rejected.value.report.errors
    assert problem.column == "Số CCCD"
    assert "chỉ được có chữ số" in problem.message
    assert Trainee.objects.count() == 0


@pytest.mark.parametrize(
    "sheet",
    [
        mutations.billion_laughs("worksheet", depth=4),
        mutations.external_entity_sheet(),
    ],
    ids=["entity bomb", "external entity"],
)
def test_a_dtd_in_the_sheet_is_refused_before_openpyxl_reads_it(training_class, sheet):
    # defusedxml refused these inside openpyxl already; the scan now refuses any DTD
    # before openpyxl starts, whichever part holds it.
    data = mutations.package([sheet])

    report = check_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert "Tệp Excel bị hỏng" in str(report.errors[0])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ('<row r="2000000000"><c r="B2000000000"><v>1</v></c></row>', "bị hỏng"),
        ('<row r="3"><c r="XFE3"><v>1</v></c></row>', "bị hỏng"),
        ('<row r="3"><c r="B3"><v>1</v></c></row>' * 500_000, "quá nhiều ô"),
    ],
    ids=["row beyond Excel", "column beyond Excel", "500,000 copies of one row"],
)
def test_regression_rows_openpyxl_would_loop_on_are_refused_at_once(
    training_class, row, message
):
    # Each ran for minutes: openpyxl yields every skipped row number, and parses
    # repeated rows it never yields.
    data = mutations.package([mutations.roster_sheet(mutations.good_row(1))])
    data = mutations.first_sheet_changed(
        data, lambda xml: xml.replace(b"</sheetData>", row.encode() + b"</sheetData>")
    )

    report, seconds, _peak = measured(
        lambda: check_roster(
            data=data, filename="ds.xlsx", training_class=training_class
        )
    )

    assert message in str(report.errors[0])
    assert seconds < TIME_LIMIT_SECONDS


def test_regression_a_lying_sheet_size_no_longer_pads_every_row(training_class):
    # "A1:XFD1048576" made openpyxl pad a million rows to 16,384 cells each.
    sheet = mutations.roster_sheet(
        mutations.good_row(1), dimension="A1:XFD1048576"
    ).replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="J1048576" t="inlineStr"><is><t>cuoi</t></is></c>'
        b"</row></sheetData>",
    )
    data = mutations.package([sheet])

    report, seconds, peak = measured(
        lambda: check_roster(
            data=data, filename="ds.xlsx", training_class=training_class
        )
    )

    assert [row.number for row in report.rows] == [2, 1048576]
    assert seconds < TIME_LIMIT_SECONDS
    assert peak < MEMORY_LIMIT_BYTES


def test_regression_a_styles_flood_is_refused_before_openpyxl_builds_it(
    training_class,
):
    # 300,000 one-line styles in a 15 KB file took 19 s and 219 MB to open.
    result, seconds, peak = measured(
        lambda: check_roster(
            data=mutations.styles_flood(),
            filename="ds.xlsx",
            training_class=training_class,
        )
    )

    assert "quá nhiều ô, dòng hoặc định dạng" in str(result.errors[0])
    assert seconds < TIME_LIMIT_SECONDS
    assert peak < 50 << 20


def test_regression_question_import_shares_the_xlsx_limits(course):
    # The 50 MB directory check alone let both imports parse a 49 MB tag flood.
    result, seconds, _peak = measured(
        lambda: import_questions(
            file=mutations.tag_flood(b"<row/>"),
            filename="cau-hoi.xlsx",
            course=course,
            dry_run=True,
        )
    )

    assert "quá nhiều ô, dòng hoặc định dạng" in str(result.problems[0])
    assert seconds < TIME_LIMIT_SECONDS


def test_a_legitimate_workbook_within_the_limits_still_imports(training_class):
    rows = mutations.roster_rows(40)
    data = mutations.workbook_bytes(rows, mutations.ROSTER_HEADERS)

    report = import_roster(data=data, filename="ds.xlsx", training_class=training_class)

    assert report.created == 40
