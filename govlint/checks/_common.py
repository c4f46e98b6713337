"""Small helpers shared by the rules: section titles, problem lookup, numbers in messages,
pack-only codes."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from govlint.align import row_title, template
from govlint.model import Diagnostic, Problem, Report, Span


def section_specs(report: Report) -> list[dict[str, Any]]:
    return list(report.pack.data.get("sections", []) or [])


def section_title(report: Report, key: str) -> str:
    for spec in section_specs(report):
        if str(spec["id"]) == key:
            return f"{key}、{spec['title']}"
    return key


def problems(report: Report, *kinds: str) -> Iterator[Problem]:
    return (p for p in report.problems if p.kind in kinds)


def where(report: Report, p: Problem) -> str:
    """“表三“（三）1.属于国家秘密”行” — how a message names the place of a problem."""
    t = template(report.pack, p.table)
    title = row_title(t, p.row) if t and p.row else ""
    return f"表{p.table}“{title}”行" if title else f"表{p.table}"


def where_en(report: Report, p: Problem) -> str:
    t = template(report.pack, p.table)
    title = row_title(t, p.row) if t and p.row else ""
    return f"table {p.table} row “{title}”" if title else f"table {p.table}"


def decimal_text(value: Decimal) -> str:
    """A number as a message shows it: as the report wrote it, with its own decimals
    (``120.50`` stays ``120.50``, a sum of such cells keeps them), never with an exponent; a
    whole number without decimals (``12``, not ``12.0``; ``15000`` for 1.5万, not ``1.5E+4``).
    Every rule writes its numbers with this, so one report's messages agree."""
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def anchor(report: Report) -> Span:
    """Where a report-wide finding points: the title, else the start of the file."""
    return report.title.span if report.title else Span(0, 0)


def under_pack_code(finding: Diagnostic, code: object) -> Diagnostic:
    """``finding`` reported under the code its pack entry gives itself, if any.

    A pack may give an entry a code that no rule declares: a province's section statement
    with ``code: GL110``, which the GL109 check reports (docs/packs.md). That code lets a
    user select, ignore or re-rate those entries apart from the rule's others, like any
    code. It is not a rule of its own, and it gets no name of its own: the finding keeps
    the name of the rule that reports it (``required-statement``), so every name in the
    output is one that ``govlint rules`` lists, and ``entry`` tells which pack entry fired.
    A pack entry should therefore not borrow the code of another rule, whose name is not
    this one's.
    """
    return finding._replace(code=str(code)) if code and code != finding.code else finding
