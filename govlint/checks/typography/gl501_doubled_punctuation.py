"""GL501: a punctuation mark written twice (。。, ，，, ；；)."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import compiled, config, matches, render, severity, short
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
同一个标点连写两次或多次，如“。。”“，，”“；；”（`typography.doubled_punctuation.pattern`）。
省略号“……”和破折号“——”不在其列。A punctuation mark repeated (。。, ，，, ；；); the ellipsis ……
and the dash —— are not.

## 为什么 / Why
多为录入错误，出现在正式公布的报告中影响严肃性。A typing slip in a published document.

## 触发示例 / Example that fires
二是依申请公开答复文书存在不规范情况。。

## 通过示例 / Example that passes
二是依申请公开答复文书存在不规范情况。

## 如何修复 / How to fix
删去重复的标点。`--fix` removes the repeats of marks listed in `safe_fix` (。，；：、); repeated
？ or ！ may be deliberate, so their fix is unsafe.
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    conf = config(report, "typography", "doubled_punctuation")
    if not conf.get("pattern"):
        return
    regex = compiled(str(conf["pattern"]), "typography.doubled_punctuation.pattern")
    safe = str(conf.get("safe_fix", ""))
    sev = severity(conf.get("severity"), CHECK.severity)
    for seg, m in matches(report, ctx, regex, cells=False):
        mark = m.group(1) if regex.groups else m.group()[0]
        count = len(m.group()) // max(len(mark), 1)
        repeats = Span(seg.start + m.start() + len(mark), seg.start + m.end())
        fix = Fix(Msg(f"删去重复的“{mark}”", f'remove the repeated "{mark}"'), (Edit(repeats, ""),), mark in safe)
        fields = {"mark": mark, "count": count, "match": short(m.group())}
        span = Span(seg.start + m.start(), seg.start + m.end())
        yield CHECK.finding(render(conf.get("message"), fields), span, severity=sev, fix=fix)


CHECK = Check(
    "GL501",
    "doubled-punctuation",
    "info",
    Msg("标点符号重复", "a punctuation mark is repeated"),
    DOC,
    run,
)
