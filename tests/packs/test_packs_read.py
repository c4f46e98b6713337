"""govlint.packs.read: YAML errors, and the limits that refuse hostile packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import packs
from govlint.packs.read import MAX_FILE_BYTES
from tests.packs.common import write


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nsections: [\n")
    with pytest.raises(packs.PackError) as info:
        packs.read_pack(packs.PackSource(path, "test"))
    assert str(info.value).startswith(f"{path}:3:1: YAML 语法错误")


def test_anchor_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["id: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(packs.PackError, match="alias bomb"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", "id: deep\nsections: " + "[" * 200 + "]" * 200 + "\n")
    with pytest.raises(packs.PackError, match="nested"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.yaml", "id: big\n# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(packs.PackError, match="file too large"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_python_tags_do_not_execute(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", "id: evil\ntitle: !!python/object/apply:os.system ['touch pwned']\n")
    with pytest.raises(packs.PackError):
        packs.read_pack(packs.PackSource(path, "test"))
    assert not Path("pwned").exists()
