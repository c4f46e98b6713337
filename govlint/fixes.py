"""Applying the fixes rules offer: ``govlint check --fix``, ``--unsafe-fixes``, ``--diff``.

A report is an official document, so fixing is conservative: nothing is written unless
``--fix`` was given; only safe fixes by default, and a fix that would change a number is
never treated as safe whatever its rule says; overlapping fixes are applied one pass at a
time with a re-lint in between (as ruff does), so every edit is made against the text it was
computed for; and the file is replaced atomically in its own encoding, BOM and line ends, so
an interrupted run never leaves half a report and a second run changes nothing.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable

from govlint._infra import regex
from govlint._infra.fs import write_atomic
from govlint._infra.records import NamedTuple
from govlint.model import Edit, FileResult, Fix, Source

#: Passes of fix-then-re-lint before giving up (a fix that keeps producing new fixes).
MAX_PASSES = 10

#: Characters that can be part of a written number: digits, separators, decimal points.
_NUMBERISH = regex.compile(r"[0-9０-９.,，．、]")
_NUMBER = regex.compile(r"\d[\d,]*(?:\.\d+)?")

Lint = Callable[[Source], FileResult]


class FixOutcome(NamedTuple):
    """What fixing one file did: ``final`` is the fixed text and ``result`` its diagnostics."""

    original: Source
    final: Source
    result: FileResult
    fixed: int  # fixes applied over all passes
    before: FileResult  # the diagnostics of the original text

    @property
    def changed(self) -> bool:
        return self.final.text != self.original.text

    def undone(self) -> FixOutcome:
        """The outcome had nothing been applied (the fixed text could not be written)."""
        return FixOutcome(self.original, self.original, self.before, 0, self.before)


def _numbers(text: str) -> list[str]:
    """The numbers written in ``text`` (full-width digits and thousands commas normalised),
    so a fix that only changes how a number is written does not count as changing it."""
    return [m.group().replace(",", "") for m in _NUMBER.finditer(unicodedata.normalize("NFKC", text))]


def changes_numbers(text: str, fix: Fix) -> bool:
    """True when applying ``fix`` to ``text`` would change any number: each edit is widened
    to the digits and separators around it, so deleting the ``.`` of ``1.5`` counts too."""
    for edit in fix.edits:
        start, end = (min(max(i, 0), len(text)) for i in edit.span)
        while start > 0 and _NUMBERISH.match(text[start - 1]):
            start -= 1
        while end < len(text) and _NUMBERISH.match(text[end]):
            end += 1
        before = text[start:end]
        after = text[start : max(edit.span.start, start)] + edit.new_text + text[min(edit.span.end, end) : end]
        if _numbers(before) != _numbers(after):
            return True
    return False


def is_applicable(fix: Fix, text: str, unsafe: bool) -> bool:
    """Whether ``--fix`` (or ``--fix --unsafe-fixes`` when ``unsafe``) may apply ``fix``."""
    return unsafe or (fix.safe and not changes_numbers(text, fix))


def _well_formed(edits: list[Edit], size: int) -> bool:
    """Edits inside the text and not overlapping each other (a buggy rule must not garble it)."""
    end = 0
    for edit in edits:
        if not 0 <= edit.span.start <= edit.span.end <= size or edit.span.start < end:
            return False
        end = edit.span.end
    return True


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply the fixes that do not overlap, earliest first; returns (new text, fixes applied).

    A fix whose edits touch or overlap a fix already taken waits for the next pass, when it
    is recomputed against the new text. Identical fixes (two diagnostics, one fix) apply once.
    """
    taken: list[Edit] = []
    count = 0
    last_end = -1
    candidates = {tuple(sorted(f.edits)): f for f in fixes if f.edits}
    for edits in sorted(candidates, key=lambda es: (es[0].span.start, es[-1].span.end)):
        if edits[0].span.start <= last_end or not _well_formed(list(edits), len(text)):
            continue
        taken.extend(edits)
        last_end = max(e.span.end for e in edits)
        count += 1
    pieces: list[str] = []
    pos = 0
    for edit in taken:
        pieces.append(text[pos : edit.span.start])
        pieces.append(edit.new_text)
        pos = edit.span.end
    pieces.append(text[pos:])
    return "".join(pieces), count


def with_text(source: Source, text: str) -> Source:
    """The same file (path, encoding, BOM, line ends) with new text."""
    return Source.from_text(source.path, text, source.encoding, source.newline, source.bom)


def fix_source(source: Source, lint: Lint, unsafe: bool = False, max_passes: int = MAX_PASSES) -> FixOutcome:
    """Lint, apply what may be applied, re-lint; repeat until nothing changes, a pass would
    bring back an earlier text (two rules undoing each other), or ``max_passes`` is reached.
    ``result`` always belongs to ``final``."""
    current = source
    result = before = lint(current)
    fixed = 0
    seen = {current.text}
    for _ in range(max_passes):
        offered = (d.fix for d in result.diagnostics if d.fix is not None)
        fixes = [f for f in offered if is_applicable(f, current.text, unsafe)]
        text, count = apply_fixes(current.text, fixes)
        if count == 0 or text in seen:
            break
        seen.add(text)
        current = with_text(current, text)
        result = lint(current)
        fixed += count
    return FixOutcome(source, current, result, fixed, before)


def encoded(outcome: FixOutcome) -> bytes | str:
    """The fixed text as bytes in the file's own encoding, BOM and line ends, or a message
    when a fix brought in a character that encoding cannot hold."""
    from govlint.source import encode

    try:
        return encode(outcome.final, outcome.final.text)
    except UnicodeEncodeError as exc:
        enc = outcome.final.encoding
        path = outcome.original.path
        return f"{path}: 修复后的文本无法按 {enc} 编码，未写入 / fixed text cannot be encoded as {enc}: {exc}"


def write_fixed(outcome: FixOutcome) -> str | None:
    """Write a fixed file back; returns an error message instead of raising.

    The file is read again first: if it changed on disk since it was linted, it is left alone.
    """
    from govlint.source import DecodeError, read_source

    path = outcome.original.path
    data = encoded(outcome)
    if isinstance(data, str):
        return data
    try:
        if read_source(path).text != outcome.original.text:
            return f"{path}: 检查期间文件被改动，未写入 / file changed while being checked; not written"
        write_atomic(path, data)
    except (DecodeError, OSError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"{path}: 无法写入 / cannot write: {reason}"
    return None


def unified_diff(outcome: FixOutcome) -> str:
    """A unified diff (``a/PATH`` → ``b/PATH``) of what ``--fix`` would change; empty if nothing."""
    if not outcome.changed:
        return ""
    import difflib

    path = outcome.original.path.replace(os.sep, "/").lstrip("/")
    lines = difflib.unified_diff(
        outcome.original.text.splitlines(keepends=True),
        outcome.final.text.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    no_newline = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith("\n") else line + no_newline for line in lines)
