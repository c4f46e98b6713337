"""GL001: a suppression comment that suppresses nothing.

The finding itself is made by :mod:`govlint.suppress` after every other rule has run (it
needs their findings); this module is the rule's record and documentation.
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint.model import Check, Context, Diagnostic, Msg, Report

DOC = """
## 检查什么 / What it checks
`<!-- govlint-disable … -->` 等抑制注释在本文件中没有抑制任何问题，或写了不存在的规则代码
（如把 GL201 写成 GL2O1，提示最接近的代码）。
A suppression comment (`govlint-disable`, `-disable-next-line`, `-disable-file`) that
suppressed no diagnostic: the problem it was written for has been fixed, or the code is wrong.
A code that names no rule (`GL2O1` for GL201) is reported on its own, with the closest code.
Codes are rule codes or their prefixes (`GL2`), `ALL`, or the codes the pack declares.

## 为什么 / Why
过时的抑制注释会悄悄隐藏以后真正出现的问题；写错的代码什么也不抑制。
A stale suppression hides the next real problem; a mistyped code suppresses nothing.

## 触发示例 / Example that fires
    <!-- govlint-disable-next-line GL301 -->
    本机关2023年未收取信息处理费。

    <!-- govlint-disable-next-line GL5O1 -->
    二是依申请公开答复文书存在不规范情况。。

## 通过示例 / Example that passes
    <!-- govlint-disable-next-line GL501 -->
    二是依申请公开答复文书存在不规范情况。。

## 如何修复 / How to fix
删除该注释，或改正其中的规则代码。 Remove the comment, or correct its codes.
"""


def _no_findings(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    """The engine reports GL001 itself (it needs every other rule's findings first)."""
    return iter(())


CHECK = Check("GL001", "unused-suppression", "info", Msg("抑制注释未抑制任何问题", "unused suppression comment"), DOC,
              _no_findings)
