"""govlint.crossyear.similarity: the share of this year's prose found in last year's report."""

from __future__ import annotations

import pytest

from crossyear.years import FIRST, SECOND, copying, read, report
from govlint.crossyear import overlap
from govlint.crossyear.similarity import MIN_PROSE, prose
from govlint.engine import Engine
from govlint.model import Context


def _share(engine: Engine, text: str, previous: str) -> float | None:
    found = overlap(read(engine, "this.md", text), Context("zh", previous=read(engine, "last.md", previous)))
    assert found is not None
    return found.share


def _prose(engine: Engine, text: str) -> list[str]:
    return [p.text for p in prose(read(engine, "r.md", text))]


@pytest.mark.parametrize(("copied", "low", "high"), [(0, 0.0, 0.1), (2, 0.2, 0.3), (8, 0.78, 0.85), (10, 1.0, 1.0)])
def test_the_share_follows_the_paragraphs_copied(engine: Engine, copied: int, low: float, high: float) -> None:
    share = _share(engine, report(2023, copying(copied)), report(2022, FIRST))
    assert share is not None and low <= share <= high


def test_numbers_and_years_are_masked_spaces_dropped(engine: Engine) -> None:
    title = "# 平罗县2023年政府信息公开工作年度报告\n\n"
    (piece,) = _prose(engine, title + "二〇二三年 全年公开 1,200 条，占比 99.5%，较上年增加12条。\n")
    assert piece == "#年全年公开#条，占比#%，较上年增加#条。"


def test_tables_headings_and_the_formats_standard_sentences_are_not_prose(engine: Engine) -> None:
    pieces = _prose(engine, report(2023, SECOND))
    assert len(pieces) == 11  # the 要点 sentence and the ten paragraphs
    joined = "".join(pieces)
    for standard in ("条例", "统计期限", "电子版", "信息处理费", "总体情况", "本年新收", "平罗县人民政府办公室"):
        assert standard not in joined


def test_a_standard_sentence_goes_and_the_rest_of_its_paragraph_stays(engine: Engine) -> None:
    text = ("# 平罗县2023年政府信息公开工作年度报告\n\n"
            "本报告统计期限为2023年全年。平罗县坚持以公开为常态、不公开为例外，持续深化政务公开。\n")
    assert _prose(engine, text) == ["平罗县坚持以公开为常态、不公开为例外，持续深化政务公开。"]


def test_a_paragraph_too_short_to_be_prose_is_left_out(engine: Engine) -> None:
    text = "# 平罗县2023年政府信息公开工作年度报告\n\n平罗县人民政府办公室\n\n" + "政务公开" * (MIN_PROSE // 4) + "\n"
    assert _prose(engine, text) == ["政务公开" * (MIN_PROSE // 4)]


def test_passages_name_where_they_stand_in_both_reports(engine: Engine) -> None:
    this_year = read(engine, "this.md", report(2023, copying(8)))
    last_year = read(engine, "last.md", report(2022, FIRST))
    found = overlap(this_year, Context("zh", previous=last_year))
    assert found is not None and len(found.passages) == 3
    first = found.passages[0]
    assert this_year.source.text[first.span.start : first.span.end] == copying(8)[0]
    assert last_year.source.text[first.previous.start : first.previous.end] == FIRST[0]


def test_without_prose_there_is_no_share(engine: Engine) -> None:
    assert _share(engine, "# 平罗县2023年政府信息公开工作年度报告\n", report(2022)) is None


def test_without_last_years_report_nothing_is_compared(engine: Engine) -> None:
    assert overlap(read(engine, "r.md", report(2023)), Context("zh")) is None


def test_the_facts_carry_last_years_report_and_the_share(engine: Engine) -> None:
    """What a view of many reports shows: filled by the lint that ran the rules."""
    this_year, last_year = report(2023, copying(8)), read(engine, "reports/2022.md", report(2022, FIRST))
    source = read(engine, "reports/2023.md", this_year).source
    result = engine.lint_report(source, engine.report(source), last_year)
    assert result.facts is not None and result.facts.previous == "reports/2022.md"
    assert result.facts.copied == pytest.approx(0.811, abs=0.001)
    alone = engine.lint_source(source)
    assert alone.facts is not None and (alone.facts.organ, alone.facts.year, alone.facts.previous,
                                        alone.facts.copied) == ("平罗县", 2023, None, None)


def test_a_masked_stretch_is_found_again_in_the_text(engine: Engine) -> None:
    """Passages name lines: each masked character leads back to where it stands, a mark to its number."""
    paragraph = "全年 公开 1,200 条信息，同比增长 12 %，持续推进政务公开工作落实。"
    report = read(engine, "r.md", f"# 平罗县2023年政府信息公开工作年度报告\n\n{paragraph}\n")
    (piece,) = prose(report)
    source = report.source.text

    def at(start: int, end: int) -> str:
        span = piece.span(source, start, end)
        return source[span.start : span.end]

    mark = piece.text.index("#")
    assert at(mark, mark + 1) == "1,200"
    assert at(2, 4) == "公开"
    assert at(0, len(piece.text)) == paragraph
    assert at(mark, mark + 5) == "1,200 条信息，"
