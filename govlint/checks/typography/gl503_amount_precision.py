"""GL503: an amount in 万元 with more decimals than the usual two (380.3096424)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from govlint._infra import regex
from govlint.checks._patterns import compiled, config, matches, render, severity
from govlint.model import Check, Context, Diagnostic, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
以万元为单位的金额小数位数超过 `typography.amount_precision.max_decimals`（2 位）：表二
“行政事业性收费 本年收费金额”等单元格（`cells`），以及正文中的“… 万元”（`pattern`）。
An amount in 万元 with more than two decimals, in the table cells listed under `cells` (table 二
行政事业性收费) and in prose (… 万元).

## 为什么 / Why
万元保留到小数点后两位即精确到百元；更多的小数位通常说明把“元”的数字误填在“万元”栏，
或直接粘贴了未经整理的计算结果。Seven decimals in 万元 are fractions of a yuan: usually a
number in 元 put in the 万元 column, or an unrounded calculation.

## 触发示例 / Example that fires
行政事业性收费 | 380.3096424

## 通过示例 / Example that passes
行政事业性收费 | 380.31

## 如何修复 / How to fix
核对单位后按两位小数填写。No automatic fix: rounding would change the number.
"""

DECIMALS = regex.compile(r"[.．](\d+)")


def _finding(conf: dict[str, Any], amount: str, decimals: int, span: Span, limit: int) -> Diagnostic:
    fields = {"amount": amount, "decimals": decimals, "max": limit}
    sev = severity(conf.get("severity"), CHECK.severity)
    return CHECK.finding(render(conf.get("message"), fields), span, severity=sev)


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    conf = config(report, "typography", "amount_precision")
    limit = conf.get("max_decimals", 2)
    if not isinstance(limit, int):
        return
    for where in conf.get("cells") or []:
        if not isinstance(where, dict):
            continue
        table = report.table(str(where.get("table", "")))
        row = table.row(str(where.get("row", ""))) if table else None
        cell = row.cell(str(where.get("column", ""))) if row else None
        m = DECIMALS.search(cell.raw) if cell else None
        if cell and m and len(m.group(1)) > limit:
            yield _finding(conf, cell.raw, len(m.group(1)), cell.span, limit)
    if not conf.get("pattern"):
        return
    pattern = compiled(str(conf["pattern"]), "typography.amount_precision.pattern")
    for seg, m in matches(report, ctx, pattern, cells=False):
        decimals = len(m.group("decimals") or "")
        if decimals > limit:
            span = Span(seg.start + m.start(), seg.start + m.end())
            yield _finding(conf, m.group("amount"), decimals, span, limit)


CHECK = Check(
    "GL503",
    "amount-precision",
    "info",
    Msg("万元金额的小数位数过多", "an amount in 万元 has too many decimals"),
    DOC,
    run,
)
