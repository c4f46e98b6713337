"""The pack's table identities evaluated on a reading: ``sum(lhs) == sum(rhs)`` per row or
per column (``identities:`` in tables.yaml — no ``eval``, a pack executes nothing).

Only what was read for certain is summed: a blank cell, or a row whose numbers could not be
placed (more or fewer than its columns), leaves the identity unevaluated there. The GL2xx
checks report what fails; :mod:`govlint.align.trust` asks whether a reading counted off a
cell-per-line layout holds together.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.align.templates import Template
from govlint.model import CellValue, Pack, Span, TableMatch


class Side(NamedTuple):
    total: Decimal
    span: Span
    ids: list[str]  # the columns (per row) or rows (per column) summed


class Mismatch(NamedTuple):
    """An identity that does not hold at one row (``row``) or one column (``column``)."""

    identity: dict[str, Any]
    row: str
    column: str
    lhs: Side
    rhs: Side


def identities_of(pack: Pack, table: str) -> list[dict[str, Any]]:
    """The pack's identities over one table, in pack order."""
    return [i for i in pack.data.get("identities", []) or [] if str(i.get("table", "")) == table]


def mismatches(template: Template, table: TableMatch, identity: dict[str, Any]) -> list[Mismatch]:
    """Where ``identity`` fails on the reading ``table`` of ``template``."""
    lhs_ids = [str(x) for x in identity.get("lhs", [])]
    rhs_ids = [str(x) for x in identity.get("rhs", [])]
    specs = {spec.id: spec for spec in reversed(template.rows)}  # reversed: the first of a repeated id wins
    by_row = [{cell.column: cell for cell in reversed(row.cells)} for row in table.rows]
    out: list[Mismatch] = []
    if identity.get("per", "row") == "row":
        used = set(lhs_ids + rhs_ids)
        for row, cells in zip(table.rows, by_row, strict=True):
            spec = specs.get(row.row)
            if spec is None or not used <= set(spec.columns) or len(row.cells) != len(spec.columns):
                continue
            if identity.get("over") and row.row not in identity["over"]:
                continue
            lhs, rhs = _row_side(cells, lhs_ids), _row_side(cells, rhs_ids)
            if lhs is not None and rhs is not None and lhs.total != rhs.total:
                out.append(Mismatch(identity, row.row, "", lhs, rhs))
        return out
    rows = {
        row.row: cells if (spec := specs.get(row.row)) is not None and len(row.cells) == len(spec.columns) else None
        for row, cells in zip(reversed(table.rows), reversed(by_row), strict=True)
    }  # reversed: the first of a repeated id wins
    for column in [str(c) for c in identity.get("over") or [c["id"] for c in template.columns]]:
        lhs, rhs = _column_side(rows, lhs_ids, column), _column_side(rows, rhs_ids, column)
        if lhs is not None and rhs is not None and lhs.total != rhs.total:
            out.append(Mismatch(identity, "", column, lhs, rhs))
    return out


def _row_side(cells: dict[str, CellValue], columns: list[str]) -> Side | None:
    """The sum of a row's ``columns`` (``cells`` by column id), None when one is blank."""
    total = Decimal(0)
    spans = []
    for column in columns:
        cell = cells.get(column)
        if cell is None or cell.value is None:
            return None
        total += cell.value
        spans.append(cell.span)
    return Side(total, spans[0], columns)


def _column_side(rows: dict[str, dict[str, CellValue] | None], ids: list[str], column: str) -> Side | None:
    """The sum of one column over the rows ``ids`` (``rows``: their cells by column, None
    where the numbers could not be placed); None when a row is missing or blank there."""
    total = Decimal(0)
    spans = []
    for row_id in ids:
        cells = rows.get(row_id)
        cell = None if cells is None else cells.get(column)
        if cell is None or cell.value is None:
            return None
        total += cell.value
        spans.append(cell.span)
    return Side(total, spans[0], ids)
