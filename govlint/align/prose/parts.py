"""Totals and the parts listed for them (其中…、分别为…, 共 N 件（…）), read only where the
sentence can be read one way."""

from __future__ import annotations

from bisect import bisect_left

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.align.prose.facts import PartsFact, Percent, Quantity, Run
from govlint.align.prose.grammar import SPACE, Grammar
from govlint.align.prose.scan import (
    CLAUSE_END,
    CLOSE,
    OPEN,
    SEGMENT_END,
    SENTENCE_END,
    WINDOW,
    inside_parens,
    last_index,
    structure_marks,
    top_level_splits,
)
from govlint.model import Span

_BLANKS = regex.compile(SPACE)


def within(qs: list[Quantity], start: int, end: int) -> list[Quantity]:
    """The counts wholly inside text[start:end] (``qs`` is in reading order)."""
    i = bisect_left(qs, start, key=lambda q: q.start)
    out = []
    while i < len(qs) and qs[i].start < end:
        if qs[i].end <= end:
            out.append(qs[i])
        i += 1
    return out


def _region_end(text: str, start: int) -> int:
    """End of a list that starts at ``start``: the sentence end, or the closing parenthesis
    of the parentheses the list stands in."""
    depth = 0
    end = min(len(text), start + WINDOW)
    for i in structure_marks(text, start, end, SENTENCE_END):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            if depth == 0:
                return i
            depth -= 1
        elif text[i] in SENTENCE_END and depth == 0:
            return i
    return end


def _matching_close(text: str, open_at: int, limit: int) -> int:
    depth = 0
    for i in structure_marks(text, open_at, min(limit, open_at + WINDOW), ""):
        if text[i] in OPEN:
            depth += 1
        elif text[i] in CLOSE:
            depth -= 1
            if depth == 0:
                return i
    return -1


class _Region(NamedTuple):
    parts: tuple[Quantity, ...]
    shares: tuple[tuple[Quantity, Percent], ...]
    certain: bool
    disqualified: bool


def _read_parts(
    run: Run, g: Grammar, start: int, end: int, total: Quantity,
    qs: list[Quantity], pcts: list[tuple[int, Percent]],
) -> _Region:
    """Parts listed in text[start:end]: each ；-segment (or the whole list when there is
    none) starts with a part; clauses after it are sibling parts until a clause without a
    count or one opening a breakdown (主要涉及, 已办结 …); the list ends at a segment whose
    first clause holds no count, after the first segment when that one already holds
    several parts (then ； ends the list: “其中 A 1 件，B 2 件；结转下年 1 件”), and at a
    clause that names another kind of count than the total's (申请…；行政复议案件 2 件)."""
    text = run.text
    unit = total.unit
    total_clause = text[last_index(text, CLAUSE_END, 0, total.start) + 1 : total.end]
    other_kinds = [w for w in g.other_kinds if w not in total_clause]
    nested_spans = inside_parens(text, start, end)

    def nested(q: Quantity) -> bool:
        return any(a < q.start < b for a, b in nested_spans)

    same = [q for q in within(qs, start, end) if q.unit == unit]
    top = [q for q in same if not nested(q)]
    first = bisect_left(pcts, start, key=lambda item: item[0])
    last_pct = bisect_left(pcts, end, key=lambda item: item[0])
    region_pcts = [(pos, p) for pos, p in pcts[first:last_pct] if p.label in g.share_labels and p.label]
    parts: list[Quantity] = []
    shares: list[tuple[Quantity, Percent]] = []
    taken: set[int] = set()
    disqualified = False
    ended = False
    for number, (seg_a, seg_b) in enumerate(top_level_splits(text, start, end, SEGMENT_END)):
        if number == 1 and len(parts) >= 2:
            ended = True  # the first segment held the whole list: ； closes it, not separates it
        in_list = not ended
        last: Quantity | None = None
        for index, (a, b) in enumerate(top_level_splits(text, seg_a, seg_b, "，,：:")):
            clause = text[a:b]
            here = within(top, a, b)
            shares_here = [p for pos, p in region_pcts if a <= pos < b]
            disqualified = disqualified or any(w in clause for w in g.disqualify)
            if in_list and any(w in clause for w in other_kinds):
                ended = True  # the counts of another kind start here: what is taken stays the list
                in_list = False
            if in_list and here and (index == 0 or not any(w in clause for w in g.nested)):
                parts.extend(here)
                taken.update(q.start for q in here)
                last = here[-1] if len(here) == 1 else None
                if last is not None and shares_here:
                    shares.append((last, shares_here[0]))
                    last = None
            elif in_list and not here and last is not None and shares_here:
                shares.append((last, shares_here[0]))
                last = None
            else:
                ended = ended or (index == 0 and not here)
                in_list = False
                last = None
    certain = all(q.start in taken for q in same) and not any(q.approximate for q in same)
    return _Region(tuple(parts), tuple(shares), certain, disqualified)


def _total_before(text: str, marker_at: int, qs: list[Quantity]) -> Quantity | None:
    """The total a marker refers to: the only count in the clause run before it, or — when
    the marker opens a sentence or ；-segment — the only count in the one before that."""
    seg_start = last_index(text, SEGMENT_END, 0, marker_at) + 1
    if not text[seg_start:marker_at].strip(" \t\u3000，,：:"):
        end = seg_start - 1
        seg_start = last_index(text, SEGMENT_END, 0, max(0, end)) + 1
    else:
        end = marker_at
    before = within(qs, seg_start, end)
    if not before:
        return None
    last = before[-1]
    if sum(1 for q in before if q.unit == last.unit) != 1:
        return None  # two counts of the same kind: which one is the total is unclear
    return last


def parts_facts(run: Run, g: Grammar, qs: list[Quantity], pcts: list[tuple[int, Percent]]) -> list[PartsFact]:
    text = run.text
    facts: list[PartsFact] = []

    def add(total: Quantity | None, start: int, end: int, exhaustive: bool, marker: str) -> None:
        if total is None or total.approximate:
            return
        region = _read_parts(run, g, start, end, total, qs, pcts)
        if len(region.parts) < 2 or region.disqualified:
            return
        if any(part.value >= total.value for part in region.parts):
            return  # one part as large as the whole: overlapping channels, not a breakdown
        span = Span(total.span.start, region.parts[-1].span.end)
        facts.append(
            PartsFact(total, region.parts, exhaustive, region.certain, marker, region.shares, span)
        )

    for marker in g.markers:
        at = text.find(marker.word)
        while at >= 0:
            after = at + len(marker.word)
            add(_total_before(text, at, qs), after, _region_end(text, after), marker.exhaustive, marker.word)
            at = text.find(marker.word, after)
    marker_words = tuple(mk.word for mk in g.markers)
    for q in qs:
        blanks = _BLANKS.match(text, q.end)
        after = blanks.end() if blanks else q.end
        if after >= len(text) or text[after] not in OPEN:
            continue
        close = _matching_close(text, after, len(text))
        end = close if close > 0 else min(len(text), after + WINDOW)
        inner = text[after + 1 : end].lstrip(" \t\u3000")
        if inner.startswith(marker_words):
            continue  # the marker inside reads it
        clause = text[last_index(text, CLAUSE_END, 0, q.start) + 1 : q.start].replace("公共", "")
        exhaustive = any(w in clause for w in g.paren_exhaustive) and not inner.startswith(g.nested)
        add(q, after + 1, end, exhaustive, text[after])
    return facts
