"""``--format json``: exactly one JSON object for the whole run."""

from __future__ import annotations

import json
from typing import Any

from govlint import __version__
from govlint.model import Context, Diagnostic, FileResult, Source


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
        "rule": d.rule,
        "fix": fix,
    }


def render(results: list[FileResult], ctx: Context) -> str:
    files = []
    for r in results:
        entry: dict[str, Any] = {"path": r.path, "diagnostics": []}
        if r.error:
            entry["error"] = r.error
        if r.source is not None:
            entry["diagnostics"] = [diagnostic_dict(d, r.source, ctx.lang) for d in r.diagnostics]
        files.append(entry)
    return json.dumps({"govlint": __version__, "files": files}, ensure_ascii=False, indent=2)


def render_statistics(results: list[FileResult], ctx: Context) -> str:
    """``--statistics --format json``: one object, counts by code."""
    from govlint.output.text import statistics

    rows = [
        {"code": s.code, "rule": s.rule, "count": s.total, "fixable": s.fixable} for s in statistics(results)
    ]
    return json.dumps({"govlint": __version__, "statistics": rows}, ensure_ascii=False, indent=2)
