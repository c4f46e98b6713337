"""A report with no line structure: a crawler's dump, the whole report on one line (or a few
very long lines), headings mid-line (“…特此报告。二、主动公开政府信息情况 第二十条第（一）项 …”)
and table cells run together, with spaces or without (“规章 0 0 0”, “行政规范性文件62334400”).

Such a line is cut into virtual lines that keep their offsets in the original text, and the
text reader reads them as it reads lines: cut at each section numbering (一、… where a word
starts) and where that heading's words end. A virtual line of numbers and words without a
sentence is a table row whose cells are its words, a number glued to the words before it
split off (“规章000” → “规章”, “000”); which digits of such a run belong to which column is
unknown, so its table says it was read so (``RawTable.oneline``) and the aligner gives up on a
row whose numbers ran together rather than guess (:mod:`govlint.align.tables`).

Only a text with no line structure is cut: a report written in lines whose prose mentions
“二、” mid-sentence is read line by line as ever.
"""

from __future__ import annotations

from collections.abc import Iterator

from govlint._infra import regex
from govlint.model import Cell, Span
from govlint.readers.numbering import LABEL_START, SECTION_START

#: A text of at most this many written lines, one of them holding the numberings of this many
#: sections, has no line structure.
FEW_LINES = 10
SECTIONS_ON_A_LINE = 3
#: A heading's words after its numbering: at most this many characters, up to a space, a
#: number, a sentence's pause or end, or a row label.
HEADING_WORDS = 40
HEADING_END = regex.compile(r"[\s\d０-９。；;：:，,]")
WORD = regex.compile(r"[^\s|]+")  # a "|" closing a cell (“规章 | 0 |”) is no word
DIGITS = "0123456789０１２３４５６７８９"


def run_together(lines: list[str]) -> bool:
    """Whether a text has no line structure: a few lines, one holding several sections' numberings."""
    if sum(1 for line in lines if line.strip()) > FEW_LINES:
        return False
    for line in lines:
        numerals: set[str] = set()
        for m in SECTION_START.finditer(line):
            numerals.add(m.group())
            if len(numerals) >= SECTIONS_ON_A_LINE:
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
    return "。" not in piece and bool(words) and _number_start(words[-1]) < len(words[-1])


def cells(text: str, at: int) -> tuple[Cell, ...]:
    """The cells of a table row of a virtual line starting at offset ``at``: its words, cut
    where a row label starts (“不予公开1.属于国家秘密”), a number at a word's end its own cell."""
    out = []
    for m in WORD.finditer(text):
        word = m.group()
        start = at + m.start()
        cut = _number_start(word)
        labels = [k.start() - m.start() for k in LABEL_START.finditer(text, m.start() + 1, m.start() + cut)]
        for a, b in zip([0, *labels], [*labels, cut], strict=True):
            if a < b:
                out.append(Cell(word[a:b], Span(start + a, start + b)))
        if cut < len(word):
            out.append(Cell(word[cut:], Span(start + cut, start + len(word))))
    return tuple(out)


def _number_start(word: str) -> int:
    """Where a number (whole or with decimals) ends a word: its length if none does."""
    head = word.rstrip(DIGITS)
    if len(head) < len(word) and head[-1:] in ".．" and head[-2:-1] and head[-2] in DIGITS:
        head = head[:-1].rstrip(DIGITS)
    return len(head)
