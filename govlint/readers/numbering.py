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
#: Where a section's numbering (二、) stands inside a line that runs a whole report together (a
#: crawler's dump): at a word's start, or just after a sentence, a bracket, a cell's "|" or a number.
SECTION_START = regex.compile(rf"(?:^|(?<=[\s。；;！？!?）)|\d])){_N}、")
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


# --------------------------------------------------------------------------- writing numbers

_CN_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_IDEOGRAPH_CIRCLED = "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _chinese(n: int, digits: str = "零一二三四五六七八九", units: str = "十百千") -> str:
    """一, 十, 十一, 二十, 一百零五 (Word's chineseCounting, to 9999)."""
    if n <= 0 or n > 9999:
        return str(n)
    out, zero = "", False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // power % 10
        if d:
            out += (digits[0] if zero and out else "") + ("" if d == 1 and unit == units[0] and not out else digits[d])
            out += unit
            zero = False
        elif out:
            zero = True
    return out


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value and len(out) < 30:
            out += letters
            n -= value
    return out


def word_number(n: int, fmt: str) -> str:
    """The counter ``n`` drawn in Word's number format ``fmt``: the 一、 of an auto-numbered
    heading is in numbering.xml, not in the paragraph (:mod:`govlint.readers.docx`)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "ideographTraditional"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "拾佰仟")
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "ideographEnclosedCircle" and 0 < n <= len(_IDEOGRAPH_CIRCLED):
        return _IDEOGRAPH_CIRCLED[n - 1]
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero" and n < 10:
        return f"0{n}"
    if fmt == "none":
        return ""
    return str(n)
