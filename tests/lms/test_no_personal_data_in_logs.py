"""No phone number or national ID in log lines: the session-wide guard
(tests/log_guard.py) and a read of the code's own logger calls."""

import ast
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certificates.services import issue_certificate_on_completion
from courses.models import Enrollment
from courses.phones import display_phone
from courses.services import enroll
from tests.courses.factories import TraineeFactory, TrainingClassFactory
from tests.log_guard import TEST_TOOLING, find_personal_data, guard, mask

APP_DIRS = ("courses", "certificates", "cms", "lms")
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
# Attribute or key names that hold a person's data, and names of person objects whose
# str() is a name (Trainee) or a username that may be a phone number (User).
PERSONAL_FIELDS = {
    "phone",
    "phone_display",
    "national_id",
    "full_name",
    "holder_name",
    "holder_birth",
    "birth_date",
    "ethnicity",
    "village",
    "email",
    "username",
}
PERSON_OBJECTS = {"trainee", "user", "holder", "person", "duplicate", "keep"}

logger = logging.getLogger("courses.tests.log_guard")


def test_the_guard_listens_to_every_record_from_the_root_logger():
    root = logging.getLogger()

    assert guard() in root.handlers
    assert root.level == logging.DEBUG
    assert guard().level == logging.DEBUG


def test_debug_records_reach_the_guard_and_not_the_console():
    others = [h for h in logging.getLogger().handlers if h is not guard()]

    with guard().expected() as seen:
        logging.getLogger("courses.anything").debug("Đang gọi 0912345678")

    assert len(seen) == 1
    assert others
    assert all(h.level >= logging.INFO for h in others)


@pytest.mark.parametrize(
    "written",
    [
        "0912345678",
        "0912 345 678",
        "0912.345.678",
        "+84912345678",
        "+84 912 345 678",
        "84912345678",
        "số 0386123456,",
        "008185001234",
        "CCCD:001190005678.",
    ],
)
def test_the_guard_catches_each_way_a_phone_or_id_is_written(written):
    with guard().expected() as seen:
        logger.warning("Liên hệ %s", written)

    assert len(seen) == 1
    assert find_personal_data(mask(seen[0])) == []


def test_the_guard_reads_tracebacks_too():
    with guard().expected() as seen:
        try:
            raise ValueError("Key (phone)=(+84912345678) already exists.")
        except ValueError:
            logger.exception("Import failed for row 7")

    assert len(seen) == 1
    assert "Traceback" in seen[0]


@pytest.mark.parametrize(
    "harmless",
    [
        "••••••••1234",  # a masked ID
        "Export job 912345 failed",
        "at 1767225600123 ms",  # an epoch timestamp in milliseconds
        "code a0912345678bC_x9",  # a verification code with a digit run inside
        "uuid 3f0912345678ab90",
        "ratio 3.0912345678",
        "23/11/2026 14:30:05",
        "123456789012",  # 12 digits, but no province code starts with 1
        "+84",
    ],
)
def test_numbers_that_are_not_a_person_pass(harmless):
    with guard().expected() as seen:
        logger.info("value %s", harmless)

    assert seen == []


def test_only_test_tooling_is_not_read():
    assert TEST_TOOLING == ("factory",)
    with guard().expected() as seen:
        logging.getLogger("factory.generate").debug("phone='+84912345678'")
        logging.getLogger("factoryish").debug("phone='+84912345678'")

    assert len(seen) == 1


@given(
    prefix=st.sampled_from(["32", "39", "56", "70", "77", "81", "86", "90", "98"]),
    rest=st.integers(min_value=0, max_value=9_999_999),
)
def test_every_mobile_number_the_app_stores_or_shows_is_recognised(prefix, rest):
    e164 = f"+84{prefix}{rest:07d}"

    assert find_personal_data(f"stored {e164}") == [e164]
    assert find_personal_data(f"shown {display_phone(e164)}") == [display_phone(e164)]


def test_a_certificate_not_issued_is_logged_by_ids_only(organisation, caplog):
    trainee = TraineeFactory(
        full_name="Lò Văn Pả",
        organisation=organisation,
        phone="+84912345678",
        national_id="008185001234",
    )
    enrollment = enroll(
        trainee=trainee,
        training_class=TrainingClassFactory(organisation=organisation),
        method=Enrollment.Method.ORGANIZER,
    )

    with caplog.at_level(logging.WARNING, logger="certificates"):
        assert issue_certificate_on_completion(enrollment=enrollment) is None

    assert f"enrollment {enrollment.pk}" in caplog.text
    assert "Lò Văn Pả" not in caplog.text
    assert find_personal_data(caplog.text) == []


def _personal_references(node: ast.AST) -> list[str]:
    """Names in a logged expression that carry a person's data."""
    if isinstance(node, ast.Attribute):
        # trainee.pk is an id; trainee.phone, enrollment.trainee are the person.
        return [node.attr] if node.attr in PERSONAL_FIELDS | PERSON_OBJECTS else []
    if isinstance(node, ast.Name):
        return [node.id] if node.id in PERSON_OBJECTS | PERSONAL_FIELDS else []
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and key.value in PERSONAL_FIELDS:
            return [key.value]
        return _personal_references(node.value)
    return [
        found
        for child in ast.iter_child_nodes(node)
        for found in _personal_references(child)
    ]


def _logger_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in LOG_METHODS
            and isinstance(node.func.value, ast.Name | ast.Attribute)
            and "log" in ast.unparse(node.func.value).lower()
        ):
            yield node


def test_no_logger_call_in_the_code_formats_a_person():
    root = Path(__file__).resolve().parents[2]
    offenders = []
    for app in APP_DIRS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for call in _logger_calls(ast.parse(path.read_text(), str(path))):
                found = [
                    name
                    for arg in [*call.args, *(k.value for k in call.keywords)]
                    for name in _personal_references(arg)
                ]
                if found:
                    offenders.append(
                        f"{path.relative_to(root)}:{call.lineno} logs {found}"
                    )

    assert offenders == []


def test_the_code_check_would_catch_a_logged_trainee():
    bad = ast.parse(
        'logger.info("Merged %s into %s", duplicate, keep.full_name)\n'
        'logger.warning(f"no phone for {trainee.phone}")\n'
        'logger.info("ok %s %s", enrollment.trainee.pk, job.pk)\n'
    )

    found = [
        [n for a in call.args for n in _personal_references(a)]
        for call in _logger_calls(bad)
    ]

    assert found == [["duplicate", "full_name"], ["phone"], []]
