"""GL403: a fixed line whose area code belongs to another city than the organ's."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align.contacts import contact_spec, contacts_of_kind
from govlint.checks.contacts import regions
from govlint.checks.contacts.phones import phone_facts
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
固定电话的区号所属地区（phonenumbers 的地理数据）须与发布机关所在的地级市（自治州、地区、盟）一致。
机关所在地由机关名称（如“同心县”→ 吴忠市，“彭阳县新集乡人民政府”→ 固原市）按行政区划表查得；
名称在全国不唯一（如“朝阳区”）或区号地名无法确定时不报告。
几个地级市共用的区号（0772 柳州、来宾；0937 酒泉、嘉峪关；0898 海南全省……），phonenumbers
往往只写其中一个；规则包 `contacts.shared_area_codes` 列出每个这样的区号服务的全部地方（地级市，
或整个省），其中任何一个都算相符。省级规则包可以补充。
A fixed line's area code must belong to the organ's own prefecture. The organ's prefecture comes from
its name and the administrative-division table (govlint's divisions.tsv); nothing is reported when either side
is ambiguous. Mobile numbers are not placed. An area code several prefectures share (0772 柳州 and 来宾,
0937 酒泉 and 嘉峪关, 0898 all of 海南) is often given one city by phonenumbers; the pack's
`contacts.shared_area_codes` lists every place such a code serves (a prefecture, or a whole province),
and any of them matches. A province pack may add codes or places.

## 为什么 / Why
区号错了，外地读者按号码拨打会打到别的城市；这常是沿用其他单位模板时留下的错误。

## 触发示例 / Example that fires
    同心县……联系电话：0371-66661234        （0371 是河南省郑州市，同心县属宁夏吴忠市）

## 通过示例 / Example that passes
    同心县……联系电话：0953-8637408        （0953 是吴忠市）
    来宾市兴宾区……联系电话：0772-4212345  （0772 是柳州市和来宾市共用的区号）

## 如何修复 / How to fix
改为本机关的电话号码（本地区的区号）。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    phones = contacts_of_kind(report, ctx, "phone")
    if not phones or not report.organ:
        return
    organ_key = regions.organ_region(report.organ)
    if organ_key is None:
        return
    spec = contact_spec(report.pack)
    aliases = spec.geocoder_aliases
    for contact, facts in zip(phones, phone_facts(tuple(c.text for c in phones)), strict=True):
        if not facts.fixed_line:
            continue
        code = facts.area_code
        keys = _code_regions(facts.where.zh, spec.shared_area_codes.get(code, ()), aliases)
        if keys is None or regions.same_region(organ_key, keys):
            continue
        home, where = regions.region_name(organ_key), _where(facts.where, spec.shared_area_codes.get(code, ()))
        yield CHECK.finding(
            Msg(
                f"电话“{contact.text}”的区号 {code} 属于{where.zh}，而{report.organ}在{home}",
                f"phone “{contact.text}”: area code {code} {where.en}, but {report.organ} is in {home}",
            ),
            contact.span,
        )


def _code_regions(where: str, served: tuple[str, ...], aliases: dict[str, str]) -> set[str] | None:
    """The regions an area code belongs to: the geocoder's places and every place the pack
    says the code serves (``shared_area_codes``: the geocoder names one city for 0772, which
    柳州 and 来宾 share). None when the pack's list or, without one, the geocoder's
    description cannot be placed for certain."""
    geocoded = regions.phone_regions(where, aliases) if where else None
    if not served:
        return geocoded
    listed = regions.served_regions(served, aliases)
    if listed is None:
        return None
    return listed | (geocoded or set())


def _where(geocoded: Msg, served: tuple[str, ...]) -> Msg:
    """Where the code is, as the message says it: the pack's places when it lists them."""
    if served:
        return Msg("、".join(served), f"serves {', '.join(served)}")
    return Msg(geocoded.zh, f"is {geocoded.en}")


CHECK = Check(
    "GL403",
    "phone-region-mismatch",
    "warning",
    Msg("电话区号与机关所在地不符", "phone area code is not the organ's"),
    DOC,
    run,
)
