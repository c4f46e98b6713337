"""A test-only plugin whose checks offer fixes, registered on an engine's plugin manager.

It lets the fix machinery be tested independently of the real rules (GL580 only names the
reader that read the file): GL597 offers a safe fix
("。。" -> "。"), GL598 an unsafe one (drops "【草稿】"), and GL599 is a buggy rule that calls
a number-changing fix safe ("5+1" -> "6"), which govlint must not apply without --unsafe-fixes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govlint.engine import Engine, Settings
from govlint.hookspecs import hookimpl
from govlint.model import Check, Context, Diagnostic, Edit, Fix, Msg, Report, Span
from govlint.plugins import Plugins, load_plugins


def _finder(code: str, name: str, pattern: str, replace: str, safe: bool) -> Check:
    regex = re.compile(pattern)

    def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
        for m in regex.finditer(report.source.text):
            new = regex.sub(replace, m.group())
            fix = Fix(Msg(f"改为“{new}”", f"replace with '{new}'"), (Edit(Span(m.start(), m.end()), new),), safe)
            yield Diagnostic(code, "warning", Msg(f"发现“{m.group()}”", f"found '{m.group()}'"),
                             Span(m.start(), m.end()), name, fix)

    return Check(code, name, "warning", Msg(name, name), "test only", run)


def _which_reader(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    reader = report.document.reader
    yield Diagnostic("GL580", "info", Msg(reader, reader), Span(0, 0), "test-reader")


CHECKS = [
    Check("GL580", "test-reader", "info", Msg("读取器", "reader"), "test only", _which_reader),
    _finder("GL597", "test-doubled-stop", "。。", "。", True),
    _finder("GL598", "test-draft-mark", "【草稿】", "", False),
    _finder("GL599", "test-number-fix", r"5\+1", "6", True),
]


class FixPlugin:
    @hookimpl
    def govlint_checks(self) -> list[Check]:
        return CHECKS


def plugins_with_fixes(blocked: tuple[str, ...] = ()) -> Plugins:
    """govlint's own plugins plus :class:`FixPlugin` (same signature as ``load_plugins``)."""
    plugins = load_plugins(blocked)
    plugins.manager.register(FixPlugin(), name="test-fixes")
    return plugins


def fix_engine() -> Engine:
    return Engine(Settings(select=("GL59",)), plugins_with_fixes())
