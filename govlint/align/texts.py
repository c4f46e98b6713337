"""The report's texts: paragraphs, headings and table cells, each with where it stands.

Pattern rules (GL3xx, GL5xx) and the contact reader (GL4xx) all look at the same texts;
they are cut once per lint here (:func:`report_texts`). A text that several places share
(table cells such as "0" repeat hundreds of times in a report) is one entry with all its
places, so it is read once, and what is read from it can be kept by the text
(:class:`govlint._infra.memo.TextMemo`).
"""

from __future__ import annotations

from bisect import bisect_right

from govlint._infra.memo import per_lint
from govlint._infra.records import NamedTuple
from govlint.model import Context, Heading, Paragraph, RawTable, Report


class PlacedText(NamedTuple):
    """A text of the report and where it starts: ``text == source.text[start:start + len(text)]``."""

    text: str
    start: int


class TextIndex:
    """The distinct texts of one kind of place (prose only, or prose and cells), each with
    where it stands, and which of them hold a given string."""

    def __init__(self, placed: dict[str, list[int]]) -> None:
        self.placed = placed  # each distinct text with where its places start, in order
        self.texts = tuple(placed)  # the distinct texts, in first-seen order
        self._joined: tuple[str, list[int]] | None = None
        self._holding: dict[tuple[str, ...], tuple[int, ...]] = {}

    def holding(self, needles: tuple[str, ...]) -> tuple[int, ...]:
        """Indices into :attr:`texts` of the texts holding one of ``needles`` (several
        patterns need the same words: 要点, 万元…, so the answer is kept for the lint)."""
        found = self._holding.get(needles)
        if found is None:
            joined, starts = self._joined or self._join()
            hit: set[int] = set()
            for needle in needles:  # str.find over all texts at once; a hit skips to the next text
                at = joined.find(needle)
                while at >= 0:
                    i = bisect_right(starts, at) - 1
                    hit.add(i)
                    at = joined.find(needle, starts[i + 1])
            found = self._holding[needles] = tuple(sorted(hit))
        return found

    def _join(self) -> tuple[str, list[int]]:
        """The texts joined by NUL (which no needle holds), and where each starts; the last
        start is the end, so ``starts[i + 1]`` always exists for a text ``i``."""
        starts = [0]
        for t in self.texts:
            starts.append(starts[-1] + len(t) + 1)
        self._joined = "\0".join(self.texts) + "\0", starts
        return self._joined


class ReportTexts(NamedTuple):
    """The report's texts: ``prose`` holds paragraphs and headings (with their markers, so
    offsets stay exact), ``every`` table cells with text too. Comments are left out: they
    hold suppressions, not report text."""

    prose: TextIndex
    every: TextIndex

    def of(self, cells: bool) -> TextIndex:
        return self.every if cells else self.prose


def report_texts(report: Report, ctx: Context) -> ReportTexts:
    """The report's texts, cut once per lint."""
    return per_lint(ctx, _cut, report)


def _cut(report: Report, ctx: Context) -> ReportTexts:
    """The prose and all texts (cells too) by their text, in one walk of the blocks."""
    text = report.source.text
    prose: dict[str, list[int]] = {}
    every: dict[str, list[int]] = {}
    for block in report.document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            start, end = block.span
            piece = text[start:end]
            prose.setdefault(piece, []).append(start)
            every.setdefault(piece, []).append(start)
        elif isinstance(block, RawTable):
            for row in block.rows:
                for cell in row:
                    if cell.text:
                        start, end = cell.span
                        piece = text[start:end]
                        at = every.get(piece)
                        if at is None:  # cells are most texts: no list made for a repeated "0"
                            every[piece] = [start]
                        else:
                            at.append(start)
    return ReportTexts(TextIndex(prose), TextIndex(every))
