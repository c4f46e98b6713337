"""GL102: sections stand in a different order than the format's."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import section_title
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
六个部分应按格式顺序排列。一个部分出现在格式中排在它前面的部分之后时报警告。
Sections must follow the pack's order; a section found after one that should follow it is reported.

## 为什么 / Why
统一的顺序便于公众和考核人员查阅、对比各机关的报告。

## 触发示例 / Example that fires
    一、总体情况 … 三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况

## 通过示例 / Example that passes
    一、总体情况 … 二、主动公开政府信息情况 … 三、收到和处理政府信息公开申请情况

## 如何修复 / How to fix
按格式顺序调整各部分的位置。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    found = [s for s in report.sections if s.heading is not None]
    latest = None
    for section in found:  # pack order
        assert section.heading is not None
        if latest is not None and latest.heading is not None and section.heading.span.start < latest.heading.span.start:
            here, before = section_title(report, section.key), section_title(report, latest.key)
            yield CHECK.finding(
                Msg(f"“{here}”应排在“{before}”之前", f"“{here}” should come before “{before}”"), section.heading.span
            )
        elif latest is None or latest.heading is None or section.heading.span.start > latest.heading.span.start:
            latest = section


CHECK = Check("GL102", "section-order", "warning", Msg("部分顺序与格式不符", "sections out of order"), DOC, run)
