"""Aligning a Document with the pack: sections, title, year, organ and tables.

Labels are compared after normalisation (NFKC, no spaces or punctuation), with a fuzzy
fallback so reworded and misspelt labels still map — and are reported — instead of being
lost. Tables are read as a stream of rows: a cell that matches a template row label starts
that row, numbers that follow belong to it (on the same line or, in one-cell-per-line
layouts, on the lines after), so PDF page breaks, split headers and label cells spread
over several columns all read the same way. Blank is never read as zero.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import attrgetter
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import code_stamp, disk_memo, per_pack
from govlint._infra.records import NamedTuple, by_identity
from govlint.model import (
    Block,
    Cell,
    CellValue,
    Document,
    Heading,
    Pack,
    Paragraph,
    Problem,
    RawTable,
    Report,
    RowMatch,
    SectionMatch,
    Span,
    TableMatch,
)

CN_DIGITS = "一二三四五六七八九十"
PREFIX = regex.compile(
    r"^\s*(?:(?:第(?P<part>[一二三四五六七八九十]{1,3})部分[、.．:：]?)"
    r"|(?P<cn>[一二三四五六七八九十]{1,3})(?:\s*[、.．]|\s+)"
    r"|[（(]\s*(?P<paren>[一二三四五六七八九十]{1,3})\s*[）)]"
    r"|(?P<ar>\d{1,2})\s*[.．、](?!\d))\s*"
)
SPELLING_VARIANTS = (("其它", "其他"), ("部份", "部分"))
# What negates a label: one with and one without are never variants of each other. Any of them
# counts as the negation, so 不掌握 / 未掌握 can still be one label in other words.
NEGATIONS = "不未非无"
PUNCT = regex.compile(r"[\s\W_]+", re.UNICODE)
NUMBER = regex.compile(r"^[-+]?\d+(?:\.\d+)?$")
UNIT = regex.compile(r"(?:件|条|个|项|万元|元|次)$")
BLANK_MARKS = frozenset({"", "/", "／", "-", "—", "——", "–", "－", "无", "空", "\\"})
YEAR = regex.compile(r"((?:19|20)\d{2})\s*年")
# In a title the 年 may be missing: “2022政府信息公开工作年度报告”.
# Not the year of a document number: 〔2021〕30号.
TITLE_YEAR = regex.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?!\s*[〕\]）)]\s*\d)\s*(?:年度?)?")
TITLE_WORDS = ("年度报告", "工作报告", "年报")
# A title without those words: “关于2022年度政府信息公开情况的报告”.
TITLE_LOOSE = regex.compile(r"(?:信息公开|政务公开|信息公開).*(?:报告|報告)")
BREADCRUMB = regex.compile(r"[>›»].*[>›»]|当前位置")
# Where no title gives the year, the preamble names the report: “现公布法库县自然资源局2022年
# 政府信息公开工作年度报告”, “2022年度本单位政府信息公开工作年度报告”.
REPORT_NAMED = regex.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*年度?[^。；;，,\n]{0,20}?(?:信息公开|政务公开|信息公開)[^。；;，,《》\n]{0,6}?(?:报告|報告)"
)
# Failing that, the start of the statistical period: “统计期限为2023年1月1日至…”.
PERIOD_START = regex.compile(r"统计[^。；;，,\n\d]{0,14}?(?<!\d)((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日")
# The organ, where a preamble sentence names the report: “现公布建平县人民政府2025年…年度报告”.
ORGAN_NAMED = regex.compile(
    r"(?:公布|发布|编制|编制了|形成了|制作)(?:了|的)?\s*(?P<organ>[^，,。；;：:《》“”\s\d]{2,30}?"
    r"(?:政府|办公室|办公厅|委员会|办事处|局|委|办|厅|部|署|院|街道|镇|乡|中心|分局|管委会))\s*(?:19|20)\d{2}\s*年"
)
PREAMBLE_BLOCKS = 4
ORGAN_END = regex.compile(r"(?:政府信息公开|信息公开|政务公开).*$")
SECTION_SIM = 0.6  # enough with the right numeral
SECTION_SIM_BARE = 0.85  # a heading without the right numeral must be close
SHORT_HEADING = 30
ROW_SIM = 0.75
ROW_SIM_NUMBERED = 0.5
HEADER_SIM = 0.7


# --------------------------------------------------------------------------- text helpers


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Comparable form of a label: NFKC, no spaces, no punctuation, and accepted variant
    spellings unified (其它/其他: both correct, so never a "typo")."""
    out = PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()
    for variant, standard in SPELLING_VARIANTS:
        out = out.replace(variant, standard)
    return out


class Label(NamedTuple):
    kind: str  # "cn" (一、), "paren" (（一）), "ar" (1.), or "" without numbering
    number: str
    core: str  # normalised text after the numbering


@lru_cache(maxsize=4096)
def split_label(text: str) -> Label:
    m = PREFIX.match(text)
    if not m:
        return Label("", "", norm(text))
    kind = next(k for k in ("part", "cn", "paren", "ar") if m.group(k))
    # "第一部分" numbers a section just as "一、" does.
    return Label("cn" if kind == "part" else kind, m.group(kind), norm(text[m.end() :]))


@lru_cache(maxsize=4096)
def inner_label(text: str) -> Label:
    """The numbering and words after a label's own numbering: “（六）3.其他” → 3、其他."""
    m = PREFIX.match(text)
    return split_label(text[m.end() :]) if m else Label("", "", norm(text))


@lru_cache(maxsize=1 << 16)  # pure, and the same label/key pairs recur in every report
def similarity(a: str, b: str) -> float:
    """How alike two normalised labels are, 0 to 1. Labels of which one is negated and the
    other not are opposites however many characters they share (予以公开 / 不予公开), unless
    one is a piece of the other: a label the PDF broke off (“予公开” after a line “（三）不”)."""
    if a == b:
        return 1.0
    if not a or not b or (_negated(a) != _negated(b) and a not in b and b not in a):
        return 0.0
    from difflib import SequenceMatcher  # only for labels that differ from every key

    return SequenceMatcher(None, a, b).ratio()


def _negated(label: str) -> bool:
    return any(ch in label for ch in NEGATIONS)


def similarity_bound(a: str, b: str, floor: float) -> float:
    """An upper bound of ``similarity(a, b)``, exact enough to tell whether it can reach
    ``floor``: SequenceMatcher's ratio is 2.0 * matches / total length, and a matched
    character of either string occurs in the other (same formula, so the bound holds in
    floating point too). Far cheaper than the ratio itself."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    bound = 2.0 * min(len(a), len(b)) / total
    if bound < floor:
        return bound
    shared = min(sum(1 for ch in a if ch in b), sum(1 for ch in b if ch in a))
    return 2.0 * shared / total


def best_similarity(text: str, keys: Iterable[str], floor: float) -> float:
    """The best :func:`similarity` of ``text`` to ``keys`` when it reaches ``floor``, else
    some value below ``floor``. A key whose :func:`similarity_bound` is under ``floor`` is
    not compared: most pairs a report offers (a long line against a short label, words
    with few letters in common) are settled without SequenceMatcher."""
    best = 0.0
    for key in keys:
        if similarity_bound(text, key, floor) < floor:
            continue
        sim = similarity(text, key)
        if sim > best:
            best = sim
    return best


@lru_cache(maxsize=1 << 14)  # pure (Decimal is immutable); a report has ~600 cells, mostly "0"
def parse_number(text: str) -> Decimal | None:
    """A cell's number, or None if it is not one (units such as 件 are allowed)."""
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    t = UNIT.sub("", t)
    if not NUMBER.match(t):
        return None
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _written(cells: list[Cell]) -> bool:
    """Whether any of the cells holds text (asked of every row: a C loop, not a generator)."""
    return any(map(_TEXT, cells))


_TEXT = attrgetter("text")


def _trim(cells: list[Cell]) -> list[Cell]:
    """Drop trailing empty cells (layout); explicit blank marks such as “/” stay values."""
    while cells and not cells[-1].text:
        cells.pop()
    return cells


@lru_cache(maxsize=1 << 14)  # pure; the same cell texts recur in every table
def text_kind(text: str) -> str:
    """ "num", "blank" (empty or a blank marker such as / — 无) or "text"."""
    if text in BLANK_MARKS:
        return "blank"
    return "num" if parse_number(text) is not None else "text"


# --------------------------------------------------------------------------- pack views


class RowSpec(NamedTuple):
    id: str
    label: str
    keys: frozenset[str]  # normalised label and aliases
    parent: str
    group: bool
    columns: tuple[str, ...]
    kind: str  # numbering kind of its own id ("cn", "paren", "ar", "")
    number: str


@by_identity  # built once per pack; keys the label caches (hashing its ~30 rows cost more)
class Template(NamedTuple):
    id: str
    section: str
    columns: tuple[dict[str, Any], ...]
    rows: tuple[RowSpec, ...]
    header_keys: frozenset[str]
    column_keys: dict[str, str]  # normalised label/alias -> column id
    check_header: bool
    superseded: frozenset[str]  # normalised header words of an older format's table
    by_id: dict[str, RowSpec]  # rows by id: asked for every row a table feeds
    unlabelled: tuple[RowSpec, ...]  # rows without a label (table 四's one row of numbers)

    def row_spec(self, row_id: str) -> RowSpec | None:
        return self.by_id.get(row_id)


def _own_number(row_id: str) -> tuple[str, str]:
    m = regex.compile(r"(?<!\d)(\d+)$").search(row_id)  # only where a digit run starts: linear
    if m:
        return "ar", m.group(1)
    m = regex.compile(r"[（(]([一二三四五六七八九十]+)[）)]").fullmatch(row_id)
    if m:
        return "paren", m.group(1)
    if row_id and all(ch in CN_DIGITS for ch in row_id):
        return "cn", row_id
    return "", ""


def templates(pack: Pack) -> tuple[Template, ...]:
    """The pack's table templates, built once per pack."""
    return per_pack(pack, _build_templates)


def _build_templates(pack: Pack) -> tuple[Template, ...]:
    out = []
    for t in pack.data.get("tables", []) or []:
        columns = tuple(t.get("columns", []))
        all_cols = tuple(c["id"] for c in columns)
        rows = []
        for r in t.get("rows", []):
            keys = {norm(str(r.get("label") or ""))} | {norm(str(a)) for a in r.get("aliases", [])}
            kind, number = _own_number(str(r["id"]))
            rows.append(
                RowSpec(
                    id=str(r["id"]),
                    label=str(r.get("label") or ""),
                    keys=frozenset(k for k in keys if k),
                    parent=str(r.get("parent", "")),
                    group=bool(r.get("group", False)),
                    columns=tuple(r.get("columns", all_cols)),
                    kind=kind,
                    number=number,
                )
            )
        column_keys: dict[str, str] = {}
        for c in columns:
            for label in [c.get("label", c["id"]), *c.get("aliases", [])]:
                column_keys.setdefault(norm(str(label)), c["id"])
        out.append(
            Template(
                id=str(t["id"]),
                section=str(t.get("section", t["id"])),
                columns=columns,
                rows=tuple(rows),
                header_keys=frozenset(norm(str(h)) for h in t.get("header_text", [])),
                column_keys=column_keys,
                check_header=bool(t.get("check_header", True)),
                superseded=frozenset(norm(str(h)) for h in t.get("superseded_columns", [])),
                by_id={r.id: r for r in reversed(rows)},  # the first of a repeated id, as a scan would find
                unlabelled=tuple(r for r in rows if not r.keys),
            )
        )
    return tuple(out)


def column_label(template: Template, column_id: str) -> str:
    for c in template.columns:
        if c["id"] == column_id:
            return str(c.get("title") or c.get("label", column_id))
    return column_id


# --------------------------------------------------------------------------- sections


@lru_cache(maxsize=4096)  # pure; headings (and keys) recur from report to report
def _section_score(text: str, number: str, keys: tuple[str, ...]) -> float:
    key = ("section", text, number, keys)
    score = _COMPARED.get(key)
    if not isinstance(score, float):
        score = _score_section(text, number, keys)
        _COMPARED.add(key, score)
    return score


def _score_section(text: str, number: str, keys: tuple[str, ...]) -> float:
    """How well a heading reads as a section, in tiers: the right numeral and the section's
    words; a section heading numbered otherwise but in the section's words (a report that
    numbered sub-headings 二、… itself, or skipped a part); the right numeral with words only
    loosely alike; an unnumbered line in the section's words (a caption such as “表二：…”)."""
    label = split_label(text)
    if label.kind in ("paren", "ar"):
        return 0.0  # （一）… and 1.… are sub-headings, never sections
    best = best_similarity(label.core, keys, min(SECTION_SIM, SECTION_SIM_BARE))
    close = best >= SECTION_SIM_BARE
    if label.kind == "cn" and label.number == number:
        return best + (3.0 if close else 1.0) if best >= SECTION_SIM else 0.0
    if not close:
        return 0.0
    return best + 2.0 if label.kind == "cn" else best


def find_sections(document: Document, pack: Pack) -> tuple[SectionMatch, ...]:
    # A heading whose numeral was lost reads as a short paragraph: it stays a candidate,
    # held to the strict similarity of an unnumbered heading by _section_score. Sub-headings
    # (（一）…, 1.…) are never sections: left out before they are compared with any.
    headings = []
    for b in document.blocks:
        if isinstance(b, Heading):
            h = b
        elif isinstance(b, Paragraph) and len(b.text) <= SHORT_HEADING:
            h = Heading(2, b.text.strip(), b.span)
        else:
            continue
        if split_label(h.text).kind not in ("paren", "ar"):
            headings.append(h)
    chosen: dict[str, tuple[Heading, str]] = {}
    used: set[int] = set()
    specs = _section_keys(pack)
    for key, title_key, keys in specs:
        best: tuple[float, Heading] | None = None
        for h in headings:
            if h.span.start in used:
                continue
            score = _section_score(h.text, key, keys)
            if score > 0 and (best is None or score > best[0]):
                best = (score, h)
        if best is not None:
            h = best[1]
            used.add(h.span.start)
            label = split_label(h.text)
            # Exact means the right numeral and the official words; anything else is a variant.
            status = "exact" if label.core == title_key and label.number == key else "variant"
            chosen[key] = (h, status)
    starts = sorted(h.span.start for h, _ in chosen.values())
    end_of_text = len(document.source.text)
    out = []
    for key, _, _ in specs:
        if key in chosen:
            h, status = chosen[key]
            nxt = next((s for s in starts if s > h.span.start), end_of_text)
            out.append(SectionMatch(key, h, status, Span(h.span.end, nxt)))  # type: ignore[arg-type]
        else:
            out.append(SectionMatch(key, None, "missing", Span(0, 0)))
    return tuple(out)


def _section_keys(pack: Pack) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each section's id, normalised title, and title and aliases normalised: once per pack."""
    return per_pack(pack, _build_section_keys)


def _build_section_keys(pack: Pack) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    for spec in pack.data.get("sections", []) or []:
        title_key = norm(str(spec["title"]))
        out.append((str(spec["id"]), title_key, (title_key, *(norm(str(a)) for a in spec.get("aliases", [])))))
    return tuple(out)


# --------------------------------------------------------------------------- title


def find_title(document: Document, first_section: int) -> tuple[Heading | None, int | None, str | None]:
    """The title line, the report year and the organ, from the lines before section 一.
    A line with a year beats one without (a site's breadcrumb “首页 > … > 年度报告” is no
    title); where no title gives the year, a preamble sentence that names the report does."""
    blocks: list[Heading | Paragraph] = [b for b in document.blocks if isinstance(b, (Heading, Paragraph))]
    lines = [b for b in blocks if b.span.start < first_section][:12]
    candidates = sorted(
        (TITLE_YEAR.search(block.text) is None, rank, i)
        for i, block in enumerate(lines)
        if (rank := _title_rank(block.text)) is not None
    )
    if not candidates:
        return None, _named_year(blocks), _named_organ(blocks)
    i = candidates[0][2]
    block = lines[i]
    text = block.text.strip().strip("#*").strip()
    year_match = TITLE_YEAR.search(text)
    year = int(year_match.group(1)) if year_match else None
    organ = text[: year_match.start()] if year_match else text
    if year_match and not organ.strip():  # "2023年度某县政府信息公开…"
        organ = text[year_match.end() :]
    organ = ORGAN_END.sub("", organ)
    if "报告" in organ:  # what is left of a title without a year: “工作年度报告”
        organ = ""
    organ = regex.compile(r"\s+").sub("", organ).strip("（()）")
    organ = regex.compile(r"关于$").sub("", organ)
    if year is None:
        for other in lines[i + 1 : i + 3]:
            m = YEAR.search(other.text)
            if m and len(other.text) < 20:
                year = int(m.group(1))
                break
    if not organ:  # the organ on a line of its own, above or below the title
        near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
        spaces, not_organ = regex.compile(r"\s+"), regex.compile(r"\d|报告")
        organ = next(
            (spaces.sub("", b.text) for b in near if len(b.text) <= 30 and not not_organ.search(b.text)), ""
        )
    title = block if isinstance(block, Heading) else Heading(1, text, block.span)
    return title, year if year is not None else _named_year(blocks), organ or _named_organ(blocks)


def _named_organ(blocks: list[Heading | Paragraph]) -> str | None:
    """The organ as a preamble sentence that names the report gives it, if one does."""
    for block in blocks[:PREAMBLE_BLOCKS]:
        m = ORGAN_NAMED.search(block.text)
        if m:
            return m.group("organ")
    return None


def _title_rank(text: str) -> int | None:
    """How well a line reads as the title (lower is better: "年度报告" beats a "年报"), or
    None if it is no title."""
    if len(text.strip()) > 60 or BREADCRUMB.search(text) or any(mark in text for mark in "。，,；"):
        return None  # long, a breadcrumb, or a sentence
    rank = next((r for r, word in enumerate(TITLE_WORDS) if word in text), None)
    if rank is None and TITLE_LOOSE.search(text):
        rank = len(TITLE_WORDS)
    return rank


def _named_year(blocks: list[Heading | Paragraph]) -> int | None:
    """The year of the report as the first paragraphs name it, or as their statistical
    period starts, if they do."""
    for pattern in (REPORT_NAMED, PERIOD_START):
        for block in blocks[:PREAMBLE_BLOCKS]:
            m = pattern.search(block.text)
            if m:
                return int(m.group(1))
    return None


# --------------------------------------------------------------------------- tables


class _Building(NamedTuple):
    spec: RowSpec
    label: Cell | None
    values: list[Cell]
    pending: list[Cell]  # blank cells after a label with no number on its line


class TableReader:
    """Reads the row stream of one table region against one template."""

    def __init__(self, template: Template) -> None:
        self.t = template
        self.rows: dict[str, RowMatch] = {}
        self.problems: list[Problem] = []
        self.group = ""
        self.current: _Building | None = None
        self.superseded: Cell | None = None  # a header word of an older format's table

    # -- labels
    def match_row(self, text: str) -> tuple[RowSpec, bool] | None:
        label = split_label(text)
        if not label.core:
            return None
        best: tuple[float, RowSpec] | None = None
        for spec, sim in _row_candidates(self.t, label.core):
            if spec.id in self.rows:
                continue
            numbered = label.kind != "" and label.kind == spec.kind and label.number == spec.number
            if label.kind == "paren" and spec.kind == "ar":
                # “（六）其他” is the group （六）, never its row “3.其他”: a group's numbering
                # names a row of it only followed by the row's own (“（六）3.其他”).
                if not self._numbers_sub_row(label, inner_label(text), spec):
                    continue
                numbered = True
            if numbered and label.kind == "ar" and self.group and spec.parent != self.group:
                numbered = False
            if sim < (ROW_SIM_NUMBERED if numbered else ROW_SIM):
                continue
            score = sim + (0.2 if numbered else 0.0) + (0.05 if spec.parent == self.group else 0.0)
            if best is None or score > best[0]:
                best = (score, spec)
        if best is None:
            return None
        spec = best[1]
        words = inner_label(text).core if label.kind == "paren" and spec.kind == "ar" else label.core
        return spec, words in spec.keys

    def _numbers_sub_row(self, label: Label, inner: Label, spec: RowSpec) -> bool:
        parent = self.t.row_spec(spec.parent)
        return (
            parent is not None
            and (parent.kind, parent.number) == ("paren", label.number)
            and (inner.kind, inner.number) == ("ar", spec.number)
        )

    def header_word(self, cell: Cell) -> bool:
        """Words of the table's header: its header text, or a bare column label ("总计")."""
        return _header_word(self.t, cell.text)

    def header_cell(self, cell: Cell, has_values: bool) -> bool:
        """True if the cell is header text; reports misspelt column labels."""
        if self.header_word(cell):
            return True
        label = split_label(cell.text)
        key = norm(cell.text)
        if label.kind or has_values or not self.t.check_header or len(key) < 3:
            return False
        scored = [
            (similarity(key, k), cid)
            for k, cid in self.t.column_keys.items()
            if similarity_bound(key, k, HEADER_SIM) >= HEADER_SIM  # else it cannot reach HEADER_SIM
        ]
        sim, cid = max(scored, default=(0.0, ""))
        if sim >= HEADER_SIM:
            self.problems.append(
                Problem(
                    "reworded_column",
                    cell.span,
                    self.t.id,
                    "",
                    {"found": cell.text, "expected": column_label(self.t, cid), "column": cid},
                )
            )
            return True
        return False

    # -- rows
    def feed(self, cells: tuple[Cell, ...]) -> None:
        if len(cells) == 1 and text_kind(cells[0].text) == "num":
            self._continue([cells[0]])  # a number alone (one cell per line): most rows of that layout
            return
        kinds = [text_kind(c.text) for c in cells]
        if "num" not in kinds and "text" not in kinds:
            cur = self.current
            if len(cells) == 1 and cur is not None and len(cur.values) < len(cur.spec.columns):
                cur.values.append(cells[0])  # one cell per line: a line with nothing (or “/”) is an empty cell
            return
        first_num = kinds.index("num") if "num" in kinds else None
        head = cells if first_num is None else cells[:first_num]
        has_values = first_num is not None
        matched: tuple[RowSpec, bool, Cell] | None = None
        texts = [cell for cell, kind in zip(head, kinds, strict=False) if kind == "text"]
        # Words without numbers beside the header's own ("项目 | 予以公开 | … | 总计"): a header
        # line, whose words name columns, never rows.
        header = not has_values and len(texts) > 1 and any(self.header_word(c) for c in texts)
        unknown = False
        for cell in texts:
            label = split_label(cell.text)
            if not has_values and norm(cell.text) in self.t.superseded:
                self.superseded = self.superseded or cell
                continue
            if header or (not has_values and self.header_word(cell)):
                self.header_cell(cell, has_values)  # a misspelt column label is still reported
                continue
            found = self.match_row(cell.text)
            if found is None:
                if self.header_cell(cell, has_values):
                    continue
                if has_values or (label.kind and label.core):  # not a bare “（三）” whose words the PDF put below
                    self.problems.append(Problem("unknown_row", cell.span, self.t.id, "", {"found": cell.text}))
                    unknown = True
                continue
            spec, exact = found
            if spec.group:
                self.group = spec.id
                if not exact:
                    self._reworded(spec, cell)
                if not has_values:
                    continue
            elif spec.parent:
                self.group = spec.parent if self._is_group(spec.parent) else self.group
            matched = (spec, exact, cell)
        tail = _trim(list(cells[first_num:])) if first_num is not None else []
        if matched is not None:
            spec, exact, cell = matched
            if first_num is not None and len(cells) - first_num == len(spec.columns):
                tail = list(cells[first_num:])  # exactly a full row: its trailing blanks are empty cells
            cur = self.current
            if cur is not None and cur.spec == spec and not cur.values and not any(c.text for c in cur.pending):
                self.current = None  # its label alone just before: a caption (a heading over the table), no row
            self._finish()
            if not exact:
                self._reworded(spec, cell)
            pending = [c for c, k in zip(head, kinds, strict=False) if k == "blank" and c.text] if not tail else []
            self.current = _Building(spec, cell, tail, pending)
        elif tail and not unknown:
            # A row of numbers alone keeps its leading blanks: they are empty values.
            self._continue(list(cells) if not texts else tail)

    def _is_group(self, row_id: str) -> bool:
        spec = self.t.row_spec(row_id)
        return bool(spec and spec.group)

    def _reworded(self, spec: RowSpec, cell: Cell) -> None:
        self.problems.append(
            Problem("reworded_row", cell.span, self.t.id, spec.id, {"found": cell.text, "expected": spec.label})
        )

    def _continue(self, cells: list[Cell]) -> None:
        """Numbers without a label: the rest of the current row (one cell per line), or an
        unlabelled template row such as table 四's single row."""
        cur = self.current
        full = cur is None or len(cur.values) >= len(cur.spec.columns)
        if not cells[-1].text:  # (most rows end in a number: no blanks to trim, whatever comes next)
            unlabelled = self._next_unlabelled()
            if not (full and unlabelled is not None and len(cells) == len(unlabelled.columns)):
                cells = _trim(cells)  # exactly a full row: its trailing blanks are values
            if not cells:
                return
        if cur is not None and (not full or (cur.values and not cur.values[0].text)):
            cur.values.extend(cells)  # (empty cells that came first may be the label's: see _finish)
            return
        unlabelled = self._next_unlabelled()
        if unlabelled is not None:
            self._finish()
            self.current = _Building(unlabelled, None, cells, [])
            return
        first, last = cells[0].span, cells[-1].span
        self.problems.append(
            Problem(
                "extra_number",
                Span(first.start, last.end),
                self.t.id,
                cur.spec.id if cur else "",
                {"count": str(len(cells)), "found": " ".join(c.text for c in cells if c.text)},
            )
        )

    def _next_unlabelled(self) -> RowSpec | None:
        return next((r for r in self.t.unlabelled if r.id not in self.rows), None)

    def _finish(self) -> None:
        cur = self.current
        self.current = None
        if cur is None:
            return
        spec = cur.spec
        values = cur.values or cur.pending
        if not _written(values):
            values = []  # nothing written in the row at all: one finding for the row, not one per cell
        expected = len(spec.columns)
        surplus = len(values) - expected
        if surplus > 0 and not _written(values[:surplus]):
            values = values[surplus:]  # empty cells before a full row: what the label's merged cells left
        anchor = cur.label.span if cur.label else (values[0].span if values else Span(0, 0))
        if not values:
            self.problems.append(
                Problem("empty_cell", anchor, self.t.id, spec.id, {"column": ",".join(spec.columns), "count": "0"})
            )
        elif len(values) < expected:
            self.problems.append(
                Problem(
                    "missing_column",
                    Span(anchor.start, values[-1].span.end),
                    self.t.id,
                    spec.id,
                    {"count": str(len(values)), "expected": str(expected)},
                )
            )
        elif len(values) > expected:
            extra = values[expected:]
            self.problems.append(
                Problem(
                    "extra_number",
                    Span(extra[0].span.start, extra[-1].span.end),
                    self.t.id,
                    spec.id,
                    {"count": str(len(values)), "expected": str(expected), "found": " ".join(c.text for c in extra)},
                )
            )
        cells = []
        complete = len(values) == expected
        for column, (text, span) in zip(spec.columns, values, strict=False):
            value = parse_number(text)  # (None for every blank mark: what text_kind tells, asked once)
            if value is None:
                complete = False
                if text in BLANK_MARKS:
                    if len(values) >= expected:
                        self.problems.append(Problem("empty_cell", span, self.t.id, spec.id, {"column": column}))
                else:
                    self.problems.append(
                        Problem("bad_number", span, self.t.id, spec.id, {"column": column, "found": text})
                    )
            cells.append(_record(CellValue, (column, text, value, span)))
        label = cur.label.text if cur.label else ""
        self.rows[spec.id] = _record(RowMatch, (spec.id, label, anchor, tuple(cells), complete))

    def result(self, span: Span) -> tuple[TableMatch, list[Problem]]:
        self._finish()
        ordered = tuple(self.rows[r.id] for r in self.t.rows if r.id in self.rows)
        return TableMatch(self.t.id, span, ordered), self.problems


@lru_cache(maxsize=4096)  # pure; asked for every word of every row, and the words recur
def _header_word(template: Template, text: str) -> bool:
    label = split_label(text)
    key = norm(text)
    return key in template.header_keys or label.core in template.header_keys or (
        label.kind == "" and key in template.column_keys
    )


#: Builds a record without the call of its ``__new__`` (a report has ~500 table values).
_record = tuple.__new__


@lru_cache(maxsize=4096)  # pure; the same labels recur in every report
def _row_candidates(template: Template, core: str) -> tuple[tuple[RowSpec, float], ...]:
    """The template rows (in order) a label may match, with its similarity to their keys:
    those that clear ROW_SIM_NUMBERED, the lowest bar a row label must clear."""
    rows = template.rows
    key = ("rows", _keys_of(template), core)
    found = _COMPARED.get(key)
    if _candidates_shape(found, len(rows)):
        return tuple((rows[i], sim) for i, sim in found)
    scored = ((i, best_similarity(core, spec.keys, ROW_SIM_NUMBERED)) for i, spec in enumerate(rows) if spec.keys)
    kept = tuple((i, sim) for i, sim in scored if sim >= ROW_SIM_NUMBERED)
    _COMPARED.add(key, kept)
    return tuple((rows[i], sim) for i, sim in kept)


def _candidates_shape(found: Any, count: int) -> bool:
    """Whether a stored answer is as this module writes it: a spoilt file is asked afresh."""
    return isinstance(found, tuple) and all(
        isinstance(pair, tuple) and len(pair) == 2 and type(pair[0]) is int and 0 <= pair[0] < count
        and type(pair[1]) is float
        for pair in found
    )


@lru_cache(maxsize=64)
def _keys_of(template: Template) -> tuple[tuple[str, ...], ...]:
    """What the comparisons with the template's rows depend on: each row's keys, in order."""
    return tuple(tuple(sorted(spec.keys)) for spec in template.rows)


#: A cold run's label comparisons, kept across processes: comparing a report's ~100 distinct
#: labels with the format's is a tenth of a first lint, and a report's labels are mostly
#: those of the last run. The comparisons are this module's: a change of it starts afresh.
_COMPARED = disk_memo("labels", lambda: code_stamp(__file__), limit=2048)


def read_table(template: Template, tables: Iterable[RawTable]) -> tuple[TableMatch, list[Problem]]:
    """Align the rows of one or more raw tables (a table broken by page breaks) to a template."""
    reader = TableReader(template)
    spans = []
    for table in tables:
        spans.append(table.span)
        for row in table.rows:
            reader.feed(row)
    span = Span(spans[0].start, spans[-1].end) if spans else Span(0, 0)
    if reader.superseded is not None:  # an older format's table: its numbers are not this one's
        found = reader.superseded
        return TableMatch(template.id, span, ()), [
            Problem("superseded_layout", found.span, template.id, "", {"found": found.text})
        ]
    match, problems = reader.result(span)
    if match.rows:
        for spec in template.rows:
            if not spec.group and spec.id not in reader.rows:
                problems.append(Problem("missing_row", span, template.id, spec.id, {"expected": spec.label}))
    return match, problems


SHORT_LINE = 60


def _tables_in(document: Document, body: Span) -> list[RawTable]:
    """The table pieces of a section, with the short text lines between them (a row label
    the PDF put on a line of its own) as one-cell rows, so the row stream stays whole."""
    inside = [b for b in document.blocks if body.start <= b.span.start < body.end]
    positions = [i for i, b in enumerate(inside) if isinstance(b, RawTable)]
    if not positions:
        return []
    first = positions[0]
    while first > 0 and _short_line(inside[first - 1]):  # header lines without numbers come first
        first -= 1
    out: list[RawTable] = []
    for block in inside[first : positions[-1] + 1]:
        if isinstance(block, RawTable):
            out.append(block)
        elif _short_line(block):
            words = _words(document.source.text, block.span)
            if not _sentence_with_number(words):
                out.append(RawTable((_line_row(document.source.text, words),), block.span))
    return out


def _line_row(text: str, words: list[Cell]) -> tuple[Cell, ...]:
    """The cells of a text line in a table: its label words, cut where a new numbered label
    starts, then each number the line ends in (“行政许可 97” → “行政许可”, “97”). Decided by
    the line alone, whatever else its section holds."""
    split = len(words)
    while split > 0 and parse_number(words[split - 1].text) is not None:
        split -= 1
    return (*_split_labels(text, words[:split]), *words[split:])


def _sentence_with_number(words: list[Cell]) -> bool:
    """Words holding a number that do not end in numbers: a piece of prose the PDF broke
    off (“2023 年,我单位对形成的政府信息……”), not a table row, whose numbers come last, nor
    header words, which hold none (a row's own numbering, “1.属于国家秘密”, is one word)."""
    return parse_number(words[-1].text) is None and any(parse_number(w.text) is not None for w in words)


def _short_line(block: Block) -> bool:
    """A line that can be part of a table: short, and not a sentence."""
    return isinstance(block, (Paragraph, Heading)) and len(block.text) <= SHORT_LINE and "。" not in block.text


TOKEN = regex.compile(r"\S+")
# Where a row label starts inside a line; not the （五） of 第二十条第（五）项, which is the label.
LABEL_START = regex.compile(
    r"(?<!第)[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d.])\d{1,2}[.．、](?!\d)|(?<!第)[一二三四五六七八九十]{1,3}、"
)
COLUMN_GAP = regex.compile(r"(?: {2,}|\u3000+)")  # what separates columns in a space-aligned line


def _words(text: str, span: Span) -> list[Cell]:
    return [Cell(m.group(), Span(m.start(), m.end())) for m in TOKEN.finditer(text, span.start, span.end)]


def _split_labels(text: str, words: list[Cell]) -> list[Cell]:
    """Words before a row's numbers, cut where a new numbered label starts:
    “三、本年度办理结果 (一) 予以公开” → “三、本年度办理结果”, “(一) 予以公开”."""
    if not words:
        return []
    start, end = words[0].span.start, words[-1].span.end
    labels = {m.start() for m in LABEL_START.finditer(text, start, end)}
    cuts = sorted({start} | labels | {m.end() for m in COLUMN_GAP.finditer(text, start, end)})
    out = []
    for a, b in zip(cuts, [*cuts[1:], end], strict=True):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        content = piece.strip()
        if content:
            out.append(Cell(content, Span(a + lead, a + lead + len(content))))
    return out


def _rows_from_lines(document: Document, body: Span) -> list[RawTable]:
    """A table flattened by PDF extraction to single spaces reads as prose lines; where a
    section has no table block, each line ending in numbers becomes a row: its label, then
    one cell per number. Lines without numbers stay as header text."""
    rows: list[tuple[Cell, ...]] = []
    has_numbers = False
    for block in document.blocks:
        if not isinstance(block, (Paragraph, Heading)) or not body.start <= block.span.start < body.end:
            continue
        text = document.source.text[block.span.start : block.span.end]
        offset = block.span.start
        for line in text.split("\n"):
            tokens = _words(document.source.text, Span(offset, offset + len(line)))
            offset += len(line) + 1
            if not tokens:
                continue
            if parse_number(tokens[-1].text) is None:  # no numbers: a row label on its own line, or header words
                if _sentence_with_number(tokens) or "。" in line:  # prose: “本年度未收到政府信息公开申请。”
                    continue
                starts_label = LABEL_START.match(document.source.text, tokens[0].span.start) is not None
                rows.append(tuple(_split_labels(document.source.text, tokens)) if starts_label else tuple(tokens))
                continue
            has_numbers = True
            rows.append(_line_row(document.source.text, tokens))
    return [RawTable(tuple(rows), body)] if has_numbers else []


def align(document: Document, pack: Pack, year: int | None = None) -> Report:
    """Map a Document onto the pack's sections and table templates."""
    sections = find_sections(document, pack)
    found = [s.heading.span.start for s in sections if s.heading is not None]
    first = min(found) if found else len(document.source.text)
    title, title_year, organ = find_title(document, first)
    tables: list[TableMatch] = []
    problems: list[Problem] = []
    used: set[int] = set()
    for template in templates(pack):
        section = next((s for s in sections if s.key == template.section), None)
        raw = _tables_in(document, section.body) if section and section.heading else []
        if not raw and section and section.heading:
            raw = _rows_from_lines(document, section.body)
        if not raw:
            raw = _best_unplaced(document, template, used)
        if not raw:
            continue
        used.update(t.span.start for t in raw)
        match, found_problems = read_table(template, raw)
        if not match.rows:
            problems.extend(found_problems or [Problem("unreadable_table", raw[0].span, template.id, "", {})])
            continue
        tables.append(match)
        problems.extend(found_problems)
    return Report(
        document=document,
        pack=pack,
        year=year if year is not None else title_year,
        organ=organ,
        title=title,
        sections=sections,
        tables=tuple(tables),
        problems=tuple(problems),
    )


def _best_unplaced(document: Document, template: Template, used: set[int]) -> list[RawTable]:
    """Where a table's section heading is missing, the raw table that best fits it."""
    best: tuple[int, RawTable] | None = None
    for table in (b for b in document.blocks if isinstance(b, RawTable)):
        if table.span.start in used:
            continue
        match, _ = read_table(template, [table])
        score = len(match.rows)
        if score >= 2 and (best is None or score > best[0]):
            best = (score, table)
    return [best[1]] if best else []


def row_title(template: Template, row_id: str) -> str:
    """How the form itself names a row: “（三）1.属于国家秘密”, “（一）予以公开”, “一、本年新收…”."""
    spec = template.row_spec(row_id)
    if spec is None:
        return row_id
    if spec.kind == "ar":
        return f"{spec.parent}{spec.number}.{spec.label}"
    if spec.kind == "paren":
        return f"{spec.id}{spec.label}"
    if spec.kind == "cn":
        return f"{spec.id}、{spec.label}"
    return spec.label


def template(pack: Pack, table_id: str) -> Template | None:
    return next((t for t in templates(pack) if t.id == table_id), None)
