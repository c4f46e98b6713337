"""GL106: a row or column label differs from the format's wording."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align import norm
from govlint.checks._common import problems, where, where_en
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Problem, Report
from govlint.readers import numbering

DOC = """
## 检查什么 / What it checks
表格的行名或列名与格式不一致。只差一个字（如“本年度止件数”应为“本年废止件数”）多为错别字，报警告并提供
安全的快速修复；措辞改动但意思相近（如“其他法律法规禁止公开”对应“其他法律行政法规禁止公开”）只作提示。
A table label that differs from the template: a one-character substitution is a typo (warning, safe fix);
other rewordings are info.
一个有否定词（不、未、非、无）而另一个没有的两个名称意思相反，不算措辞不同（“予以公开”不是“不予公开”）；
表头行中的词是列名，不是行名。Labels of which one is negated and the other not are opposites, never
variants (unless one is a piece of the other that a PDF broke off); the words of a header line are no rows.

## 为什么 / Why
表格栏目是全国统一的统计口径；改动或写错栏目名会让读者误解统计内容，也妨碍汇总。

## 触发示例 / Example that fires
    信息内容	本年制发件数	本年度止件数	现行有效件数

## 通过示例 / Example that passes
    信息内容	本年制发件数	本年废止件数	现行有效件数

## 如何修复 / How to fix
改为格式中的栏目名称。
"""


def is_typo(found: str, expected: str) -> bool:
    """Same length and exactly one character different: a slip of the pen, not a rewording."""
    a, b = norm(found), norm(expected)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=False)) == 1


def _replacement(p: Problem, written: str) -> str:
    expected = p.detail["expected"]
    # Keep the row's own numbering ("2." / "（三）") in front of the label.
    core = norm(written)
    label_core = norm(p.detail["found"])
    if core == label_core and written != p.detail["found"]:
        return expected
    m = numbering.LABEL.match(written)
    return (written[: m.end()] if m else "") + expected


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for p in problems(report, "reworded_row", "reworded_column"):
        found, expected = p.detail["found"], p.detail["expected"]
        typo = is_typo(found, expected)
        what_zh = "列名" if p.kind == "reworded_column" else "行名"
        what_en = "column label" if p.kind == "reworded_column" else "row label"
        written = report.source.text[p.span.start : p.span.end]
        # A label wrapped over lines inside a drawn box (readers.boxes) has its words joined, its
        # span over the box's bars between them: no one stretch of text to replace.
        fix = None if "\n" in written else Fix(
            Msg(f"改为“{expected}”", f"replace with “{expected}”"), (Edit(p.span, _replacement(p, written)),), safe=typo
        )
        kind_zh = "疑为错别字" if typo else "与格式措辞不同"
        yield CHECK.finding(
            Msg(
                f"{where(report, p)}{what_zh}“{found}”{kind_zh}，格式为“{expected}”",
                f"{where_en(report, p)}: {what_en} “{found}” {'looks misspelt' if typo else 'is reworded'}; "
                f"the format says “{expected}”",
            ),
            p.span,
            severity="warning" if typo else "info",  # a rewording is a note; a slip of the pen, a warning
            fix=fix,
        )


CHECK = Check(
    "GL106", "label-variant", "warning", Msg("表格栏目名称与格式不同", "table label differs from the format"), DOC, run
)
