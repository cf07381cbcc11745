"""What a message may say, the user's way through each import, and what a call costs
in seconds and memory."""

import ast
import ctypes
import io
import re
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import translation

from courses.models import Choice, Enrollment, Question, QuestionCategory, Trainee
from courses.question_import import checking as question_checking
from courses.question_import import import_questions
from courses.question_import import reading as question_reading
from courses.question_import import services as question_services
from courses.roster import cleaning, reading, services, units, xlsx
from courses.roster.services import RosterRejected, check_roster, import_roster
from tests.courses.import_mutations import Mutant

MARKS = [
    pytest.mark.django_db,
    # openpyxl's notice for the date serial 1e20 among the mutants; the file is refused.
    pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning"),
]

TIME_LIMIT_SECONDS = 10
MEMORY_LIMIT_BYTES = 300 * 1024 * 1024

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


# --- what a call costs ----------------------------------------------------------------


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
