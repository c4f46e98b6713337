"""GL302: the report follows an outdated format (2019 trial layout or the pre-2019 one)."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import family, pattern_findings, render, severity
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
报告沿用了已被替代的格式：引用国办公开办函〔2019〕60号（或按标题引用该通知、引用它印发的
《年度报告格式（试行）》）、表格使用2019年格式的栏目
（本年新制作数量、本年新公开数量、对外公开总数量……）、表三“（六）其他处理”只有一行数字而
没有三个分项，或列出2019年以前格式的部分（政府信息公开的收费及减免情况，info 级）。
Markers of a superseded layout: the 2019 format notice (by number or title, or the trial
format it issued), 2019 table columns (entries with code
GL302 in `references.patterns`), table 三 （六）其他处理 as one row of numbers without its three
sub-rows (`references.layout_2019_rows`), or a part of the pre-2019 format named (info).

表头是2019年格式栏目的表格（`tables` 的 `superseded_columns`）不按2021年格式读取：不报其行列
问题，也不导出其数字，只由本规则报告一次。A table headed with the 2019 columns is not read against
the 2021 template: this rule alone reports it, and its numbers are not exported.

## 为什么 / Why
自2021年度报告起，格式以国办公开办函〔2021〕30号为准；旧格式的表格缺少现行格式要求的数据项，
无法与其他机关、其他年份的报告比较。Old layouts lack items the 2021 format requires.

## 触发示例 / Example that fires
根据国办公开办函〔2019〕60号要求编制本报告。
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量

## 通过示例 / Example that passes
根据国办公开办函〔2021〕30号要求编制本报告。
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数

## 如何修复 / How to fix
按2021年格式重新编制相应表格和部分。Redo the table or part in the 2021 layout.
"""

def single_rows(report: Report) -> Iterator[Diagnostic]:
    """Group rows written as one row of numbers with none of their sub-rows."""
    for item in family(report, "references").get("layout_2019_rows") or []:
        if not isinstance(item, dict) or item.get("code", CHECK.code) != CHECK.code:
            continue
        table = report.table(str(item.get("table", "")))
        row = table.row(str(item.get("row", ""))) if table else None
        if table is None or row is None or all(c.value is None for c in row.cells):
            continue
        if any(table.row(str(sub)) for sub in item.get("subrows") or []):
            continue
        message = render(item.get("message"), {"label": row.label or row.row, "row": row.row})
        sev = severity(item.get("severity"), CHECK.severity)
        yield CHECK.finding(message, row.span, severity=sev, entry=str(item.get("id", "")))


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    yield from pattern_findings(report, ctx, CHECK)
    yield from single_rows(report)


CHECK = Check(
    "GL302",
    "outdated-format",
    "warning",
    Msg("沿用了已被替代的报告格式", "follows a superseded report format"),
    DOC,
    run,
)
