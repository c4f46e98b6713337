"""Reading a phone number as written (full-width digits, any dash) with ``phonenumbers``.

phonenumbers is imported only when a report has a phone to read, and the checks read the
plain-data :class:`PhoneFacts` memoised per phonenumbers version (``govlint._infra.memo.library_answer``):
importing phonenumbers costs ~50 ms, so re-linting a report (pre-commit, an editor) never
does. Its geocoder data takes about 0.5 s to import (it is the whole world's), so the
Chinese fixed-line part of it is a start-up memo too: only the first run after installing or
upgrading phonenumbers pays for that import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.model import Msg

#: Dashes seen between area code and number; the typography rules judge them, not GL402.
DASHES = str.maketrans(dict.fromkeys("—–－‐‑−―─", "-"))
REGION = "CN"


class Phone(NamedTuple):
    """A phone as read: ``number`` is a valid phonenumbers.PhoneNumber, or None with
    ``problem`` saying why not (None and no problem: a service short number like 12345)."""

    number: Any
    problem: Msg | None


class PhoneFacts(NamedTuple):
    """What the checks need of a phone as written, answered by phonenumbers."""

    problem: Msg | None  # why it cannot be dialled (GL402)
    fixed_line: bool  # a valid fixed line, which has a place (GL403)
    area_code: str  # "0953"; "" unless a fixed line
    where: Msg  # the geocoder's place of a fixed line ("宁夏吴忠市"); empty when it has none


def normalise(raw: str) -> str:
    return unicodedata.normalize("NFKC", raw).translate(DASHES)


def _valid(text: str) -> bool:
    import phonenumbers

    try:
        return bool(phonenumbers.is_valid_number(phonenumbers.parse(text, REGION)))
    except phonenumbers.NumberParseException:
        return False


def _length_problem(digits: str) -> Msg | None:
    """For a number with an area code (0…): how many digits the area code takes after it
    (asking phonenumbers about numbers of each length) and how many follow it here."""
    area_len = 3 if digits[1:2] in ("1", "2") else 4  # China's plan: 010 and 02x, else 0xxx
    area, rest = digits[:area_len], digits[area_len:]
    lengths = [k for k in range(5, 10) if _valid(area + (rest + "0" * 10)[:k])]
    if not lengths or len(rest) in lengths:
        return None
    return Msg(
        f"区号 {area} 后应为 {'或'.join(map(str, lengths))} 位数字，这里是 {len(rest)} 位",
        f"area code {area} takes {' or '.join(map(str, lengths))} more digits, this has {len(rest)}",
    )


@lru_cache(maxsize=64)
def read_phone(raw: str) -> Phone:
    import phonenumbers
    from phonenumbers import shortnumberinfo

    text = normalise(raw)
    digits = re.sub(r"\D", "", text)
    try:
        number = phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return Phone(None, Msg("无法识别为电话号码", "not readable as a phone number"))
    if phonenumbers.is_valid_number(number):
        return Phone(number, None)
    if shortnumberinfo.is_valid_short_number_for_region(number, REGION):
        return Phone(None, None)
    if digits.startswith("0"):
        problem = _length_problem(digits)
        if problem is not None:
            return Phone(None, problem)
    elif digits.startswith("1") and len(digits) != 11:
        return Phone(
            None,
            Msg(
                f"手机号码应为 11 位，这里是 {len(digits)} 位", f"a mobile number has 11 digits, this has {len(digits)}"
            ),
        )
    elif 7 <= len(digits) <= 8:
        return Phone(None, Msg("缺少区号", "the area code is missing"))
    return Phone(
        None,
        Msg(f"不符合中国电话号码规则（{len(digits)} 位数字）", f"not a valid Chinese number ({len(digits)} digits)"),
    )


def area_code(number: Any) -> str:
    import phonenumbers

    nsn = phonenumbers.national_significant_number(number)
    return "0" + nsn[: phonenumbers.length_of_geographical_area_code(number)]


def is_fixed_line(number: Any) -> bool:
    import phonenumbers

    kind = phonenumbers.number_type(number)
    return kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def _cn_fixed_lines() -> dict[str, dict[str, str]]:
    from phonenumbers.geodata import GEOCODE_DATA

    return {
        prefix: {lang: str(names[lang]) for lang in ("zh", "en") if lang in names}
        for prefix, names in GEOCODE_DATA.items()
        if prefix.startswith("86") and (prefix[2:3] in tuple("23456789") or prefix.startswith("8610"))
    }


@lru_cache(maxsize=1)
def cn_geodata() -> dict[str, dict[str, str]]:
    """phonenumbers' geocoding prefixes of Chinese fixed lines (010, 02x-09xx): "86953" ->
    {"zh": "宁夏吴忠市", "en": "Wuzhong, Ningxia"}; a start-up memo per phonenumbers version."""
    import phonenumbers

    from govlint._infra.memo import disk_memo

    memo = disk_memo("phonenumbers-geodata-cn", lambda: str(phonenumbers.__version__), limit=1)
    return memo.lookup("", _cn_fixed_lines)


def describe(number: Any, lang: str) -> str:
    """Where a Chinese fixed line's area code is, in phonenumbers' words ("宁夏吴忠市"):
    the longest prefix of the number that the geocoding data knows, as the geocoder does."""
    import phonenumbers

    digits = f"{number.country_code}{phonenumbers.national_significant_number(number)}"
    data = cn_geodata()
    for end in range(len(digits), 0, -1):
        name = data.get(digits[:end], {}).get(lang)
        if name:
            return name
    return ""


def _facts(raw: str) -> PhoneFacts:
    phone = read_phone(raw)
    number = phone.number
    if number is None or not is_fixed_line(number):
        return PhoneFacts(phone.problem, False, "", Msg("", ""))
    return PhoneFacts(None, True, area_code(number), Msg(describe(number, "zh"), describe(number, "en")))


def _read_all(raws: tuple[str, ...]) -> list[tuple[Any, ...]]:
    """The facts of ``raws`` as marshal-able rows (plain tuples, not NamedTuples)."""
    return [
        (tuple(f.problem) if f.problem else None, f.fixed_line, f.area_code, tuple(f.where))
        for f in map(_facts, raws)
    ]


@lru_cache(maxsize=64)  # GL402 and GL403 ask about the same phones of a report
def phone_facts(raws: tuple[str, ...]) -> tuple[PhoneFacts, ...]:
    """The facts of each phone of a report, memoised on disk per phonenumbers version."""
    from govlint._infra.memo import library_answer

    rows = library_answer("phonenumbers", __file__, repr(raws), lambda: _read_all(raws))
    return tuple(PhoneFacts(Msg(*p) if p else None, bool(f), str(a), Msg(*w)) for p, f, a, w in rows)
