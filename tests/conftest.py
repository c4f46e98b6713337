"""Shared fixtures: lint a string or a file with govlint's own plugins only."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

# govlint's start-up memos and stored dicts live in a folder of the test run's own (set before
# govlint is imported, since its stored dicts are read at first use and written at exit), so
# a developer's cache is not filled with test reports' labels and patterns.
# (pytest imports this file once, and test modules import it again as ``conftest``: one folder.)
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


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


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
