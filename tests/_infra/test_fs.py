"""The one atomic write: whole or not at all, permissions and links kept."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from govlint._infra.fs import write_atomic


def test_write_atomic_keeps_mode_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    write_atomic(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


def test_write_atomic_follows_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(str(link), b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


@pytest.mark.parametrize("durable", [True, False])
def test_write_atomic_creates_a_private_file(tmp_path: Path, durable: bool) -> None:
    path = tmp_path / "cache.json"
    write_atomic(path, b"{}", durable=durable)
    assert path.read_bytes() == b"{}" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.json"]
