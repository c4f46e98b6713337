"""The report's text pieces: paragraphs, headings and table cells, each with its offset.

Pattern rules (GL3xx, GL5xx) and the contact reader (GL4xx) all look at the same pieces;
they are cut once per report here, and the distinct texts among them are what per-text
caches are keyed by (cells such as "0" repeat hundreds of times in a report).
"""

from __future__ import annotations

from bisect import bisect_right

from govlint._infra.records import NamedTuple
from govlint.model import Heading, Paragraph, RawTable, Report, per_object


class Segment(NamedTuple):
    """A piece of the report's text: ``text == source.text[start:start + len(text)]``."""

    text: str
    start: int


def distinct_texts(report: Report, cells: bool = True) -> tuple[str, ...]:
    """The different texts among the report's pieces, in first-seen order."""
    return per_object(report, _all_texts if cells else _prose_texts)


def placed(report: Report, cells: bool = True) -> dict[str, list[int]]:
    """Each distinct text with where the pieces that carry it start, in order: paragraphs,
    headings (with their markers, so offsets stay exact) and, when asked, table cells with
    text. Comments are skipped: they hold suppressions, not report text. Built once per
    report; a text found to hold something is placed without walking every piece again."""
    return per_object(report, _cut)[1 if cells else 0]


def holding(report: Report, needles: tuple[str, ...], cells: bool = True) -> tuple[int, ...]:
    """Indices into :func:`distinct_texts` of the texts holding one of ``needles``, kept for
    the report (several patterns need the same words: 要点, 万元…)."""
    known = per_object(report, _all_holding if cells else _prose_holding)
    found = known.get(needles)
    if found is None:
        joined, starts = per_object(report, _all_joined if cells else _prose_joined)
        hit: set[int] = set()
        for needle in needles:  # str.find over all texts at once; a hit skips to the next text
            at = joined.find(needle)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                hit.add(i)
                at = joined.find(needle, starts[i + 1])
        found = known[needles] = tuple(sorted(hit))
    return found


def _all_joined(report: Report) -> tuple[str, list[int]]:
    return _joined(distinct_texts(report, True))


def _prose_joined(report: Report) -> tuple[str, list[int]]:
    return _joined(distinct_texts(report, False))


def _joined(texts: tuple[str, ...]) -> tuple[str, list[int]]:
    """The texts joined by NUL (which no needle holds), and where each starts; the last
    start is the end, so ``starts[i + 1]`` always exists for a text ``i``."""
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t) + 1)
    return "\0".join(texts) + "\0", starts


def _all_holding(report: Report) -> dict[tuple[str, ...], tuple[int, ...]]:
    return {}


def _prose_holding(report: Report) -> dict[tuple[str, ...], tuple[int, ...]]:
    return {}


def _all_texts(report: Report) -> tuple[str, ...]:
    return tuple(placed(report, True))


def _prose_texts(report: Report) -> tuple[str, ...]:
    return tuple(placed(report, False))


def _cut(report: Report) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The prose pieces and all pieces (cells too) by their text, in one walk of the blocks."""
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
                        if at is None:  # cells are most pieces: no list made for a repeated "0"
                            every[piece] = [start]
                        else:
                            at.append(start)
    return prose, every
