"""Shared fixtures: lint a string or a file with govlint's own plugins only; the clean report
and one-change variants of it; the seed reports, whose tests skip with one reason without them.

Test modules import what they need from here as ``from conftest import …`` (the module pytest
itself loaded), never as ``tests.conftest``."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import pytest

# govlint's start-up memos and stored dicts live in a folder of the test run's own (set before
# govlint is imported, since its stored dicts are read at first use and written at exit), so
# a developer's cache is not filled with test reports' labels and patterns. (Imported again,
# under another name or in a subprocess, this file finds the variable set: one folder.)
if "GOVLINT_TESTS_CACHE_HOME" not in os.environ:
    os.environ["GOVLINT_TESTS_CACHE_HOME"] = tempfile.mkdtemp(prefix="govlint-tests-cache-")
    atexit.register(shutil.rmtree, os.environ["GOVLINT_TESTS_CACHE_HOME"], True)  # first in, so last out
os.environ["XDG_CACHE_HOME"] = os.environ["GOVLINT_TESTS_CACHE_HOME"]

from govlint.engine import Engine, Settings
from govlint.model import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Tests see govlint's built-ins only, whatever else is installed in the environment.
os.environ.setdefault("GOVLINT_DISABLE_PLUGIN_AUTOLOAD", "1")


# --------------------------------------------------------------------------- the seed reports

SEEDS_ABSENT = "the seed reports are not beside this checkout (../shared/seeds); CI has them"


def seed_paths() -> list[Path]:
    """The seed reports, in order; [] in a plain clone (then every test marked ``seeds`` or
    asking for the ``seeds`` fixture is skipped, for :data:`SEEDS_ABSENT`)."""
    return sorted(SEEDS.glob("*.txt"))


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", f"seeds: reads ../shared/seeds (skipped without them: {SEEDS_ABSENT})")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the seeds, skip what reads them, for one reason. The mark goes first, so a test
    parametrized over the (then empty) list of seeds says this reason, not pytest's own."""
    if seed_paths():
        return
    skip = pytest.mark.skip(reason=SEEDS_ABSENT)
    for item in items:
        if item.get_closest_marker("seeds") or "seeds" in getattr(item, "fixturenames", ()):
            item.add_marker(skip, append=False)


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    """The seed reports (the test is skipped without them)."""
    found = seed_paths()
    if not found:
        pytest.skip(SEEDS_ABSENT)
    return found


# --------------------------------------------------------------------------- the clean report

CLEAN_PATH = FIXTURES / "clean-minimal.md"
#: A short report in the 2021 format that draws no finding: every rule's cases change it in one place.
CLEAN = CLEAN_PATH.read_text(encoding="utf-8")


def clean_with(old: str, new: str, text: str = CLEAN) -> str:
    """The clean report (or ``text``) with ``old`` replaced by ``new``: ``old`` must stand
    there exactly once (a line, or the part of a line that changes), so a case shows its one
    change and cannot silently change nothing."""
    assert text.count(old) == 1, f"{old!r} stands {text.count(old)} times in the report, not once"
    return text.replace(old, new)


def clean_lines(first: int, last: int) -> str:
    """Lines ``first`` to ``last`` (1-based, inclusive) of the clean report, without the last line end."""
    return "\n".join(CLEAN.split("\n")[first - 1 : last])


class Found(NamedTuple):
    """A finding as a case asserts it: code, where, severity, then what it says."""

    code: str
    line: int
    column: int
    severity: str
    message: str  # in Chinese
    en: str  # in English
    rule: str
    entry: str


FindFn = Callable[..., list[Found]]


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine(Settings())


LintText = Callable[..., list[Diagnostic]]


@pytest.fixture
def lint_text(engine: Engine) -> LintText:
    """``lint_text(text, path="report.md", select=("GL3",))`` -> diagnostics."""

    def run(text: str, path: str = "report.md", select: tuple[str, ...] = ()) -> list[Diagnostic]:
        result = engine.lint_text(path, text)
        return [d for d in result.diagnostics if not select or d.code.startswith(select)]

    return run


@pytest.fixture
def lint_file(engine: Engine) -> Callable[[Path], list[Diagnostic]]:
    def run(path: Path) -> list[Diagnostic]:
        result = engine.lint_path(str(path))
        assert result.error is None, result.error
        return list(result.diagnostics)

    return run


@pytest.fixture
def found(engine: Engine) -> FindFn:
    """``found(text, "GL1", "GL20", path="report.md")`` -> the findings whose codes start
    with one of the prefixes (all without one), in the order govlint reports them."""

    def run(text: str, *codes: str, path: str = "report.md") -> list[Found]:
        result = engine.lint_text(path, text)
        assert result.source is not None
        source = result.source
        return [
            Found(d.code, *source.position(d.span.start), d.severity, d.message.zh, d.message.en, d.rule, d.entry)
            for d in result.diagnostics
            if not codes or d.code.startswith(codes)
        ]

    return run


def where(findings: list[Found]) -> set[tuple[str, int, str]]:
    """(code, line, severity) of each finding: what a case expects of all of them at once."""
    return {(f.code, f.line, f.severity) for f in findings}
