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

Codes are exact codes or prefixes (``GL2``); no codes, or ``ALL``, means every code. A code
that names no known code (``GL2O1``, see :mod:`govlint.codes`) is reported as GL001 too, with
the closest known code: it suppresses nothing, and the finding it was meant for still shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.checks.suppressions.gl001_unused_suppression import CHECK
from govlint.model import Diagnostic, Msg, Source, Span

if TYPE_CHECKING:
    from govlint.codes import Known

_COMMENT = r"<!--[ \t]*govlint-(disable-next-line|disable-file|disable|enable)\b([^>\n]*?)-->"
IN_MARKDOWN = regex.compile(_COMMENT)
ON_OWN_LINE = regex.compile(rf"^[ \t\u3000]*{_COMMENT}[ \t\u3000]*\r?$", re.MULTILINE)
CODES = regex.compile(r"[A-Za-z][A-Za-z0-9-]*")  # words: GL2O1 is one typo, not GL2 and O1
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
        codes = tuple(ALL if c.upper() == "ALL" else c.upper() for c in CODES.findall(m.group(2))) or (ALL,)
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
    source: Source, diags: list[Diagnostic], enabled: Callable[[str], bool] = lambda code: True,
    known: Known | None = None,
) -> list[Diagnostic]:
    """Drop diagnostics covered by suppression comments and add a GL001 for each code of a
    comment that covered nothing (only for codes ``enabled`` under the current settings: a
    code that was not checked cannot have been needed), and one for each code ``known`` does
    not hold (whatever is enabled: a typo is one under any settings; not checked without
    ``known``)."""
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
        findings = [] if s in names_gl001 else _findings(s, used, enabled, known)
        if not findings:
            continue
        line = source.position(s.span.start)[0]
        covering = [g for g in names_gl001 if g.first <= line <= g.last]
        used.update((g.span.start, c) for g in covering for c in g.codes if _covers((c,), CHECK.code))
        kept.extend([] if covering else findings)
    kept.extend(f for s in names_gl001 for f in _findings(s, used, enabled, known))
    return kept


def _findings(
    s: Suppression, used: set[tuple[int, str]], enabled: Callable[[str], bool], known: Known | None
) -> list[Diagnostic]:
    """The GL001s of a comment: one for each code that is no known code, one for the codes
    that suppressed nothing."""
    from govlint.codes import unknown

    left = [c for c in s.codes if (s.span.start, c) not in used]
    out, typos = [], set()
    for code in left:
        problem = unknown(code, known) if known is not None and code != ALL else None
        if problem is not None:
            typos.add(code)
            out.append(CHECK.finding(Msg(f"抑制注释 govlint-{s.kind}：{problem.zh}",
                                         f"suppression comment govlint-{s.kind}: {problem.en}"), s.span))
    unused = [c for c in left if c not in typos and (c == ALL or enabled(c))]
    if unused:
        names = "、".join("全部" if c == ALL else c for c in unused)
        names_en = ", ".join("all codes" if c == ALL else c for c in unused)
        out.append(CHECK.finding(Msg(f"抑制注释 govlint-{s.kind} 未抑制任何问题（{names}），可以删除",
                                     f"the suppression comment govlint-{s.kind} suppresses nothing ({names_en}); "
                                     "remove it"), s.span))
    return out
