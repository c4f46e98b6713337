"""The pattern machinery GL3xx/GL5xx share (govlint/checks/_patterns.py): numbers, messages,
pack entries a province adds or drops, broken entries."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.align import align
from govlint.checks._patterns import render, to_int
from govlint.checks.references import gl301_outdated_basis
from govlint.engine import Engine, Settings
from govlint.model import Check, Context, Diagnostic, Msg
from govlint.packs import merge
from govlint.readers import text as text_reader
from govlint.source import source_from_text

TEXT = "平罗县2023年政府信息公开工作年度报告\n\n按照《2022年全区政务公开重点任务》推进，引用国务院令第492号。\n"


@pytest.mark.parametrize(
    ("raw", "value"),
    [("2022", 2022), ("２０２２", 2022), ("二〇二二", 2022), ("十", 10), ("十二", 12), ("二十九", 29),
     ("三十一", 31), ("", None), (None, None), ("二十二十", None), ("abc", None)],
)
def test_to_int(raw: str | None, value: int | None) -> None:
    assert to_int(raw) == value


def test_render_survives_bad_templates() -> None:
    assert render({"zh": "{year} 年", "en": "year {year}"}, {"year": 2022}) == Msg("2022 年", "year 2022")
    assert render({"zh": "缺 {nope}"}, {}) == Msg("缺 {nope}", "缺 {nope}")
    assert render({"zh": "坏 {0} {x!q}", "en": "{"}, {}) == Msg("坏 {0} {x!q}", "{")
    assert render(None, {}) == Msg("", "")


def run_with(extra: dict[str, Any], check: Check) -> list[Diagnostic]:
    base = Engine(Settings()).pack
    pack = base._replace(data=merge(base.data, extra))
    report = align(text_reader.read(source_from_text("r.txt", TEXT)), pack, None)
    return list(check.run(report, Context("zh")))


def test_a_province_pack_adds_an_entry_without_code() -> None:
    assert run_with({}, gl301_outdated_basis.CHECK) == []
    entry = {
        "id": "zhongdian-renwu",
        "code": "GL301",
        "severity": "error",
        "pattern": r"(?P<year>\d{4})年全区政务公开重点任务",
        "relation": "year_before_report",
        "message": {"zh": "引用了 {year} 年的重点任务", "en": "cites the {year} key tasks"},
    }
    (diag,) = run_with({"references": {"patterns": [entry]}}, gl301_outdated_basis.CHECK)
    assert (diag.severity, diag.rule, diag.entry) == ("error", "outdated-basis", "zhongdian-renwu")
    assert diag.message.en == "cites the 2022 key tasks"


def test_a_broken_pattern_names_its_entry() -> None:
    bad = {"references": {"patterns": [{"id": "broken", "code": "GL301", "pattern": "(unclosed"}]}}
    with pytest.raises(ValueError, match=r"references.patterns\[broken\]"):
        run_with(bad, gl301_outdated_basis.CHECK)


def test_a_broken_pack_is_one_internal_diagnostic_not_a_traceback() -> None:
    """The engine turns the ValueError into GL900 for that check; the others still run."""
    broken = Engine(Settings())  # the pack is swapped in the way Engine.pack caches it
    pack = broken.pack
    broken._pack = pack._replace(
        data=merge(pack.data, {"references": {"patterns": [{"id": "x", "code": "GL301", "pattern": "("}]}})
    )
    codes = [d.code for d in broken.lint_text("r.txt", TEXT).diagnostics]
    assert "GL900" in codes and "GL303" in codes


GL35 = Engine(Settings(select=("GL3", "GL5")))
PIECES = st.sampled_from(
    ["2022", "２０２３", "二〇二四", "年", "月", "日", "《", "》", "政务公开工作要点", "考核细则", "统计期限自", "至",
     "国务院令第492号", "。。", "0954—", "7731010", "380.3096424", "万元", "\n", "\t", "|", " ", "**", "# ",
     "一、总体情况", "（六）其他处理", "局", "人民政府", "十二", "三十一"]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=40), st.sampled_from(["r.txt", "r.md"]))
def test_any_text_gives_findings_never_an_internal_error(pieces: list[str], path: str) -> None:
    text = "平罗县2023年政府信息公开工作年度报告\n" + "".join(pieces)
    assert [d for d in GL35.lint_text(path, text).diagnostics if d.code == "GL900"] == []

