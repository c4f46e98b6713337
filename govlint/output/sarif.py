"""``--format sarif``: one SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

Columns are character (code point) counts, which SARIF calls ``unicodeCodePoints``; saying so
in the run keeps CJK positions right in viewers that would otherwise assume UTF-16 units.
Rule metadata comes from ``ctx.options.checks`` when the caller has it. A rule's ``id`` is
its code and its ``name`` the one ``govlint rules`` lists. A code that a pack gives some
entries of a rule (a province's ``GL110`` statement, reported by GL109) is described as the
rule that reports it, under its own id; any other code without a Check (an internal error)
gets a minimal entry. A result whose rule has several pack entries says which one fired in
its property bag (``properties.entry``), as the JSON output's ``entry`` does.
"""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from govlint import __version__
from govlint.model import Check, Context, Diagnostic, FileResult, Fix, Source, Span, Stream, Tally
from govlint.output.places import where_text

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}

# Formatters are registered (so imported) on every start-up; :mod:`json` (~2 ms) is imported
# inside the functions that write this output.


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference (forward slashes, percent-encoded); absolute
    paths become ``file://`` URIs."""
    if os.path.isabs(path):
        from pathlib import Path

        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def region(source: Source, span: Span) -> dict[str, int]:
    line, col = source.position(span.start)
    end_line, end_col = source.position(span.end)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}


def _rule(code: str, check: Check | None, rule: str, lang: str) -> dict[str, Any]:
    """The rule entry of ``code``; ``check`` is the rule that reports it, None for a code no
    rule reports (``rule`` then names it)."""
    if check is None:
        return {"id": code, "name": rule}
    return {
        "id": code,
        "name": check.name,
        "shortDescription": {"text": check.summary.get(lang)},
        "help": {"text": check.doc.strip(), "markdown": check.doc.strip()},
        "defaultConfiguration": {"level": LEVEL[check.severity]},
    }


def _fix(fix: Fix, source: Source, uri: str, lang: str) -> dict[str, Any]:
    return {
        "description": {"text": fix.title.get(lang)},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {"deletedRegion": region(source, e.span), "insertedContent": {"text": e.new_text}}
                    for e in fix.edits
                ],
            }
        ],
        "properties": {"safe": fix.safe},
    }


def _result(d: Diagnostic, source: Source, uri: str, index: int | None, lang: str) -> dict[str, Any]:
    """One result; ``index`` None when the rule list is not known yet (``ruleId`` alone is valid)."""
    result: dict[str, Any] = {
        "ruleId": d.code,
        **({} if index is None else {"ruleIndex": index}),
        "level": LEVEL[d.severity],
        "message": {"text": d.message.get(lang) + where_text(source, d.span.start, lang)},
        "locations": [{"physicalLocation": _physical(source, d, uri)}],
    }
    if d.fix is not None and d.fix.edits and not source.rendered:
        result["fixes"] = [_fix(d.fix, source, uri, lang)]
    if d.entry:
        result["properties"] = {"entry": d.entry}
    return result


def _physical(source: Source, d: Diagnostic, uri: str) -> dict[str, Any]:
    """Where a viewer can show the finding: the region in a text file, the line of a web
    page's source; a .pdf or .docx has no lines a viewer shows, so the message says where."""
    location: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    if not source.rendered:
        location["region"] = region(source, d.span)
    elif (place := source.place(d.span.start)) is not None and source.rendered == "html" and place.line:
        location["region"] = {"startLine": place.line}
    return location


def _checks(ctx: Context) -> dict[str, Check]:
    return {c.code: c for c in ctx.options.checks}


def _rules(codes: list[str], checks: dict[str, Check], names: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """The rule entries of ``codes``: each code's own Check, else the Check named by the
    findings of that code (the rule that reports a pack's own code)."""
    by_name = {c.name: c for c in checks.values()}
    return [
        _rule(code, checks.get(code) or by_name.get(names.get(code, "")), names.get(code, code), lang)
        for code in codes
    ]


def _notification(path: str, error: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": error},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}],
    }


def _run_facts(rules: list[dict[str, Any]], notifications: list[dict[str, Any]], ctx: Context) -> dict[str, Any]:
    """Everything of the run but its results."""
    return {
        "tool": {
            "driver": {
                "name": "govlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "language": "en" if ctx.lang == "en" else "zh-CN",
        "columnKind": "unicodeCodePoints",
    }


def render(results: list[FileResult], ctx: Context) -> str:
    import json

    checks = _checks(ctx)
    rule_names = {d.code: d.rule for r in results for d in r.diagnostics}
    codes = sorted(set(checks) | set(rule_names))
    rules = _rules(codes, checks, rule_names, ctx.lang)
    index = {code: i for i, code in enumerate(codes)}
    sarif_results = [
        _result(d, r.source, artifact_uri(r.path), index[d.code], ctx.lang)
        for r in results
        if r.source is not None
        for d in r.diagnostics
    ]
    notifications = [_notification(r.path, r.error) for r in results if r.error]
    run: dict[str, Any] = {**_run_facts(rules, notifications, ctx), "results": sarif_results}
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2)


# Streamed, the run's results come first: the rules of codes no Check declares (an internal
# error) are known only at the end. Those results go without ``ruleIndex``; every other
# rule's index is its place among the run's checks, which come first in the rule list.
_RESULT_INDENT = "\n        "


def begin(ctx: Context) -> str:
    import json

    head = json.dumps({"$schema": SCHEMA_URI, "version": "2.1.0"}, indent=2)[:-2]
    return head + ',\n  "runs": [\n    {\n      "results": ['


def file_piece(r: FileResult, ctx: Context) -> str:
    import json

    if r.source is None:
        return ""
    index = {code: i for i, code in enumerate(sorted(_checks(ctx)))}
    uri = artifact_uri(r.path)
    results = (_result(d, r.source, uri, index.get(d.code), ctx.lang) for d in r.diagnostics)
    return ",".join(_RESULT_INDENT + json.dumps(x, ensure_ascii=False, indent=2).replace("\n", _RESULT_INDENT)
                    for x in results)


def end(tally: Tally, ctx: Context) -> str:
    import json

    checks = _checks(ctx)
    names = {c.code: c.rule for c in tally.counts}
    codes = sorted(checks) + sorted(set(names) - set(checks))
    rules = _rules(codes, checks, names, ctx.lang)
    facts = _run_facts(rules, [_notification(path, error) for path, error in tally.errors], ctx)
    members = json.dumps(facts, ensure_ascii=False, indent=2)[1:-2].replace("\n", "\n    ")
    closing = "\n      ]" if any(c.total for c in tally.counts) else "]"
    return closing + "," + members + "\n    }\n  ]\n}"


STREAM = Stream(begin, file_piece, end, ",")
