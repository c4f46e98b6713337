"""Markdown as PDF-to-Markdown converters write it (issue 17, layout 5), made from govlint's own
clean reports by small transformations, never copied from a converter's output.

Converters (marker, MinerU, docling and the like) write a report's tables as GFM pipe tables or
as HTML ``<table>``s, and break them in their own ways: a row's label pulled out of its cell
onto a line of its own above the row, a label split over two cells or two rows, a cell's note
or a footnote left as a loose line between rows, a table started again after a page break.
"""

from __future__ import annotations

import itertools

from govlint.model import Span
from tests.align.layouts import FIXTURES, _loose, corrected

#: The headings of the sections that hold tables, and of the one after them.
SECTIONS = ("二、", "三、", "四、", "五、")


def converted(name: str, repeat: bool = False) -> str:
    """A corrected seed as a converter writes it: its prose as it is, each of its tables (the
    tab-separated lines of sections 二 to 四, whatever broke them) one GFM table drawn from the
    seed's HTML version (the official grid, merged cells resolved), a merged cell's text where
    it starts and nothing in the other places it covers — or, ``repeat``, in every one of them
    (docling's Markdown)."""
    from govlint.readers.html_table import read_html_tables

    html = (FIXTURES / "formats" / f"seed{name}.html").read_text(encoding="utf-8")
    lines = corrected(name).split("\n")
    heads = [i for i, line in enumerate(lines) if line.startswith(SECTIONS) and "\t" not in line]
    for table, (a, b) in reversed(list(zip(read_html_tables(html, 0), itertools.pairwise(heads), strict=True))):
        rows = [k for k in range(a, b) if "\t" in lines[k]]
        seen: set[Span] = set()
        grid = []
        for row in table.rows:
            cells = []
            for cell in row:  # (a merged cell is one Cell, one span, in every place it covers)
                cells.append("" if cell.span in seen and not repeat else cell.text)
                seen.add(cell.span)
            grid.append(_row(cells))
        lines[rows[0] : rows[-1] + 1] = [grid[0], "|" + "---|" * len(table.rows[0]), *grid[1:]]
    return "\n".join(lines)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip()[1:-1].split("|")]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _find(lines: list[str], label: str) -> tuple[int, int]:
    """The line and the cell of a pipe row that start with ``label`` (spaces and width aside)."""
    for i, line in enumerate(lines):
        if line.startswith("|"):
            for k, cell in enumerate(_cells(line)):
                if _loose(cell).startswith(_loose(label)):
                    return i, k
    raise LookupError(label)


def _restart(row: str) -> list[str]:
    """A row that starts a GFM table again (after a page break): itself as the header."""
    return [row, "|" + "---|" * len(_cells(row))]


def label_above(text: str, label: str, blank: bool = False) -> str:
    """The label cell starting with ``label`` emptied, its words on a line of their own just
    above its row; ``blank``: with blank lines around them, the table started again at the row."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    cells = _cells(lines[i])
    words, cells[k] = cells[k], ""
    lines[i : i + 1] = ["", words, "", *_restart(_row(cells))] if blank else [words, _row(cells)]
    return "\n".join(lines)


def labels_above(text: str, first: str, second: str) -> str:
    """Two rows in a row, both labels pulled out and printed above both rows."""
    lines = text.split("\n")
    (i, k), (j, m) = _find(lines, first), _find(lines, second)
    assert j == i + 1
    a, b = _cells(lines[i]), _cells(lines[j])
    words = [a[k], b[m]]
    a[k] = b[m] = ""
    lines[i : j + 1] = [*words, _row(a), _row(b)]
    return "\n".join(lines)


def renamed(text: str, label: str, words: str) -> str:
    """The label cell starting with ``label`` holding ``words`` instead."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    cells = _cells(lines[i])
    cells[k] = words
    lines[i] = _row(cells)
    return "\n".join(lines)


def split_over_cells(text: str, label: str, at: int, widen: bool = True) -> str:
    """The label cell starting with ``label`` split after ``at`` characters into two cells side
    by side: a cell more in its row (``widen``), or taking the empty cell before it."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    cells = _cells(lines[i])
    words = cells[k]
    if widen:
        cells[k : k + 1] = [words[:at], words[at:]]
    else:
        assert not cells[k - 1]
        cells[k - 1 : k + 1] = [words[:at], words[at:]]
    lines[i] = _row(cells)
    return "\n".join(lines)


def broken_in_cell(text: str, label: str, at: int, mark: str = "<br>") -> str:
    """The cell starting with ``label`` (a row's label or a header word) broken after ``at``
    characters by ``mark``, as converters write a line break inside a GFM cell."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    cells = _cells(lines[i])
    cells[k] = cells[k][:at] + mark + cells[k][at:]
    lines[i] = _row(cells)
    return "\n".join(lines)


def split_over_rows(text: str, label: str, at: int, numbers_on: int) -> str:
    """The label cell starting with ``label`` split after ``at`` characters over two rows of
    the table, its numbers on the first (0) or the second (1)."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    first = _cells(lines[i])
    second = [""] * len(first)
    second[k], first[k] = first[k][at:], first[k][:at]
    if numbers_on:
        second[k + 1 :], first[k + 1 :] = first[k + 1 :], [""] * (len(first) - k - 1)
    lines[i : i + 1] = [_row(first), _row(second)]
    return "\n".join(lines)


def note_after(text: str, label: str, note: str, how: str = "line") -> str:
    """A note (a cell's “（含上年结转）”, a footnote) left after the row whose label starts with
    ``label``: a line of its own in the table (``line``), between blank lines with the table
    started again after it (``blank``), or a row of its own in the label's column (``row``)."""
    lines = text.split("\n")
    i, k = _find(lines, label)
    if how == "row":
        cells = [""] * len(_cells(lines[i]))
        cells[k] = note
        lines.insert(i + 1, _row(cells))
    elif how == "blank":
        lines[i + 1 : i + 2] = ["", note, "", *_restart(lines[i + 1])]
    else:
        lines.insert(i + 1, note)
    return "\n".join(lines)


def as_html(text: str, one_line: bool = True) -> str:
    """The GFM tables as HTML ``<table>``s, as MinerU writes them (``one_line``) or a row a
    line; a loose line inside a table a row of one cell, its delimiter row dropped."""
    out: list[str] = []
    rows: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("|") and not set(line) <= set("|-: "):
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in _cells(line)) + "</tr>")
        elif line.startswith("|"):
            continue
        elif rows and line.strip():
            rows.append(f"<tr><td>{line.strip()}</td></tr>")
        else:
            if rows:
                out.append(("" if one_line else "\n").join(["<table>", *rows, "</table>"]))
                rows = []
            out.append(line)
    return "\n".join(out[:-1])
