"""GL301 outdated-basis: an earlier year's 工作要点 or 考核 rules cited as this year's basis."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, LintText, clean_with


def doc(body: str, year: str = "2023") -> str:
    return f"# 平罗县{year}年政府信息公开工作年度报告\n\n{body}\n"


@pytest.mark.parametrize(
    "body",
    [
        "制定《平罗县2022年政务公开工作要点》。",
        "根据国务院办公厅印发《2022 年政务公开工作要点》，现发布本报告。",  # spaced digits
        "根据《２０２２年政务公开工作要点》编制。",  # full-width digits
        "按照《二〇二二年政务公开工作要点》部署。",  # Chinese numerals
        "落实2022年度全县政府信息公开工作要点。",  # no 《》
        "下发《关于印发2022年全县政务公开政务服务工作绩效考核指标计分细则的通知》。",
    ],
)
def test_earlier_year_fires(lint_text: LintText, body: str) -> None:
    diags = lint_text(doc(body), select=("GL301",))
    assert [d.severity for d in diags] == ["warning"]
    assert "2022" in diags[0].message.zh or "二〇二二" in diags[0].message.zh
    assert "2023" in diags[0].message.en


@pytest.mark.parametrize(
    "body",
    [
        "制定印发《平罗县 2023 年政务公开工作要点》。",
        "（一）2023年政务公开工作要点落实情况。",
        "下一步将按照2024年政务公开工作要点推进，做好2024年工作计划。",
        "1.2022年存在问题改进情况：针对上年度问题逐项整改。",
        "在《2022年度政务公开考核结果通报》中获评优秀。",  # an assessment result, not rules
        "依据国办函〔2020〕109号规定，未收取信息处理费。",  # a document number's year
    ],
)
def test_current_future_and_other_mentions_stay_quiet(lint_text: LintText, body: str) -> None:
    assert lint_text(doc(body), select=("GL301",)) == []


def test_unknown_report_year_stays_quiet(lint_text: LintText) -> None:
    text = "# 平罗县政府信息公开工作年度报告\n\n制定《平罗县2021年政务公开工作要点》。\n"
    assert lint_text(text, select=("GL301",)) == []


def test_span_covers_the_citation(lint_text: LintText) -> None:
    text = doc("制定《平罗县2021年政务公开工作要点》。")
    (diag,) = lint_text(text, select=("GL301",))
    assert text[diag.span.start : diag.span.end] == "2021年政务公开工作要点"
    assert (diag.rule, diag.entry) == ("outdated-basis", "yaodian-earlier-year")


BASIS = "按照《2023年政务公开工作要点》要求推进政务公开。"  # line 7 of the clean report


def test_last_years_yaodian_and_kaohe_in_a_report(found: FindFn) -> None:
    text = clean_with(
        BASIS,
        "按照《平罗县2022年政务公开工作要点》要求推进政务公开，"
        "制定《关于印发2022年全县政务公开工作考核细则的通知》。",
    )
    got = found(text, "GL3", "GL5")
    assert [(f.code, f.line, f.severity, f.entry) for f in got] == [
        ("GL301", 7, "warning", "yaodian-earlier-year"),
        ("GL301", 7, "warning", "kaohe-earlier-year"),
    ]
    assert got[0].message.startswith("2023 年的报告以 2022 年的政务公开工作要点")
    assert "考核文件 《关于印发2022年全县政务公开工作考核细则的通知》" in got[1].message


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        clean_with(
            BASIS,
            "按照《平罗县 2023 年政务公开工作要点》要求推进政务公开，对照2022年存在问题逐项整改，"
            "并研究2024年工作计划。",
        ),
    ],
    ids=["clean", "other-years-not-as-basis"],
)
def test_this_years_basis_in_a_report_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL3", "GL5") == []
