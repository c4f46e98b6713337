"""GL305: a signature or publication date after the statutory deadline (条例第四十九条)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Day
from itertools import pairwise
from typing import Any

from govlint._infra import regex as _regex
from govlint._infra.records import NamedTuple
from govlint.align.texts import report_texts
from govlint.checks._patterns import compiled, family, render, severity
from govlint.model import Cell, Check, Context, Diagnostic, Msg, RawTable, Report, Span, moved
from govlint.readers.numbering import to_int

DIGIT = _regex.compile(r"\d")
SPACES = _regex.compile(r"[ \t\u3000]+")

DOC = """
## 检查什么 / What it checks
落款或发布日期晚于《政府信息公开条例》第四十九条规定的期限：政府部门（局、委、办、中心……）
为次年1月31日，人民政府（县、市、省、区；乡镇、街道随所在县）为次年3月31日。机关类型按
report.organ 的后缀判断（`references.deadlines`），无法判断时按最晚的期限。日期行由
`references.signature_dates` 识别：独占一行的日期，可带“发布日期：”“时间：”等标签，可带时刻
（`2024-01-30 15:37:05`）和网页的其他元数据（`来源：…`、`浏览次数：…`、`【字体…】`），元数据在日期
之前也可以（`来源：某某县人民政府　时间：2024-01-20`）；表格中的
日期连同它前一格的标签读（网页元数据表 `| 发布机构 | … | 发布日期 | 2026-01-19 20:34 |`）。
句子中的日期（“2024年1月30日，召开……”）不算。
A date line (signature or publication) later than the deadline for the organ's type. A date line
holds only the date, perhaps after a label (发布日期：, 时间：), with the time of day and the web
page's other metadata after it (来源：…, 浏览次数：…) or before it (来源：… 时间：2024-01-20); in a
table, a date cell is read with the
cell before it as its label (a metadata block). A date inside a sentence is not a date line.

## 为什么 / Why
年报的公布期限是法定的；逾期公布本身就是评议中的扣分项。Publishing late breaks the regulation.
Stays quiet when the report year is unknown.

## 触发示例 / Example that fires
平罗县2023年政府信息公开工作年度报告 …… 平罗县人民政府 2024年4月2日
平罗县统计局2023年政府信息公开工作年度报告（标题下一行）发布时间:2024-04-30 15:37:05
平罗县统计局2023年政府信息公开工作年度报告（标题下一行）2024-04-30 18:26 来源:平罗县统计局

## 通过示例 / Example that passes
平罗县2023年政府信息公开工作年度报告 …… 平罗县人民政府 2024年3月20日

## 如何修复 / How to fix
核对日期；如确已逾期，应按时公布以后的报告。Check the date; publish on time.
"""


def calendar_day(year: int, month: int, day: int) -> Day | None:
    """The day, or None when the calendar has no such day (2月30日)."""
    try:
        return Day(year, month, day)
    except ValueError:
        return None


class Deadline(NamedTuple):
    """The last day to publish the report for a year, and the organ type it follows from."""

    day: Day
    organ_type: Msg


def organ_deadline(report: Report, year: int) -> Deadline | None:
    """The deadline for ``report.organ``: the type whose suffix is the longest one ending
    the organ's name; for an unknown type the latest deadline of all."""
    types = [t for t in family(report, "references").get("deadlines") or [] if isinstance(t, dict)]
    organ = report.organ or ""
    best: tuple[int, dict[str, Any]] | None = None
    for t in types:
        for suffix in t.get("suffixes") or []:
            if organ.endswith(str(suffix)) and (best is None or len(str(suffix)) > best[0]):
                best = (len(str(suffix)), t)
    candidates = [best[1]] if best else types
    deadlines = []
    for t in candidates:
        try:
            day = calendar_day(year + 1, int(t.get("month", 0)), int(t.get("day", 0)))
        except (TypeError, ValueError):  # not a number
            continue
        if day is None:
            continue
        name = t.get("name") or {}
        name = name if isinstance(name, dict) else {}
        unknown = Msg("类型未能判断的机关", "organ of unknown type")
        kind = Msg(str(name.get("zh", t.get("id"))), str(name.get("en", t.get("id")))) if best else unknown
        deadlines.append(Deadline(day, kind))
    return max(deadlines, default=None)


def signature_dates(report: Report, ctx: Context) -> Iterator[tuple[Day, str, Span]]:
    """Date lines of the report with the date they state (impossible dates are skipped): lines
    of prose, and table cells read with the cell before them as their label (a web page's
    metadata block: | 发布机构 | … | 发布日期 | 2026-01-19 20:34 |)."""
    patterns = family(report, "references").get("signature_dates") or []
    regexes = [compiled(str(p), f"references.signature_dates[{i}]") for i, p in enumerate(patterns)]
    if not regexes:
        return
    found = [
        moved(line, start)  # a line repeated (a running header) is read once
        for text, starts in report_texts(report, ctx).prose.placed.items()
        if (line := _date_line(regexes, text, 0, 0)) is not None
        for start in starts
    ]
    for label, cell in _labelled_cells(report):
        if (line := _date_cell(regexes, report.source.text, label, cell)) is not None:
            found.append(line)
    yield from sorted(found, key=lambda f: f[2].start)


def _date_line(regexes: list[re.Pattern[str]], text: str, start: int, skip: int) -> tuple[Day, str, Span] | None:
    """The first date line of ``text`` (which begins at ``start`` of the source); the first
    ``skip`` characters are a label put before a table cell's text, not in the source."""
    for regex in regexes:
        m = regex.search(text)
        if not m:
            continue
        year, month, day = (to_int(m.group(g)) for g in ("year", "month", "day"))
        if year is None or month is None or day is None:
            continue
        when = calendar_day(year, month, day)
        if when is None:
            continue
        group = "date" if "date" in regex.groupindex and m.group("date") else 0
        begin, end = max(m.start(group), skip), max(m.end(group), skip)
        shown = text[begin:end].strip(" *#\t")
        return when, shown or m.group(group).strip(" *#\t"), Span(start + begin - skip, start + end - skip)
    return None


def _labelled_cells(report: Report) -> Iterator[tuple[Cell, Cell]]:
    """Each table cell holding a digit and more (a date has separators: the counts of
    tables 二 to 四, hundreds a report, are skipped at once), with the cell just before it
    in its row when that is not empty."""
    for block in report.document.blocks:
        if not isinstance(block, RawTable):
            continue
        for row in block.rows:
            for label, cell in pairwise(row):
                if label.text and not cell.text.isdigit() and DIGIT.search(cell.text):
                    yield label, cell


def _date_cell(regexes: list[re.Pattern[str]], source: str, label: Cell, cell: Cell) -> tuple[Day, str, Span] | None:
    """A cell read as ``label：cell`` ("发布日期：2026-01-19 20:34"); its span is the cell's."""
    name = SPACES.sub("", label.text).strip(" *#\t|")
    if not name:
        return None
    text = source[cell.span.start : cell.span.end]
    if "\n" in text:
        return None
    prefix = f"{name}："
    return _date_line(regexes, prefix + text, cell.span.start, len(prefix))


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    if report.year is None:
        return
    deadline = organ_deadline(report, report.year)
    if deadline is None:
        return
    conf = family(report, "references").get("late_signature") or {}
    conf = conf if isinstance(conf, dict) else {}
    for when, text, span in signature_dates(report, ctx):
        if when <= deadline.day:
            continue
        fields = {
            "date": text,
            "deadline": f"{deadline.day.year}年{deadline.day.month}月{deadline.day.day}日",
            "organ": report.organ or "本机关",
            "organ_type": deadline.organ_type.zh,
            "organ_type_en": deadline.organ_type.en,
            "report_year": report.year,
        }
        sev = severity(conf.get("severity"), CHECK.severity)
        yield CHECK.finding(render(conf.get("message"), fields), span, severity=sev)


CHECK = Check(
    "GL305",
    "late-signature",
    "warning",
    Msg("落款或发布日期晚于法定公布期限", "the signature or publication date is after the statutory deadline"),
    DOC,
    run,
)
