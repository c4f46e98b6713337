"""GL108: a section's table is missing or too broken to read."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align import templates
from govlint.checks._common import problems
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
第二、三、四部分应各有一张格式规定的表格。部分存在但找不到表格，或表格无法按格式读出任何一行时报错误，
此时该表的合计与勾稽关系均无法核对。
A table the format requires that cannot be found in its section, or that yields no recognisable row.

## 为什么 / Why
表格是年度报告的统计核心；读不出的表格无法核对，也无法汇总。

## 触发示例 / Example that fires
    三、收到和处理政府信息公开申请情况
    （只有文字，没有表格）

## 通过示例 / Example that passes
第三部分含有按格式填写的表三。

## 如何修复 / How to fix
按格式插入表格；从 PDF 复制时保留单元格之间的制表符或竖线。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    # a table in an older format's layout is GL302's finding, not a missing table
    broken = {p.table for p in problems(report, "unreadable_table", "superseded_layout")}
    for p in problems(report, "unreadable_table"):
        yield CHECK.finding(
            Msg(
                f"表{p.table}无法按格式读出，合计与勾稽关系无法核对",
                f"table {p.table} cannot be read against the format; its sums cannot be checked",
            ),
            p.span,
        )
    for t in templates(report.pack):
        section = report.section(t.section)
        if section is None or section.heading is None or t.id in broken or report.table(t.id):
            continue
        yield CHECK.finding(
            Msg(f"第{t.section}部分没有找到表{t.id}", f"no table {t.id} found in section {t.section}"),
            section.heading.span,
        )


CHECK = Check("GL108", "table-unreadable", "error", Msg("表格缺失或无法读出", "table missing or unreadable"), DOC, run)
