"""Inline suppressions: ``<!-- govlint-disable-next-line GL301 -->`` and friends.

Suppression comments are found in the text itself, so both readers share one
implementation: in Markdown anywhere (they are HTML comments, invisible when rendered),
in plain text only on a line of their own (so a quoted comment inside a sentence is
text). A comment that suppresses nothing is reported as GL001, so stale suppressions
do not silently hide the next real problem.

- ``govlint-disable CODES`` … ``govlint-enable CODES``: a range (to the end of the file
  when never enabled again); ``govlint-enable`` without codes ends every open range.
- ``govlint-disable-next-line CODES``: the next line that is not blank (and the comment's
  own line).
- ``govlint-disable-file [CODES]``: the whole file.

Codes are exact codes or prefixes (``GL2``); no codes means every code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.checks.suppressions.gl001_unused_suppression import CHECK
from govlint.model import Diagnostic, Msg, Source, Span

_COMMENT = r"<!--[ \t]*govlint-(disable-next-line|disable-file|disable|enable)\b([^>\n]*?)-->"
IN_MARKDOWN = regex.compile(_COMMENT)
ON_OWN_LINE = regex.compile(rf"^[ \t\u3000]*{_COMMENT}[ \t\u3000]*\r?$", re.MULTILINE)
CODES = regex.compile(r"[A-Za-z]+\d*")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
ALL = "*"


class Suppression(NamedTuple):
    """One comment: the lines it covers (1-based, inclusive) and the codes it names."""

    kind: str
    span: Span
    first: int
    last: int
    codes: tuple[str, ...]  # ("*",) = every code


def comments(source: Source) -> Iterator[Suppression]:
    """The suppression comments of a file, each with the lines it covers."""
    if "govlint-" not in source.text:
        return
    pattern = IN_MARKDOWN if source.path.lower().endswith(MARKDOWN_SUFFIXES) else ON_OWN_LINE
    end = len(source.line_starts)
    open_: dict[str, Suppression] = {}
    for m in pattern.finditer(source.text):
        kind = m.group(1)
        codes = tuple(c.upper() for c in CODES.findall(m.group(2))) or (ALL,)
        span = Span(m.start(), m.end())
        line = source.position(m.start())[0]
        if kind == "disable-file":
            yield Suppression(kind, span, 1, end, codes)
        elif kind == "disable-next-line":
            # from the comment's own line: a finding anchored on the first block of a part
            # (GL109 …) lands on the comment itself when the comment opens the part
            yield Suppression(kind, span, line, _next_text_line(source, line), codes)
        elif kind == "disable":
            for code in codes:
                open_.setdefault(code, Suppression(kind, span, line, end, (code,)))
        else:
            for code in list(open_) if codes == (ALL,) else codes:
                started = open_.pop(code, None)
                if started is not None:
                    yield started._replace(last=line)
    yield from open_.values()


def _next_text_line(source: Source, line: int) -> int:
    last = len(source.line_starts)
    target = line + 1
    while target < last and not source.line_text(target).strip():
        target += 1
    return target


def _covers(codes: tuple[str, ...], code: str) -> bool:
    return any(c == ALL or code.startswith(c) for c in codes)


def apply_suppressions(
    source: Source, diags: list[Diagnostic], enabled: Callable[[str], bool] = lambda code: True
) -> list[Diagnostic]:
    """Drop diagnostics covered by suppression comments and add a GL001 for each code of a
    comment that covered nothing (only for codes ``enabled`` under the current settings: a
    code that was not checked cannot have been needed)."""
    found = list(comments(source))
    if not found:
        return diags
    used: set[tuple[int, str]] = set()  # (comment start, code)
    kept = []
    for d in diags:
        line = source.position(d.span.start)[0]
        hits = [(s, c) for s in found if s.first <= line <= s.last for c in s.codes if _covers((c,), d.code)]
        if hits and d.code != CHECK.code:
            used.update((s.span.start, c) for s, c in hits)
            continue
        kept.append(d)
    if not enabled(CHECK.code):
        return kept
    # GL001 can be suppressed too (“disable-file GL001”): comments naming it go last
    names_gl001 = [s for s in found if any(c != ALL and _covers((c,), CHECK.code) for c in s.codes)]
    for s in found:
        if s in names_gl001 or not _unused_codes(s, used, enabled):
            continue
        line = source.position(s.span.start)[0]
        covering = [g for g in names_gl001 if g.first <= line <= g.last]
        used.update((g.span.start, c) for g in covering for c in g.codes if _covers((c,), CHECK.code))
        kept.extend([] if covering else [_unused(s, used, enabled)])
    kept.extend(_unused(s, used, enabled) for s in names_gl001 if _unused_codes(s, used, enabled))
    return kept


def _unused_codes(s: Suppression, used: set[tuple[int, str]], enabled: Callable[[str], bool]) -> list[str]:
    return [c for c in s.codes if (s.span.start, c) not in used and (c == ALL or enabled(c))]


def _unused(s: Suppression, used: set[tuple[int, str]], enabled: Callable[[str], bool]) -> Diagnostic:
    codes = _unused_codes(s, used, enabled)
    names = "、".join("全部" if c == ALL else c for c in codes)
    names_en = ", ".join("all codes" if c == ALL else c for c in codes)
    message = Msg(f"抑制注释 govlint-{s.kind} 未抑制任何问题（{names}），可以删除",
                  f"the suppression comment govlint-{s.kind} suppresses nothing ({names_en}); remove it")
    return CHECK.finding(message, s.span)
