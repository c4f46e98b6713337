"""GL105: a table cell is blank or not a number (blank is not zero)."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from govlint.align import column_label, template
from govlint.checks._common import problems, where, where_en
from govlint.model import Check, Context, Diagnostic, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
表格中应填数字的单元格为空，或填了“/”“—”“无”等非数字内容，或不是数字。
A value cell that is empty, holds a blank marker (/ — 无) or is not a number.

## 为什么 / Why
空白不等于 0：读者无法判断是“没有发生”还是“漏填”，依赖该单元格的勾稽关系也无法核对。

## 触发示例 / Example that fires
表四行政复议各栏留空：

                  0  0  0  0  0  0  0  0  0  0

## 通过示例 / Example that passes
    0  0  0  0  0  0  0  0  0  0  0  0  0  0  0

表格上方重复行名的标题是该行的说明，不是没有数字的一行 (a heading that repeats the label of the row
right below it is that row's caption, not a row without numbers):

    ### 一、本年新收政府信息公开申请数量
    | 本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 1 | 0 | 12 |

## 如何修复 / How to fix
没有发生的事项填 0。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    found = sorted(problems(report, "empty_cell", "bad_number"), key=lambda p: (p.table, p.row, p.kind, p.span.start))
    for (_table, _row, kind), group_iter in groupby(found, key=lambda p: (p.table, p.row, p.kind)):
        group = list(group_iter)
        first = group[0]
        t = template(report.pack, first.table)
        columns = "、".join(
            column_label(t, c) if t else c for p in group for c in p.detail.get("column", "").split(",") if c
        )
        span = Span(group[0].span.start, group[-1].span.end)
        if kind == "bad_number":
            text = "、".join(f"“{p.detail.get('found', '')}”" for p in group)
            msg = Msg(
                f"{where(report, first)}“{columns}”栏应为数字，实为{text}",
                f"{where_en(report, first)}: {columns} must be numbers, found {text}",
            )
        elif first.detail.get("count") == "0":
            msg = Msg(
                f"{where(report, first)}没有填写数字（空白不等于 0）",
                f"{where_en(report, first)} has no numbers (blank is not zero)",
            )
        else:
            msg = Msg(
                f"{where(report, first)}“{columns}”{len(group)} 个单元格为空（空白不等于 0，没有发生应填 0）",
                f"{where_en(report, first)}: {len(group)} empty cell(s) in {columns} (blank is not zero)",
            )
        yield CHECK.finding(msg, span)


CHECK = Check(
    "GL105", "cell-value", "warning", Msg("单元格为空或不是数字", "a cell is blank or not a number"), DOC, run
)
