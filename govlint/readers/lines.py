"""Cells from lines of text: where a line of a table's section splits into a label and numbers.

A table flattened by PDF extraction or Word's text export reads as lines, not as a grid;
these functions decide, line by line, which words are a row's label (cut where a new
numbered label starts) and which are its numbers. The text reader and the aligner's text
path both use them.
"""

from __future__ import annotations

from collections.abc import Callable

from govlint._infra import regex
from govlint.model import Cell, Document, Heading, Paragraph, RawTable, Span
from govlint.readers.cells import parse_number
from govlint.readers.numbering import LABEL_START


def line_row(text: str, words: list[Cell]) -> tuple[Cell, ...]:
    """The cells of a text line in a table: its label words, cut where a new numbered label
    starts, and each number (“行政许可 97” → “行政许可”, “97”; “结果 维持 2 结果 纠正 2”, a
    header printed between its numbers, → “结果 维持”, “2”, “结果 纠正”, “2”). Decided by the
    line alone, whatever else its section holds."""
    cells: list[Cell] = []
    label: list[Cell] = []  # the words since the last number
    for word in words:
        if parse_number(word.text) is None:
            label.append(word)
            continue
        cells.extend(split_labels(text, label))
        cells.append(word)
        label = []
    return (*cells, *split_labels(text, label))


def table_words(words: list[Cell], names: Callable[[str], bool]) -> bool:
    """Whether a line's words can be a row of a table rather than a piece of prose the PDF
    broke off (“2023 年,我单位对形成的政府信息……”, “全年共 12 件，其中 5”): after its first
    number come only numbers, or words that ``names`` (the table's own: a header printed
    between its numbers, the next row's label)."""
    first = next((k for k, word in enumerate(words) if parse_number(word.text) is not None), len(words))
    return all(names(word.text) for word in words[first:] if parse_number(word.text) is None)


TOKEN = regex.compile(r"\S+")
COLUMN_GAP = regex.compile(r"(?: {2,}|\u3000+)")  # what separates columns in a space-aligned line


def line_words(text: str, span: Span) -> list[Cell]:
    return [Cell(m.group(), Span(m.start(), m.end())) for m in TOKEN.finditer(text, span.start, span.end)]


def split_labels(text: str, words: list[Cell]) -> list[Cell]:
    """Words before a row's numbers, cut where a new numbered label starts:
    “三、本年度办理结果 (一) 予以公开” → “三、本年度办理结果”, “(一) 予以公开”."""
    if not words:
        return []
    start, end = words[0].span.start, words[-1].span.end
    labels = {m.start() for m in LABEL_START.finditer(text, start, end)}
    cuts = sorted({start} | labels | {m.end() for m in COLUMN_GAP.finditer(text, start, end)})
    out = []
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        content = piece.strip()
        if content:
            out.append(Cell(content, Span(a + lead, a + lead + len(content))))
    return out


def rows_from_lines(document: Document, body: Span, names: Callable[[str], bool]) -> list[RawTable]:
    """A table flattened by PDF extraction to single spaces reads as prose lines; where a
    section has no table block, each line holding numbers and no prose (:func:`table_words`)
    becomes a row: its labels and numbers, one cell each. Lines without numbers stay as
    header text."""
    rows: list[tuple[Cell, ...]] = []
    has_numbers = False
    for block in document.blocks:
        if not isinstance(block, (Paragraph, Heading)) or not body.start <= block.span.start < body.end:
            continue
        text = document.source.text[block.span.start : block.span.end]
        offset = block.span.start
        for line in text.split("\n"):
            tokens = line_words(document.source.text, Span(offset, offset + len(line)))
            offset += len(line) + 1
            if not tokens:
                continue
            if not table_words(tokens, names):
                continue
            if all(parse_number(token.text) is None for token in tokens):  # a label on its own line, or header words
                if "。" in line:  # prose: “本年度未收到政府信息公开申请。”
                    continue
                starts_label = LABEL_START.match(document.source.text, tokens[0].span.start) is not None
                rows.append(tuple(split_labels(document.source.text, tokens)) if starts_label else tuple(tokens))
                continue
            has_numbers = True
            rows.append(line_row(document.source.text, tokens))
    return [RawTable(tuple(rows), body)] if has_numbers else []
