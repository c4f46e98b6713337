"""``govlint pack list`` and ``pack show``, and a broken pack met by ``govlint check``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.commands import main
from tests.packs.common import COUNTY, FIXTURES, write


def test_broken_pack_is_a_usage_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "county.yaml", "id: county\nextends: national\nsections:\n  - id: 六\n    titel: x\n")
    write(tmp_path, "govlint.yaml", "pack: county\npacks: [county.yaml]\n")
    report = write(tmp_path, "r.md", (FIXTURES / "clean-minimal.md").read_text("utf-8"))
    assert main(["check", str(report)]) == 2
    err = capsys.readouterr().err
    assert "county.yaml:5:5: sections[六].titel: 未知键 'titel'" in err
    assert "Traceback" not in err


def test_pack_list_shows_origin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    write(tmp_path, "govlint.yaml", "packs: [county.yaml]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["pack", "list", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["national"]["origin"] == "govlint"
    assert rows["county"]["origin"] == f"configuration {tmp_path / 'govlint.yaml'}"
    assert rows["county"]["extends"] == ["national"]


def test_pack_list_marks_a_pack_that_cannot_be_used(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "county.yaml", COUNTY + "bogus: 1\n")
    write(tmp_path, "town.yaml", "id: town\nversion: '1'\ntitle: 某镇\nextends: county\n")  # its base is broken
    write(tmp_path, "govlint.yaml", "packs: [county.yaml, town.yaml]\n")
    monkeypatch.chdir(tmp_path)
    bogus_line = COUNTY.count("\n") + 1
    assert main(["pack", "list", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["county"]["error"].startswith(f"{tmp_path / 'county.yaml'}:{bogus_line}:1: bogus: 未知键 'bogus'")
    assert rows["town"]["error"] == rows["county"]["error"]
    assert rows["national"]["error"] is None
    assert main(["pack", "list"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].startswith("!  county  1  测试县  extends national")
    assert shown[2] == f"   {rows['county']['error']}"
    assert any(line.startswith("national  ") for line in shown)


def test_pack_show_prints_the_resolved_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "county.yaml", COUNTY)
    assert main(["pack", "show", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["chain"] == ["national", "county"]
    assert [s["id"] for s in doc["sections"]] == ["一", "二", "三", "四", "五", "六"]
