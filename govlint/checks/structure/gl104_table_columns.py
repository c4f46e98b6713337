"""GL104: a table row holds fewer or more numbers than the template's columns."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import problems, where, where_en
from govlint.model import Check, Context, Diagnostic, Msg, Problem, Report

DOC = """
## 检查什么 / What it checks
表格每一行的数字个数应与格式的列数一致（表三每行 7 个：自然人、5 类法人或其他组织、总计；表四 15 个）。
少列或多出数字时报警告；此时该行的勾稽关系无法核对。一张表里无法归入任何行的数字超过 3 处时，
只报一条（表格的行列与格式不符，例如沿用了2019年格式的栏目）。
Each table row must carry exactly one number per template column; more than three groups of
numbers that fit no row of a table are one finding for that table.
以制表符分隔的行末尾的空格子：若表头和最长的行也以制表符结尾，那是 Word 的排版，不是空格子；否则是
空格子（行正好满列时，报 GL105 并指出空着的列）。Empty pieces after a tab row's last cell are Word's
layout where the header and the longest rows end in a tab too; elsewhere they are empty cells (a row
they make exactly full is GL105, naming the empty columns).

## 为什么 / Why
少一列时无法知道缺的是哪一列，后面的数字也会错位，合计和勾稽关系都不可信。

## 触发示例 / Example that fires
    （一）予以公开	0	0	0	0	0	0

## 通过示例 / Example that passes
    （一）予以公开	0	0	0	0	0	0	0

## 如何修复 / How to fix
按格式补齐缺少的列（没有发生的填 0），删去多余的数字。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for p in problems(report, "uneven_rows"):  # more such rows than a finding each would be worth
        example = Problem("missing_column", p.span, p.table, p.detail["row"], {})
        msg = Msg(
            f"表{p.table}有 {p.detail['rows']} 行的数字个数与格式的列数不符（如{where(report, example)}有 "
            f"{p.detail['count']} 个数字，格式要求 {p.detail['expected']} 列），缺少或多出的是哪一列无法确定，"
            "这些行不参与合计核对",
            f"table {p.table}: {p.detail['rows']} rows have more or fewer numbers than the format's columns (e.g. "
            f"{where_en(report, example)}: {p.detail['count']} where it has {p.detail['expected']}); they are left "
            "out of the sums",
        )
        yield CHECK.finding(msg, p.span)
    for p in problems(report, "missing_column", "extra_number"):
        count, expected = p.detail.get("count", "?"), p.detail.get("expected", "?")
        if p.kind == "missing_column":
            msg = Msg(
                f"{where(report, p)}只有 {count} 个数字，格式要求 {expected} 列，缺少的列无法确定，此行不参与合计核对",
                f"{where_en(report, p)} has {count} numbers where the format has {expected} columns; "
                "it is left out of the sums",
            )
        else:
            found = p.detail.get("found", "")
            msg = Msg(
                f"{where(report, p)}多出数字“{found}”（格式要求 {expected} 列）"
                if expected != "?"
                else f"{where(report, p)}有无法归入任何行的数字“{found}”",
                f"{where_en(report, p)} has extra numbers “{found}”",
            )
        yield CHECK.finding(msg, p.span)


CHECK = Check(
    "GL104", "table-columns", "warning", Msg("表格行的列数不对", "wrong number of columns in a table row"), DOC, run
)
