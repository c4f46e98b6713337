"""How the format numbers its parts, and Chinese numerals as numbers.

Sections are numbered 一、 (or 第一部分 in some reports), sub-sections and groups of table
rows （一）, items and rows 1. or 1、; dates may be written 二〇二三年十二月. The readers
(heading levels), the aligner (row labels and where one starts inside a line) and the
reference rules (years and dates) share this one grammar, so a numbering style one of them
learns, all of them learn.
"""

from __future__ import annotations

from govlint._infra import regex

#: The numerals of a section, group or row number (一 … 十, 十一 …).
NUMERALS = "一二三四五六七八九十"
_N = f"[{NUMERALS}]{{1,3}}"

#: A label's own numbering and what kind it is: ``part`` (第一部分), ``cn`` (一、 or 一 and a
#: space), ``paren`` (（一）) or ``ar`` (1. 1、, not the 1 of 1.5); the words follow the match.
LABEL = regex.compile(
    rf"^\s*(?:(?:第(?P<part>{_N})部分[、.．:：]?)"
    rf"|(?P<cn>{_N})(?:\s*[、.．]|\s+)"
    rf"|[（(]\s*(?P<paren>{_N})\s*[）)]"
    r"|(?P<ar>\d{1,2})\s*[.．、](?!\d))\s*"
)
#: A heading line's numbering, by level: a section (2), a sub-section (3), an item (4).
SECTION = regex.compile(rf"^(?:{_N}\s*[、.．]|{_N}\s+|第{_N}部分)")
SUB_SECTION = regex.compile(rf"^[（(]\s*{_N}\s*[)）]")
ITEM = regex.compile(r"^\d{1,2}\s*[.．、](?!\d)")
#: Where a row label starts inside a line; not the （五） of 第二十条第（五）项, which is the label.
LABEL_START = regex.compile(rf"(?<!第)[（(]{_N}[)）]|(?<![\d.])\d{{1,2}}[.．、](?!\d)|(?<!第){_N}、")

_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def to_int(text: str | None) -> int | None:
    """``2022``, ``２０２２``, ``二〇二二``, ``十二``, ``二十九`` → int; anything else → None."""
    if not text:
        return None
    t = text.strip()
    if t.isdecimal():
        return int(t)
    if t and all(ch in _DIGIT for ch in t):
        return int("".join(str(_DIGIT[ch]) for ch in t))
    tens, sep, units = t.partition("十")
    if not sep or any(ch not in _DIGIT for ch in tens + units) or len(tens) > 1 or len(units) > 1:
        return None
    return (_DIGIT[tens] if tens else 1) * 10 + (_DIGIT[units] if units else 0)


def own_number(row_id: str) -> tuple[str, str]:
    """The numbering kind and number a pack's row id carries: "（三）" → ("paren", "三"),
    "三" → ("cn", "三"), "（六）3" → ("ar", "3"), "全部" → ("", "")."""
    m = regex.compile(r"(?<!\d)(\d+)$").search(row_id)  # only where a digit run starts: linear
    if m:
        return "ar", m.group(1)
    m = regex.compile(rf"[（(]([{NUMERALS}]+)[）)]").fullmatch(row_id)
    if m:
        return "paren", m.group(1)
    if row_id and all(ch in NUMERALS for ch in row_id):
        return "cn", row_id
    return "", ""
