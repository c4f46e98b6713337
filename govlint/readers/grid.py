"""Tables as grids: merged cells resolved so every value knows its row and column.

Word (``gridSpan``, ``vMerge``), web pages (``colspan``, ``rowspan``) and PDF rows rebuilt from
glyph positions list a merged cell once, where it starts; :func:`resolve` places it in every
position it covers, the standard HTML table algorithm. Sizes are bounded, so a hostile
``colspan="100000"`` costs no more than a real table.
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint._infra.records import NamedTuple
from govlint.model import Cell, RawTable, Span

#: A table wider or longer than this is no report table: what is beyond is left out.
MAX_COLUMNS = 64
MAX_ROWS = 2000


class SourceCell(NamedTuple):
    """A cell as the source lists it: once, where a merged cell starts."""

    cell: Cell
    rowspan: int = 1
    colspan: int = 1


def resolve(rows: Sequence[Sequence[SourceCell]]) -> tuple[tuple[Cell, ...], ...]:
    """The full grid: each row as many cells as the widest, a merged cell (the same Cell)
    in every position it covers, an empty Cell where a row is short."""
    grid: list[list[Cell | None]] = []
    for r, row in enumerate(rows[:MAX_ROWS]):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for source in row:
            line = grid[r]
            while c < len(line) and line[c] is not None:
                c += 1  # a position an earlier row's cell spans down into
            if c >= MAX_COLUMNS:
                break
            for dr in range(max(1, min(source.rowspan, MAX_ROWS - r))):
                target = _row(grid, r + dr)
                for dc in range(max(1, min(source.colspan, MAX_COLUMNS - c))):
                    while len(target) <= c + dc:
                        target.append(None)
                    if target[c + dc] is None:
                        target[c + dc] = source.cell
            c += max(1, source.colspan)
    width = max((len(line) for line in grid), default=0)
    return tuple(tuple(_filled(line, width)) for line in grid if any(cell is not None for cell in line))


def _row(grid: list[list[Cell | None]], r: int) -> list[Cell | None]:
    while len(grid) <= r:
        grid.append([])
    return grid[r]


def _filled(line: list[Cell | None], width: int) -> list[Cell]:
    """The row with an empty cell (zero width, where the row's last cell ends) in each gap."""
    out: list[Cell] = []
    at = next((cell.span.start for cell in line if cell is not None), 0)
    for cell in [*line, *[None] * (width - len(line))]:
        if cell is None:
            out.append(Cell("", Span(at, at)))
        else:
            out.append(cell)
            at = cell.span.end
    return out


def grid_table(rows: Sequence[Sequence[SourceCell]], span: Span) -> RawTable | None:
    """A RawTable of the resolved grid, or None when nothing in it holds text."""
    resolved = resolve(rows)
    if not resolved or not any(cell.text for row in resolved for cell in row):
        return None
    return RawTable(resolved, span, len(resolved[0]))
