"""The pre-commit setup users copy: examples/report-repo's config and docs/pre-commit.md.

tests/test_precommit.py runs the real hooks from a local repository pinned by commit, with the
reports added to git first — the path the docs describe. What it does not see is the example
configuration and the doc themselves: a ``rev:`` naming a tag that does not exist (pre-commit
then fails with ``pathspec ... did not match``), a hook id the manifest lacks, a doc whose YAML
differs from the example, or steps that run ``pre-commit run --all-files`` before ``git add``
(which skips every file and exits 0). These checks need neither pre-commit's network nor a run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT
from pre_commit.clientlib import load_config, load_manifest  # type: ignore[import-untyped]

EXAMPLE = ROOT / "examples" / "report-repo" / ".pre-commit-config.yaml"
DOC = ROOT / "docs" / "pre-commit.md"


def doc_blocks(language: str) -> list[str]:
    """The doc's fenced blocks of ``language`` (they sit indented inside numbered steps)."""
    text = DOC.read_text(encoding="utf-8")
    return [textwrap.dedent(b) for b in re.findall(rf"^ *```{language}\n(.*?)^ *```$", text, re.M | re.S)]


def test_example_config_pins_a_commit_of_this_repository() -> None:
    repo = load_config(str(EXAMPLE))["repos"][0]
    assert re.fullmatch(r"[0-9a-f]{40}", repo["rev"]), f"rev {repo['rev']!r}: a full commit id until tags exist"
    hook_ids = {hook["id"] for hook in load_manifest(str(ROOT / ".pre-commit-hooks.yaml"))}
    assert {hook["id"] for hook in repo["hooks"]} <= hook_ids
    if shutil.which("git") is None:
        pytest.skip("git is needed to look the commit up")
    found = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{repo['rev']}:.pre-commit-hooks.yaml"], capture_output=True, text=True
    )
    if found.returncode != 0:
        shallow = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
        )
        if shallow.stdout.strip() != "false":
            pytest.skip("not a full git clone: the pinned commit cannot be looked up")
    assert found.returncode == 0, f"{repo['rev']} is not a commit of this repository with the hooks: {found.stderr}"
    for hook in repo["hooks"]:
        assert f"- id: {hook['id']}\n" in found.stdout


def test_doc_shows_the_example_config(tmp_path: Path) -> None:
    """The doc's YAML is the example's first repository entry (comments and path aside)."""
    (shown,) = [b for b in doc_blocks("yaml") if b.startswith("repos:")]
    config = tmp_path / "shown.yaml"
    config.write_text(shown, encoding="utf-8")
    doc_repo = load_config(str(config))["repos"][0]
    example_repo = load_config(str(EXAMPLE))["repos"][0]
    assert doc_repo["rev"] == example_repo["rev"]
    assert doc_repo["hooks"] == example_repo["hooks"]
    assert doc_repo["repo"] == example_repo["repo"]


def test_doc_adds_the_reports_to_git_before_the_first_run() -> None:
    steps = next(b for b in doc_blocks("sh") if "pre-commit run --all-files" in b and "pre-commit install" in b)
    assert "git add" in steps and steps.index("git add") < steps.index("pre-commit run --all-files"), steps
