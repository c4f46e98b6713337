"""GL303 superseded-regulation: 国务院令第492号 cited after the 2019 revision."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

from govlint.align import align
from govlint.checks.references import gl303_superseded_regulation
from govlint.engine import Engine
from govlint.model import Context, Diagnostic
from govlint.packs import merge
from govlint.readers import text as text_reader
from govlint.source import source_from_text


def doc(body: str, year: str = "2023") -> str:
    return f"# 平罗县{year}年政府信息公开工作年度报告\n\n{body}\n"


@pytest.mark.parametrize("cite", ["国务院令第492号", "国务院令 第 ４９２ 号", "国务院第492号令"])
def test_old_regulation_fires(lint_text: LintText, cite: str) -> None:
    diags = lint_text(doc(f"根据《中华人民共和国政府信息公开条例》（{cite}）编制。"), select=("GL303",))
    assert [d.severity for d in diags] == ["warning"]
    assert "711" in diags[0].message.zh


def test_current_regulation_and_old_reports_stay_quiet(lint_text: LintText) -> None:
    assert lint_text(doc("根据《条例》（国务院令第711号）编制。"), select=("GL303",)) == []
    assert lint_text(doc("根据《条例》（国务院令第492号）编制。", "2018"), select=("GL303",)) == []


def test_the_2007_regulation_in_a_report(found: FindFn) -> None:
    got = found(clean_with("国务院令第711号", "国务院令第492号"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [("GL303", 3, "warning", "regulation-2007")]
    assert "（国务院令第492号）；现行条例为2019年修订的国务院令第711号" in got[0].message


def test_the_current_regulation_in_a_report_stays_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL3", "GL5") == []


TEXT = "平罗县2023年政府信息公开工作年度报告\n\n按照《2022年全区政务公开重点任务》推进，引用国务院令第492号。\n"


def test_a_province_pack_drops_an_entry(engine: Engine) -> None:
    def run_with(extra: dict[str, Any]) -> list[Diagnostic]:
        pack = engine.pack._replace(data=merge(engine.pack.data, extra))
        report = align(text_reader.read(source_from_text("r.txt", TEXT)), pack, None)
        return list(gl303_superseded_regulation.CHECK.run(report, Context("zh")))

    assert len(run_with({})) == 1
    assert run_with({"references": {"patterns": [{"id": "regulation-2007", "drop": True}]}}) == []
