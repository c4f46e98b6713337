"""The report's text pieces: paragraphs, headings and table cells, each with its offset.

Pattern rules (GL3xx, GL5xx) and the contact reader (GL4xx) all look at the same pieces;
they are cut once per report here, and the distinct texts among them are what per-text
caches are keyed by (cells such as "0" repeat hundreds of times in a report).
"""

from __future__ import annotations

from govlint.model import Heading, Paragraph, RawTable, Report, per_object
from govlint.records import NamedTuple


class Segment(NamedTuple):
    """A piece of the report's text: ``text == source.text[start:start + len(text)]``."""

    text: str
    start: int


#: Builds a Segment without the call of its ``__new__`` (a report has ~300 pieces).
_record = tuple.__new__


def segments(report: Report, cells: bool = True) -> tuple[Segment, ...]:
    """Paragraphs, headings (with their markers, so offsets stay exact) and, when asked,
    table cells with text. Comments are skipped: they hold suppressions, not report text.
    Built once per report."""
    return per_object(report, _all_segments if cells else _prose_segments)


def distinct_texts(report: Report, cells: bool = True) -> tuple[str, ...]:
    """The different texts among the report's :func:`segments`, in first-seen order."""
    return per_object(report, _all_texts if cells else _prose_texts)


def _all_segments(report: Report) -> tuple[Segment, ...]:
    return _segments(report, True)


def _prose_segments(report: Report) -> tuple[Segment, ...]:
    return _segments(report, False)


def _all_texts(report: Report) -> tuple[str, ...]:
    return tuple(dict.fromkeys([seg[0] for seg in segments(report, True)]))


def _prose_texts(report: Report) -> tuple[str, ...]:
    return tuple(dict.fromkeys([seg[0] for seg in segments(report, False)]))


def _segments(report: Report, cells: bool) -> tuple[Segment, ...]:
    text = report.source.text
    out: list[Segment] = []
    add = out.append
    for block in report.document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            start, end = block.span
            add(_record(Segment, (text[start:end], start)))
        elif cells and isinstance(block, RawTable):
            for row in block.rows:
                for cell in row:
                    if cell.text:
                        start, end = cell.span
                        add(_record(Segment, (text[start:end], start)))
    return tuple(out)
