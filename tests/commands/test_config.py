"""``govlint config PATH``: the resolved configuration (what it holds: ``tests/test_config.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import config
from govlint.commands import main


@pytest.fixture(autouse=True)
def fresh() -> None:
    config.clear_caches()


def test_yaml_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "govlint.yaml").write_text("select: [GL2]\nlang: en\n", encoding="utf-8")
    (tmp_path / "r.md").write_text("", encoding="utf-8")
    assert main(["config", str(tmp_path / "r.md")]) == 0
    shown = capsys.readouterr().out
    assert f"config-files:\n- {tmp_path / 'govlint.yaml'}\n" in shown
    assert "select:\n- GL2\n" in shown and "lang: en\n" in shown


def test_broken_configuration_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "govlint.yaml").write_text("lang: fr\n", encoding="utf-8")
    assert main(["config", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.startswith(f"govlint: {tmp_path / 'govlint.yaml'}:1:7: lang: ")


def test_missing_path_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "govlint.yaml").write_text("select: [GL2]\n", encoding="utf-8")
    missing = tmp_path / "nonexistent.md"
    assert main(["config", str(missing)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"govlint: {missing}: 文件不存在 / no such file or directory\n"
