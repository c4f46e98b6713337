"""GL601: this year's 上年结转 is not last year's 结转下年度继续办理."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align import column_label, template
from govlint.checks._common import decimal_text
from govlint.checks.crossyear.pairs import complete_row, entries, entry_finding, named_row
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
表三“二、上年结转政府信息公开申请数量”与上年报告表三“四、结转下年度继续办理”逐列比较（自然人、
各类法人或其他组织、总计）。比较哪两行由规则包 `crossyear.carried_over` 决定。
Table 三 row 二 (上年结转) against last year's table 三 row 四 (结转下年度继续办理), column by
column; the rows compared are the pack's `crossyear.carried_over` entries. Runs only when the
same organ's report for the year before is found (`docs/cross-year.md`).

## 为什么 / Why
上年结转到本年继续办理的申请，就是上年报告中“结转下年度继续办理”的申请：两者不同，说明其中
一份报告的数字有误，或本年没有接续上年的台账。
The applications carried into this year are those last year's report carried over. A row
either year did not read whole (a blank or unreadable cell) is not compared.

## 触发示例 / Example that fires
上年报告：`四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2`；
本年报告：`二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1`

## 通过示例 / Example that passes
本年报告：`二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2`

## 如何修复 / How to fix
按上年结转的实际申请改正本年的“上年结转”一行；若上年报告有误，在本年报告中说明。
Correct this year's row from last year's carried-over applications, or say why they differ.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    previous = ctx.previous
    if previous is None:
        return
    for entry in entries(report, "carried_over"):
        table_id = str(entry["table"])
        row = complete_row(report, table_id, str(entry["row"]))
        before = complete_row(previous, table_id, str(entry["previous_row"]))
        if row is None or before is None:
            continue
        t = template(report.pack, table_id)
        differ = [
            (column_label(t, cell.column) if t else cell.column, cell.value, last)
            for cell in row.cells
            if cell.value is not None and (last := before.value(cell.column)) is not None and last != cell.value
        ]
        if not differ:
            continue
        here, there = named_row(report, table_id, row.row), named_row(previous, table_id, before.row)
        mine = [f"{c} {decimal_text(v)}" for c, v, _ in differ]
        theirs = [f"{c} {decimal_text(w)}" for c, _, w in differ]
        found = (Msg(f"{here.zh}为{'、'.join(mine)}", f"{here.en}: {', '.join(mine)}"),
                 Msg(f"{there.zh}为{'、'.join(theirs)}", f"{there.en}: {', '.join(theirs)}"))
        yield entry_finding(CHECK, entry, (report, previous), found, row.span)


CHECK = Check(
    "GL601",
    "carryover-mismatch",
    "warning",
    Msg("上年结转与上年报告的结转下年度继续办理不符", "carried-over applications differ from last year's report"),
    DOC,
    run,
)
