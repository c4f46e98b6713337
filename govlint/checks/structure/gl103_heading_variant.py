"""GL103: a section heading worded differently from the format (meaning kept)."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import section_title
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Report

DOC = """
## 检查什么 / What it checks
部分标题与格式不完全一致但意思相同（如“存在的主要问题及改进措施”对应格式的“存在的主要问题及改进情况”）。
A heading that is a known variant or a close rewording of the official title (info).
编号不对但文字与某部分标题相符的标题，优先于只有编号相符、文字相差较远的标题（如总体情况中自编的
“四、政府信息公开申请情况”），并作为该部分的变体提示。A heading in a section's words under another
numeral is that section (reported here) before one that has its numeral and only loosely its words.

## 为什么 / Why
统一标题便于检索和汇总；变体不影响理解，因此只作提示。

## 触发示例 / Example that fires
    五、存在的主要问题及改进措施

## 通过示例 / Example that passes
    五、存在的主要问题及改进情况

## 如何修复 / How to fix
改为格式中的标题（快速修复可代为替换，属于非安全修复，需人工确认）。
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for section in report.sections:
        if section.status != "variant" or section.heading is None:
            continue
        official = section_title(report, section.key)
        span = section.heading.span
        written = report.source.text[span.start : span.end]
        prefix = written[: len(written) - len(written.lstrip("#* "))]
        suffix = written[len(written.rstrip("*")) :]
        fix = Fix(
            Msg(f"改为“{official}”", f"replace with “{official}”"),
            (Edit(span, f"{prefix}{official}{suffix}"),),
            safe=False,
        )
        yield CHECK.finding(
            Msg(
                f"标题“{section.heading.text}”与格式不同，格式为“{official}”",
                f"heading “{section.heading.text}” differs from the format's “{official}”",
            ),
            span,
            fix=fix,
        )


CHECK = Check("GL103", "heading-variant", "info", Msg("标题写法与格式不同", "heading worded differently"), DOC, run)
