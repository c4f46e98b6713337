"""Prose as it is read: runs of paragraphs (a sentence a PDF page broke goes on in the next
paragraph), full-width digits as ASCII, and where separators and parentheses stand —
every search bounded, so pathological input stays linear."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from govlint._infra import regex
from govlint.align.prose.facts import Run
from govlint.model import Document, Paragraph

SENTENCE_END = "。！？!?"


SEGMENT_END = SENTENCE_END + "；;"


CLAUSE_END = SEGMENT_END + "，,：:"


OPEN, CLOSE = "（(", "）)"


#: No sentence, list or clause is read beyond this many characters: keeps every step
#: linear on pathological input (a real clause is far shorter).
WINDOW = 800


# Full-width digits and signs become ASCII one for one, so offsets stay aligned.
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "﹪": "%"})


# Literal branches only: the engine then skips ahead to the next '*', '_' or line break
# (with a class among them it tries the whole alternation at every character).
_DROP = regex.compile(r"\*\*|__|\r|\n")


def _normalise(text: str, start: int) -> tuple[str, Sequence[int]]:
    """Drop Markdown emphasis markers and line breaks; keep one offset per kept char (a
    range when nothing is dropped, as in most paragraphs)."""
    if not _DROP.search(text):
        return _widths(text), range(start, start + len(text))
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _DROP.finditer(text):
        pieces.append(text[pos : m.start()])
        offsets.extend(range(start + pos, start + m.start()))
        pos = m.end()
    pieces.append(text[pos:])
    offsets.extend(range(start + pos, start + len(text)))
    return _widths("".join(pieces)), offsets


def _widths(text: str) -> str:
    """Full-width digits and signs as ASCII. translate() looks every character up in a
    dict: only worth it when one would change."""
    return text.translate(_WIDTH) if regex.compile("[\uff10-\uff19％．﹪]").search(text) else text


RunParagraph = tuple[str, int]  # a paragraph of a run: its text as written, and where it starts from the run's start


def run_paragraphs(document: Document) -> list[tuple[int, tuple[RunParagraph, ...]]]:
    """Each run as where it starts and the paragraphs it is made of. Paragraphs form runs:
    one that stops mid-sentence continues in the next paragraph (a PDF page break),
    provided nothing but blank lines stands between them."""
    runs: list[tuple[int, tuple[RunParagraph, ...]]] = []
    paragraphs: list[RunParagraph] = []
    tail, base = "", 0
    previous_was_paragraph = False
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            previous_was_paragraph = False
            continue
        if previous_was_paragraph and len(tail) >= 20 and tail[-1] not in SENTENCE_END + "”」』…":
            paragraphs.append((block.text, block.span.start - base))
            tail += _DROP.sub("", block.text)
        else:
            if paragraphs:
                runs.append((base, tuple(paragraphs)))
            base, paragraphs, tail = block.span.start, [(block.text, 0)], _DROP.sub("", block.text)
        tail = tail.rstrip(" \t\u3000")
        previous_was_paragraph = True
    if paragraphs:
        runs.append((base, tuple(paragraphs)))
    return runs


def make_run(paragraphs: tuple[RunParagraph, ...], base: int) -> Run:
    """The run of :func:`run_paragraphs`' paragraphs standing at ``base``: normalised text, and
    the offset of each character in the document."""
    if len(paragraphs) == 1:
        return Run(*_normalise(paragraphs[0][0], base + paragraphs[0][1]))
    text, offsets = "", list[int]()
    for raw, start in paragraphs:
        t, o = _normalise(raw, base + start)
        text += t
        offsets.extend(o)
    return Run(text, tuple(offsets))


@lru_cache(maxsize=4096)  # pure (Decimal is immutable); the same numbers recur in prose
def decimal_of(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def decimals_of(raw: str) -> int:
    return len(raw.split(".", 1)[1]) if "." in raw else 0


@lru_cache(maxsize=16)
def _separators(chars: str) -> re.Pattern[str]:
    """Any of ``chars``; an ASCII comma only when it is not a thousands separator (1,200)."""
    others = "".join(c for c in chars if c != ",")
    alts = [f"[{re.escape(others)}]"] if others else []
    if "," in chars:
        alts.append(r"(?<!\d),|,(?!\d{3}(?!\d))")
    return regex.compile("|".join(alts) or "(?!)")


def _is_separator(text: str, i: int, chars: str) -> bool:
    return _separators(chars).match(text, i) is not None


def last_index(text: str, chars: str, start: int, end: int) -> int:
    """Position of the last separator of ``chars`` in text[start:end], or start - 1.
    Looks back in growing steps: the separator is nearly always a few characters away."""
    floor, high, step = max(start, end - WINDOW), end, 32
    pattern = _separators(chars)
    while high > floor:
        low = max(floor, high - step)
        # a little beyond ``high`` so a thousands comma at the edge is still recognised
        found = [m.start() for m in pattern.finditer(text, low, min(end, high + 4)) if m.start() < high]
        if found:
            return found[-1]
        high, step = low, step * 2
    return floor - 1


def next_index(text: str, chars: str, start: int, end: int) -> int:
    end = min(end, start + WINDOW)
    m = _separators(chars).search(text, start, end)
    return m.start() if m else end


@lru_cache(maxsize=16)
def _structure_re(chars: str) -> re.Pattern[str]:
    return regex.compile(f"[{re.escape(OPEN + CLOSE + chars)}]")


def structure_marks(text: str, start: int, end: int, chars: str) -> list[int]:
    """Positions of parentheses and of ``chars`` in text[start:end] (found by the regex
    engine, so the Python loops run over a few marks, not every character)."""
    return [m.start() for m in _structure_re(chars).finditer(text, start, end)]


def top_level_splits(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split text[start:end] at ``seps`` outside parentheses; empty pieces are dropped."""
    pieces, depth, piece = [], 0, start
    for i in structure_marks(text, start, end, seps):
        ch = text[i]
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps and _is_separator(text, i, seps):
            pieces.append((piece, i))
            piece = i + 1
    pieces.append((piece, end))
    return [(a, b) for a, b in pieces if text[a:b].strip(" \t\u3000，,、：:")]


def inside_parens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, depth, opened = [], 0, start
    for i in structure_marks(text, start, end, ""):
        if text[i] in OPEN:
            if depth == 0:
                opened = i
            depth += 1
        elif text[i] in CLOSE and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, i + 1))
    if depth:
        spans.append((opened, end))
    return spans
