"""GL107: a table row that is not in the format, or a format row that is missing."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import problems, where, where_en
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
表格中出现格式里没有的行（行名无法对应），或格式要求的行在表格中找不到。
A labelled row with numbers that matches no template row, or a template row the table lacks.

## 为什么 / Why
表格的行是统一的统计口径：多出或缺少的行使数字无法核对和汇总。

## 触发示例 / Example that fires
    （八）其他情形	1	0	0	0	0	0	1

## 通过示例 / Example that passes
按格式列出全部行，没有发生的填 0。单独的组编号是组本身：“（六）其他”是“（六）其他处理”（措辞不同，GL106），
不是其下的“3.其他”行 (a group's numbering on its own is the group, never one of its rows).

## 如何修复 / How to fix
按格式的行名填写；删去格式之外的行，或把它的数字归入格式中的相应行。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for p in problems(report, "unknown_row", "missing_row"):
        if p.kind == "unknown_row":
            found = p.detail.get("found", "")
            msg = Msg(
                f"表{p.table}中的“{found}”不是格式中的行", f"“{found}” in table {p.table} is not a row of the format"
            )
        else:
            msg = Msg(f"{where(report, p)}缺失", f"{where_en(report, p)} is missing")
        yield CHECK.finding(msg, p.span)


CHECK = Check(
    "GL107", "row-mismatch", "warning", Msg("表格行与格式不对应", "table rows do not match the format"), DOC, run
)
