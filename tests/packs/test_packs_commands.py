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


def test_pack_show_prints_the_resolved_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "county.yaml", COUNTY)
    assert main(["pack", "show", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["chain"] == ["national", "county"]
    assert [s["id"] for s in doc["sections"]] == ["一", "二", "三", "四", "五", "六"]
