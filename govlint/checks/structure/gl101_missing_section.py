"""GL101: a section the format requires cannot be found."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import anchor, section_specs, section_title
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
年度报告必须包含格式规定的六个部分（一、总体情况 …… 六、其他需要报告的事项）。按编号和标题（含常见变体）
查找每一部分的标题；找不到的部分报错误。
Every section the pack marks `required` must have a heading (numeral plus title or a known variant).

## 为什么 / Why
国办公开办函〔2021〕30号规定了报告的六个部分；缺少部分意味着未按格式报告。

## 触发示例 / Example that fires
    一、总体情况 … 二、主动公开政府信息情况 … （没有“三、收到和处理政府信息公开申请情况”）

## 通过示例 / Example that passes
    三、收到和处理政府信息公开申请情况

## 如何修复 / How to fix
补上缺少的部分及其标题；若标题写法不同，改为格式中的标题。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    required = {str(s["id"]) for s in section_specs(report) if s.get("required", True)}
    for section in report.sections:
        if section.status == "missing" and section.key in required:
            title = section_title(report, section.key)
            yield CHECK.finding(
                Msg(f"缺少第{section.key}部分“{title}”", f"section {section.key} “{title}” is missing"), anchor(report)
            )


CHECK = Check("GL101", "missing-section", "error", Msg("缺少必备部分", "a required section is missing"), DOC, run)
