"""GL109: a section lacks a statement the pack requires (e.g. 信息处理费 in section 六).

Each finding names the statement that is missing as its ``entry`` (``fee``,
``hotline-12345``). A statement may carry a code of its own (a province's ``GL110``):
its findings are reported under that code, still as this rule (see
:func:`govlint.checks._common.under_pack_code`).
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint._infra import regex
from govlint.checks._common import section_specs, section_title, under_pack_code
from govlint.model import Check, Context, Diagnostic, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
规则包可以要求某一部分必须写明某项内容（`sections[].statements`，以正则表达式查找）。全国规则包要求第六部分
报告信息处理费的收取情况（收取了多少，或未收取）；省级规则包可以增加要求（如工作要点落实情况）。
“未收取信息处理费”之外，换一种说法说明没有收费也算（“未发生收费情况”“没有收取任何费用”“均未收费”）；
只写“无”或“不收费”（一项规定，而非本年的情况）不算。
A section must contain each statement its pack entry requires (found by a regular expression).
Section 六's fee statement may be worded otherwise (未发生收费情况, 没有收取任何费用, 均未收费);
无 alone, or 不收费 (a policy, not what happened this year), does not say it.

## 为什么 / Why
格式模板在第六部分注明“收取信息处理费情况在此处报告”（国办函〔2020〕109号）。只写“无”不能说明是否收费。

## 触发示例 / Example that fires
    六、其他需要报告的事项
    无

## 通过示例 / Example that passes
    六、其他需要报告的事项
    本机关2023年未收取信息处理费。

## 如何修复 / How to fix
在该部分写明所要求的内容，例如“本年度未收取信息处理费”。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    text = report.source.text
    for spec in section_specs(report):
        section = report.section(str(spec["id"]))
        if section is None or section.heading is None:
            continue  # GL101 reports the missing section itself
        body = text[section.body.start : section.body.end]
        for statement in spec.get("statements", []) or []:
            if regex.compile(str(statement["pattern"])).search(body):
                continue
            message = statement.get("message") or {}
            title = section_title(report, section.key)
            finding = CHECK.finding(
                Msg(
                    str(message.get("zh", f"“{title}”缺少必须报告的内容 {statement['id']}")),
                    str(message.get("en", f"“{title}” lacks the required statement {statement['id']}")),
                ),
                _body_anchor(report, section.body, section.heading.span),
                severity=statement.get("severity"),
                entry=str(statement["id"]),
            )
            yield under_pack_code(finding, statement.get("code"))


def _body_anchor(report: Report, body: Span, fallback: Span) -> Span:
    """The first line of the section's text — what the writer wrote instead."""
    for block in report.document.blocks:
        if body.start <= block.span.start < body.end:
            return block.span
    return fallback


CHECK = Check(
    "GL109", "required-statement", "warning", Msg("缺少必须报告的内容", "a required statement is missing"), DOC, run
)
