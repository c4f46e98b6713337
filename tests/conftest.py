"""Shared fixtures: lint a string or a file with govlint's own plugins only."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

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
