"""Whether a table's reading can be trusted: the rule above the others is never to report an
error that is not in the report, and a sum checked on a misread table is exactly that.

A reading is kept only when it is consistent: every value placed by a label or a grid
column the text really gives. It is doubtful — and then dropped whole, with one
``doubtful_table`` problem saying why (GL108), and none of its numbers reaches an identity, a
text-versus-table comparison or ``govlint tables`` — when

- numbers fit no row while rows have no numbers: the labels and the numbers came apart
  (plain ``pdftotext`` of a PDF that stores text out of reading order prints a row's values
  before its label, or all the numbers of a table before all its labels);
- numbers stand beside nothing but pieces of a label the layout broke and no join mended
  (“理由逾期不补正” with its row's numbers): whose numbers they are is unknown;
- header words printed between a row's numbers name other columns than those numbers'
  (table 四 stored a column at a time, out of order);
- rows took a number printed before their label (read_table) in a table without identities:
  nothing confirms where those rows start;
- numbers were counted off the lines after their labels (a cell per line) and the table's
  identities fail: a number moved from one row to another and another moved back keep
  every count — only the sums tell (so a real sum error in that layout is this one finding,
  not GL2xx; a row that has one number too few or too many is not placed, and says so);
- rows come in an order the format never has (twice or more; once, where rows took a
  number printed before their label): values may sit under the wrong labels;
- a row's numbers ran together in a text with no line structure (“行政规范性文件71120”,
  :mod:`govlint.readers.oneline`): which digits belong to which column is unknown;
- more than :data:`MAX_ROW_PROBLEMS` labels are no row of the format, or that many groups of
  numbers fit no row: the table is not this one of the format, or was read wrongly.

A row with more or fewer numbers than the format has columns is never filled left to right:
it is left out of the sums, its own GL104 says so, and the other rows, each read off its own
line or grid row, keep their sums. More than :data:`MAX_ROW_PROBLEMS` such rows are one
``uneven_rows`` problem for the table (one GL104), not a finding per row.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from govlint.align.identities import Mismatch, identities_of, mismatches
from govlint.align.tables import TableRead
from govlint.align.templates import Template
from govlint.model import Pack, Problem, TableMatch

#: Rows with the wrong number of values (or unknown labels) a table may have and still be read.
MAX_ROW_PROBLEMS = 3
#: What a doubtful table's own findings are folded into: its one ``doubtful_table`` problem.
FOLDED = frozenset({"run_together", "missing_column", "extra_number", "unknown_row", "empty_cell", "missing_row",
                    "bad_number"})


def assess(template: Template, read: TableRead, pack: Pack) -> tuple[TableMatch | None, list[Problem]]:
    """The reading and its problems when it can be trusted; else no reading, and its row
    findings folded into one ``doubtful_table`` problem (detail ``reason``: ``together``,
    ``order``, ``pieces`` or ``shape``, with counts and an example for the message)."""
    match, problems = read.match, read.problems
    mine = [p for p in problems if p.table == template.id]
    # numbers in no row (those beyond a row's columns say how many it expects)
    stray = [p for p in mine if p.kind == "extra_number" and "expected" not in p.detail]
    bare = _bare(template, mine)
    uneven = {p.row: p for p in mine if p.kind in ("missing_column", "extra_number") and p.row}
    unknown = [p for p in mine if p.kind == "unknown_row"]
    together = [p for p in mine if p.kind == "run_together"]
    detail: dict[str, str] = {}
    at = match.span  # where the finding points: the first place that shows the doubt, else the table
    if together:
        at = together[0].span
        detail = {"reason": "together", "rows": str(len(together)), "found": together[0].detail["found"],
                  "row": together[0].row}
    elif stray and bare:
        at = min(stray[0].span, bare[0].span)
        detail = {"reason": "order", "stray": str(len(stray)), "bare": str(len(bare)), "row": bare[0].row}
    elif pieces := [p for p in unknown if p.detail.get("piece")]:
        at = pieces[0].span
        detail = {"reason": "pieces", "pieces": str(len(pieces)), "found": pieces[0].detail["found"]}
    elif read.misplaced:
        detail = {"reason": "order", "headers": str(read.misplaced)}
    elif read.carried and not identities_of(pack, template.id):
        detail = {"reason": "order", "carried": str(read.carried)}
    elif read.counted and (failed := _failures(template, match, pack)):
        at = failed[0].lhs.span
        detail = {"reason": "order", "counted_sums": str(len(failed))}
    elif _descents(template, match) >= (1 if read.carried else 2):  # (numbers carried: in order, or doubtful)
        detail = {"reason": "order", "descents": str(_descents(template, match))}
    elif len(unknown) > MAX_ROW_PROBLEMS or len(stray) > MAX_ROW_PROBLEMS:
        at = min([p.span for p in (*unknown, *stray)], default=at)
        detail = {"reason": "shape", "unknown": str(len(unknown)), "stray": str(len(stray))}
    if not detail:
        return match, _fold_uneven(template, problems, list(uneven.values()))
    kept = [p for p in problems if not (p.table == template.id and p.kind in FOLDED)]
    return None, [*kept, Problem("doubtful_table", at, template.id, "", detail)]


def _bare(template: Template, mine: list[Problem]) -> list[Problem]:
    """A problem for each row without a number: the stream says so once for the row, a grid
    once for each of its cells."""
    empty = Counter(p.row for p in mine if p.kind == "empty_cell")
    rows: dict[str, Problem] = {}
    for p in mine:
        spec = template.row_spec(p.row) if p.kind == "empty_cell" else None
        if spec is not None and (p.detail.get("count") == "0" or empty[p.row] == len(spec.columns)):
            rows.setdefault(p.row, p)
    return list(rows.values())


def _fold_uneven(template: Template, problems: list[Problem], uneven: list[Problem]) -> list[Problem]:
    """More than :data:`MAX_ROW_PROBLEMS` rows with the wrong number of values: one problem
    for the table, at its first such row, naming one as the example."""
    if len(uneven) <= MAX_ROW_PROBLEMS:
        return problems
    first = min(uneven, key=lambda p: p.span)
    detail = {"rows": str(len(uneven)), "row": first.row, "count": first.detail.get("count", "?"),
              "expected": first.detail.get("expected", "?")}
    rest = [p for p in problems if p not in uneven]
    return [*rest, Problem("uneven_rows", first.span, template.id, "", detail)]


def _failures(template: Template, match: TableMatch, pack: Pack) -> list[Mismatch]:
    """The identities a reading breaks: for numbers counted off a cell-per-line layout, a
    number moved from one row to another keeps every row's count, and only the sums tell."""
    return [m for identity in identities_of(pack, template.id) for m in mismatches(template, match, identity)]


def _descents(template: Template, match: TableMatch) -> int:
    """How often, in reading order, a row comes after one that the format puts below it."""
    order = {spec.id: i for i, spec in enumerate(template.rows)}
    read = sorted((row.span.start, order[row.row]) for row in match.rows if row.label and row.row in order)
    return sum(1 for (_, a), (_, b) in pairwise(read) if b < a)
