"""GL301: a report that takes an earlier year's 工作要点 or 考核 rules as its basis."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import pattern_findings
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
报告正文以往年的《政务公开工作要点》或往年的考核指标、细则作为本年度工作的依据。
A report for year Y that cites the 政务公开工作要点, or the assessment rules (考核指标/细则/办法),
of an earlier year as the basis of its work. Patterns: `references.patterns` entries with code
GL301 (relation `year_before_report`).

## 为什么 / Why
工作要点每年由国务院办公厅及各级政府印发，是当年政务公开工作的依据；引用上一年度的要点，
通常是照抄旧报告留下的痕迹。下一年的计划（2023 年报告中的“2024 年工作计划”）和上一年问题的
整改情况不属于此类。If the report year is unknown the rule stays quiet.

## 触发示例 / Example that fires
会同县2022年政府信息公开工作年度报告 …… 制定《会同县2021年政务公开工作要点》……

## 通过示例 / Example that passes
同心县2023年政府信息公开工作年度报告 …… 制定印发《同心县 2023 年政务公开工作要点》……

## 如何修复 / How to fix
引用本年度的工作要点（或删去照抄的旧文字）。Cite this year's 要点.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    yield from pattern_findings(report, ctx, CHECK)


CHECK = Check(
    "GL301",
    "outdated-basis",
    "warning",
    Msg("以往年的政务公开工作要点或考核文件为依据", "cites an earlier year's 工作要点 or 考核 rules as its basis"),
    DOC,
    run,
)
