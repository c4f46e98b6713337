"""GL502: a number that mixes full-width and half-width digits (2０23, 1．5)."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.checks._patterns import compiled, config, matches, render, severity
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Report, Span

DOC = """
## 检查什么 / What it checks
一个数字中混用了全角和半角字符，如“2０23”“1２00”“380．31”与半角数字相连
（数字由 `typography.number_width.pattern` 识别）。全部为全角的数字不在此列。
A number that mixes full-width (０-９, ．) and half-width characters; numbers written wholly in
full width are left alone.

## 为什么 / Why
混排多由输入法切换造成；这样的数字在检索、统计和机器读取时会出错。Mixed widths break search
and machine reading of the numbers.

## 触发示例 / Example that fires
全年主动公开政府信息1２00条。

## 通过示例 / Example that passes
全年主动公开政府信息1200条。

## 如何修复 / How to fix
统一为半角数字。`--fix` (safe) rewrites the full-width characters in half width; the value is
unchanged.
"""

FULL_WIDTH = "０１２３４５６７８９．"
HALF_WIDTH = str.maketrans(FULL_WIDTH, "0123456789.")


def mixed(number: str) -> bool:
    """True when the number has characters of both widths."""
    half = number.translate(HALF_WIDTH)
    return half != number and any(a == b for a, b in zip(half, number, strict=True))


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    conf = config(report, "typography", "number_width")
    if not conf.get("pattern"):
        return
    regex = compiled(str(conf["pattern"]), "typography.number_width.pattern")
    sev = severity(conf.get("severity"), CHECK.severity)
    for seg, m in matches(report, ctx, regex, needs=FULL_WIDTH):  # a mixed number has a full-width character
        number = m.group()
        if not mixed(number):
            continue
        fixed = number.translate(HALF_WIDTH)
        span = Span(seg.start + m.start(), seg.start + m.end())
        fix = Fix(Msg(f"改为半角“{fixed}”", f'write "{fixed}"'), (Edit(span, fixed),), True)
        message = render(conf.get("message"), {"match": number, "fixed": fixed})
        yield CHECK.finding(message, span, severity=sev, fix=fix)


CHECK = Check(
    "GL502",
    "number-width",
    "info",
    Msg("数字混用全角和半角字符", "a number mixes full-width and half-width characters"),
    DOC,
    run,
)
