"""GL502 number-width: numbers that mix full-width and half-width characters."""

from __future__ import annotations

import pytest
from conftest import LintText

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
