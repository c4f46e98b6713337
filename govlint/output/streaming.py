"""What streamed output is made of: each file's tally, tallies added up, and the whole
output of a :class:`~govlint.model.Stream` for callers that hold all results at once."""

from __future__ import annotations

from collections.abc import Iterable

from govlint.fixes import is_applicable
from govlint.model import SEVERITY_RANK, CodeCount, Context, Diagnostic, FileResult, Source, Stream, Tally


def fixable(d: Diagnostic, source: Source) -> bool:
    """A diagnostic a plain ``--fix`` would fix (never in a .pdf, .docx or web page, whose
    text is govlint's rendering)."""
    return d.fix is not None and not source.rendered and is_applicable(d.fix, source.text, unsafe=False)


#: What a file's findings make of it, best first: a view of many reports counts and filters by these.
STATUSES = ("clean", "notes", "warnings", "errors", "unreadable")
_STATUS_OF_WORST = {None: "clean", "info": "notes", "warning": "warnings", "error": "errors"}


def status_of(result: FileResult) -> str:
    """``unreadable`` (no text to check), else what its worst finding is: ``errors``,
    ``warnings``, ``notes`` (only info findings) or ``clean``."""
    if result.error is not None:
        return "unreadable"
    worst = max((d.severity for d in result.diagnostics), key=SEVERITY_RANK.__getitem__, default=None)
    return _STATUS_OF_WORST[worst]


def tally_of(result: FileResult) -> Tally:
    """One file's tally; fixability needs the whole text, so it is counted before the text goes."""
    counts: dict[str, CodeCount] = {}
    for d in result.diagnostics:
        can_fix = result.source is not None and fixable(d, result.source)
        c = counts.get(d.code) or CodeCount(d.code, d.rule, 0, 0)
        counts[d.code] = c._replace(total=c.total + 1, fixable=c.fixable + can_fix)
    errors = ((result.path, result.error),) if result.error else ()
    return Tally(1, tuple(counts.values()), errors, ((status_of(result), 1),))


def added(tallies: Iterable[Tally]) -> Tally:
    """The tally of several files (codes in order of first appearance)."""
    files = 0
    counts: dict[str, CodeCount] = {}
    errors: list[tuple[str, str]] = []
    statuses: dict[str, int] = {}
    for t in tallies:
        files += t.files
        errors.extend(t.errors)
        for status, n in t.statuses:
            statuses[status] = statuses.get(status, 0) + n
        for c in t.counts:
            old = counts.get(c.code)
            counts[c.code] = c if old is None else old._replace(total=old.total + c.total,
                                                                 fixable=old.fixable + c.fixable)
    return Tally(files, tuple(counts.values()), tuple(errors), tuple(statuses.items()))


def rendered(stream: Stream, results: list[FileResult], ctx: Context) -> str:
    """The whole output at once: ``Formatter.render`` of a streaming formatter."""
    pieces = (stream.file(r, ctx) for r in results)
    body = stream.sep.join(p for p in pieces if p)
    return stream.begin(ctx) + body + stream.end(added(tally_of(r) for r in results), ctx)


def nothing(*_: object) -> str:
    """A part of a stream that prints nothing (no header, or nothing per file)."""
    return ""
