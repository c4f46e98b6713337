"""GL205: a total written in prose disagrees with the parts listed for it."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govlint.align.prose import PartsFact, facts_for
from govlint.checks._common import decimal_text
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
正文中“总数 + 其中/分别为/括号内分项”的写法：同一层级的分项之和应与总数一致。
A total followed by its parts (其中…, 分别为…, or parts in parentheses): the parts at the same
level must add up to the total.

只在读法唯一时报告（误报比漏报代价更高）/ Reported only when the reading is unambiguous:

- 分项之和**大于**总数：一定有误，报告。Parts that add up to *more* than the total are always an error.
- 分项之和**小于**总数：只有列举明确是穷尽的（“分别为”，或“共/合计 N 件（…）”括号内分项），且列表中
  每个同单位数字都是分项时才报告；“其中”列举常常只举部分，不报告。
  Parts that fall *short* are reported only for an exhaustive list (分别为, or 共/合计 N followed by
  parts in parentheses) in which every count of that unit is a part; a 其中 list may name only some.
- 嵌套的分项不计入：“主要涉及……1 条”“已办结 7508，未办结 10 件”等是上一分项的细分。
  Nested breakdowns (主要涉及…, 已办结/未办结 …) belong to the part before them, not to the total.
- 列举在计数的种类改变处结束：总数是申请，“……其他处理 3 件；因政府信息公开引起的行政复议案件 2 件、
  行政诉讼案件 1 件”中的复议、诉讼不是分项（种类词见规则包 `totals.other_kinds`）。
  A list ends where the kind of count changes: after applications handled, 行政复议案件 2 件、
  行政诉讼案件 1 件 are no parts (the words are the pack's `totals.other_kinds`).
- 含“同比、增长、累计”等比较或累计字样的列举、约数（余、多、约）、总数不唯一的句子不核对。
  Lists that compare or accumulate, approximate numbers and sentences with two candidate totals
  are not checked.
- 某一分项不小于总数（“政府网站发布 2594 条，微信发布 856 条”：同一信息多渠道发布），或列举中
  有“两项合计”“多渠道同步”之类的字样时，分项不是对总数的划分，不核对。
  When one part is as large as the total (the same items published on several channels) or the
  list adds some parts up (两项合计) or says items were published on several channels, the parts
  do not partition the total: not checked.
- 单位不同的数字（条与个）不是分项；带小数或“万”的数字按所写精度容差。
  Counts in another unit are not parts; numbers with decimals or 万 are compared to the precision written.

## 为什么 / Why
分项与总数不符说明至少一个数字写错，读者无法判断哪个可信。

## 触发示例 / Example that fires
    共受理群众反映问题 7807 件（12345 市民热线受理诉求 7518 件，已办结 7508，未办结 10 件；
    政府网站县长信箱受理 98 件、政务服务网受理 191 件、政务微信公众号受理 14 件）。

7518 + 98 + 191 + 14 = 7821 ≠ 7807。

## 通过示例 / Example that passes
    主动公开政府信息 407 条，其中通过政府门户网站公开 35 条，主要涉及……领域，行政处罚信息 1 条；
    通过微信公众号公开政府信息 276 条；通过线下公示栏公开政府信息 96 条。

## 如何修复 / How to fix
核对原始台账，改正总数或分项，使同一层级的分项之和等于总数。
"""


def _finding(fact: PartsFact) -> tuple[str, str] | None:
    total = fact.total.value
    parts = sum((p.value for p in fact.parts), Decimal(0))
    tolerance = fact.total.tolerance + sum((p.tolerance for p in fact.parts), Decimal(0))
    if parts - total > tolerance:
        return "大于", "more than"
    if total - parts > tolerance and fact.exhaustive and fact.certain:
        return "小于", "less than"
    return None


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for fact in facts_for(report, ctx).parts:
        finding = _finding(fact)
        if finding is None:
            continue
        unit = fact.total.unit
        terms = " + ".join(decimal_text(p.value) for p in fact.parts)
        parts = decimal_text(sum((p.value for p in fact.parts), Decimal(0)))
        total = decimal_text(fact.total.value)
        yield CHECK.finding(
            Msg(
                f"正文总数为 {total} {unit}，但所列分项 {terms} = {parts} {unit}，{finding[0]}总数",
                f"the text gives a total of {total} {unit}, but its parts {terms} = {parts} {unit}, "
                f"{finding[1]} the total",
            ),
            fact.span,
        )


CHECK = Check(
    "GL205",
    "prose-sum",
    "warning",
    Msg("正文中的分项之和与总数不符", "parts listed in the text do not add up to their total"),
    DOC,
    run,
)
