"""GL206: a percentage or rate in prose disagrees with the counts it is computed from."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govlint.align.prose import Percent, Quantity, facts_for
from govlint.checks._common import decimal_text
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
正文中的占比与比率应与其依据的数字一致，精度以所写位数为准：
- 分项后的“占比 P%”：P ≈ 分项 ÷ 总数（总数是“其中/分别为/括号”所属的总数）；
- 在同一分句组中写明分子与分母的比率（如“受理 7518 件，已办结 7508，办结率 99.87%”）。
Percentages and rates must agree with the counts they come from, at the precision written: a
share after a part of a total-with-parts, and rates whose numerator and base are stated next to
them (rates defined in the pack's `prose.rates`).

与精确值之差小于所写末位的一个单位即视为一致（四舍五入与截尾都接受）。没有写明分母的比率（满意率、
满意度、无依据的“占比”）无法计算，不核对；分母或分子不唯一时也不核对。
A value within one unit of its last written digit of the exact value agrees (rounded or
truncated). Rates with no stated base (satisfaction, a share with no total) are not computable and
are not checked, nor are rates with more than one candidate base or numerator.

## 为什么 / Why
算错的比率会误导读者，也说明分子或分母至少有一个写错。

## 触发示例 / Example that fires
    共受理申请 70 件。其中，邮寄申请 51 件，占比 37%；网络申请 19 件，占比 27%。

51 ÷ 70 = 72.9%，不是 37%。

## 通过示例 / Example that passes
    受理诉求 7518 件，已办结 7508，未办结 10 件，办结率 99.87%，满意率 99.87%。

## 如何修复 / How to fix
按所写精度重新计算比率，或改正其依据的数字。
"""


def _agrees(numerator: Decimal, base: Decimal, pct: Percent) -> bool:
    exact = numerator / base * 100
    return abs(exact - pct.value) < Decimal(10) ** -pct.decimals


def _diagnostic(pct: Percent, numerator: Quantity, base: Quantity, rate: str = "") -> Diagnostic:
    """``rate``: the id of the pack's rate entry (``prose.rates``) that read the numbers;
    "" for a share stated beside a part of a listed total."""
    # computed, not written: two decimals more than the report's percentage, none that are 0
    exact = (numerator.value / base.value * 100).quantize(Decimal(10) ** -(pct.decimals + 2)).normalize()
    n, b, shown = decimal_text(numerator.value), decimal_text(base.value), decimal_text(exact)
    return CHECK.finding(
        Msg(
            f"正文称“{pct.raw}”，但 {n} ÷ {b} = {shown}%",
            f"the text gives '{pct.raw}', but {n} / {b} = {shown}%",
        ),
        pct.span,
        entry=rate,
    )


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    facts = facts_for(report, ctx)
    for fact in facts.parts:
        if fact.total.value <= 0:
            continue
        for part, pct in fact.shares:
            if not _agrees(part.value, fact.total.value, pct):
                yield _diagnostic(pct, part, fact.total)
    for rate in facts.rates:
        if rate.base.value > 0 and not _agrees(rate.numerator.value, rate.base.value, rate.rate):
            yield _diagnostic(rate.rate, rate.numerator, rate.base, rate.rule)


CHECK = Check(
    "GL206",
    "prose-percentage",
    "warning",
    Msg("正文中的占比或比率与其依据的数字不符", "a percentage in the text does not match its counts"),
    DOC,
    run,
)
