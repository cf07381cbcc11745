"""Every user-facing string is in complete vi and en catalogues."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["lms", "courses", "cms", "certificates", "locale", "manage.py"]


@pytest.fixture(scope="module")
def refreshed_catalogues(tmp_path_factory) -> Path:
    """The committed catalogues merged with the strings the code uses today."""
    if not shutil.which("msgattrib"):
        pytest.skip("GNU gettext is not installed (make install needs it too)")
    copy = tmp_path_factory.mktemp("catalogues")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(source, copy / name)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "vi",
            "-l",
            "en",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("flag", ["--untranslated", "--only-fuzzy"])
def test_catalogue_has_no_missing_or_fuzzy_strings(
    refreshed_catalogues, language, flag
):
    po = refreshed_catalogues / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgattrib", flag, "--no-wrap", str(po)],
        check=True,
        capture_output=True,
        text=True,
    )
    missing = [
        line.removeprefix("msgid ")
        for line in result.stdout.splitlines()
        if line.startswith("msgid ") and line != 'msgid ""'
    ]
    assert missing == [], f"{language}: {flag} strings: {missing[:20]}"


def test_english_catalogue_really_translates():
    po = (ROOT / "locale/en/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    assert 'msgid "Khoá học"\nmsgstr "Courses"' in po
