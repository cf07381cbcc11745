"""A pytest plugin: no Vietnamese phone number or national ID in any log line.

At session start a handler joins the root logger, and the root logger is lowered to
DEBUG for the run, so every record any code emits reaches it. The other handlers on the
root logger (the console, pytest's report and caplog capture) are held at the level
the configuration gave the root, so the run prints and captures what it did before;
only the guard reads the DEBUG records. The handler formats each
record as a log file would hold it (message, traceback, stack) and notes those holding
something shaped like a mobile number or a 12-digit ID. At the end the session fails,
listing each offender by test and logger, with the match masked: the report must not
leak what it reports.

No allow-list of messages. Two things keep noise out, each for a stated reason:
- the patterns themselves: a number must stand alone (not inside a longer run of
  digits or letters, as in tokens, hashes and timestamps), a mobile number starts
  0[35789] (or +84/84 then [35789]), and an ID starts 0 (province codes are 001-096);
- `TEST_TOOLING`: loggers of libraries that exist only in the test environment and
  echo the test's own fixture arguments. Production never imports them.

Loggers with propagate=False (Django's `django.server`, runserver only) never reach the
root logger; the application's own loggers all propagate.
"""

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

_GAP = r"[ .\-]?"
PHONE = re.compile(
    rf"(?<![\w.+])(?:\+84{_GAP}|84|0)[35789](?:{_GAP}\d){{8}}(?![\w])", re.ASCII
)
NATIONAL_ID = re.compile(r"(?<![\w.+])0\d{11}(?![\w])", re.ASCII)

# factory_boy logs every factory call's keyword arguments at DEBUG ("Generating
# Trainee(phone='+84912345678')"): the test's own fixture data, in a library that is
# not installed in production.
TEST_TOOLING = ("factory",)


def find_personal_data(text: str) -> list[str]:
    """What in the text looks like a phone number or a national ID."""
    return [m.group() for m in PHONE.finditer(text)] + [
        m.group() for m in NATIONAL_ID.finditer(text)
    ]


def mask(text: str) -> str:
    def hide(match: re.Match) -> str:
        digits = match.group()
        return "•" * (len(digits) - 2) + digits[-2:]

    return NATIONAL_ID.sub(hide, PHONE.sub(hide, text))


@dataclass(frozen=True)
class Offender:
    test: str
    logger: str
    level: str
    line: str  # masked


class PersonalDataLogGuard(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        self.offenders: list[Offender] = []
        self.current_test = "(outside a test)"
        self._expecting: list[list[str]] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in TEST_TOOLING:
            return
        try:
            line = self.format(record)
        except Exception:  # a broken log call is not this guard's business
            line = str(record.msg)
        if not find_personal_data(line):
            return
        if self._expecting is not None:
            self._expecting.append(line)
            return
        self.offenders.append(
            Offender(self.current_test, record.name, record.levelname, mask(line))
        )

    @contextmanager
    def expected(self) -> Iterator[list[str]]:
        """Collect, instead of reporting, what the block logs: for testing the guard."""
        seen: list[str] = []
        self._expecting = seen
        try:
            yield seen
        finally:
            self._expecting = None


_guard = PersonalDataLogGuard()
_configured_level = logging.INFO
_held: dict[logging.Handler, int] = {}


def guard() -> PersonalDataLogGuard:
    return _guard


def _attach() -> None:
    """Guard on, root at DEBUG, every other root handler at the configured level.

    Only handlers left at NOTSET are held: a test that set a handler's level itself
    (caplog.set_level) keeps it.
    """
    root = logging.getLogger()
    if _guard not in root.handlers:
        root.addHandler(_guard)
    root.setLevel(logging.DEBUG)
    for handler in root.handlers:
        if handler is not _guard and handler.level == logging.NOTSET:
            handler.setLevel(_configured_level)


def pytest_sessionstart(session: pytest.Session) -> None:
    global _configured_level
    root = logging.getLogger()
    _configured_level = root.getEffectiveLevel()
    # The configured handlers (the console) get their level back at the end.
    _held.update({h: h.level for h in root.handlers})
    _attach()


def pytest_runtest_logstart(nodeid: str, location) -> None:
    _guard.current_test = nodeid


# pytest adds its capture handlers to the root logger around each phase; these run
# inside that. Re-attaching also survives a test that reconfigures logging (a Celery
# worker hijacking the root logger, say).
def pytest_runtest_setup(item: pytest.Item) -> None:
    _attach()


def pytest_runtest_call(item: pytest.Item) -> None:
    _attach()


def pytest_runtest_teardown(item: pytest.Item) -> None:
    _attach()


def pytest_runtest_logfinish(nodeid: str, location) -> None:
    _guard.current_test = "(outside a test)"


@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    root = logging.getLogger()
    root.removeHandler(_guard)
    root.setLevel(_configured_level)
    for handler, level in _held.items():
        handler.setLevel(level)
    _held.clear()
    if _guard.offenders and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:
    if not _guard.offenders:
        return
    terminalreporter.section("personal data in log lines", sep="=", red=True)
    for offender in _guard.offenders:
        terminalreporter.line(
            f"{offender.test} | {offender.logger} | {offender.level} | {offender.line}"
        )
    terminalreporter.line(
        f"{len(_guard.offenders)} log line(s) hold a phone number or national ID: "
        "log ids (trainee.pk), never the person's data."
    )
