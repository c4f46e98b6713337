"""GL207 text-table-mismatch: a count the prose repeats from a table cell that differs from the
cell; the pack's mention rule that read it is the finding's entry. Each case writes one
paragraph in place of the clean report's line 7."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FIXTURES, FindFn, clean_with

INTRO = CLEAN.split("\n")[6]
PROSE = ("GL205", "GL206", "GL207")
JIAOYUJU = (FIXTURES / "reports" / "clean-pingluo-jiaoyuju.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("paragraph", "says", "entry"),
    [
        ("2023年共受理政府信息公开申请8件，已全部办结。",
         "正文称“受理政府信息公开申请8件”，但表三“一、本年新收政府信息公开申请数量”总计为 12", "applications"),
        ("予以公开 9 件，占比 75%。", "正文称“予以公开 9 件”，但表三“（一）予以公开”总计为 7", "granted"),
        ("其他处理 4 件。", "正文称“其他处理 4 件”，但表三“（六）其他处理”总计为 0", "other-handling"),
        ("不掌握信息４件。", "正文称“不掌握信息4件”，但表三“（四）1.本机关不掌握相关政府信息”总计为 3", "not-held"),
        ("因政府信息公开被申请行政复议 3 件。", "正文称“行政复议 3 件”，但表四“行政复议”总计为 1", "review"),
        ("全年印发行政规范性文件 6 件。", "正文称“行政规范性文件 6 件”，但表二“行政规范性文件”本年制发件数为 5",
         "normative-documents"),
        ("予以公开及部分公开 9 件，不掌握信息 3 件。",
         "正文称“予以公开及部分公开 9 件”，但表三“（一）予以公开”与“（二）部分公开”总计之和为 8", "granted-or-partly"),
        ("予以公开（含部分公开）7 件。",
         "正文称“予以公开（含部分公开）7 件”，但表三“（一）予以公开”与“（二）部分公开”总计之和为 8",
         "granted-or-partly"),
    ],
)
def test_a_count_that_differs_from_its_cell(found: FindFn, paragraph: str, says: str, entry: str) -> None:
    got = found(clean_with(INTRO, paragraph), *PROSE)
    assert [(f.code, f.line, f.severity, f.rule, f.entry) for f in got] == [
        ("GL207", 7, "warning", "text-table-mismatch", entry)
    ]
    assert got[0].message == says and got[0].en


def test_a_cell_is_quoted_as_the_report_wrote_it(found: FindFn) -> None:
    text = clean_with("| 行政规范性文件 | 5 | 2 | 30 |", "| 行政规范性文件 | 5.50 | 2 | 30 |")
    (got,) = found(clean_with(INTRO, "全年印发行政规范性文件 6 件。", text), "GL207")
    assert got.message.endswith("本年制发件数为 5.50")  # not 5.5
    assert "(normative documents issued this year: 6)" in got.en


@pytest.mark.parametrize(
    "paragraph",
    [
        INTRO,
        "共受理政府信息公开申请 13 件（含上年结转 1 件），收到政府信息公开申请 12 件。",
        "予以公开 7 件，部分公开 1 件，不掌握信息 3 件，其他处理 0 件。",
        "制定印发《关于废止、宣布失效部分行政规范性文件的决定》，废止 8 件、宣布失效 3 件，"
        "公开现行有效行政规范性文件 30 件。",
        "公开涉及群众切身利益、需要群众广泛知晓的规范性文件 5 个。",
        "全年办理行政复议案件 120 件，因政府信息公开被申请行政复议 1 件。",
        # two rows named together: （一）7 + （二）1, not （二） alone
        "办结政府信息公开申请 12 件，其中：予以公开及部分公开 8 件，不掌握信息 3 件，其他处理 0 件。",
        "予以公开和部分公开 8 件。",
        "予以公开（含部分公开）8 件。",
        "本年度未收到政府信息公开申请。",
    ],
)
def test_counts_that_repeat_their_cells_stay_quiet(found: FindFn, paragraph: str) -> None:
    assert found(clean_with(INTRO, paragraph), *PROSE) == []  # INTRO itself: the clean report


def test_a_blank_cell_is_not_compared(found: FindFn) -> None:
    """Table 四's 行政复议 cells left blank: blank is not zero, so “0 件” is not compared."""
    text = clean_with(
        "| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        "|  |  |  |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
    )
    assert found(clean_with(INTRO, "本年度共受理政府信息公开行政复议案件 0 件。", text), *PROSE) == []


def test_count_that_includes_last_years_carry_over(found: FindFn) -> None:
    """“申请13件（含上年结转1件）” is 一 + 二; the note after the number must not hide it."""
    assert [f for f in found(JIAOYUJU) if f.severity != "info"] == []
    (got,) = found(clean_with("申请13件（含上年结转1件）", "申请14件（含上年结转1件）", JIAOYUJU), "GL207")
    assert "14" in got.message


@pytest.mark.parametrize(
    "paragraph",
    [
        "全年共受理政府信息公开申请 13 件（含上年结转 1 件）。",
        "全年共受理政府信息公开申请 13 件，其中本年新收 12 件，上年结转 1 件。",
        "全年共受理政府信息公开申请 13 件，包括上年度结转的申请 1 件。",
    ],
)
def test_a_count_that_says_it_includes_the_carry_over_agrees_with_new_plus_carried(
    found: FindFn, paragraph: str
) -> None:
    """Table 三: 12 new (一) and 1 carried over (二); the sentence says its 13 counts both."""
    assert found(clean_with(INTRO, paragraph), *PROSE) == []


def test_a_count_equal_to_new_plus_carried_that_does_not_say_so_names_both_readings(found: FindFn) -> None:
    """受理 13 件 with 12 new and 1 carried over is true in one reading: info, never a mismatch."""
    (got,) = found(clean_with(INTRO, "全年共受理政府信息公开申请 13 件，均已按时办结。"), *PROSE)
    assert (got.code, got.line, got.severity, got.entry) == ("GL207", 7, "info", "applications")
    assert got.message == (
        "正文称“受理政府信息公开申请 13 件”；表三本年新收 12 件，加上年结转 1 件才是 13 件；"
        "如正文的数字含上年结转，请写明"
    )
    assert "12 new applications, 13 only with the 1 carried over" in got.en


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年受理政府信息公开申请9件，2023年受理政府信息公开申请13件（含上年结转1件）",  # last year's count
        "2022年，本机关共受理政府信息公开申请9件",  # the year opens the sentence, the count is a clause on
    ],
)
def test_another_years_count_stays_quiet(found: FindFn, sentence: str) -> None:
    old = "全年共受理政府信息公开申请13件（含上年结转1件），其中本年新收12件"
    assert found(clean_with(old, sentence, JIAOYUJU), "GL207") == []


def test_a_year_that_opens_the_sentence_is_the_counts_year(found: FindFn) -> None:
    old = "全年共受理政府信息公开申请13件（含上年结转1件），其中本年新收12件"
    assert len(found(clean_with(old, "2023年，本机关共受理政府信息公开申请9件", JIAOYUJU), "GL207")) == 1


def test_a_wider_count_whose_part_is_the_cell_stays_quiet(found: FindFn) -> None:
    """Table 三 says 70 new (none carried over); the sentence gives the county's 85 and, as a
    part, this organ's 70: which count repeats the cell is not for govlint to guess."""
    corrected = (FIXTURES / "seeds-corrected" / "000.txt").read_text(encoding="utf-8")
    old = "全县共受理答复自然人、法人或其他组织政府信息公开申请 70 件"
    wider = clean_with(old, "全县各部门共收到政府信息公开申请 85 件，其中县政府本级 70 件", corrected)
    assert found(wider, "GL207", path="r.txt") == []
    wrong = clean_with(old, "全县共受理政府信息公开申请 85 件", corrected)
    assert len(found(wrong, "GL207", path="r.txt")) == 1
