"""GL401: a contact detail the pack asks for is not in the report."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align.contacts import contact_sentence, contact_spec, find_contacts
from govlint.model import Check, Context, Diagnostic, Msg, Report, Severity, Span

SEVERITIES: dict[str, Severity] = {"error": "error", "warning": "warning", "info": "info"}

DOC = """
## 检查什么 / What it checks
在全文（通常在前言或结尾）查找联系方式：地址、电话、电子邮箱、邮编和电子版查阅网址。规则包
（`contacts.yaml` 的 `fields`）规定哪些必须写明（缺少为警告）、哪些建议写明（缺少为提示），每缺一项报一条。
Looks for the contact details anywhere in the report; each field the pack marks `required` that is
missing is a warning, each `recommended` one is info (levels come from `missing_severity`).
值一般写在标签和冒号之后（“地址：…”）；电话、邮箱、邮编可紧跟标签（“电话0953-8637408”）。地址没有冒号
（“邮编751300，地址同心县新区行政中心326室”）时，只在同一句还写了其他联系方式、且紧跟的文字像地址
（以地名开头，或含路、街、号、楼、大厦、院等）时才算（字段的 `run_value`）；“地址栏”“地址变更”“网站地址”不算。
A value usually follows its label and a colon; phone, e-mail and postcode may follow the label
directly. An address without a colon counts only in a sentence that gives another contact detail
and only when the words look like an address (a place name first, or a road, number or building):
the field's `run_value`. 地址栏, 地址变更 and 网站地址 (a URL's label) are no address.
PDF 断行落在值中间（“地址：某⏎市……”，前后可有空格）时，值接到下一行；纯文本中一行以标签结尾而没有值时，
连同下一行一起读。A line break inside a value (“地址：某⏎市…”, a PDF's) does not end it; in plain
text a line that ends in a label without its value is read on into the next line.
网页的元数据（“原文链接：”“来源网址：”）和网站页脚中的网址是网页自己的地址，不算报告的电子版查阅网址。
A web address in the page's metadata (原文链接：, 来源网址：) or on the site's footer is the page's,
not where the report says it can be read.

## 为什么 / Why
年度报告须告诉公众如何就报告内容提出疑问：格式要求写明地址、邮编、电话、电子邮箱及电子版查阅网址。

## 触发示例 / Example that fires
    如有疑问，请与县政府办公室联系，地址：彭阳县新集乡街道，电话：0954-7731010。   （没有电子邮箱）

## 通过示例 / Example that passes
    （地址：同心县新区行政中心 326 室；联系电话：0953-8637408；电子邮箱：txxzfbgs2021@163.com）
    电话0953-8637408，电子信箱tx@163.com，邮编751300，地址同心县新区行政中心326室。

## 如何修复 / How to fix
在联系方式中补上缺少的一项，带上标签（如“电子邮箱：”），以便读者和检查工具都能识别。
"""


def _anchor(report: Report, sentence: Span | None) -> Span:
    """The contact sentence, else the title, else the first line of the file."""
    if sentence is not None:
        return sentence
    if report.title is not None:
        return report.title.span
    text = report.source.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return Span(start, len(text) if end < 0 else end)


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    spec = contact_spec(report.pack)
    found = find_contacts(report, ctx)
    present = {c.field for c in found}
    names = [f.name for f in spec.fields if f.id in present]
    anchor = _anchor(report, contact_sentence(found))
    for field in spec.fields:
        severity = SEVERITIES.get(spec.severity.get(field.level, ""))
        if field.id in present or severity is None:
            continue
        need_zh, need_en = ("须", "required") if field.level == "required" else ("建议", field.level)
        if names:
            have_zh = "、".join(n.zh for n in names)
            have_en = ", ".join(n.en for n in names)
            msg = Msg(
                f"联系方式写了{have_zh}，但没有{field.name.zh}（{need_zh}写明）",
                f"the contact details give the {have_en} but no {field.name.en} ({need_en})",
            )
        else:
            msg = Msg(
                f"报告中找不到任何联系方式：没有{field.name.zh}（{need_zh}写明）",
                f"the report gives no contact details: no {field.name.en} ({need_en})",
            )
        yield CHECK.finding(msg, anchor, severity=severity, entry=field.id)


CHECK = Check(
    "GL401",
    "missing-contact",
    "warning",
    Msg("缺少联系方式中的一项", "a contact detail is missing"),
    DOC,
    run,
)
