"""GL402: a phone number that cannot be dialled as written."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align.contacts import contacts_of_kind
from govlint.checks.contacts.phones import phone_facts
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
用 phonenumbers（按中国号码规则）核对联系方式中的每个电话号码：位数不对、缺少区号、无法识别的号码报警告。
全角数字和各种横线（如 `0954—7731010`）先规范化再判断；横线本身的写法由排版规则（GL5xx）检查。
Every phone number in the contact details is checked with phonenumbers (region CN): a wrong number of
digits, a missing area code or an unreadable number is a warning. Service short numbers (12345) pass.

## 为什么 / Why
报告给出的电话是公众咨询的渠道；少一位或多一位数字的号码无法拨通。

## 触发示例 / Example that fires
    联系电话：0953-863740        （区号 0953 后只有 6 位）

## 通过示例 / Example that passes
    联系电话：0953-8637408
    电话：0954—7731010

## 如何修复 / How to fix
核对并改正号码，固定电话写明区号（如 0953-8637408）。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    phones = contacts_of_kind(report, ctx, "phone")
    for contact, facts in zip(phones, phone_facts(tuple(c.text for c in phones)), strict=True):
        problem = facts.problem
        if problem is not None:
            yield CHECK.finding(
                Msg(
                    f"电话号码“{contact.text}”无效：{problem.zh}",
                    f"phone number “{contact.text}” is invalid: {problem.en}",
                ),
                contact.span,
            )


CHECK = Check("GL402", "phone-invalid", "warning", Msg("电话号码无效", "invalid phone number"), DOC, run)
