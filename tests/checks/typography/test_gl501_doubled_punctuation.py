"""GL501 doubled-punctuation, with its fix."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

from govlint.fixes import apply_fixes, is_applicable

DOC = "# 平罗县2023年政府信息公开工作年度报告\n\n{}\n"


@pytest.mark.parametrize(
    ("body", "fixed", "safe"),
    [
        ("存在不规范情况。。", "存在不规范情况。", True),
        ("一是，，二是", "一是，二是", True),
        ("问题；；；下一步", "问题；下一步", True),
        ("真的吗？？", "真的吗？", False),  # may be emphasis
    ],
)
def test_doubled_mark_fires_with_fix(lint_text: LintText, body: str, fixed: str, safe: bool) -> None:
    text = DOC.format(body)
    (diag,) = lint_text(text, select=("GL501",))
    assert diag.severity == "info" and diag.fix is not None
    assert diag.fix.safe is safe and is_applicable(diag.fix, text, unsafe=False) is safe
    assert apply_fixes(text, [diag.fix])[0] == DOC.format(fixed)


@pytest.mark.parametrize("body", ["意犹未尽……", "政务公开——阳光政府", "一是。二是，三是。"])
def test_ellipsis_dash_and_single_marks_stay_quiet(lint_text: LintText, body: str) -> None:
    assert lint_text(DOC.format(body), select=("GL501",)) == []


def test_a_doubled_full_stop_in_a_report(found: FindFn) -> None:
    got = found(clean_with("有待加强。下一步", "有待加强。。下一步"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity) for f in got] == [("GL501", 67, "info")]
    assert got[0].message == "标点“。”重复了 2 次：“。。”"


@pytest.mark.parametrize("text", [CLEAN, clean_with("有待加强。下一步", "有待加强……下一步")], ids=["clean", "ellipsis"])
def test_single_marks_in_a_report_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
