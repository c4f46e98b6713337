"""The pack's ``prose`` key compiled: units, scales, the words that mark a list of parts,
rates and the mentions tied to table cells (``rules/national/prose.yaml``)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import TextMemo, per_pack
from govlint._infra.records import NamedTuple
from govlint.align.prose.facts import RunFacts
from govlint.align.prose.scan import OPEN
from govlint.model import Msg, Pack

# The first digit is matched before the look-behind (which then looks past it): a pattern
# that starts with a digit lets the regex engine skip to the next digit, three times faster
# than trying the look-behind at every character.
NUMBER = r"\d(?<![A-Za-z0-9.\-/_]\d)(?:\d{0,2}(?:,\d{3})+(?![\d,])|\d*(?:\.\d+)?)(?!\d|\.\d)"


SPACE = "[ \t\u00a0\u3000]*"


class Marker(NamedTuple):
    word: str
    exhaustive: bool


class RateRule(NamedTuple):
    id: str
    labels: tuple[str, ...]
    base: re.Pattern[str]
    numerator: re.Pattern[str]


class Said(NamedTuple):
    """A set of rows a mention's number may be the sum of only where its sentence says so
    (一 + 二 where it says 含上年结转)."""

    rows: int  # index into MentionRule.rows
    pattern: re.Pattern[str]  # what the sentence says, from the mention on
    reading: Msg  # the reading named when the number is this sum unsaid: {0}, {1} … the cells, {sum}


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
    said: tuple[Said, ...]


class Grammar(NamedTuple):
    """The pack's ``prose`` key, compiled (once per pack), with the facts of the runs it read
    lately (see :func:`_run_facts`)."""

    quantity: re.Pattern[str]
    percent: re.Pattern[str]
    scales: tuple[tuple[str, Decimal], ...]
    approx_before: tuple[str, ...]
    approx_after: tuple[str, ...]
    markers: tuple[Marker, ...]
    paren_exhaustive: tuple[str, ...]
    nested: tuple[str, ...]
    disqualify: tuple[str, ...]
    other_kinds: tuple[str, ...]  # a part's clause naming one its total's does not ends the list
    share_labels: tuple[str, ...]
    rates: tuple[RateRule, ...]
    mentions: tuple[MentionRule, ...]
    parts_needs: tuple[str, ...]  # a run that holds none of these lists no parts
    runs: TextMemo[tuple[int, RunFacts]]  # by a run's paragraphs: where it was read, its facts there


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
        other_kinds=_words(totals, "other_kinds"),
        share_labels=_words(data, "share_labels"),
        rates=rates,
        mentions=mentions,
        parts_needs=tuple(mk.word for mk in markers) + tuple(OPEN),
        runs=TextMemo(),
    )


def _mention(m: dict[str, Any], units: str) -> MentionRule:
    where = f"prose.mentions.{m.get('id')}"
    pattern = _compile(m.get("pattern"), where, units)
    rows = tuple(tuple(str(r) for r in alt) for alt in m.get("rows") or [])
    return MentionRule(
        str(m.get("id", "mention")),
        _msg(m.get("what"), str(m.get("id"))),
        pattern,
        _words(m, "any"),
        _words(m, "none"),
        str(m.get("table", "")),
        rows,
        str(m.get("column", "")),
        _msg(m.get("cell"), str(m.get("id"))),
        regex.needed(pattern),
        tuple(_said(s, rows, f"{where}.said") for s in m.get("said") or []),
    )


def _said(s: Any, rows: tuple[tuple[str, ...], ...], where: str) -> Said:
    """A ``said`` entry: its rows must be one of the mention's ``rows`` sets, its reading
    must fill in with the cells' values."""
    if not isinstance(s, dict):
        raise ProseConfigError(f"{where}: 须为映射 / must be a mapping")
    wanted = tuple(str(r) for r in s.get("rows") or [])
    if wanted not in rows:
        raise ProseConfigError(f"{where}: rows {list(wanted)} 不在 rows 中 / is not one of the mention's rows")
    try:
        pattern = regex.compile(str(s.get("pattern") or "(?!)"))
    except re.error as exc:
        raise ProseConfigError(f"{where}: 正则错误 / bad regular expression: {exc}") from None
    reading = _msg(s.get("reading"), "")
    try:
        for text in reading:
            text.format(*wanted, sum="")
    except (IndexError, KeyError, ValueError) as exc:
        raise ProseConfigError(f"{where}.reading: 占位符错误 / bad placeholder: {exc}") from None
    return Said(rows.index(wanted), pattern, reading)


def grammar(pack: Pack) -> Grammar:
    """The compiled ``prose`` key of a pack, built once per pack (the checks ask for it on
    every report; its patterns come from the regex memo)."""
    return per_pack(pack, _pack_grammar)


def _pack_grammar(pack: Pack) -> Grammar:
    data = pack.data.get("prose") or {}
    if not isinstance(data, dict):
        raise ProseConfigError("prose 须为映射 / must be a mapping")
    return _grammar(data)
