"""GL502 number-width: numbers that mix full-width and half-width characters."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

from govlint.checks.typography.gl502_number_width import mixed
from govlint.fixes import apply_fixes, is_applicable

DOC = "# 平罗县2023年政府信息公开工作年度报告\n\n{}\n"


@pytest.mark.parametrize(
    ("number", "is_mixed"), [("1２00", True), ("380．31", True), ("2023", False), ("２０２３", False)]
)
def test_mixed(number: str, is_mixed: bool) -> None:
    assert mixed(number) is is_mixed


def test_mixed_number_fires_with_a_safe_fix_that_keeps_the_value(lint_text: LintText) -> None:
    text = DOC.format("全年主动公开政府信息1２00条，收费380．31万元。")
    diags = lint_text(text, select=("GL502",))
    assert [text[d.span.start : d.span.end] for d in diags] == ["1２00", "380．31"]
    fixes = [d.fix for d in diags if d.fix is not None]
    assert all(f.safe and is_applicable(f, text, unsafe=False) for f in fixes)
    assert apply_fixes(text, fixes)[0] == DOC.format("全年主动公开政府信息1200条，收费380.31万元。")


def test_whole_full_width_numbers_stay_quiet(lint_text: LintText) -> None:
    assert lint_text(DOC.format("全年主动公开政府信息１２００条。"), select=("GL502",)) == []


def test_a_mixed_width_number_in_a_report(found: FindFn) -> None:
    got = found(clean_with("信息1200条", "信息1２00条"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity) for f in got] == [("GL502", 7, "info")]
    assert got[0].message == "数字“1２00”混用了全角和半角字符，应统一为半角：“1200”"


@pytest.mark.parametrize("text", [CLEAN, clean_with("信息1200条", "信息１２００条")], ids=["clean", "all-full-width"])
def test_numbers_of_one_width_in_a_report_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
