"""GL303 superseded-regulation: 国务院令第492号 cited after the 2019 revision."""

from __future__ import annotations

import pytest
from conftest import LintText


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
