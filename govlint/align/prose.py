"""Facts written in prose: counts with units, totals with their parts, percentages, rates,
and counts that repeat a table cell — each with its span in the source.

Part of the align step (see docs/design.md): ``extract_facts(document, grammar)`` is a pure
function, cached per document, that the GL2xx prose checks call instead of re-parsing text.
What the words mean (units, markers, patterns, table cells) comes from the pack's ``prose``
key (``rules/national/prose.yaml``); this module only interprets it. The reading is
deliberately conservative: a fact is produced only when the sentence can be read one way.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import per_pack
from govlint._infra.records import NamedTuple, by_identity
from govlint.model import PER_TEXT_CACHE, Document, Msg, Pack, Paragraph, Span, moved

# Full-width digits and signs become ASCII one for one, so offsets stay aligned.
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "﹪": "%"})
# The first digit is matched before the look-behind (which then looks past it): a pattern
# that starts with a digit lets the regex engine skip to the next digit, three times faster
# than trying the look-behind at every character.
NUMBER = r"\d(?<![A-Za-z0-9.\-/_]\d)(?:\d{0,2}(?:,\d{3})+(?![\d,])|\d*(?:\.\d+)?)(?!\d|\.\d)"
SPACE = "[ \t\u00a0\u3000]*"
SENTENCE_END = "。！？!?"
SEGMENT_END = SENTENCE_END + "；;"
CLAUSE_END = SEGMENT_END + "，,：:"
OPEN, CLOSE = "（(", "）)"
RATE_LABEL_FILLER = " \t\u3000为达到是:："
#: No sentence, list or clause is read beyond this many characters: keeps every step
#: linear on pathological input (a real clause is far shorter).
WINDOW = 800


class Run(NamedTuple):
    """A stretch of prose as read: normalised text and the offset of each character in the
    document (facts are read where the run stands, and moved when it moves). Paragraphs
    broken by a page (no sentence end before a blank line) form one run."""

    text: str
    offsets: Sequence[int]

    def span(self, start: int, end: int) -> Span:
        offsets = self.offsets
        n = len(offsets)
        if not n:
            return Span(0, 0)
        start = min(start, n - 1)
        end = max(start + 1, min(end, n))
        return Span(offsets[start], offsets[end - 1] + 1)


class Quantity(NamedTuple):
    """A count as written: ``value`` already scaled (万 = 10000)."""

    value: Decimal
    unit: str
    raw: str
    start: int  # position in the run
    end: int
    span: Span
    tolerance: Decimal  # half a unit of the last digit written when rounded (decimals, 万), else 0
    approximate: bool  # 余, 多, 约 …


class Percent(NamedTuple):
    value: Decimal
    decimals: int
    label: str  # the word just before it (占比, 办结率 …), "" if none
    raw: str  # as written, from the label on
    span: Span


class PartsFact(NamedTuple):
    """A total and the parts listed for it at the same level."""

    total: Quantity
    parts: tuple[Quantity, ...]
    exhaustive: bool  # the wording says the parts cover the total (分别为, 共 N（…）)
    certain: bool  # every same-unit count in the list is a part (none nested or unclear)
    marker: str
    shares: tuple[tuple[Quantity, Percent], ...]  # a part and the share stated for it
    span: Span


class RateFact(NamedTuple):
    rule: str
    rate: Percent
    numerator: Quantity
    base: Quantity


class Mention(NamedTuple):
    """A count the prose repeats from a table (rule = mention id in the pack)."""

    rule: str
    quantity: Quantity
    phrase: str
    span: Span
    years: tuple[int, ...]  # years its clause names before the number (2022年收到…), else its sentence
    others: tuple[Decimal, ...]  # the other counts of its sentence (其中县政府本级70件)


class ProseFacts(NamedTuple):
    parts: tuple[PartsFact, ...]
    rates: tuple[RateFact, ...]
    mentions: tuple[Mention, ...]


# --------------------------------------------------------------------------- grammar (pack data)


class Marker(NamedTuple):
    word: str
    exhaustive: bool


class RateRule(NamedTuple):
    id: str
    labels: tuple[str, ...]
    base: re.Pattern[str]
    numerator: re.Pattern[str]


class MentionRule(NamedTuple):
    id: str
    what: Msg
    pattern: re.Pattern[str]
    any: tuple[str, ...]
    none: tuple[str, ...]
    table: str
    rows: tuple[tuple[str, ...], ...]
    column: str
    cell: Msg
    needs: tuple[str, ...]  # one of these is in every text the pattern matches; () = unknown


@by_identity  # built once per pack; keys the per-run cache
class Grammar(NamedTuple):
    """The pack's ``prose`` key, compiled."""

    quantity: re.Pattern[str]
    percent: re.Pattern[str]
    scales: tuple[tuple[str, Decimal], ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    markers: tuple[Marker, ...]
    paren_exhaustive: tuple[str, ...]
    nested: tuple[str, ...]
    disqualify: tuple[str, ...]
    share_labels: tuple[str, ...]
    rates: tuple[RateRule, ...]
    mentions: tuple[MentionRule, ...]
    parts_needs: tuple[str, ...]  # a run that holds none of these lists no parts


class ProseConfigError(ValueError):
    """The pack's ``prose`` key cannot be used (reported by the engine as GL900)."""


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise ProseConfigError(f"prose.{key} 须为列表 / must be a list")
    return tuple(sorted((str(v) for v in value), key=len, reverse=True))


def _msg(value: Any, fallback: str) -> Msg:
    if isinstance(value, dict):
        return Msg(str(value.get("zh", fallback)), str(value.get("en", value.get("zh", fallback))))
    return Msg(str(value or fallback), str(value or fallback))


def _compile(pattern: Any, where: str, units: str) -> re.Pattern[str]:
    text = str(pattern or "")
    if "{n}" not in text:
        raise ProseConfigError(f"{where}: 模式缺少 {{n}} / pattern has no {{n}}")
    text = text.replace("{n}", f"(?P<n>{NUMBER})").replace("{unit}", f"(?:{units})")
    try:
        return regex.compile(text)
    except re.error as exc:
        raise ProseConfigError(f"{where}: 正则错误 / bad regular expression: {exc}") from None


def _grammar(data: dict[str, Any]) -> Grammar:
    units = "|".join(re.escape(u) for u in _words(data, "units")) or "件"
    scales_raw = data.get("scales") or {}
    scales = tuple((str(k), Decimal(str(v))) for k, v in scales_raw.items())
    scale_alt = "|".join(re.escape(k) for k, _ in scales) or "(?!)"
    inside = "|".join(re.escape(w) for w in _words(data, "approx_inside")) or "(?!)"
    quantity = regex.compile(
        f"(?P<n>{NUMBER}){SPACE}(?P<scale>{scale_alt})?{SPACE}(?P<inside>{inside})?{SPACE}(?P<unit>{units})"
    )
    totals = data.get("totals") or {}
    markers = tuple(
        Marker(str(m.get("word", "")), bool(m.get("exhaustive")))
        for m in totals.get("markers") or []
        if isinstance(m, dict) and m.get("word")
    )
    rates = tuple(
        RateRule(
            str(r.get("id", "rate")),
            _words(r, "labels"),
            _compile(r.get("base"), f"prose.rates.{r.get('id')}.base", units),
            _compile(r.get("numerator"), f"prose.rates.{r.get('id')}.numerator", units),
        )
        for r in data.get("rates") or []
    )
    mentions = tuple(_mention(m, units) for m in data.get("mentions") or [])
    return Grammar(
        quantity=quantity,
        percent=regex.compile(f"(?P<n>{NUMBER}){SPACE}%"),
        scales=scales,
        approx_before=_words(data, "approx_before"),
        approx_after=_words(data, "approx_after"),
        markers=markers,
        paren_exhaustive=_words(totals, "paren_exhaustive"),
        nested=_words(totals, "nested"),
        disqualify=_words(totals, "disqualify"),
        share_labels=_words(data, "share_labels"),
        rates=rates,
        mentions=mentions,
        parts_needs=tuple(mk.word for mk in markers) + tuple(OPEN),
    )


def _mention(m: dict[str, Any], units: str) -> MentionRule:
    pattern = _compile(m.get("pattern"), f"prose.mentions.{m.get('id')}", units)
    return MentionRule(
        str(m.get("id", "mention")),
        _msg(m.get("what"), str(m.get("id"))),
        pattern,
        _words(m, "any"),
        _words(m, "none"),
        str(m.get("table", "")),
        tuple(tuple(str(r) for r in alt) for alt in m.get("rows") or []),
        str(m.get("column", "")),
        _msg(m.get("cell"), str(m.get("id"))),
        regex.needed(pattern),
    )


def grammar(pack: Pack) -> Grammar:
    """The compiled ``prose`` key of a pack, built once per pack (the checks ask for it on
    every report; its patterns come from the regex memo)."""
    return per_pack(pack, _pack_grammar)


def _pack_grammar(pack: Pack) -> Grammar:
    data = pack.data.get("prose") or {}
    if not isinstance(data, dict):
        raise ProseConfigError("prose 须为映射 / must be a mapping")
    return _grammar(data)


# --------------------------------------------------------------------------- reading prose


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


Piece = tuple[str, int]  # a paragraph's text as written, and where it starts from its run's start


def run_pieces(document: Document) -> list[tuple[int, tuple[Piece, ...]]]:
    """Each run as where it starts and the paragraphs it is made of. Paragraphs form runs:
    one that stops mid-sentence continues in the next paragraph (a PDF page break),
    provided nothing but blank lines stands between them."""
    runs: list[tuple[int, tuple[Piece, ...]]] = []
    pieces: list[Piece] = []
    tail, base = "", 0
    previous_was_paragraph = False
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            previous_was_paragraph = False
            continue
        if previous_was_paragraph and len(tail) >= 20 and tail[-1] not in SENTENCE_END + "”」』…":
            pieces.append((block.text, block.span.start - base))
            tail += _DROP.sub("", block.text)
        else:
            if pieces:
                runs.append((base, tuple(pieces)))
            base, pieces, tail = block.span.start, [(block.text, 0)], _DROP.sub("", block.text)
        tail = tail.rstrip(" \t\u3000")
        previous_was_paragraph = True
    if pieces:
        runs.append((base, tuple(pieces)))
    return runs


def make_run(pieces: tuple[Piece, ...], base: int) -> Run:
    """The run of :func:`run_pieces`' paragraphs standing at ``base``: normalised text, and
    the offset of each character in the document."""
    if len(pieces) == 1:
        return Run(*_normalise(pieces[0][0], base + pieces[0][1]))
    text, offsets = "", list[int]()
    for raw, start in pieces:
        t, o = _normalise(raw, base + start)
        text += t
        offsets.extend(o)
    return Run(text, tuple(offsets))



@lru_cache(maxsize=4096)  # pure (Decimal is immutable); the same numbers recur in prose
def _decimal(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def _decimals(raw: str) -> int:
    return len(raw.split(".", 1)[1]) if "." in raw else 0


def _quantities(run: Run, g: Grammar) -> list[Quantity]:
    out = []
    text = run.text
    scales = dict(g.scales)
    one = Decimal(1)
    for m in g.quantity.finditer(text):
        number, word, inside, unit = m.group("n", "scale", "inside", "unit")
        start, end = m.span()
        value = _decimal(number)
        if value is None or (start and text[start - 1] == "第"):
            continue
        scale = scales.get(word or "", one)
        rounded = "." in number or scale != 1
        before = text[max(0, start - 8) : start].rstrip(" \t\u3000")
        approx = bool(inside) or before.endswith(g.approx_before) or text.startswith(g.approx_after, end)
        tol = Decimal(5) * Decimal(10) ** (-_decimals(number) - 1) * scale if rounded else Decimal(0)
        out.append(Quantity(value * scale, unit, m.group(0), start, end, run.span(start, end), tol, approx))
    return out


def _label_before(text: str, pos: int, labels: tuple[str, ...]) -> str:
    before = text[max(0, pos - 12) : pos].rstrip(RATE_LABEL_FILLER)
    return next((w for w in labels if before.endswith(w)), "")


def _percent_matches(run: Run, g: Grammar) -> list[re.Match[str]]:
    """Every percentage of a run, found once and labelled per use (shares, each rate)."""
    return list(g.percent.finditer(run.text)) if "%" in run.text else []


def _percents(run: Run, found: list[re.Match[str]], labels: tuple[str, ...]) -> list[tuple[int, Percent]]:
    out = []
    for m in found:
        value = _decimal(m.group("n"))
        if value is not None:
            label = _label_before(run.text, m.start(), labels)
            start = run.text.rfind(label, max(0, m.start() - 12), m.start()) if label else m.start()
            raw = run.text[start : m.end()]
            pct = Percent(value, _decimals(m.group("n")), label, raw, run.span(start, m.end()))
            out.append((m.start(), pct))
    return out


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


def _last_index(text: str, chars: str, start: int, end: int) -> int:
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


def _next_index(text: str, chars: str, start: int, end: int) -> int:
    end = min(end, start + WINDOW)
    m = _separators(chars).search(text, start, end)
    return m.start() if m else end


@lru_cache(maxsize=16)
def _structure_re(chars: str) -> re.Pattern[str]:
    return regex.compile(f"[{re.escape(OPEN + CLOSE + chars)}]")


def _structure(text: str, start: int, end: int, chars: str) -> list[int]:
    """Positions of parentheses and of ``chars`` in text[start:end] (found by the regex
    engine, so the Python loops run over a few marks, not every character)."""
    return [m.start() for m in _structure_re(chars).finditer(text, start, end)]


def _top_level_splits(text: str, start: int, end: int, seps: str) -> list[tuple[int, int]]:
    """Split text[start:end] at ``seps`` outside parentheses; empty pieces are dropped."""
    pieces, depth, piece = [], 0, start
    for i in _structure(text, start, end, seps):
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


def _inside_parens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, depth, opened = [], 0, start
    for i in _structure(text, start, end, ""):
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


_BLANKS = regex.compile(SPACE)
_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def _within(qs: list[Quantity], start: int, end: int) -> list[Quantity]:
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
    for i in _structure(text, start, end, SENTENCE_END):
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
    for i in _structure(text, open_at, min(limit, open_at + WINDOW), ""):
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
    run: Run, g: Grammar, start: int, end: int, unit: str,
    qs: list[Quantity], pcts: list[tuple[int, Percent]],
) -> _Region:
    """Parts listed in text[start:end]: each ；-segment (or the whole list when there is
    none) starts with a part; clauses after it are sibling parts until a clause without a
    count or one opening a breakdown (主要涉及, 已办结 …); the list ends at a segment whose
    first clause holds no count, and after the first segment when that one already holds
    several parts (then ； ends the list: “其中 A 1 件，B 2 件；结转下年 1 件”)."""
    text = run.text
    nested_spans = _inside_parens(text, start, end)

    def nested(q: Quantity) -> bool:
        return any(a < q.start < b for a, b in nested_spans)

    same = [q for q in _within(qs, start, end) if q.unit == unit]
    top = [q for q in same if not nested(q)]
    first = bisect_left(pcts, start, key=lambda item: item[0])
    last_pct = bisect_left(pcts, end, key=lambda item: item[0])
    region_pcts = [(pos, p) for pos, p in pcts[first:last_pct] if p.label in g.share_labels and p.label]
    parts: list[Quantity] = []
    shares: list[tuple[Quantity, Percent]] = []
    taken: set[int] = set()
    disqualified = False
    ended = False
    for number, (seg_a, seg_b) in enumerate(_top_level_splits(text, start, end, SEGMENT_END)):
        if number == 1 and len(parts) >= 2:
            ended = True  # the first segment held the whole list: ； closes it, not separates it
        in_list = not ended
        last: Quantity | None = None
        for index, (a, b) in enumerate(_top_level_splits(text, seg_a, seg_b, "，,：:")):
            clause = text[a:b]
            here = _within(top, a, b)
            shares_here = [p for pos, p in region_pcts if a <= pos < b]
            disqualified = disqualified or any(w in clause for w in g.disqualify)
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
    seg_start = _last_index(text, SEGMENT_END, 0, marker_at) + 1
    if not text[seg_start:marker_at].strip(" \t\u3000，,：:"):
        end = seg_start - 1
        seg_start = _last_index(text, SEGMENT_END, 0, max(0, end)) + 1
    else:
        end = marker_at
    before = _within(qs, seg_start, end)
    if not before:
        return None
    last = before[-1]
    if sum(1 for q in before if q.unit == last.unit) != 1:
        return None  # two counts of the same kind: which one is the total is unclear
    return last


def _parts_facts(run: Run, g: Grammar, qs: list[Quantity], pcts: list[tuple[int, Percent]]) -> list[PartsFact]:
    text = run.text
    facts: list[PartsFact] = []

    def add(total: Quantity | None, start: int, end: int, exhaustive: bool, marker: str) -> None:
        if total is None or total.approximate:
            return
        region = _read_parts(run, g, start, end, total.unit, qs, pcts)
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
        clause = text[_last_index(text, CLAUSE_END, 0, q.start) + 1 : q.start].replace("公共", "")
        exhaustive = any(w in clause for w in g.paren_exhaustive) and not inner.startswith(g.nested)
        add(q, after + 1, end, exhaustive, text[after])
    return facts


def _count_after(text: str, end: int) -> bool:
    """A number followed by % is a percentage, not a count."""
    return not text[end : end + 3].lstrip(" \t\u3000").startswith("%")


def _rate_facts(run: Run, g: Grammar, qs: list[Quantity], found: list[re.Match[str]]) -> list[RateFact]:
    text = run.text
    out = []
    for rule in g.rates:
        for pos, pct in _percents(run, found, rule.labels):
            if not pct.label:
                continue
            label_at = text.rfind(pct.label, max(0, pos - 20), pos)
            scope_start = _last_index(text, SEGMENT_END + OPEN, 0, label_at) + 1
            scope = text[scope_start:label_at]
            bases = [m for m in rule.base.finditer(scope) if _count_after(scope, m.end("n"))]
            nums = [m for m in rule.numerator.finditer(scope) if _count_after(scope, m.end("n"))]
            if len(bases) != 1 or len(nums) != 1:
                continue  # no stated base, or more than one candidate: not computable
            pair = [_match_quantity(run, scope_start, m, qs, g) for m in (nums[0], bases[0])]
            if pair[0] is None or pair[1] is None or pair[0].approximate or pair[1].approximate:
                continue
            out.append(RateFact(rule.id, pct, pair[0], pair[1]))
    return out


def _match_quantity(
    run: Run, offset: int, m: re.Match[str], qs: list[Quantity], g: Grammar
) -> Quantity | None:
    """The count a pattern's ``n`` group found, as a Quantity (with its unit when written)."""
    start, end = offset + m.start("n"), offset + m.end("n")
    i = bisect_left(qs, start, key=lambda q: q.start)
    if i < len(qs) and qs[i].start == start:
        return qs[i]
    value = _decimal(m.group("n"))
    if value is None:
        return None
    approx = run.text[max(0, start - 8) : start].endswith(g.approx_before) or run.text.startswith(
        g.approx_after, end
    )
    return Quantity(value, "", m.group("n"), start, end, run.span(start, end), Decimal(0), approx)


def _mentions(run: Run, g: Grammar, qs: list[Quantity], rules: list[MentionRule]) -> list[Mention]:
    """The mentions of ``rules`` (those whose needs the run holds)."""
    text = run.text
    out = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            if not _count_after(text, m.end("n")):
                continue
            a = _last_index(text, CLAUSE_END, 0, m.start()) + 1
            b = _next_index(text, CLAUSE_END, m.end(), len(text))
            clause = text[a:b]
            if rule.any and not any(w in clause for w in rule.any):
                continue
            # Words that make it another quantity count only up to the number: a note after
            # it, "（含上年结转1件）", says which cells the number covers, not what it is.
            if any(w in text[a : m.end()] for w in rule.none):
                continue
            q = _match_quantity(run, 0, m, qs, g)
            if q is None or q.approximate:
                continue
            s_a = _last_index(text, SENTENCE_END, 0, m.start()) + 1
            # the clause's own years, else the last one its sentence names before it
            # (“2022年，本机关共制定规范性文件0件”)
            years = tuple(int(y) for y in _YEAR.findall(text, a, m.end()) or _YEAR.findall(text, s_a, a)[-1:])
            s_b = _next_index(text, SENTENCE_END, m.end(), len(text))
            others = tuple(
                x.value for x in _within(qs, s_a, s_b) if x.start != q.start and (x.unit == q.unit or not q.unit)
            )
            out.append(Mention(rule.id, q, m.group(0), run.span(m.start(), m.end()), years, others))
    return out


_Facts = tuple[tuple[PartsFact, ...], tuple[RateFact, ...], tuple[Mention, ...]]
_NO_FACTS: _Facts = ((), (), ())

#: The facts of the runs read lately, by their paragraphs' text: the grammar they were read
#: with, where the run stood, and the facts placed there. An editor's change reads again only
#: the paragraph it touched (the rest only moves); a batch meets the same boilerplate in
#: report after report. Least recently used entries go first, past model.PER_TEXT_CACHE.
_RUN_FACTS: dict[tuple[Piece, ...], tuple[Grammar, int, _Facts]] = {}


def _run_facts(pieces: tuple[Piece, ...], base: int, g: Grammar) -> _Facts:
    """The facts of one run standing at ``base``: read there when new (nothing to move),
    moved from where they were read otherwise (most runs hold none: nothing to move)."""
    hit = _RUN_FACTS.pop(pieces, None)
    if hit is None or hit[0] is not g:
        hit = (g, base, _read_run(make_run(pieces, base), g))
        if len(_RUN_FACTS) >= PER_TEXT_CACHE:
            del _RUN_FACTS[next(iter(_RUN_FACTS))]
    _RUN_FACTS[pieces] = hit
    facts = hit[2]
    return facts if hit[1] == base or facts is _NO_FACTS else moved(facts, base - hit[1])


def _read_run(run: Run, g: Grammar) -> _Facts:
    """Counts are read only when something could use them: a run without a marker or a
    parenthesis (parts), a percent sign (rates) and what some mention needs has no facts."""
    text = run.text
    rules = [rule for rule in g.mentions if not rule.needs or any(s in text for s in rule.needs)]
    listed = any(w in text for w in g.parts_needs)
    if not (rules or listed or "%" in text):
        return _NO_FACTS
    qs = _quantities(run, g)
    found = _percent_matches(run, g)
    pcts = _percents(run, found, g.share_labels)
    parts = tuple(_parts_facts(run, g, qs, pcts)) if listed else ()
    facts = parts, tuple(_rate_facts(run, g, qs, found)), tuple(_mentions(run, g, qs, rules))
    return facts if any(facts) else _NO_FACTS


def extract_facts(document: Document, g: Grammar) -> ProseFacts:
    """All prose facts of a document (pure)."""
    parts: list[PartsFact] = []
    rates: list[RateFact] = []
    mentions: list[Mention] = []
    for base, pieces in run_pieces(document):
        facts = _run_facts(pieces, base, g)
        if facts is not _NO_FACTS:
            parts.extend(facts[0])
            rates.extend(facts[1])
            mentions.extend(facts[2])
    return ProseFacts(tuple(parts), tuple(rates), tuple(mentions))


_LAST_FACTS: list[tuple[Document, Grammar, ProseFacts]] = []


def facts_for(document: Document, pack: Pack) -> ProseFacts:
    """What the checks call: the document's facts read with the pack's grammar, read once
    for the three prose checks (the last document's are kept, matched by identity: hashing a
    whole document for a cache key cost more than some checks)."""
    g = grammar(pack)
    if _LAST_FACTS and _LAST_FACTS[0][0] is document and _LAST_FACTS[0][1] is g:
        return _LAST_FACTS[0][2]
    facts = extract_facts(document, g)
    _LAST_FACTS[:] = [(document, g, facts)]
    return facts
