"""What the cross-year rules share: the pack's entries, and rows both years read completely."""

from __future__ import annotations

from typing import Any

from govlint.align import row_title, template
from govlint.checks._patterns import family, severity
from govlint.model import Check, Diagnostic, Msg, Report, RowMatch, Span


def entries(report: Report, key: str) -> list[dict[str, Any]]:
    """The pack's ``crossyear.KEY`` list (rows compared across years)."""
    found = family(report, "crossyear").get(key) or []
    return [e for e in found if isinstance(e, dict)]


def complete_row(report: Report, table_id: str, row_id: str) -> RowMatch | None:
    """A row with a number in every column, or None: a row the aligner could not read whole
    (a missing or unreadable cell) is never compared, so no finding rests on a doubtful reading."""
    table = report.table(table_id)
    row = table.row(row_id) if table is not None else None
    return row if row is not None and row.complete else None


def named_row(report: Report, table_id: str, row_id: str) -> Msg:
    """“表三“二、上年结转政府信息公开申请数量”行” as the form names it."""
    t = template(report.pack, table_id)
    title = row_title(t, row_id) if t is not None else row_id
    return Msg(f"表{table_id}“{title}”行", f"table {table_id} row “{title}”")


def entry_finding(
    check: Check, entry: dict[str, Any], pair: tuple[Report, Report], found: tuple[Msg, Msg], span: Span
) -> Diagnostic:
    """A finding of ``check`` for a pack entry: what this report and last year's (``pair``)
    say (``found``), both files named, then the entry's own words on why the two must agree;
    the entry's severity, if it says one, and its id."""
    (report, previous), (mine, theirs) = pair, found
    why = entry.get("message") or {}
    message = Msg(
        f"本报告（{report.source.path}）{mine.zh}，而上年报告（{previous.source.path}）{theirs.zh}"
        f"（{why.get('zh', entry.get('id', ''))}）",
        f"this report ({report.source.path}): {mine.en}, but last year's report ({previous.source.path}) gives "
        f"{theirs.en} ({why.get('en', entry.get('id', ''))})",
    )
    return check.finding(message, span, severity=severity(entry.get("severity"), check.severity),
                         entry=str(entry.get("id", "")))
