"""GL602: 现行有效件数 that last year's count, this year's 制发 and 废止 do not explain."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._common import decimal_text
from govlint.checks.crossyear.pairs import complete_row, entries, entry_finding, named_row
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
表二“规章”“行政规范性文件”：上年报告的现行有效件数 + 本年制发件数 − 本年废止件数，与本年的现行有效
件数比较。比较哪些行、哪些列由规则包 `crossyear.in_force` 决定。
Table 二 规章 and 行政规范性文件: last year's 现行有效件数 + this year's 本年制发件数 − 本年废止件数
against this year's 现行有效件数 (the pack's `crossyear.in_force` entries). Runs only when the
same organ's report for the year before is found.

## 为什么 / Why
现行有效的文件，通常是上年仍有效的加上本年新制发的、减去本年废止的；差得多，常是某一年的数字
照抄或填错。但实际报告常有出入：文件清理（集中清理后宣布失效的不一定计入“本年废止”）、修改、
有效期届满自然失效、统计口径变化，都会使两者合理地不同，所以只是提示（info），不是错误。
Usually last year's count plus this year's issued minus repealed. Real reports often differ for
good reasons — a 清理 (clean-up) that declares documents void without counting them as repealed,
amendments, documents that expire, a changed way of counting — so this is information, not an
error. A row either year did not read whole is not compared.

## 触发示例 / Example that fires
上年报告：`行政规范性文件 | 4 | 1 | 27 |`；本年报告：`行政规范性文件 | 5 | 2 | 40 |`（27 + 5 − 2 = 30）

## 通过示例 / Example that passes
本年报告：`行政规范性文件 | 5 | 2 | 30 |`

## 如何修复 / How to fix
核对现行有效件数；若因清理、修改或失效而不同，在报告中说明，或在配置中降低/关闭此规则。
Check the count; where a clean-up explains the difference, say so in the report (or ignore GL602).
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    previous = ctx.previous
    if previous is None:
        return
    for entry in entries(report, "in_force"):
        table_id = str(entry["table"])
        in_force, issued, repealed = str(entry["in_force"]), str(entry["issued"]), str(entry["repealed"])
        for row_id in map(str, entry["rows"]):
            row, before = complete_row(report, table_id, row_id), complete_row(previous, table_id, row_id)
            if row is None or before is None:
                continue
            now, last = row.cell(in_force), before.value(in_force)
            added, removed = row.value(issued), row.value(repealed)
            if now is None or now.value is None or last is None or added is None or removed is None:
                continue
            expected = last + added - removed
            if expected == now.value:
                continue
            here = named_row(report, table_id, row_id)
            sums = (f"{in_force} {decimal_text(last)} + {issued} {decimal_text(added)} − {repealed} "
                    f"{decimal_text(removed)} = {decimal_text(expected)}")
            count = decimal_text(now.value)
            found = (Msg(f"{here.zh}{in_force}为 {count}", f"{here.en}: {in_force} {count}"), Msg(f"的{sums}", sums))
            yield entry_finding(CHECK, entry, (report, previous), found, now.span)


CHECK = Check(
    "GL602",
    "in-force-mismatch",
    "info",
    Msg("现行有效件数与上年报告推算的不符", "documents in force do not follow from last year's report"),
    DOC,
    run,
)
