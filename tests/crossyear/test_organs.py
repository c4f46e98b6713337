"""govlint.crossyear.organs: one organ, however its titles write it."""

from __future__ import annotations

import pytest

from govlint.crossyear import organ_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("平罗县人民政府", "平罗县政府"),
        ("平罗县人民政府", "平罗县"),  # a county's own report, titled by the county
        ("平罗县 人民政府", "平罗县人民政府"),
        ("平罗县人民政府办公室", "平罗县政府办公室"),
        ("ＸＸ市统计局", "XX市统计局"),  # full width and half width
        ("某某街道办事处", "某某街道"),
        ("彭阳县新集乡人民政府", "彭阳县新集乡"),
    ],
)
def test_one_organ_written_two_ways_is_one_key(one: str, other: str) -> None:
    assert organ_key(one) == organ_key(other) != ""


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("平罗县人民政府", "平罗县人民政府办公室"),  # the government and its office report apart
        ("平罗县", "平罗县统计局"),
        ("平罗县", "惠农区"),
        ("平罗县人民政府", "石嘴山市人民政府"),
    ],
)
def test_different_organs_stay_apart(one: str, other: str) -> None:
    assert organ_key(one) != organ_key(other)


def test_no_organ_is_the_empty_key() -> None:
    assert organ_key(None) == organ_key("") == organ_key(" （ ）") == ""
