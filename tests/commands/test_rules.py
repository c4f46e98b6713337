"""``govlint rules`` and ``govlint rule CODE``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.commands import main


@pytest.fixture(autouse=True)
def nowhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In a folder without a configuration: pack entries are the national pack's."""
    monkeypatch.chdir(tmp_path)


def test_rules_lists_every_rule_in_code_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes) and "GL201" in codes
    assert set(rows[0]) == {"code", "name", "family", "severity", "summary", "summary_en"}
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.count("\n") == len(rows)


@pytest.mark.parametrize("word", ["GL201", "gl201", "table-row-total", "TABLE-ROW-TOTAL"])
def test_rule_by_code_or_name(capsys: pytest.CaptureFixture[str], word: str) -> None:
    assert main(["rule", word]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("# GL201 table-row-total\n")


def test_every_rule_by_its_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    for row in json.loads(capsys.readouterr().out):
        assert main(["rule", row["code"]]) == 0
        page = capsys.readouterr().out
        assert main(["rule", row["name"]]) == 0
        assert capsys.readouterr().out == page


def refused(capsys: pytest.CaptureFixture[str], word: str) -> str:
    assert main(["rule", word]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    return err


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("XYZ", "没有规则 'XYZ'（govlint rules 列出全部规则）/ no rule 'XYZ' (govlint rules lists them all)"),
        ("GL2O1", "没有规则 'GL2O1'（是否为 GL201？）/ no rule 'GL2O1' (did you mean GL201?)"),
        ("table-row-totl", "没有规则 'table-row-totl'（是否为 table-row-total？）/ "
                           "no rule 'table-row-totl' (did you mean table-row-total?)"),
    ],
)
def test_unknown_rule_names_the_closest(capsys: pytest.CaptureFixture[str], word: str, said: str) -> None:
    assert refused(capsys, word) == f"govlint: {said}\n"


@pytest.mark.parametrize(
    ("entry", "rule"),
    [("row-total", "GL201 table-row-total"), ("yaodian-earlier-year", "GL301 outdated-basis"),
     ("phone", "GL401 missing-contact")],
)
def test_a_pack_entry_names_its_rule(capsys: pytest.CaptureFixture[str], entry: str, rule: str) -> None:
    """What a finding gives as its ``entry`` is not a rule: the rule it belongs to is said."""
    assert refused(capsys, entry) == f"govlint: {entry} 是规则 {rule} 的条目 / {entry} is an entry of {rule}\n"


def test_the_pack_of_the_configuration_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "county.yaml").write_text(
        "id: county\nversion: '1'\ntitle: 某县\nextends: national\nsections:\n  - id: 六\n    statements:\n"
        "      - {id: hotline, code: GL110, pattern: '12345', message: {zh: 须报告热线, en: report the hotline}}\n",
        encoding="utf-8")
    (tmp_path / "govlint.yaml").write_text("pack: county\npacks: [county.yaml]\n", encoding="utf-8")
    assert refused(capsys, "hotline") == ("govlint: hotline 是规则包 county 中报告 GL110 的条目（没有单独的说明）/ "
                                          "hotline is an entry of pack county reporting GL110 (no page of its own)\n")
    assert refused(capsys, "gl110") == ("govlint: GL110 是规则包 county 的条目 hotline 报告的代码（没有单独的说明）/ "
                                        "GL110 is reported by entry hotline of pack county (no page of its own)\n")
    assert refused(capsys, "fee") == ("govlint: fee 是规则 GL109 required-statement 的条目 / "
                                      "fee is an entry of GL109 required-statement\n")
