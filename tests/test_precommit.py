"""The published pre-commit hooks (``.pre-commit-hooks.yaml``), run by the real ``pre-commit``.

A user's report repository names govlint by git URL and ``rev``; pre-commit clones that commit,
builds a virtualenv and pip-installs govlint into it. To exercise exactly that path on the tree
under test (which may hold uncommitted work), the test copies the checkout's files (tracked
and untracked-but-not-ignored, as they are on disk) into a temporary git repository, commits
them there, and points ``repo:`` at that repository and ``rev:`` at its commit. The checkout's
own git state is only read, never changed. The pip install needs PyPI (hatchling and
govlint's dependencies); the virtualenv is built once per session in a private PRE_COMMIT_HOME.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest
from conftest import ROOT
from pre_commit.clientlib import load_manifest  # type: ignore[import-untyped]

from govlint.commands import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")

REPORTS = ROOT / "tests" / "fixtures" / "reports"
CLEAN = REPORTS / "clean-qimen.md"  # the defective report with every defect fixed
DEFECTIVE = REPORTS / "defects-qimen.md"


def test_manifest_is_valid_and_its_entries_run(tmp_path: Path) -> None:
    """pre-commit's own schema accepts the manifest, and each hook's entry is a working
    ``govlint`` command line (checked in-process, without pre-commit or the network)."""
    hooks = {hook["id"]: hook for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"govlint", "govlint-fix"}
    report = tmp_path / CLEAN.name
    shutil.copy2(CLEAN, report)
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["require_serial"] is False
        program, *args = hook["entry"].split()
        assert program == "govlint"
        assert main([*args, str(report)]) == 0
    assert hooks["govlint-fix"]["entry"] == "govlint check --fix"
    assert hooks["govlint-fix"]["types_or"] == ["markdown", "plain-text"]  # what --fix can rewrite
    assert hooks["govlint"]["types_or"] == ["markdown", "plain-text", "html", "pdf", "binary"]
    import re

    names = re.compile(hooks["govlint"]["files"])
    for name in ("r.md", "r.txt", "报告.docx", "r.DOCX", "r.doc", "r.wps", "r.html", "r.htm", "r.pdf"):
        assert names.search(name), name
    for name in (".pre-commit-config.yaml", "r.xlsx", "r.png", "setup.py", "r.json"):
        assert not names.search(name), name
    assert report.read_bytes() == CLEAN.read_bytes()


def _env(home: Path) -> dict[str, str]:
    """A git/pre-commit environment that ignores the caller's repository and settings
    (the test may itself run inside a git hook, which exports GIT_DIR and friends)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PRE_COMMIT_HOME=str(home / "cache"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / "gitconfig"),
        GIT_AUTHOR_NAME="govlint test",
        GIT_AUTHOR_EMAIL="test@example.org",
        GIT_COMMITTER_NAME="govlint test",
        GIT_COMMITTER_EMAIL="test@example.org",
    )
    return env


def _git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


class HookRepo(NamedTuple):
    """A committed snapshot of the checkout, as pre-commit would clone it."""

    path: Path
    rev: str
    env: dict[str, str]


@pytest.fixture(scope="session")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    """The snapshot, and a PRE_COMMIT_HOME shared by the session's runs; removed afterwards
    (pytest keeps recent temporary folders, and each hook virtualenv is about 250 MB)."""
    home = tmp_path_factory.mktemp("precommit-home")
    env = _env(home)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    snapshot = home / "govlint"
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(snapshot, env, "init", "-q")
    _git(snapshot, env, "add", "-A")
    _git(snapshot, env, "commit", "-q", "--no-verify", "-m", "snapshot of the tree under test")
    rev = _git(snapshot, env, "rev-parse", "HEAD").strip()
    yield HookRepo(snapshot, rev, env)
    shutil.rmtree(home, ignore_errors=True)


def _report_repo(where: Path, hooks: HookRepo, hook_id: str, report: Path, *, readme: bool = False) -> Path:
    """A user's report repository with one report under reports/; with ``readme``, also a
    README.md (not a report) kept out of the hook by ``files: ^reports/``, as in
    examples/report-repo. Without it the config names no ``files``: the hook's own
    ``types_or`` must then keep .pre-commit-config.yaml away from govlint."""
    repo = where / "reports-repo"
    (repo / "reports" / "2023").mkdir(parents=True)
    shutil.copy2(report, repo / "reports" / "2023" / report.name)
    files = ""
    if readme:
        (repo / "README.md").write_text(
            "# 年度报告\n\n本仓库存放本机关的政府信息公开工作年度报告。\n", encoding="utf-8"
        )
        files = "        files: ^reports/\n"
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks.path}\n    rev: {hooks.rev}\n    hooks:\n      - id: {hook_id}\n{files}",
        encoding="utf-8",
    )
    _git(repo, hooks.env, "init", "-q")
    _git(repo, hooks.env, "add", "-A")
    return repo


def _pre_commit(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_on_a_defective_report(hook_repo: HookRepo, tmp_path: Path) -> None:
    repo = _report_repo(tmp_path, hook_repo, "govlint", DEFECTIVE, readme=True)
    done = _pre_commit(repo, hook_repo.env)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "govlint" in output and "Failed" in output, output
    # govlint's own finding, with the path pre-commit passed: table 三's 一+二 ≠ （七）+四
    assert re.search(r"reports/2023/defects-qimen\.md:\d+:\d+: GL202 ", output), output
    assert "README.md" not in output, output


def test_hook_passes_on_a_clean_report(hook_repo: HookRepo, tmp_path: Path) -> None:
    """No ``files:`` in the config: .pre-commit-config.yaml passes only if types_or keeps it out."""
    repo = _report_repo(tmp_path, hook_repo, "govlint", CLEAN)
    done = _pre_commit(repo, hook_repo.env)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output, output


def test_fix_hook_rewrites_the_report(hook_repo: HookRepo, tmp_path: Path) -> None:
    """``govlint-fix`` applies the safe fixes; pre-commit fails because files changed, and the
    fixed report then passes."""
    text = CLEAN.read_text(encoding="utf-8")
    doubled = text.replace("。\n", "。。\n", 1)
    assert doubled != text
    broken = tmp_path / "src" / CLEAN.name
    broken.parent.mkdir()
    broken.write_text(doubled, encoding="utf-8")
    repo = _report_repo(tmp_path, hook_repo, "govlint-fix", broken)
    first = _pre_commit(repo, hook_repo.env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout, first.stdout
    assert (repo / "reports" / "2023" / CLEAN.name).read_text(encoding="utf-8") == text
    _git(repo, hook_repo.env, "add", "-A")
    second = _pre_commit(repo, hook_repo.env)
    assert second.returncode == 0, second.stdout + second.stderr
