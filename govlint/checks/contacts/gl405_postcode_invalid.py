"""GL405: a postcode that is not six digits or belongs to another province."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint.align.contacts import Contact, contact_spec, contacts_of_kind
from govlint.checks.contacts import regions
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
邮政编码须为 6 位数字，且前两位属于发布机关所在的省（区、市），如宁夏 75、新疆 83/84。
各省的前两位列在规则包 `contacts.postcode_prefixes` 中；机关所在省由机关名称查得，查不准时只查位数。
A postcode has six digits whose first two belong to the organ's province (table
`contacts.postcode_prefixes` of the pack); the province comes from the organ's name.

## 为什么 / Why
邮编错误的信件会被投递到别处，依申请公开的信函申请尤其依赖邮寄。

## 触发示例 / Example that fires
    彭阳县新集乡人民政府……地址：彭阳县新集乡街道(邮编：75650)      （只有 5 位）
    彭阳县新集乡人民政府……(邮编：835800)                         （83 是新疆，彭阳县在宁夏，应以 75 开头）

## 通过示例 / Example that passes
    地址：彭阳县新集乡街道(邮编：756500)

## 如何修复 / How to fix
改为本机关所在地正确的 6 位邮政编码。
"""


def _problem(contact: Contact, report: Report) -> Msg | None:
    digits = re.sub(r"\s", "", contact.text)
    if not re.fullmatch(r"\d{6}", digits):
        return Msg(
            f"邮政编码“{contact.text}”应为 6 位数字，这里是 {len(digits)} 位",
            f"postcode “{contact.text}” should have 6 digits, it has {len(digits)}",
        )
    province = regions.organ_province(report.organ) if report.organ else None
    if province is None:
        return None
    short = regions.province_short(province.name)
    allowed = contact_spec(report.pack).postcode_prefixes.get(short)
    if not allowed or digits[:2] in allowed:
        return None
    want = "、".join(allowed)
    return Msg(
        f"邮政编码 {digits} 以 {digits[:2]} 开头，而{report.organ}在{province.name}，邮编应以 {want} 开头",
        f"postcode {digits} starts with {digits[:2]}, but {report.organ} is in {province.name}, "
        f"whose postcodes start with {want.replace('、', ' or ')}",
    )


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for contact in contacts_of_kind(report, ctx, "postcode"):
        problem = _problem(contact, report)
        if problem is not None:
            yield CHECK.finding(problem, contact.span)


CHECK = Check("GL405", "postcode-invalid", "warning", Msg("邮政编码无效", "invalid postcode"), DOC, run)
