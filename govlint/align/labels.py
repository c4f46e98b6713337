"""Labels as the aligner compares them.

A label is compared after normalisation (NFKC, no spaces or punctuation, accepted variant
spellings unified), split from its own numbering (:mod:`govlint.readers.numbering`), and with
a fuzzy fallback, so reworded and misspelt labels still map — and are reported — instead of
being lost. Never across a negation: 予以公开 is not 不予公开, however many characters they
share. Every function here is pure, so the ones asked about the same strings in every report
keep their answers (``lru_cache``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from govlint._infra import regex
from govlint._infra.memo import disk_memo
from govlint._infra.records import NamedTuple
from govlint.readers.numbering import LABEL

SPELLING_VARIANTS = (("其它", "其他"), ("部份", "部分"))
# What negates a label: one with and one without are never variants of each other. Any of them
# counts as the negation, so 不掌握 / 未掌握 can still be one label in other words.
NEGATIONS = "不未非无"
PUNCT = regex.compile(r"[\s\W_]+", re.UNICODE)


@lru_cache(maxsize=4096)
def norm(text: str) -> str:
    """Comparable form of a label: NFKC, no spaces, no punctuation, and accepted variant
    spellings unified (其它/其他: both correct, so never a "typo")."""
    out = PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()
    for variant, standard in SPELLING_VARIANTS:
        out = out.replace(variant, standard)
    return out


class Label(NamedTuple):
    """A label split from its own numbering."""

    kind: str  # "cn" (一、), "paren" (（一）), "ar" (1.), or "" without numbering
    number: str
    core: str  # normalised text after the numbering


@lru_cache(maxsize=4096)
def split_label(text: str) -> Label:
    m = LABEL.match(text)
    if not m:
        return Label("", "", norm(text))
    kind = next(k for k in ("part", "cn", "paren", "ar") if m.group(k))
    # "第一部分" numbers a section just as "一、" does.
    return Label("cn" if kind == "part" else kind, m.group(kind), norm(text[m.end() :]))


@lru_cache(maxsize=4096)
def inner_label(text: str) -> Label:
    """The numbering and words after a label's own numbering: “（六）3.其他” → 3、其他."""
    m = LABEL.match(text)
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


def _comparisons_stamp() -> str:
    from govlint._infra.memo import code_stamp

    here = Path(__file__)
    return code_stamp(*(str(here.with_name(name)) for name in ("labels.py", "sections.py", "templates.py")))


#: Label comparisons kept across processes: comparing a report's ~100 distinct labels with the
#: format's is a tenth of a first lint, and a report's labels are mostly those of the last
#: run. What is kept is how a heading scores as a section (``sections``) and which rows a
#: label may be (``templates``), so a change of those modules starts afresh.
COMPARED = disk_memo("labels", _comparisons_stamp, limit=2048)
