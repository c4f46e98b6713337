"""Whether a table's reading can be trusted: the rule above the others is never to report an
error that is not in the report, and a sum checked on a misread table is exactly that.

A reading is kept only when it is consistent: every value placed by a label or a grid
column the text really gives. It is doubtful — and then dropped whole, with one
``doubtful_table`` problem saying why (GL108), and none of its numbers reaches an identity, a
text-versus-table comparison or ``govlint tables`` — when

- numbers fit no row while rows have no numbers: the labels and the numbers came apart
  (plain ``pdftotext`` of a PDF that stores text out of reading order prints a row's values
  before its label, or all the numbers of a table before all its labels);
- rows come in an order the format never has (twice or more): values may sit under the
  wrong labels;
- more than :data:`MAX_ROW_PROBLEMS` rows have more or fewer numbers than the format has
  columns, or carry labels that are no row of the format: the table is not in the format's
  shape, or was read wrongly, and a finding per row would bury the one that says so.

Up to that many such rows keep their own findings (GL104, GL107), and those rows alone are
left out of the sums: a row with fewer numbers than columns is never filled left to right.
"""

from __future__ import annotations

from itertools import pairwise

from govlint.align.templates import Template
from govlint.model import Problem, TableMatch

#: Rows with the wrong number of values (or unknown labels) a table may have and still be read.
MAX_ROW_PROBLEMS = 3
#: What a doubtful table's own findings are folded into: its one ``doubtful_table`` problem.
FOLDED = frozenset({"missing_column", "extra_number", "unknown_row", "empty_cell", "missing_row", "bad_number"})


def assess(template: Template, match: TableMatch, problems: list[Problem]) -> tuple[TableMatch | None, list[Problem]]:
    """The reading and its problems when it can be trusted; else no reading, and its row
    findings folded into one ``doubtful_table`` problem (detail ``reason``: ``order`` or
    ``shape``, with counts and an example for the message)."""
    mine = [p for p in problems if p.table == template.id]
    stray = [p for p in mine if p.kind == "extra_number" and not p.row]
    bare = [p for p in mine if p.kind == "empty_cell" and p.detail.get("count") == "0"]
    uneven = {p.row: p for p in mine if p.kind in ("missing_column", "extra_number") and p.row}
    unknown = [p for p in mine if p.kind == "unknown_row"]
    detail: dict[str, str] = {}
    at = match.span  # where the finding points: the first place that shows the doubt, else the table
    if stray and bare:
        at = min(stray[0].span, bare[0].span)
        detail = {"reason": "order", "stray": str(len(stray)), "bare": str(len(bare)), "row": bare[0].row}
    elif _descents(template, match) >= 2:
        detail = {"reason": "order", "descents": str(_descents(template, match))}
    elif len(uneven) + len(unknown) + (len(stray) if len(stray) > MAX_ROW_PROBLEMS else 0) > MAX_ROW_PROBLEMS:
        example = next(iter(uneven.values()), None)
        first = [p.span for p in (*uneven.values(), *unknown, *stray)]
        at = min(first) if first else at
        detail = {"reason": "shape", "rows": str(len(uneven)), "unknown": str(len(unknown)), "stray": str(len(stray))}
        if example is not None:
            detail |= {"row": example.row, "count": example.detail.get("count", "?"),
                       "expected": example.detail.get("expected", "?")}
        elif unknown:
            detail["found"] = unknown[0].detail.get("found", "")
    if not detail:
        return match, problems
    kept = [p for p in problems if not (p.table == template.id and p.kind in FOLDED)]
    return None, [*kept, Problem("doubtful_table", at, template.id, "", detail)]


def _descents(template: Template, match: TableMatch) -> int:
    """How often, in reading order, a row comes after one that the format puts below it."""
    order = {spec.id: i for i, spec in enumerate(template.rows)}
    read = sorted((row.span.start, order[row.row]) for row in match.rows if row.label and row.row in order)
    return sum(1 for (_, a), (_, b) in pairwise(read) if b < a)
