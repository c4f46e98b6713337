"""GL504: a phone number whose area code is joined with a dash that is not a hyphen."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import compiled, config, matches, render, severity
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
电话号码的区号和号码之间用了破折号、全角连字符等非连字符，如“0954—7731010”
（`typography.phone_dash.pattern`）。A phone number written with an em dash, en dash,
full-width hyphen or similar between area code and number.

## 为什么 / Why
这样的号码无法被点击拨打或被程序识别，复制后也拨不通。Such numbers cannot be dialled from
the page or read by software.

## 触发示例 / Example that fires
电话：0954—7731010

## 通过示例 / Example that passes
电话：0954-7731010

## 如何修复 / How to fix
改为连字符“-”。`--fix` (safe) replaces the dash, and any spaces around it, with "-".
"""


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    conf = config(report, "typography", "phone_dash")
    if not conf.get("pattern"):
        return
    regex = compiled(str(conf["pattern"]), "typography.phone_dash.pattern")
    hyphen = str(conf.get("replacement", "-"))
    sev = severity(conf.get("severity"), CHECK.severity)
    for seg, m in matches(report, ctx, regex):
        if "area" not in regex.groupindex or "number" not in regex.groupindex:
            return
        between = Span(seg.start + m.end("area"), seg.start + m.start("number"))
        fix = Fix(Msg(f"改为“{hyphen}”", f'use "{hyphen}"'), (Edit(between, hyphen),), True)
        fields = {"match": m.group(), "dash": (m.groupdict().get("dash") or "").strip()}
        span = Span(seg.start + m.start(), seg.start + m.end())
        yield CHECK.finding(render(conf.get("message"), fields), span, severity=sev, fix=fix)


CHECK = Check(
    "GL504",
    "phone-dash",
    "info",
    Msg("电话号码中用了非连字符的横线", "a phone number uses a dash that is not a hyphen"),
    DOC,
    run,
)
