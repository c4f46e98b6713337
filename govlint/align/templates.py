"""The pack's table templates as the aligner reads them: rows with their keys and numbering,
columns with their labels, and what was worked out about the words of reports met so far."""

from __future__ import annotations

from typing import Any

from govlint._infra.memo import TextMemo, per_pack
from govlint._infra.records import NamedTuple
from govlint.align import labels
from govlint.align.labels import best_similarity, norm, split_label
from govlint.model import Pack
from govlint.readers.numbering import own_number

ROW_SIM_NUMBERED = 0.5  # the lowest bar a row label must clear (with the row's own numbering)


class RowSpec(NamedTuple):
    """A row of a template."""

    id: str
    label: str
    keys: frozenset[str]  # normalised label and aliases
    parent: str
    group: bool
    columns: tuple[str, ...]
    kind: str  # numbering kind of its own id ("cn", "paren", "ar", "")
    number: str


class Template:
    """A table of the format, built once per pack by :func:`templates`. What it works out
    about a word of a report (a header word? which rows may it label?) is kept on it, by the
    word: the template never changes, so nothing kept goes stale."""

    def __init__(
        self,
        id: str,
        section: str,
        columns: tuple[dict[str, Any], ...],
        rows: tuple[RowSpec, ...],
        header_keys: frozenset[str],
        column_keys: dict[str, str],
        check_header: bool,
        superseded: frozenset[str],
    ) -> None:
        self.id = id
        self.section = section
        self.columns = columns
        self.rows = rows
        self.header_keys = header_keys
        self.column_keys = column_keys  # normalised label/alias -> column id
        self.check_header = check_header
        self.superseded = superseded  # normalised header words of an older format's table
        self.by_id = {r.id: r for r in reversed(rows)}  # the first of a repeated id, as a scan would find
        self.unlabelled = tuple(r for r in rows if not r.keys)  # table 四's one row of numbers
        # What the comparisons depend on: each row's keys, in order.
        self._keys = tuple(tuple(sorted(spec.keys)) for spec in rows)
        self._header_words: TextMemo[bool] = TextMemo()
        self._candidates: TextMemo[tuple[tuple[RowSpec, float], ...]] = TextMemo()
        self._fits: TextMemo[float] = TextMemo()
        self._pieces: TextMemo[tuple[bool, bool]] = TextMemo()
        # Every word the table's own labels and header are made of, with the numbering it
        # stands under (none for the header's): what a piece of a broken label is compared with.
        self._words = tuple((spec.kind, spec.number, key) for spec in rows for key in spec.keys) + tuple(
            ("", "", key) for key in (*header_keys, *column_keys)
        )
        self._header = frozenset((*header_keys, *column_keys))
        # Every row's own label words that are no header word, longest first (label_end).
        self._row_keys = tuple(sorted({key for spec in rows for key in spec.keys} - self._header, key=len,
                                      reverse=True))
        # Each column's own label words and its title, for header words printed between numbers.
        self._column_words = {
            str(c["id"]): (frozenset(norm(str(w)) for w in [c.get("label", c["id"]), *c.get("aliases", [])]),
                           norm(str(c.get("title") or c.get("label", c["id"]))))
            for c in columns
        }
        # Header words above the labels that some column's title holds (复议后起诉): they name columns.
        self._groups = frozenset(w for w in header_keys if any(w in t for _, t in self._column_words.values()))

    def row_spec(self, row_id: str) -> RowSpec | None:
        return self.by_id.get(row_id)

    def header_word(self, text: str) -> bool:
        """Words of the table's header: its header text, or a bare column label ("总计")."""
        found = self._header_words.get(text)
        if found is None:
            label = split_label(text)
            key = norm(text)
            found = self._header_words.put(
                text,
                key in self.header_keys
                or label.core in self.header_keys
                or (label.kind == "" and key in self.column_keys),
            )
        return found

    def fit(self, text: str) -> float:
        """How well a cell's words name a row or a column of the table: 1.0 for a header
        word or a row's own label, else the best likeness to a row's label — of a row under
        the same numbering, if the words carry one (“（六）其他” is not the row “3.其他”) —
        and 0.0 below ROW_SIM_NUMBERED or for a numbering without words."""
        found = self._fits.get(text)
        if found is None:
            label = split_label(text)
            sims = [sim for spec, sim in (self.row_candidates(label.core) if label.core else ())
                    if not label.kind or (spec.kind, spec.number) == (label.kind, label.number)]
            found = self._fits.put(text, 1.0 if self.header_word(text) else max(sims, default=0.0))
        return found

    def piece(self, text: str, header: bool = False) -> bool:
        """Whether a cell's words are a piece of one of the table's labels or header words
        (``header``: of a header word), under that label's own numbering if they carry one
        (“（三）不”, “予公开”, “商业企”, “本”): what a layout that broke a label leaves, never a
        row or a column of its own."""
        found = self._pieces.get(text)
        if found is None:
            label = split_label(text)
            numbering = (label.kind, label.number)
            keys = [key for kind, number, key in self._words
                    if label.core in key and label.core != key and (not label.kind or (kind, number) == numbering)]
            found = self._pieces.put(text, (bool(label.core and keys), any(key in self._header for key in keys)))
        return found[header]

    def label_end(self, text: str) -> int:
        """Where the longest row label that ends ``text`` after other words starts (“现行有效
        件数规章” → 6: header words and a row's label run together), or 0 where none does, or
        ``text`` is itself a label or a header word."""
        core = split_label(text).core
        if not core or core in self._row_keys or self.header_word(text):
            return 0
        for key in self._row_keys:
            if len(core) > len(key) and core.endswith(key):
                for k in range(len(text) - len(key), 0, -1):  # where its words start in ``text``
                    rest = norm(text[k:])
                    if rest == key:
                        return k if split_label(text[:k]).core else 0
                    if len(rest) > len(key):
                        break
        return 0

    def header_line(self, text: str) -> bool:
        """Words of the table's header however a line broke and ran them together, each a
        header word or a piece of one (“行政复议 结果 维持”, “未经复议直接起诉 复议后起诉”)."""
        words = text.split()
        return len(words) > 1 and all(self.header_word(word) or self.piece(word, header=True) for word in words)

    def names(self, text: str) -> bool:
        """Words of the table's own: a label's numbering, words like a row's label, a header
        word, or a piece of two characters or more of one (a single character is a piece of
        too many words to tell), or header words run together."""
        label = split_label(text)
        return (bool(label.kind) or self.fit(text) >= ROW_SIM_NUMBERED or (len(label.core) > 1 and self.piece(text))
                or self.header_line(text))

    def stands_over(self, text: str, column: str) -> bool:
        """Whether header words printed just before a value can be those of its column: a
        column label must be the column's own, a word of the header above the labels
        (“复议后起诉”) in the column's title. Words that name no column say nothing."""
        own, title = self._column_words[column]
        whole = norm(text)
        for word in [whole] if whole in self.column_keys else [norm(w) for w in text.split()]:
            if word in self.column_keys and word not in own:
                return False
            if word in self._groups and word not in title:
                return False
        return True

    def row_candidates(self, core: str) -> tuple[tuple[RowSpec, float], ...]:
        """The rows (in order) a label's words may match, with their similarity to its keys:
        those that clear ROW_SIM_NUMBERED. Kept on the template and, across processes, in
        the comparisons memo."""
        found = self._candidates.get(core)
        if found is None:
            found = self._candidates.put(core, tuple((self.rows[i], sim) for i, sim in self._compared(core)))
        return found

    def _compared(self, core: str) -> tuple[tuple[int, float], ...]:
        key = ("rows", self._keys, core)
        stored = labels.COMPARED.get(key)
        if _candidates_shape(stored, len(self.rows)):
            return tuple(stored)
        rows = enumerate(self.rows)
        scored = ((i, best_similarity(core, spec.keys, ROW_SIM_NUMBERED)) for i, spec in rows if spec.keys)
        kept = tuple((i, sim) for i, sim in scored if sim >= ROW_SIM_NUMBERED)
        labels.COMPARED.add(key, kept)
        return kept


def _candidates_shape(found: Any, count: int) -> bool:
    """Whether a stored answer is as this module writes it: a spoilt file is asked afresh."""
    return isinstance(found, tuple) and all(
        isinstance(pair, tuple) and len(pair) == 2 and type(pair[0]) is int and 0 <= pair[0] < count
        and type(pair[1]) is float
        for pair in found
    )


def templates(pack: Pack) -> tuple[Template, ...]:
    """The pack's table templates, built once per pack."""
    return per_pack(pack, _build_templates)


def template(pack: Pack, table_id: str) -> Template | None:
    return next((t for t in templates(pack) if t.id == table_id), None)


def _build_templates(pack: Pack) -> tuple[Template, ...]:
    out = []
    for t in pack.data.get("tables", []) or []:
        columns = tuple(t.get("columns", []))
        all_cols = tuple(c["id"] for c in columns)
        rows = []
        for r in t.get("rows", []):
            keys = {norm(str(r.get("label") or ""))} | {norm(str(a)) for a in r.get("aliases", [])}
            kind, number = own_number(str(r["id"]))
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
            )
        )
    return tuple(out)


def column_label(template: Template, column_id: str) -> str:
    """How the form names a column (its title, else its label)."""
    for c in template.columns:
        if c["id"] == column_id:
            return str(c.get("title") or c.get("label", column_id))
    return column_id


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
