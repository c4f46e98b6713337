"""Declarative table identities: ``sum(lhs) == sum(rhs)`` per row or per column.

The pack says which cells add up (``identities:`` in tables.yaml); this module only
evaluates them, so a province pack can add an identity without code. Each identity
carries its code (GL201 row totals, GL202 一+二 = 七+四, GL203 （七）总计, GL204 table 四);
one Check per code evaluates the identities with that code, and each finding is that rule's,
with the identity's id as its ``entry`` (``row-total``, ``review-total``). Only what the aligner
read for certain is summed: a blank cell, a row whose numbers could not be placed (GL104,
GL105) or a table whose reading is doubtful (GL108, dropped by :mod:`govlint.align.trust`)
leaves the identity unchecked there, and those rules say why — never a false sum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from govlint.align import column_label, row_title, template
from govlint.align.identities import Side, mismatches
from govlint.checks._common import decimal_text
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
表格的勾稽关系（规则包 `identities`，形如 “左边各项之和 = 右边各项之和”，按行或按列核对）：
- GL201 表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他；
- GL202 表三每一列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理；
- GL203 表三每一列：（七）总计 = （一）至（六）各项办理结果之和；
- GL204 表四三组各自：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
Each identity of the pack is checked on every row (or column) that has all its cells. Rows
with missing columns or blank cells are not summed; a note (info) says the identity could not
be checked there.

## 为什么 / Why
表格数字相互印证是年度报告最基本的质量要求；合计对不上说明填报有误。

## 触发示例 / Example that fires
    （七）总计	69	1	0	0	0	0	69

## 通过示例 / Example that passes
    （七）总计	69	1	0	0	0	0	70

## 如何修复 / How to fix
逐项核对原始台账，改正填错的数字。govlint 不会自动改动表格中的数字。
"""


def _names(names: list[str]) -> str:
    return "“" + "”+“".join(names) + "”" if len(names) <= 4 else f"“{names[0]}”至“{names[-1]}”{len(names)} 项"


def _names_en(names: list[str]) -> str:
    return " + ".join(names) if len(names) <= 4 else f"{names[0]} … {names[-1]} ({len(names)} items)"


def _mismatch(
    check: Check, identity: dict[str, Any], place: Msg, lhs: Side, rhs: Side, name: Callable[[str], str]
) -> Diagnostic:
    note = identity.get("message") or {}
    lhs_names, rhs_names = [name(i) for i in lhs.ids], [name(i) for i in rhs.ids]
    left, right = decimal_text(lhs.total), decimal_text(rhs.total)
    if len(lhs_names) == 1:  # a total against its parts: “parts add up to X, the total says Y”
        zh = f"{_names(rhs_names)}之和为 {right}，{_names(lhs_names)}为 {left}"
        en = f"{_names_en(rhs_names)} = {right}, but {_names_en(lhs_names)} = {left}"
    else:
        zh = f"{_names(lhs_names)}之和为 {left}，而{_names(rhs_names)}之和为 {right}"
        en = f"{_names_en(lhs_names)} = {left}, but {_names_en(rhs_names)} = {right}"
    zh = f"{place.zh}：{zh}（{note.get('zh', '')}）"
    en = f"{place.en}: {en} ({note.get('en', '')})"
    return check.finding(Msg(zh, en), lhs.span, entry=str(identity.get("id", "")))


def check_identity(report: Report, identity: dict[str, Any], check: Check) -> Iterator[Diagnostic]:
    """The findings of one identity: each row or column where it fails, in the words of the form."""
    t = template(report.pack, str(identity.get("table", "")))
    table = report.table(t.id) if t else None
    if t is None or table is None:
        return
    for m in mismatches(t, table, identity):
        if m.row:
            title = row_title(t, m.row)
            place = Msg(f"表{t.id}“{title}”行" if title else f"表{t.id}",
                        f"table {t.id} row “{title}”" if title else f"table {t.id}")
            yield _mismatch(check, identity, place, m.lhs, m.rhs, lambda c: column_label(t, c))
        else:
            label = column_label(t, m.column)
            place = Msg(f"表{t.id}“{label}”列", f"table {t.id} column “{label}”")
            yield _mismatch(check, identity, place, m.lhs, m.rhs, lambda r: row_title(t, r))


def _check(code: str, name: str, zh: str, en: str) -> Check:
    """The rule that evaluates the pack's identities with ``code``."""

    def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
        for identity in report.pack.data.get("identities", []) or []:
            if str(identity.get("code", "GL201")) == code:
                yield from check_identity(report, identity, check)

    check = Check(code, name, "error", Msg(zh, en), DOC, run)
    return check


CHECKS = (
    _check(
        "GL201", "table-row-total", "表三行合计不等于各列之和", "a table 三 row total is not the sum of its columns"
    ),
    _check("GL202", "table-column-balance", "表三一+二不等于（七）+四", "table 三: 一 + 二 ≠ （七） + 四 in a column"),
    _check(
        "GL203", "table-results-total", "表三（七）总计不等于各项办理结果之和", "table 三: （七） ≠ the sum of results"
    ),
    _check(
        "GL204", "table-four-total", "表四总计不等于各结果之和", "table 四: a group total is not the sum of its results"
    ),
)
