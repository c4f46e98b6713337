"""GL604: a statistical period or 工作要点 of another year than the one after last year's report."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import Entry, config, entries, entry_diagnostics, family, render, severity
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
上年报告是 Y 年的，本报告就是 Y+1 年的：其统计期限应为 Y+1 年全年，所依据的政务公开工作要点不应早于
Y+1 年。只在本报告自己的标题说不出这一点时检查（标题没有年份，或与 Y+1 不同，例如配置的
`previous` 指明了上年报告）；标题年份就是 Y+1 时，GL304、GL301 已按标题年份检查。用哪些说法由规则包
`crossyear.year_sequence.patterns` 指定（引用 `references.patterns` 中的条目）。
Last year's report is for year Y, so this one is for Y+1: its statistical period should be Y+1
and the 政务公开工作要点 it cites as its basis not earlier. Checked only where the report's own
title does not say so (no year, or another: a report paired by the configuration's `previous`);
where the title says Y+1, GL304 and GL301 already judge by it. The wordings are the
`references.patterns` entries named in the pack's `crossyear.year_sequence.patterns`.

## 为什么 / Why
照抄上年报告时，标题、统计期限和工作要点的年份常一并留成上年的；标题没写年份时，只有与上年报告
对照才能发现。
A report copied from last year often keeps last year's years throughout; where the title gives
no year, only last year's report tells which year it should be.

## 触发示例 / Example that fires
上年报告为 2022 年；本报告标题“平罗县政府信息公开工作年度报告”（无年份），正文“本报告统计期限自
2022年1月1日起至2022年12月31日止”。

## 通过示例 / Example that passes
同一报告写“统计期限自2023年1月1日起至2023年12月31日止”。

## 如何修复 / How to fix
写明本年度（上年报告年度的下一年）的统计期限和工作要点，并在标题中写上年份。
State this year's period and 要点, and put the year in the title.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    previous = ctx.previous
    spec = config(report, "crossyear", "year_sequence")
    if previous is None or previous.year is None or not spec:
        return
    expected = previous.year + 1
    if report.year == expected:  # the own-year rules judge by the title, which says the same
        return
    known = {"previous": _escaped(previous.source.path), "previous_year": previous.year,
             "path": _escaped(report.source.path)}
    as_expected = report._replace(year=expected)
    for item in spec.get("patterns") or ():
        if not isinstance(item, dict):
            continue
        message = render(item.get("message"), known)
        level = severity(item.get("severity") or spec.get("severity"), CHECK.severity)
        # Only the years are judged here: months and days are GL304's whatever the year.
        entry = _entry(report, str(item["id"]))._replace(
            message={"zh": message.zh, "en": message.en}, severity=level, expect={}
        )
        yield from entry_diagnostics(as_expected, ctx, entry, CHECK)


def _entry(report: Report, ident: str) -> Entry:
    """The ``references.patterns`` entry of that id (its pattern, relation and ``unless``)."""
    for item in family(report, "references").get("patterns") or ():
        if isinstance(item, dict) and str(item.get("id")) == ident:
            found = [e for e in entries(report, str(item.get("code"))) if e.id == ident]
            if found:
                return found[0]
    raise ValueError(f"crossyear.year_sequence.patterns: references.patterns 中没有 {ident} / "
                     f"no references.patterns entry {ident}")


def _escaped(text: str) -> str:
    """A value filled in before the entry's own placeholders are: its braces kept as written."""
    return text.replace("{", "{{").replace("}", "}}")


CHECK = Check(
    "GL604",
    "year-sequence",
    "warning",
    Msg("统计期限或工作要点的年份不是上年报告的下一年", "the period or 要点 is not the year after last year's"),
    DOC,
    run,
)
