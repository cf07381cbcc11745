"""Security floors: pyproject asks for patched releases, and the environment has them.

The floors are read from pyproject.toml, so a lock or a virtualenv that drifted from
what pyproject states fails here, and so does a floor someone lowered below the
release that fixed a known vulnerability.
"""

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# The lowest release of each that we accept in production, with the ceiling where a
# minor upgrade needs its own review (Django's 5.2 LTS line).
SECURITY_MINIMUMS = {
    "django": ("5.2.19", "5.3"),
    "wagtail": ("8.0.1", None),
    "celery": ("5.7", None),
    "django-import-export": ("4.4", None),
}


def declared() -> dict[str, SpecifierSet]:
    dependencies = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    requirements = (Requirement(line) for line in dependencies)
    return {r.name.lower(): r.specifier for r in requirements}


def floor(specifier: SpecifierSet) -> Version | None:
    floors = [Version(s.version) for s in specifier if s.operator in (">=", "==")]
    return max(floors) if floors else None


@pytest.mark.parametrize("name", sorted(SECURITY_MINIMUMS))
def test_pyproject_floor_is_not_below_the_security_minimum(name):
    minimum, ceiling = SECURITY_MINIMUMS[name]
    specifier = declared().get(name)
    assert specifier is not None, f"{name} is missing from pyproject dependencies"
    assert floor(specifier) is not None, f"{name} {specifier} states no floor"
    assert floor(specifier) >= Version(minimum), (
        f"pyproject allows {name} {specifier}, below the patched {minimum}"
    )
    if ceiling:
        assert not specifier.contains(ceiling), f"{name} {specifier} admits {ceiling}"


@pytest.mark.parametrize("name", sorted(SECURITY_MINIMUMS))
def test_installed_release_satisfies_pyproject_and_the_minimum(name):
    minimum, ceiling = SECURITY_MINIMUMS[name]
    installed = Version(version(name))
    assert declared()[name].contains(installed, prereleases=True), (
        f"{name} {installed} installed, pyproject says {declared()[name]}"
    )
    assert installed >= Version(minimum)
    if ceiling:
        assert installed < Version(ceiling)


def test_floor_reads_the_lowest_version_a_specifier_admits():
    # The helper the floors rest on: it must not mistake a ceiling for a floor.
    assert floor(SpecifierSet(">=5.2.19,<5.3")) == Version("5.2.19")
    assert floor(SpecifierSet("<5.3")) is None
