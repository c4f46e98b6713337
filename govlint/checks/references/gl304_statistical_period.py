"""GL304: a statistical period that is not 1 January to 31 December of the report year."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import pattern_findings
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
报告说明的统计期限（“统计期限自…至…”“统计数据从…至…”，也读“统计期为…”“统计日期自…起至…止”
“统计时间”“统计时限”等说法）不是报告年度的1月1日至12月31日。
The statistical period stated in the report (统计期限 / 统计期 / 统计日期 / 统计时间 / 统计数据从 … 至 …)
is not 1 January to 31 December of the report year: another year, or a part of the year (entries with code GL304:
`relation: year_not_report` and `expect` for the months and days).

## 为什么 / Why
年报的数据按自然年统计（格式说明）；写错年份多是沿用了上一年的报告，数据本身也可能是旧的。
A wrong year usually means last year's text was reused, and maybe last year's numbers.
报告年度不明时（标题、前言都没写，统计期限也不从1月1日起），只核对月日。Without a report year
(no title, no preamble naming the report, a period not starting on 1 January) only the months
and days are checked.

## 触发示例 / Example that fires
平罗县2023年……年度报告 …… 本报告统计期限自2022年1月1日起至2022年12月31日止。

## 通过示例 / Example that passes
本报告统计数据从 2023 年 1 月 1 日至 12 月 31 日。

## 如何修复 / How to fix
改为报告年度的1月1日至12月31日，并核对数据。State the report year's period and check the data.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    yield from pattern_findings(report, ctx, CHECK)


CHECK = Check(
    "GL304",
    "statistical-period",
    "warning",
    Msg("统计期限不是报告年度的全年", "the statistical period is not the report year"),
    DOC,
    run,
)
