"""GL603: most of the report's prose stands again in last year's report (内容雷同)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from govlint.checks._common import decimal_text
from govlint.checks._patterns import config, severity
from govlint.crossyear import overlap
from govlint.model import Check, Context, Diagnostic, Msg, Report, Source

DOC = """
## 检查什么 / What it checks
本年报告正文（段落；不含表格、标题、各部分标题和格式规定的套话，如《条例》开头一句）中，见于上年
报告的文字所占的比例。数字和年份不计（换了数字的旧句子仍算照抄）。超过规则包
`crossyear.copied.threshold`（默认 50%，评估中常用的标准）时报告比例和最长的几段相同文字及其在两份
报告中的行号；不超过则不报告。
The share of this year's prose (paragraphs; not tables, headings, section titles or the format's
standard phrases such as the 《条例》 preamble, listed in the pack's `crossyear.copied.boilerplate`)
that stands in last year's report, numbers and years masked so that last year's sentence with
new figures still counts as copied. Above `crossyear.copied.threshold` (default 50 %, the figure
evaluators use) it reports the share and the longest copied passages with their lines in both
files; at or below it, nothing. Runs only when the same organ's report for the year before is
found. How it is measured: `govlint/crossyear/similarity.py` (runs of 10 characters both hold).

## 为什么 / Why
年度报告应反映本年度的工作。评估中把与上年报告重复超过一半的报告列为“内容雷同”；照抄上年
报告时，旧的年份、旧的工作要点、旧的问题也常被一并抄入。
Evaluators mark a report that repeats more than half of last year's as 内容雷同; copied text
also carries last year's years, 要点 and problems along.

## 触发示例 / Example that fires
上年报告“一、总体情况”“五、存在的主要问题及改进情况”的段落在本年报告中原样出现，只改了数字。

## 通过示例 / Example that passes
本年报告重写了总体情况和问题、改进情况，只沿用了格式规定的说明文字。

## 如何修复 / How to fix
按本年度的工作重写正文：写本年做了什么、出现了什么新问题、上年问题改进得如何。
Write this year's work, this year's problems and how last year's were addressed.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    previous = ctx.previous
    spec = config(report, "crossyear", "copied")
    found = overlap(report, ctx) if spec else None
    if previous is None or found is None or found.share is None:
        return
    threshold = float(spec.get("threshold", 0.5))
    if found.share <= threshold:
        return
    share, limit = _percent(found.share), _percent(threshold)
    zh = "、".join(f"{_lines(report.source, p.span)}（上年{_lines(previous.source, p.previous)}）"
                   for p in found.passages)
    en = ", ".join(f"{_lines_en(report.source, p.span)} (last year's {_lines_en(previous.source, p.previous)})"
                   for p in found.passages)
    message = Msg(
        f"本报告（{report.source.path}）正文的 {share} 见于上年报告（{previous.source.path}），内容雷同"
        f"（数字和年份不计；阈值 {limit}）；最长的相同段落：{zh}",
        f"{share} of this report's prose ({report.source.path}) stands in last year's report "
        f"({previous.source.path}), numbers and years aside (内容雷同; threshold {limit}); the longest copied "
        f"passages: {en}",
    )
    yield CHECK.finding(message, found.passages[0].span, severity=severity(spec.get("severity"), CHECK.severity))


def _percent(share: float) -> str:
    """82%, 50.4%: one decimal at most, so a share just above the threshold never reads as it."""
    return f"{decimal_text(round(Decimal(share * 100), 1))}%"


def _line_range(source: Source, start: int, end: int) -> tuple[int, int]:
    return source.position(start)[0], source.position(max(start, end - 1))[0]


def _lines(source: Source, span: tuple[int, int]) -> str:
    first, last = _line_range(source, *span)
    return f"第 {first} 行" if first == last else f"第 {first}–{last} 行"


def _lines_en(source: Source, span: tuple[int, int]) -> str:
    first, last = _line_range(source, *span)
    return f"line {first}" if first == last else f"lines {first}–{last}"


CHECK = Check(
    "GL603",
    "copied-prose",
    "warning",
    Msg("正文大部分照抄上年报告（内容雷同）", "most of the prose is copied from last year's report"),
    DOC,
    run,
)
