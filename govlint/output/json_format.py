"""``--format json``: exactly one JSON object for the whole run.

Each diagnostic has ``code``, ``severity``, ``message``, its position (``line``, ``column``,
``end_line``, ``end_column``; 1-based, columns in characters), ``rule`` — the rule's one name,
as ``govlint rules`` lists it (``table-row-total``) — and ``fix`` (null or its title, safety and
edits). ``entry`` is there only when the rule has several pack entries and says which one
fired: the identity (``row-total``), pattern (``yaodian-earlier-year``), statement, contact
field or prose rule. A code a pack gives its own entries (a province's ``GL110`` statement)
has the name of the rule that reports it.

For a report read from a .pdf, .docx or web page, the position counts in the text govlint
rendered (``govlint text FILE``), and ``where`` says the place in the original for a person
(``第 3 页第 12 行``), with ``page`` (PDF) and ``original_line`` (the line on the PDF page, or of
the web page's source) where known.
"""

from __future__ import annotations

from typing import Any

from govlint import __version__
from govlint.model import Context, Diagnostic, FileResult, Source, Stream, Tally
from govlint.output.places import place_fields
from govlint.output.streaming import nothing, rendered

# Formatters are registered (so imported) on every start-up; :mod:`json` (~2 ms) is imported
# inside the functions that write this output.


def diagnostic_dict(d: Diagnostic, source: Source, lang: str) -> dict[str, Any]:
    line, col = source.position(d.span.start)
    end_line, end_col = source.position(d.span.end)
    fix = None
    if d.fix is not None:
        fix = {
            "title": d.fix.title.get(lang),
            "safe": d.fix.safe,
            "edits": [
                {
                    "line": source.position(e.span.start)[0],
                    "column": source.position(e.span.start)[1],
                    "end_line": source.position(e.span.end)[0],
                    "end_column": source.position(e.span.end)[1],
                    "new_text": e.new_text,
                }
                for e in d.fix.edits
            ],
        }
    return {
        "code": d.code,
        "severity": d.severity,
        "message": d.message.get(lang),
        "line": line,
        "column": col,
        "end_line": end_line,
        "end_column": end_col,
        **place_fields(source, d.span.start, lang),
        "rule": d.rule,
        **({"entry": d.entry} if d.entry else {}),
        "fix": fix,
    }


def file_entry(r: FileResult, ctx: Context) -> dict[str, Any]:
    entry: dict[str, Any] = {"path": r.path, "diagnostics": []}
    if r.error:
        entry["error"] = r.error
    if r.source is not None:
        entry["diagnostics"] = [diagnostic_dict(d, r.source, ctx.lang) for d in r.diagnostics]
    return entry


# The document is written in pieces exactly as ``json.dumps(..., indent=2)`` would write it whole.
def begin(ctx: Context) -> str:
    import json

    return "{\n" + f'  "govlint": {json.dumps(__version__)},\n  "files": ['


def file_piece(r: FileResult, ctx: Context) -> str:
    import json

    return "\n    " + json.dumps(file_entry(r, ctx), ensure_ascii=False, indent=2).replace("\n", "\n    ")


def end(tally: Tally, ctx: Context) -> str:
    return "\n  ]\n}" if tally.files else "]\n}"


STREAM = Stream(begin, file_piece, end, ",")


def render(results: list[FileResult], ctx: Context) -> str:
    return rendered(STREAM, results, ctx)


def statistics_end(tally: Tally, ctx: Context) -> str:
    """``--statistics --format json``: one object, counts by code."""
    import json

    from govlint.output.text import ranked

    rows = [{"code": s.code, "rule": s.rule, "count": s.total, "fixable": s.fixable} for s in ranked(tally)]
    return json.dumps({"govlint": __version__, "statistics": rows}, ensure_ascii=False, indent=2)


STATISTICS = Stream(nothing, nothing, statistics_end)


def render_statistics(results: list[FileResult], ctx: Context) -> str:
    return rendered(STATISTICS, results, ctx)
