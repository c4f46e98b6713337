"""Counts and percentages in prose, rates stated with their base (办结率 99.87%), and counts
that repeat a table cell (mentions)."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from govlint._infra import regex
from govlint.align.prose.facts import Mention, Percent, Quantity, RateFact, Run
from govlint.align.prose.grammar import Grammar, MentionRule
from govlint.align.prose.parts import within
from govlint.align.prose.scan import (
    CLAUSE_END,
    OPEN,
    SEGMENT_END,
    SENTENCE_END,
    decimal_of,
    decimals_of,
    last_index,
    next_index,
)

RATE_LABEL_FILLER = " \t\u3000为达到是:："


_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def quantities(run: Run, g: Grammar) -> list[Quantity]:
    out = []
    text = run.text
    scales = dict(g.scales)
    one = Decimal(1)
    for m in g.quantity.finditer(text):
        number, word, inside, unit = m.group("n", "scale", "inside", "unit")
        start, end = m.span()
        value = decimal_of(number)
        if value is None or (start and text[start - 1] == "第"):
            continue
        scale = scales.get(word or "", one)
        rounded = "." in number or scale != 1
        before = text[max(0, start - 8) : start].rstrip(" \t\u3000")
        approx = bool(inside) or before.endswith(g.approx_before) or text.startswith(g.approx_after, end)
        tol = Decimal(5) * Decimal(10) ** (-decimals_of(number) - 1) * scale if rounded else Decimal(0)
        out.append(Quantity(value * scale, unit, m.group(0), start, end, run.span(start, end), tol, approx))
    return out


def _label_before(text: str, pos: int, labels: tuple[str, ...]) -> str:
    before = text[max(0, pos - 12) : pos].rstrip(RATE_LABEL_FILLER)
    return next((w for w in labels if before.endswith(w)), "")


def percent_matches(run: Run, g: Grammar) -> list[re.Match[str]]:
    """Every percentage of a run, found once and labelled per use (shares, each rate)."""
    return list(g.percent.finditer(run.text)) if "%" in run.text else []


def percents(run: Run, found: list[re.Match[str]], labels: tuple[str, ...]) -> list[tuple[int, Percent]]:
    out = []
    for m in found:
        value = decimal_of(m.group("n"))
        if value is not None:
            label = _label_before(run.text, m.start(), labels)
            start = run.text.rfind(label, max(0, m.start() - 12), m.start()) if label else m.start()
            raw = run.text[start : m.end()]
            pct = Percent(value, decimals_of(m.group("n")), label, raw, run.span(start, m.end()))
            out.append((m.start(), pct))
    return out


def _count_after(text: str, end: int) -> bool:
    """A number followed by % is a percentage, not a count."""
    return not text[end : end + 3].lstrip(" \t\u3000").startswith("%")


def rate_facts(run: Run, g: Grammar, qs: list[Quantity], found: list[re.Match[str]]) -> list[RateFact]:
    text = run.text
    out = []
    for rule in g.rates:
        for pos, pct in percents(run, found, rule.labels):
            if not pct.label:
                continue
            label_at = text.rfind(pct.label, max(0, pos - 20), pos)
            scope_start = last_index(text, SEGMENT_END + OPEN, 0, label_at) + 1
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
    value = decimal_of(m.group("n"))
    if value is None:
        return None
    approx = run.text[max(0, start - 8) : start].endswith(g.approx_before) or run.text.startswith(
        g.approx_after, end
    )
    return Quantity(value, "", m.group("n"), start, end, run.span(start, end), Decimal(0), approx)


def mentions(run: Run, g: Grammar, qs: list[Quantity], rules: list[MentionRule]) -> list[Mention]:
    """The mentions of ``rules`` (those whose needs the run holds)."""
    text = run.text
    out = []
    for rule in rules:
        for m in rule.pattern.finditer(text):
            if not _count_after(text, m.end("n")):
                continue
            a = last_index(text, CLAUSE_END, 0, m.start()) + 1
            b = next_index(text, CLAUSE_END, m.end(), len(text))
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
            s_a = last_index(text, SENTENCE_END, 0, m.start()) + 1
            # the clause's own years, else the last one its sentence names before it
            # (“2022年，本机关共制定规范性文件0件”)
            years = tuple(int(y) for y in _YEAR.findall(text, a, m.end()) or _YEAR.findall(text, s_a, a)[-1:])
            s_b = next_index(text, SENTENCE_END, m.end(), len(text))
            others = tuple(
                x.value for x in within(qs, s_a, s_b) if x.start != q.start and (x.unit == q.unit or not q.unit)
            )
            said = tuple(x.rows for x in rule.said if x.pattern.search(text, m.start(), s_b))
            out.append(Mention(rule.id, q, m.group(0), run.span(m.start(), m.end()), years, others, said))
    return _one_reading_per_count(out)


def _one_reading_per_count(found: list[Mention]) -> list[Mention]:
    """A number two mentions read is the longer phrase's: “予以公开及部分公开 12 件” names
    （一）+（二）, and the “部分公开 12 件” inside it is no count of its own."""
    if len(found) < 2:
        return found
    longest: dict[int, Mention] = {}
    for m in found:
        held = longest.get(m.quantity.start)
        if held is None or len(m.phrase) > len(held.phrase):
            longest[m.quantity.start] = m
    return [m for m in found if longest[m.quantity.start] is m]
