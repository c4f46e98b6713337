"""GL303: the 2007 政府信息公开条例 (国务院令第492号) cited after its 2019 revision."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import pattern_findings
from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
报告引用2007年公布的《中华人民共和国政府信息公开条例》（国务院令第492号）。
A report that cites the 2007 regulation by its number, 国务院令第492号 (entries with code GL303
in `references.patterns`; reports before `min_report_year` are not checked).

## 为什么 / Why
条例已于2019年修订（国务院令第711号，2019年5月15日起施行），年度报告应依据现行条例。
The regulation was revised in 2019; its article numbers (e.g. 第四十九、五十条 on annual reports)
changed, so a report based on the old text cites the wrong law.

## 触发示例 / Example that fires
根据《中华人民共和国政府信息公开条例》（国务院令第492号）编制。

## 通过示例 / Example that passes
根据《中华人民共和国政府信息公开条例》（国务院令第711号）编制。

## 如何修复 / How to fix
改为国务院令第711号。Cite 国务院令第711号.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    yield from pattern_findings(report, ctx, CHECK)


CHECK = Check(
    "GL303",
    "superseded-regulation",
    "warning",
    Msg("引用了已修订的2007年条例（国务院令第492号）", "cites the superseded 2007 regulation (国务院令第492号)"),
    DOC,
    run,
)
