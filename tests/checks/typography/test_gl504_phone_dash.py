"""GL504 phone-dash: a dash that is not a hyphen inside a phone number."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with

from govlint.fixes import apply_fixes, is_applicable

DOC = "# 平罗县2023年政府信息公开工作年度报告\n\n电话：{}。\n"


@pytest.mark.parametrize(
    ("phone", "fixed"),
    [
        ("0954—7731010", "0954-7731010"),
        ("0954 – 7731010", "0954-7731010"),
        ("010－12345678", "010-12345678"),
        ("0954——7731010", "0954-7731010"),
    ],
)
def test_dash_fires_with_a_safe_fix(lint_text: LintText, phone: str, fixed: str) -> None:
    text = DOC.format(phone)
    (diag,) = lint_text(text, select=("GL504",))
    assert diag.severity == "info" and diag.fix is not None and diag.fix.safe
    assert is_applicable(diag.fix, text, unsafe=False)
    assert apply_fixes(text, [diag.fix])[0] == DOC.format(fixed)


@pytest.mark.parametrize("phone", ["0954-7731010", "2022—2023年", "12345—7731010"])
def test_hyphens_and_ranges_stay_quiet(lint_text: LintText, phone: str) -> None:
    assert lint_text(DOC.format(phone), select=("GL504",)) == []


def test_an_em_dash_in_a_reports_phone_number(found: FindFn) -> None:
    got = found(clean_with("0952-6012345", "0952—6012345"), "GL3", "GL5")
    assert [(f.code, f.line, f.severity) for f in got] == [("GL504", 3, "info")]
    assert got[0].message == "电话号码“0952—6012345”的区号与号码之间用了“—”，应使用连字符“-”"


@pytest.mark.parametrize("text", [CLEAN, clean_with("0952-6012345", "0952 - 6012345")], ids=["clean", "spaced-hyphen"])
def test_hyphens_in_a_report_stay_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
