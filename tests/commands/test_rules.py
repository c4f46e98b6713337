"""``govlint rules`` and ``govlint rule CODE``."""

from __future__ import annotations

import json

import pytest

from govlint.commands import main


def test_rules_lists_every_rule_in_code_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    codes = [r["code"] for r in rows]
    assert codes == sorted(codes) and "GL201" in codes
    assert set(rows[0]) == {"code", "name", "family", "severity", "summary", "summary_en"}
    assert main(["rules"]) == 0
    assert capsys.readouterr().out.count("\n") == len(rows)


def test_rule_by_code_or_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "gl201"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("# GL201 ")
    name = shown.split()[2]
    assert main(["rule", name]) == 0
    assert capsys.readouterr().out == shown


def test_unknown_rule_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "XYZ"]) == 2
    assert capsys.readouterr().err == "govlint: 没有规则 / no rule 'XYZ'\n"
