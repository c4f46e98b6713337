"""Inline suppressions: ``<!-- govlint-disable-next-line GL301 -->`` and friends.

Suppression comments are found in the text itself (Markdown comments, or the same comment
on a line of its own in plain text), so both readers share one implementation.
"""

from __future__ import annotations

import re

from govlint.model import Diagnostic, Source

COMMENT = re.compile(r"<!--\s*govlint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")
CODES = re.compile(r"[A-Z]+\d*")


def apply_suppressions(source: Source, diags: list[Diagnostic]) -> list[Diagnostic]:
    """Drop diagnostics covered by suppression comments."""
    if "govlint-" not in source.text:
        return diags
    next_line: dict[int, set[str]] = {}
    ranges: list[tuple[int, int, set[str]]] = []  # (from line, to line, codes) ; empty = all
    open_: dict[str, int] = {}
    for m in COMMENT.finditer(source.text):
        kind, codes = m.group(1), set(CODES.findall(m.group(2)))
        line = source.position(m.start())[0]
        if kind == "disable-file":
            return [d for d in diags if codes and not _covered(d.code, codes)]
        if kind == "disable-next-line":
            next_line.setdefault(line + 1, set()).update(codes or {"*"})
        elif kind == "disable":
            for code in codes or {"*"}:
                open_.setdefault(code, line)
        else:
            for code in codes if codes else list(open_):
                if code in open_:
                    ranges.append((open_.pop(code), line, {code}))
    end = len(source.line_starts) + 1
    ranges.extend((start, end, {code}) for code, start in open_.items())

    def suppressed(d: Diagnostic) -> bool:
        line = source.position(d.span.start)[0]
        codes = next_line.get(line)
        if codes and ("*" in codes or _covered(d.code, codes)):
            return True
        return any(a <= line <= b and ("*" in c or _covered(d.code, c)) for a, b, c in ranges)

    return [d for d in diags if not suppressed(d)]


def _covered(code: str, codes: set[str]) -> bool:
    return any(code.startswith(c) for c in codes)
