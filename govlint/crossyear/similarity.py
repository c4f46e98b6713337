"""内容雷同: how much of a report's prose stands again in last year's report.

Both reports' prose is compared as evaluators read it: table cells, headings, the title and
the format's own standard sentences (those holding one of the pack's
``crossyear.copied.boilerplate`` phrases: the 《条例》 preamble, the statistical period, where
the electronic version can be read …) are left out; numbers and years are
masked, so last year's sentence with this year's figures still counts as copied; spaces are
dropped. A character of this year's prose is copied when it lies in a run of
:data:`SHINGLE` characters that last year's prose also holds (a shingle index: the set of
last year's character n-grams). The share is copied characters over prose characters.

Why shingles and not a library: rapidfuzz's edit-distance alignment reads each text once in
order, so a paragraph moved elsewhere is not found, and its matching blocks still need a
length floor to keep common words from counting; datasketch's MinHash estimates the Jaccard
similarity of two shingle sets, which is neither the share of this year's text nor where it
came from. A Python set of n-grams answers both exactly, in one to two milliseconds for two
15 KB reports (``benchmarks/crossyear.py`` measures all three). A paragraph found whole in
last year's prose needs no shingles at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from govlint._infra import regex
from govlint._infra.memo import per_lint, per_pack
from govlint._infra.records import NamedTuple
from govlint.align.prose import SENTENCE_END
from govlint.model import Context, Pack, Paragraph, Report, Span

#: Characters in a shingle: a short clause. Shorter ones match the words every report shares
#: (政府信息公开, 依申请公开 …); longer ones miss a sentence with one word changed.
SHINGLE = 10
#: Masked characters a stretch of prose needs to be compared: a shorter paragraph is a
#: signature, a date or a caption, the same every year and no one's writing.
MIN_PROSE = 2 * SHINGLE
#: How many of the longest copied passages a finding names.
PASSAGES = 3
#: What is masked: numbers and years in digits or Chinese numerals (one ``#`` each), then
#: spaces (dropped).
NUMBER = regex.compile(r"[0-9０-９]+(?:[.．,，][0-9０-９]+)*|[〇○零一二三四五六七八九]{4}(?=\s*年)")
NUMBER_MARK = "#"
SPACE = regex.compile(r"\s+")


class Piece(NamedTuple):
    """A stretch of prose as compared (masked) and where it stands in the report's text."""

    text: str
    start: int
    end: int

    def span(self, source: str, start: int, end: int) -> Span:
        """Where characters ``start`` to ``end`` of the piece stand in the report's text
        (``source``); worked out only for the passages a finding names."""
        return Span(self._place(source, start)[0], self._place(source, end - 1)[1])

    def _place(self, source: str, i: int) -> tuple[int, int]:
        """Where character ``i`` comes from (a mark: its whole number): the piece masked
        again, counting as it goes."""
        at, count = self.start, 0
        for m in NUMBER.finditer(source, self.start, self.end):
            count, found = _counted(source, at, m.start(), count, i)
            if found is not None:
                return found
            if count == i:
                return m.start(), m.end()
            count, at = count + 1, m.end()
        found = _counted(source, at, self.end, count, i)[1]
        assert found is not None, "past the piece's end"
        return found


def _counted(source: str, start: int, stop: int, count: int, i: int) -> tuple[int, tuple[int, int] | None]:
    """The characters of ``source[start:stop]`` (no number in it) counted on from ``count``,
    spaces aside; and where character ``i`` stands, if among them."""
    kept = len(SPACE.sub("", source[start:stop]))
    if count + kept <= i:
        return count + kept, None
    for k in range(start, stop):
        if not source[k].isspace():
            if count == i:
                return count, (k, k + 1)
            count += 1
    raise AssertionError("counted past its characters")


class Passage(NamedTuple):
    """A copied stretch: where it stands in this report and where in last year's."""

    span: Span
    previous: Span


class Overlap(NamedTuple):
    """How much of a report's prose last year's report holds."""

    share: float | None  # copied characters / prose characters; None without prose to compare
    passages: tuple[Passage, ...]  # the longest copied stretches, longest first


def overlap(report: Report, ctx: Context) -> Overlap | None:
    """The report's prose against ``ctx.previous`` (None without one), once per lint: the
    engine's facts and the rule share it."""
    return per_lint(ctx, _overlap, report) if ctx.previous is not None else None


def _overlap(report: Report, ctx: Context) -> Overlap:
    assert ctx.previous is not None
    mine = prose(report)
    theirs = prose(ctx.previous)
    verbatim = {p.text for p in theirs}
    grams: set[str] | None = None  # last year's shingles, made when a piece is not copied whole
    total = 0
    copied: list[tuple[int, Piece, int, int]] = []  # (length, piece, start, end) of each copied run
    for piece in mine:
        total += len(piece.text)
        if piece.text in verbatim:  # what the shingles would find too: every one of them is there
            runs: Iterable[tuple[int, int]] = ((0, len(piece.text)),)
        else:
            grams = grams if grams is not None else {
                p.text[i : i + SHINGLE] for p in theirs for i in range(len(p.text) - SHINGLE + 1)}
            runs = _runs(piece.text, grams)
        copied.extend((end - start, piece, start, end) for start, end in runs)
    if not total:
        return Overlap(None, ())
    share = sum(run[0] for run in copied) / total
    longest = sorted(copied, key=lambda run: (-run[0], run[1].start, run[2]))[:PASSAGES]
    return Overlap(share, tuple(_passage(report, piece, start, end, ctx.previous, theirs)
                                for _, piece, start, end in longest))


def _runs(text: str, grams: set[str]) -> Iterator[tuple[int, int]]:
    """The maximal stretches of ``text`` covered by shingles that ``grams`` holds."""
    start = end = -1
    for i in range(len(text) - SHINGLE + 1):
        if text[i : i + SHINGLE] in grams:
            if i > end:
                if end > 0:
                    yield start, end
                start = i
            end = i + SHINGLE
    if end > 0:
        yield start, end


def _passage(
    report: Report, piece: Piece, start: int, end: int, previous: Report, theirs: tuple[Piece, ...]
) -> Passage:
    """Where a copied run of this report stands in last year's: where its first shingle
    is, as far as the two go on alike."""
    here = piece.span(report.source.text, start, end)
    head = piece.text[start : start + SHINGLE]
    for other in theirs:
        at = other.text.find(head)
        if at >= 0:
            length = _alike(piece.text, start, other.text, at, min(end - start, len(other.text) - at))
            return Passage(here, other.span(previous.source.text, at, at + length))
    raise AssertionError("a copied run's first shingle is in last year's prose")


def _alike(one: str, i: int, other: str, j: int, most: int) -> int:
    """How many characters ``one`` from ``i`` and ``other`` from ``j`` share (up to ``most``;
    at least a shingle): a binary search on slices, each compared at C speed."""
    low, high = SHINGLE, most
    while low < high:
        mid = (low + high + 1) // 2
        if one[i : i + mid] == other[j : j + mid]:
            low = mid
        else:
            high = mid - 1
    return low


def prose(report: Report) -> tuple[Piece, ...]:
    """The report's prose as compared: paragraphs (not headings, tables or the section titles
    a paragraph holds) without the sentences that hold one of the pack's standard phrases
    (up to 。！？ or the paragraph's end), each piece at least
    :data:`MIN_PROSE` characters long."""
    boilerplate = per_pack(report.pack, _boilerplate)
    text = report.source.text
    titles = {s.heading.span for s in report.sections if s.heading is not None}
    if report.title is not None:
        titles.add(report.title.span)
    pieces: list[Piece] = []
    for block in report.document.blocks:
        if not isinstance(block, Paragraph) or block.span in titles:
            continue
        start, end = block.span
        cut = start
        for m in boilerplate.finditer(text, start, end) if boilerplate is not None else ():
            if m.start() >= cut:  # not in a sentence already left out
                begin = max(start - 1, *(text.rfind(ch, start, m.start()) for ch in SENTENCE_END)) + 1
                ends = [i for ch in SENTENCE_END if (i := text.find(ch, m.end(), end)) >= 0]
                pieces.append(_masked(text, cut, begin))
                cut = min(ends) + 1 if ends else end
        pieces.append(_masked(text, cut, end))
    return tuple(p for p in pieces if len(p.text) >= MIN_PROSE)


def _masked(text: str, start: int, end: int) -> Piece:
    """``text[start:end]`` masked: numbers (see :data:`NUMBER`), then spaces."""
    return Piece(SPACE.sub("", NUMBER.sub(NUMBER_MARK, text[start:end])), start, end)


def _boilerplate(pack: Pack) -> re.Pattern[str] | None:
    """The pack's standard phrases as one pattern (None when it has none)."""
    data = pack.data.get("crossyear") or {}
    phrases = [str(p) for p in (data.get("copied") or {}).get("boilerplate") or ()]
    return regex.compile("|".join(f"(?:{p})" for p in phrases)) if phrases else None
