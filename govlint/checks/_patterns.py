"""Reading the pack's pattern entries and running them over a report's text.

GL3xx and GL5xx rules are mostly "find this wording, then judge it" rules whose wording
lives in YAML. This module holds what they share: the text pieces a pattern may look at
(each with its offset, so a finding points at the exact characters), compiled patterns,
numbers written in either digit width or in Chinese numerals, and bilingual message
templates that a pack author cannot break into a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import TextMemo, per_pack
from govlint._infra.records import NamedTuple
from govlint.align.texts import PlacedText, report_texts
from govlint.model import (
    Check,
    Context,
    Diagnostic,
    Msg,
    Pack,
    Report,
    Severity,
    Span,
)
from govlint.readers.numbering import to_int

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def matches(
    report: Report, ctx: Context, pattern: re.Pattern[str], cells: bool = True, needs: str = ""
) -> Iterator[tuple[PlacedText, re.Match[str]]]:
    """Every match of ``pattern`` in the report's texts (prose, and with ``cells`` table
    cells too), in order, with the text it is in (its offsets are relative to the text). A
    text that several places share (table cells: "0", "1"…) is searched once, and a pattern
    found nowhere costs one search per distinct text. With ``needs``, only texts holding one
    of its characters are searched (for a check that can only report matches holding one)."""
    whole = report.source.text  # every text is a piece of it: one look there may settle it
    required = regex.needed(pattern)
    if not regex.may_match(pattern, whole) or (needs and not _any_of(needs).search(whole)):
        return
    index = report_texts(report, ctx).of(cells)
    texts: Iterable[str] = index.texts
    if required:  # only the texts holding what every match needs
        texts = (index.texts[i] for i in index.holding(required))
    found: dict[str, tuple[re.Match[str], ...]] = {}
    wanted = _any_of(needs) if needs else None
    key = (pattern.pattern, pattern.flags)  # a compiled pattern's own hash covers its whole program
    for text in texts:
        if wanted is not None and not wanted.search(text):
            continue
        searched = _SEARCHED.get(text) or _SEARCHED.put(text, {})
        hits = searched.get(key)
        if hits is None:
            hits = searched[key] = tuple(pattern.finditer(text)) if pattern.search(text) else ()
        if hits:
            found[text] = hits
    if not found:
        return
    at = index.placed
    yield from sorted(
        ((PlacedText(text, start), m) for text, hits in found.items() for start in at[text] for m in hits),
        key=lambda pair: (pair[0].start, pair[1].start()),
    )


#: What each pattern (by its source and flags) found in a text so far.
_SEARCHED: TextMemo[dict[tuple[str, int], tuple[re.Match[str], ...]]] = TextMemo()


@lru_cache(maxsize=64)
def _any_of(chars: str) -> re.Pattern[str]:
    return regex.compile(f"[{re.escape(chars)}]")


@lru_cache(maxsize=256)
def compiled(pattern: str, where: str) -> re.Pattern[str]:
    """Compile a pack pattern; a broken one names its place in the pack."""
    try:
        return regex.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise ValueError(f"{where}: 正则表达式无效 / invalid regular expression: {exc}") from None


class _Keep(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: object, values: Mapping[str, object]) -> Msg:
    """Fill a ``{zh:, en:}`` message from the pack; unknown placeholders stay as written."""
    import string  # only when a finding is reported

    source = template if isinstance(template, Mapping) else {}
    out = []
    for lang in ("zh", "en"):
        raw = str(source.get(lang) or source.get("zh") or "")
        try:
            out.append(string.Formatter().vformat(raw, (), _Keep(values)))
        except (ValueError, IndexError, AttributeError, TypeError):
            out.append(raw)
    return Msg(out[0], out[1])


def family(report: Report, key: str) -> dict[str, Any]:
    """The pack's mapping for one rule family (``references``, ``typography``), or {}."""
    data = report.pack.data.get(key)
    return data if isinstance(data, dict) else {}


def config(report: Report, key: str, rule: str) -> dict[str, Any]:
    """One rule's mapping inside a family, e.g. ``typography.phone_dash``, or {}."""
    data = family(report, key).get(rule)
    return data if isinstance(data, dict) else {}


def severity(value: object, default: Severity) -> Severity:
    return next((s for s in SEVERITIES if s == value), default)


def short(text: str, limit: int = 60) -> str:
    """A match quoted in a message: whitespace collapsed, long ones cut."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# --------------------------------------------------------------------------- pattern entries

RELATIONS: dict[str, Callable[[int, int], bool]] = {
    "year_before_report": lambda year, report_year: year < report_year,
    "year_not_report": lambda year, report_year: year != report_year,
    "year_after_report": lambda year, report_year: year > report_year,
}


class Entry(NamedTuple):
    """One ``references.patterns`` item of the pack (see references.yaml for the fields)."""

    id: str
    code: str
    severity: Severity
    pattern: re.Pattern[str]
    relation: str
    expect: dict[str, int]
    min_report_year: int | None
    once: bool
    message: object
    unless: tuple[str, ...]  # words in the match's clause that make it no finding


def entries(report: Report, code: str) -> list[Entry]:
    """The pattern entries of the pack that belong to rule ``code``, read once per pack
    (a broken entry raises for its rule alone, each time it is asked for)."""
    known = per_pack(report.pack, _no_entries)
    found = known.get(code)
    if found is None:
        found = known[code] = _entries(report, code)
    return found


def _no_entries(pack: Pack) -> dict[str, list[Entry]]:
    return {}


def _entries(report: Report, code: str) -> list[Entry]:
    out = []
    for i, item in enumerate(family(report, "references").get("patterns") or []):
        if not isinstance(item, dict) or item.get("code") != code or not item.get("pattern"):
            continue
        ident = str(item.get("id", i))
        where = f"references.patterns[{ident}]"
        relation = str(item.get("relation") or "")
        if relation and relation not in RELATIONS:
            raise ValueError(f"{where}: 未知的 relation / unknown relation: {relation}")
        expect = item.get("expect") or {}
        min_year = item.get("min_report_year")
        out.append(
            Entry(
                ident,
                code,
                severity(item.get("severity"), "warning"),
                compiled(str(item["pattern"]), where),
                relation,
                {str(k): int(v) for k, v in expect.items()} if isinstance(expect, dict) else {},
                int(min_year) if isinstance(min_year, int) else None,
                bool(item.get("once", False)),
                item.get("message"),
                tuple(str(w) for w in item.get("unless") or ()),
            )
        )
    return out


def is_year(group: str) -> bool:
    """Groups named ``year`` or ``year_…`` hold years that ``relation`` judges."""
    return group == "year" or group.startswith("year_")


def is_finding(entry: Entry, match: re.Match[str], report_year: int | None) -> bool:
    """Whether a match is a finding: its years break the relation or a group differs
    from what ``expect`` says; an entry with neither reports every match."""
    if entry.min_report_year is not None and report_year is not None and report_year < entry.min_report_year:
        return False
    if not entry.relation and not entry.expect:
        return True
    groups = match.groupdict()
    if entry.relation and report_year is not None:  # without the report year only ``expect`` can tell
        test = RELATIONS[entry.relation]
        years = [to_int(v) for k, v in groups.items() if is_year(k) and v]
        if any(y is not None and test(y, report_year) for y in years):
            return True
    return any(
        (got := to_int(groups.get(group))) is not None and got != wanted
        for group, wanted in entry.expect.items()
    )


def entry_diagnostics(report: Report, ctx: Context, entry: Entry, check: Check) -> Iterator[Diagnostic]:
    """One finding of ``check`` per match (only the first with ``once``), with the entry's
    severity and id; years in the message are written in half-width digits whatever the
    report used."""
    values: dict[str, object] = {"report_year": report.year or "?", "organ": report.organ or ""}
    for seg, m in matches(report, ctx, entry.pattern):
        if not is_finding(entry, m, report.year) or _excused(entry, seg.text, m):
            continue
        fields = dict(values)
        if report.year is None and m.groupdict().get("year"):
            fields["report_year"] = m.group("year")  # the year the text itself gives
        fields.update({k: v for k, v in m.groupdict().items() if v is not None})
        fields.update({k: n for k, v in fields.items() if is_year(k) and (n := to_int(str(v))) is not None})
        fields["match"] = short(m.group())
        span = Span(seg.start + m.start(), seg.start + m.end())
        yield check.finding(render(entry.message, fields), span, severity=entry.severity, entry=entry.id)
        if entry.once:
            return


CLAUSE_ENDS = "，,。；;！？!?\n"


def _excused(entry: Entry, text: str, m: re.Match[str]) -> bool:
    """An ``unless`` word in the clause around the match: “2022年要点确定的任务已于上年完成”
    mentions last year's 要点 without citing it as this year's basis."""
    if not entry.unless:
        return False
    start = max(text.rfind(ch, 0, m.start()) for ch in CLAUSE_ENDS) + 1
    ends = [i for ch in CLAUSE_ENDS if (i := text.find(ch, m.end())) >= 0]
    clause = text[start : min(ends, default=len(text))]
    return any(word in clause for word in entry.unless)


def pattern_findings(report: Report, ctx: Context, check: Check) -> Iterator[Diagnostic]:
    """What the pack's pattern entries with ``check``'s code find: the whole run of a rule
    made only of such entries. Each finding is the rule's own (its code and name); the entry
    that fired is its ``entry``."""
    for entry in entries(report, check.code):
        yield from entry_diagnostics(report, ctx, entry, check)
