"""The lock (requirements/*.txt, made by `make lock`) pins every dependency pyproject.toml names, at a version it
allows: a dependency added to pyproject.toml without `make lock` fails here, not on the next machine."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def pins(lock_text: str) -> dict[str, str]:
    return {canonicalize_name(name): version for name, version in PIN.findall(lock_text)}


def unlocked(requirements: list[str], lock_text: str) -> list[str]:
    """The requirements the lock leaves out or pins at a version they do not allow."""
    pinned = pins(lock_text)
    problems = []
    for line in requirements:
        requirement = Requirement(line)
        version = pinned.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{line} (locked: {version or 'missing'})")
    return problems


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("requirements/base.txt", PROJECT["dependencies"]),
        ("requirements/dev.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_the_lock_pins_every_dependency_at_a_version_pyproject_allows(lock, requirements):
    assert unlocked(requirements, (ROOT / lock).read_text("utf-8")) == [], "Run `make lock` and commit the result"


def test_the_check_finds_a_missing_pin_and_a_pin_outside_the_range():
    lock = "flask==3.1.3 \\\n    --hash=sha256:00\n    # via engage\nSQLAlchemy==1.4.0\n"

    assert unlocked(["flask>=3.1,<4", "sqlalchemy>=2.0,<3", "psycopg[binary]>=3.2,<4"], lock) == [
        "sqlalchemy>=2.0,<3 (locked: 1.4.0)",
        "psycopg[binary]>=3.2,<4 (locked: missing)",
    ]
