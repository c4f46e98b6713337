"""HTML tables inside Markdown (``<table><tr><td>``), with cell spans into the source.

Converters such as pandoc write a table with merged cells — table 三 always has them — as
raw HTML rather than a pipe table, so a Markdown report may carry its tables this way.
Merged cells simply leave a row shorter; the aligner's row stream does not mind.
"""

from __future__ import annotations

from html.parser import HTMLParser

from govlint.model import Cell, RawTable, Span


class _TableParser(HTMLParser):
    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.base = base
        self.line_starts = [0]
        self.line_starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")
        self.rows: list[tuple[Cell, ...]] = []
        self.row: list[Cell] | None = None
        self.cell: list[tuple[int, str]] | None = None  # (offset, data) pieces
        self.cell_start = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._end_row()
            self.row = []
        elif tag in ("td", "th"):
            self._end_cell()
            if self.row is None:
                self.row = []
            self.cell = []
            self.cell_start = self._offset()
        elif tag == "br" and self.cell is not None:
            self.cell.append((self._offset(), " "))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._end_cell()
        elif tag in ("tr", "table"):
            self._end_row()

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append((self._offset(), data))

    def _end_cell(self) -> None:
        if self.cell is None or self.row is None:
            self.cell = None
            return
        content = "".join(d for _, d in self.cell)
        stripped = " ".join(content.split())
        if self.cell and stripped:
            first_offset, first = next((o, d) for o, d in self.cell if d.strip())
            start = first_offset + len(first) - len(first.lstrip())
            last_offset, last = next((o, d) for o, d in reversed(self.cell) if d.strip())
            end = last_offset + len(last.rstrip())
        else:
            start = end = self.cell_start
        self.row.append(Cell(stripped, Span(self.base + start, self.base + max(start, end))))
        self.cell = None

    def _end_row(self) -> None:
        self._end_cell()
        if self.row:
            self.rows.append(tuple(self.row))
        self.row = None

    def close(self) -> None:
        super().close()
        self._end_row()  # a last row whose </tr> was left out


def read_html_tables(text: str, base: int) -> RawTable | None:
    """Rows of the HTML table(s) in ``text`` (which starts at offset ``base``), if any."""
    if "<tr" not in text.lower() and "<td" not in text.lower():
        return None
    parser = _TableParser(text, base)
    parser.feed(text)
    parser.close()
    if not parser.rows:
        return None
    return RawTable(tuple(parser.rows), Span(base, base + len(text)))
