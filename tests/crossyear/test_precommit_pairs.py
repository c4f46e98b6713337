"""pre-commit passes only the changed report; govlint finds last year's, unchanged, in the
repository. Run by the real ``pre-commit`` in a temporary git repository, with govlint's
published hook as a local hook of this environment (its ``files`` and ``types_or`` from
``.pre-commit-hooks.yaml``; installing it from the manifest is tests/test_precommit.py's part)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from pre_commit.clientlib import load_manifest  # type: ignore[import-untyped]
from test_precommit import _env, _git

from crossyear.years import SECOND, report, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def _local_hook() -> str:
    """The published ``govlint`` hook, run by this environment's Python."""
    hook = next(h for h in load_manifest(str(ROOT / ".pre-commit-hooks.yaml")) if h["id"] == "govlint")
    types = ", ".join(hook["types_or"])
    return (
        "repos:\n  - repo: local\n    hooks:\n      - id: govlint\n        name: govlint\n"
        f"        entry: {sys.executable} -m govlint {hook['entry'].removeprefix('govlint ')}\n"
        f"        language: system\n        types_or: [{types}]\n        files: '{hook['files']}'\n"
    )


def test_a_changed_report_is_compared_with_last_years_unchanged_one(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    repo = write(tmp_path / "repo", {
        ".pre-commit-config.yaml": _local_hook(),
        "reports/2022/平罗县.md": report(2022, rules=(4, 1, 27), carried_out=2),
        "reports/2023/平罗县.md": report(2023, SECOND, carried_in=2),
    })
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "--no-verify", "-m", "two years")
    this_year = repo / "reports/2023/平罗县.md"
    this_year.write_text(report(2023, SECOND, carried_in=1), encoding="utf-8")  # carries 1 in where 2 went out
    _git(repo, env, "add", "reports/2023/平罗县.md")
    done = subprocess.run([sys.executable, "-m", "pre_commit", "run", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "reports/2023/平罗县.md:48:3: GL601 " in output, output
    assert "上年报告（reports/2022/平罗县.md）" in output, output
    assert "reports/2022/平罗县.md:" not in output, output  # last year's was not checked, only read
