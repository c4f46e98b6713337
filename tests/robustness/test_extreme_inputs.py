"""Inputs no report has but a linter must survive: 1 MB lines, 10,000 tiny tables, deeply
nested Markdown. Each goes through the real command (a fresh process with a time limit, so
a super-linear rule shows as a failure instead of a hung test run): exit 0, 1 or 2, valid
JSON, one file entry, and no crashed reader, aligner or check (GL900)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MB = 1_000_000
#: Seconds one extreme file may take; a linear govlint needs a few.
TIME_LIMIT = 90

CASES = {
    "digits-line.txt": "1234567890" * (MB // 10),
    "prose-line.md": "本机关共收到政府信息公开申请12件，" * (MB // 17),
    "table-row.md": "| " + " | ".join(["1"] * (MB // 4)) + " |\n",
    "heading-gap.md": "# 一、总体情况" + " " * MB + "x\n",
    "pipes.txt": "|" * MB,
    "tabs-and-cells.txt": "（七）总计\t" + "\t".join(["0"] * (MB // 2)),
    "tiny-tables.md": "| a | b |\n|---|---|\n| 1 | 2 |\n\n" * 10_000,
    "nested-quotes.md": ">" * 100_000 + " 一、总体情况\n",
    "nested-lists.md": "".join("  " * i + "- 一、总体情况\n" for i in range(3000)),
    "nested-brackets.md": "[" * 100_000 + "x" + "]" * 100_000,
    "nested-emphasis.md": "*" * 100_000 + "x" + "*" * 100_000,
    "nested-html-tables.md": "<table><tr><td>" * 3000 + "1" + "</td></tr></table>" * 3000,
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_extreme_input(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(CASES[name], encoding="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "govlint", "check", "--format", "json", str(path)],
            capture_output=True, text=True, timeout=TIME_LIMIT, env=os.environ.copy(), check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: more than {TIME_LIMIT} s (a super-linear step; see test_regex_budget.py)")
    assert proc.returncode in (0, 1, 2), proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-2000:]
    files = json.loads(proc.stdout)["files"]
    assert len(files) == 1
    crashes = [d for d in files[0]["diagnostics"] if d["code"] == "GL900"]
    assert not crashes, crashes
