"""A report with no line structure: a crawler's dump, the whole report on one line (or a few
very long lines), headings mid-line (“…特此报告。二、主动公开政府信息情况 第二十条第（一）项 …”)
and table cells run together, with spaces or without (“规章 0 0 0”, “行政规范性文件62334400”).

Such a line is cut into virtual lines that keep their offsets in the original text, and the
text reader reads them as it reads lines: cut at each section numbering (一、… where a word
starts) and where that heading's words end. A virtual line of numbers and words without a
sentence is a table row whose cells are its words, a number glued to words its own cell
(“规章000” → “规章”, “000”). Which digits of a run belong to which column is unknown, so the
table says it was read so (``RawTable.oneline``) and the aligner gives up on a row whose
numbers ran together rather than guess; it also cuts a row's label from header words run into
it (:mod:`govlint.align.tables`), which needs the format's labels this reader does not know.

Only a text with no line structure is cut: a report written in lines whose prose mentions
“二、” mid-sentence is read line by line as ever."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from govlint._infra import regex
from govlint.model import Cell, Span
from govlint.readers.numbering import LABEL_START, SECTION_START

#: A text of at most this many written lines, where this many sections' numberings run on
#: into more than a heading (mid-line, or a heading with its section after it), has no line
#: structure.
FEW_LINES = 10
SECTIONS = 3
#: A heading's words after its numbering: at most this many characters, up to a space, a
#: number, a sentence's pause or end, a bracket or a quote, 第 (“情况第二十条第（一）项”) or a
#: rule, or a row label.
HEADING_WORDS = 40
HEADING_END = regex.compile(r"[\s\d０-９。；;：:，,（(《“第\-—]")
WORD = regex.compile(r"[^\s|]+")  # a "|" closing a cell (“规章 | 0 |”) is no word
NUMBER = regex.compile(r"\d+(?:[.．]\d+)?")
LABEL_MARKS = ".．、"


def run_together(lines: list[str]) -> bool:
    """Whether a text has no line structure: a few lines, in which several sections'
    numberings run on into more than a heading (a report whose headings stand on lines of
    their own is read line by line, however few its lines)."""
    written = [line for line in lines if line.strip()]
    if len(written) > FEW_LINES:
        return False
    numerals: set[str] = set()
    for line in written:
        end = len(line.rstrip())
        for m in SECTION_START.finditer(line):
            if end - m.end() > HEADING_WORDS:
                numerals.add(m.group())
            if len(numerals) >= SECTIONS:
                return True
    return False


def virtual_lines(lines: list[str], at: tuple[int, ...]) -> tuple[list[str], list[int], list[str | None]]:
    """The lines of a text with no line structure cut at its headings: each virtual line, where
    it starts, and ``"words"`` for a table row (None for a heading or prose, which the text
    reader tells apart as on any line)."""
    out: list[str] = []
    starts: list[int] = []
    kinds: list[str | None] = []
    for line, start in zip(lines, at, strict=True):
        for a, b, heading in _pieces(line):
            piece = line[a:b]
            out.append(piece)
            starts.append(start + a)
            kinds.append(None if heading or not _table_row(piece) else "words")
    return out, starts, kinds


def _pieces(line: str) -> Iterator[tuple[int, int, bool]]:
    """A line cut before each section numbering and after its heading's words: ``(start, end,
    is a heading)``. Numbering whose words run on past :data:`HEADING_WORDS` is no heading (a
    list in prose), but still starts a virtual line."""
    last = 0
    for m in SECTION_START.finditer(line):
        if m.start() < last:
            continue  # (inside the heading just cut)
        if m.start() > last:
            yield last, m.start(), False
        last = m.start()
        words = m.end()  # where the heading's words start, past the spaces after its numbering
        while words < min(len(line), m.end() + HEADING_WORDS) and line[words].isspace():
            words += 1
        window = min(len(line), words + HEADING_WORDS + 1)
        end = HEADING_END.search(line, words, window)
        cut = end.start() if end else (len(line) if window == len(line) else None)
        label = LABEL_START.search(line, words, cut) if cut is not None else None
        cut = label.start() if label else cut
        if cut is not None and cut - words >= 2:
            yield last, cut, True
            last = cut
    if last < len(line):
        yield last, len(line), False


def _table_row(piece: str) -> bool:
    """A virtual line that is a table row: no sentence, and a number at its end (a table's
    last number ends its virtual line where the next heading starts)."""
    words = WORD.findall(piece)
    return "。" not in piece and bool(words) and words[-1][-1].isdigit()


def cells(text: str, at: int) -> tuple[Cell, ...]:
    """The cells of a table row of a virtual line starting at offset ``at``: its words, cut
    where a number starts or ends (“规章000”, “20第二十条”: a number glued to words is a cell of
    its own) and where a row label starts (“不予公开1.属于国家秘密”; the label's own number is
    the last digit before its mark, “00000002.其他”: the format numbers sub-rows 1 to 8)."""
    out: list[Cell] = []
    for m in WORD.finditer(text):
        word = m.group()
        if word.isdigit() or word.isalpha():  # most words: a number, or words without a label's marks
            out.append(Cell(word, Span(at + m.start(), at + m.end())))
            continue
        cuts = {m.start(), m.end()}
        for n in NUMBER.finditer(text, m.start(), m.end()):
            own = n.end() < m.end() and text[n.end()] in LABEL_MARKS  # a label's number: 1.属于…
            cuts.update((n.start(), n.end() - own))
        cuts.update(k.start() for k in LABEL_START.finditer(text, m.start(), m.end()))
        ordered = sorted(cuts)
        out.extend(Cell(text[a:b], Span(at + a, at + b)) for a, b in pairwise(ordered) if a < b)
    return tuple(out)
