"""Organ names as a pairing compares them: one organ, however a title writes it.

Titles of the same organ's reports vary from year to year: 人民政府 or 政府, a county's own
report titled by the county alone (平罗县 for 平罗县人民政府), full-width or half-width
characters, spaces. The key keeps what tells organs apart and drops only those.
"""

from __future__ import annotations

from govlint.align.labels import norm

#: Where a people's government governs: 平罗县政府 is the report of 平罗县, so both are one key.
DIVISIONS = ("省", "自治区", "市", "州", "自治州", "盟", "县", "自治县", "旗", "自治旗", "区", "乡", "镇", "苏木",
             "街道")


def organ_key(name: str | None) -> str:
    """The comparable form of an organ's name ("" for none): :func:`~govlint.align.labels.norm`
    (NFKC, no spaces or punctuation), 人民政府 written 政府, and a division's own government
    (平罗县人民政府, 某街道办事处) named by the division."""
    key = norm(name or "").replace("人民政府", "政府")
    if key.endswith("街道办事处"):
        return key.removesuffix("办事处")
    if key.endswith("政府") and key.removesuffix("政府").endswith(DIVISIONS):
        return key.removesuffix("政府")
    return key
