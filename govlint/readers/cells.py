"""What a table cell holds: a number (units such as 件 allowed), a blank mark, or text.

Blank is never zero: an empty cell or a mark such as “/” or “—” is a blank, which the
structure rules report, and no identity reads it as 0.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from govlint._infra import regex

NUMBER = regex.compile(r"^[-+]?\d+(?:\.\d+)?$")
UNIT = regex.compile(r"(?:件|条|个|项|万元|元|次)$")
BLANK_MARKS = frozenset({"", "/", "／", "-", "—", "——", "–", "－", "无", "空", "\\"})


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


@lru_cache(maxsize=1 << 14)  # pure; the same cell texts recur in every table
def text_kind(text: str) -> str:
    """ "num", "blank" (empty or a blank marker such as / — 无) or "text"."""
    if text in BLANK_MARKS:
        return "blank"
    return "num" if parse_number(text) is not None else "text"
