"""The facts prose states, as records: counts, percentages, totals with their parts, rates,
and counts that repeat a table cell — each with its span in the source."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govlint._infra.records import NamedTuple
from govlint.model import Span


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
    said: tuple[int, ...]  # the rule's row sets its sentence says it counts (含上年结转: 一 + 二)


class ProseFacts(NamedTuple):
    parts: tuple[PartsFact, ...]
    rates: tuple[RateFact, ...]
    mentions: tuple[Mention, ...]


RunFacts = tuple[tuple[PartsFact, ...], tuple[RateFact, ...], tuple[Mention, ...]]  # a run's, as ProseFacts


NO_FACTS: RunFacts = ((), (), ())
