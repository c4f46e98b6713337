"""The shared Chinese numbering: read as numbers, and drawn as Word draws its counters."""

from __future__ import annotations

from govlint.readers import numbering


def test_numerals_read_as_numbers() -> None:
    assert [numbering.to_int(t) for t in ("2022", "２０２２", "二〇二二", "十二", "二十九", "十", "三年")] == [
        2022, 2022, 2022, 12, 29, 10, None]


def test_the_numbers_of_word_formats() -> None:
    assert [numbering.word_number(n, "chineseCounting") for n in (1, 10, 11, 20, 21, 105)] == [
        "一", "十", "十一", "二十", "二十一", "一百零五"]
    assert numbering.word_number(3, "upperRoman") == "III"
    assert numbering.word_number(2, "decimalEnclosedCircle") == "②"
    assert numbering.word_number(12, "decimalFullWidth") == "１２"
    assert numbering.word_number(4, "none") == ""


def test_what_word_draws_the_readers_read_back() -> None:
    """A heading Word numbers 二十三、 is section 23 to the aligner too."""
    for n in range(1, 100):
        assert numbering.to_int(numbering.word_number(n, "chineseCounting")) == n
