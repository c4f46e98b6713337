"""GL108: a section's table is missing or too broken to read."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.align import templates
from govlint.checks._common import problems, where, where_en
from govlint.model import Check, Context, Diagnostic, Msg, Problem, Report

DOC = """
## 检查什么 / What it checks
第二、三、四部分应各有一张格式规定的表格。部分存在但找不到表格，或表格无法按格式读出任何一行时报错误。
表格读得出、但读法不可靠时（数字与行名对不上，行的顺序与格式不同，多行的数字个数与列数不符，没有换行的文字里
数字连在一起，文字边框线对不齐）报一条警告，说明原因；此时不核对该表的任何合计，也不导出它的数字——宁可不查，
也不报不存在的错误。
A table the format requires that cannot be found in its section, or that yields no recognisable
row (error). A table whose reading cannot be trusted — numbers and row labels that came apart,
rows out of the format's order, many rows with more or fewer numbers than columns, numbers run
together in a text with no line breaks, a table drawn as a box whose lines do not line up — is one
warning saying why, and none of its sums is checked or exported: a false "totals do not add
up" is worse than a table left unchecked.

## 为什么 / Why
表格是年度报告的统计核心；读不出的表格无法核对，也无法汇总。

## 触发示例 / Example that fires
    三、收到和处理政府信息公开申请情况
    （只有文字，没有表格）

## 通过示例 / Example that passes
第三部分含有按格式填写的表三。

## 如何修复 / How to fix
按格式插入表格；从 PDF 复制时保留单元格之间的制表符或竖线。
"""


def _doubt(report: Report, p: Problem) -> Msg:
    """Why a table's reading cannot be trusted, for the person who opens the original."""
    t = f"表{p.table}"
    if p.detail.get("reason") == "order":
        if "descents" in p.detail:
            cause_zh, cause_en = "行的顺序与格式不同", "its rows are not in the format's order"
        elif "headers" in p.detail:
            cause_zh = f"有 {p.detail['headers']} 处夹在数字之间的表头文字与其后数字所在的列不符"
            cause_en = f"{p.detail['headers']} header words printed between the numbers name other columns than theirs"
        elif "carried" in p.detail:
            cause_zh = f"{p.detail['carried']} 行的数字印在了行名之前，本表没有勾稽关系可供验证"
            cause_en = (f"{p.detail['carried']} rows have numbers printed before their labels, "
                        "and no identity can confirm it")
        elif "counted_sums" in p.detail:
            cause_zh = f"每个单元格各占一行，有 {p.detail['counted_sums']} 处合计对不上，无法判断是数字填错还是数字错位"
            cause_en = (f"every cell stands on a line of its own and {p.detail['counted_sums']} sums fail: "
                        "wrong numbers cannot be told from numbers in the wrong row")
        else:
            cause_zh = f"有 {p.detail['stray']} 处数字不属于任何行、{p.detail['bare']} 行没有数字"
            cause_en = f"{p.detail['stray']} groups of numbers fit no row while {p.detail['bare']} rows have none"
        return _unchecked(
            t, f"{t}的数字与行名顺序对不上（{cause_zh}），疑为从 PDF 直接复制",
            f"table {p.table}: its numbers and row labels do not line up ({cause_en}), as in text copied straight "
            "out of a PDF",
            ("请用 pdftotext -layout 提取或直接检查原文件", "extract it with pdftotext -layout or check the original"),
        )
    if p.detail.get("reason") == "together":
        example = Problem("run_together", p.span, p.table, p.detail["row"], {})
        return _unchecked(
            t, f"{t}有 {p.detail['rows']} 行的数字连在一起（如{where(report, example)}的“{p.detail['found']}”），"
            "无法确定各数字属于哪一列，疑为去掉了换行和分隔的网页文字",
            f"table {p.table}: the numbers of {p.detail['rows']} rows run together (such as “{p.detail['found']}” in "
            f"{where_en(report, example)}), so which digits belong to which column is unknown, as in a web page's "
            "text stripped of its line breaks and separators",
        )
    if p.detail.get("reason") == "box":
        return _unchecked(
            t, f"{t}画成文字边框（如 w3m 等文本浏览器保存的网页），但边框线对不齐，无法确定数字所在的列",
            f"table {p.table} is drawn as a box (a web page saved by a text browser such as w3m) whose lines do "
            "not line up: which column a number is in is unknown",
            ("请对照原网页或原文件检查", "check the original page or file"),
        )
    if p.detail.get("reason") == "pieces":
        return _unchecked(
            t, f"{t}有 {p.detail['pieces']} 处数字旁只有被拆散的行名片段（如“{p.detail['found']}”），"
            "无法确定是哪一行的数字",
            f"table {p.table}: {p.detail['pieces']} groups of numbers stand beside nothing but pieces of a broken "
            f"row label (such as “{p.detail['found']}”): whose numbers they are is unknown",
        )
    parts_zh, parts_en = [], []
    if int(p.detail.get("unknown", "0")):
        parts_zh.append(f"{p.detail['unknown']} 行的行名不是格式中的行")
        parts_en.append(f"{p.detail['unknown']} row labels are not the format's")
    if int(p.detail.get("stray", "0")):
        parts_zh.append(f"{p.detail['stray']} 处数字无法归入任何行")
        parts_en.append(f"{p.detail['stray']} groups of numbers fit no row")
    return _unchecked(
        t, f"{t}的行列与格式不符（{'；'.join(parts_zh)}），疑为另一张表或读错了表格",
        f"table {p.table} is not in the format's shape ({'; '.join(parts_en)}): another table, or one read wrongly",
    )


def _unchecked(t: str, zh: str, en: str, what_to_do: tuple[str, str] = ("请对照原文件检查", "check the original")
               ) -> Msg:
    """Why, then what follows for every doubtful table: none of its sums is checked, and
    where to look instead."""
    return Msg(f"{zh}；{t}的合计与勾稽关系无法核对，{what_to_do[0]}",
               f"{en}; its sums cannot be checked: {what_to_do[1]}")


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for p in problems(report, "doubtful_table"):
        yield CHECK.finding(_doubt(report, p), p.span, severity="warning")
    # a table in an older format's layout is GL302's finding, not a missing table
    broken = {p.table for p in problems(report, "unreadable_table", "superseded_layout", "doubtful_table")}
    for p in problems(report, "unreadable_table"):
        yield CHECK.finding(
            Msg(
                f"表{p.table}无法按格式读出，合计与勾稽关系无法核对",
                f"table {p.table} cannot be read against the format; its sums cannot be checked",
            ),
            p.span,
        )
    for t in templates(report.pack):
        section = report.section(t.section)
        if section is None or section.heading is None or t.id in broken or report.table(t.id):
            continue
        yield CHECK.finding(
            Msg(f"第{t.section}部分没有找到表{t.id}", f"no table {t.id} found in section {t.section}"),
            section.heading.span,
        )


CHECK = Check("GL108", "table-unreadable", "error", Msg("表格缺失或无法读出", "table missing or unreadable"), DOC, run)
