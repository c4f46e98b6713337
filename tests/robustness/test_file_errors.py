"""Files that vanish, cannot be read, are folders, FIFOs or symlink loops: one clear error
line each, every other file still checked, exit 2 (with and without the process pool)."""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import seed_paths

import govlint.source
from govlint.commands import main

BuildBad = Callable[[Path], list[str]]  # makes bad entries in a folder, returns their names


def _vanished(folder: Path) -> list[str]:
    (folder / "gone.md").symlink_to(folder / "nowhere.md")  # listed, then not there to read
    return ["gone.md"]


def _symlink_loops(folder: Path) -> list[str]:
    (folder / "self.md").symlink_to("self.md")
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    (folder / "subdir-loop").symlink_to(".")  # a folder loop is not followed at all
    return ["a.md", "b.md", "self.md"]


def _fifo(folder: Path) -> list[str]:
    os.mkfifo(folder / "pipe.md")  # reading it would block forever
    return ["pipe.md"]


def _unreadable(folder: Path) -> list[str]:
    path = folder / "secret.md"
    path.write_text("# 报告\n", encoding="utf-8")
    path.chmod(0)
    return ["secret.md"]


BAD: dict[str, BuildBad] = {"vanished": _vanished, "symlink-loops": _symlink_loops, "fifo": _fifo}
if hasattr(os, "geteuid") and os.geteuid() != 0:  # root reads anything; see the monkeypatched test below
    BAD["unreadable"] = _unreadable


def _good(folder: Path) -> list[str]:
    names = []
    for seed in seed_paths()[:2]:
        (folder / seed.name).write_bytes(seed.read_bytes())
        names.append(seed.name)
    nested = folder / "folder-named.md"  # a folder with a report suffix is a folder
    nested.mkdir()
    (nested / "inner.txt").write_bytes(seed_paths()[2].read_bytes())
    return [*names, "folder-named.md/inner.txt"]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], list[str]]:
    code = main(["check", "--format", "json", *args])
    out = capsys.readouterr()
    errors = [line for line in out.err.splitlines() if line.startswith("govlint: ")]
    assert "Traceback" not in out.err
    return code, json.loads(out.out), errors


@pytest.mark.seeds
@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_files_are_one_error_each(
    kind: str, jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _good(tmp_path)
    bad = BAD[kind](tmp_path)
    code, report, errors = _run(["--jobs", jobs, str(tmp_path)], capsys)
    assert code == 2
    assert sorted(Path(e.split(": ")[1]).name for e in errors) == sorted(bad), errors
    checked = {str(Path(f["path"]).relative_to(tmp_path)) for f in report["files"] if "error" not in f}
    assert checked == set(good)
    assert all(f["diagnostics"] for f in report["files"] if "error" not in f and "inner" not in f["path"])


@pytest.mark.seeds
def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """As root no file is unreadable, so opening this one is made to fail."""
    good = _good(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text("# 报告\n", encoding="utf-8")
    real_open = open

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path) == str(secret):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(govlint.source, "open", guarded, raising=False)
    code, report, errors = _run(["--jobs", "1", str(tmp_path)], capsys)
    assert code == 2
    assert len(errors) == 1 and "secret.md" in errors[0] and "Permission denied" in errors[0]
    assert len([f for f in report["files"] if "error" not in f]) == len(good)


@pytest.mark.seeds
def test_missing_path_given_explicitly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "r.txt"
    good.write_bytes(seed_paths()[0].read_bytes())
    code, report, errors = _run([str(tmp_path / "nope.md"), str(good)], capsys)
    assert code == 2 and len(errors) == 1 and "nope.md" in errors[0]
    assert [f["path"] for f in report["files"]] == [str(good)]
