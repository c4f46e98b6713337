"""Layout 7 of issue “Never a wrong sum from a doubtful reading”: a crawler's text with no line
breaks. The sections are found mid-line; a table whose cells keep a space between them reads to
the clean report's numbers, one whose numbers ran together (“规章000”) is one GL108 — never a
guessed column, a wrong sum or a missing section. Made by :mod:`tests.align.layouts_oneline`."""

from __future__ import annotations

import pytest

from govlint.model import Paragraph
from govlint.readers import text as text_reader
from govlint.source import source_from_text
from tests.align.layouts import ENGINE, Reading, corrected, minimal, read
from tests.align.layouts_oneline import one_line

SEEDS = ["000", "001", "002", "003", "004"]
TABLES = ("二", "三", "四")


def _clean(name: str) -> tuple[str, Reading]:
    """A clean report's text (a seed, or ``minimal``: clean-minimal.md) and its reading."""
    if name == "minimal":
        return minimal(), read(minimal(), "report.md")
    return corrected(name), read(corrected(name))


def _without_tables(reading: Reading) -> Reading:
    for table in TABLES:
        reading = reading.without(table)
    return reading


@pytest.mark.parametrize("name", [*SEEDS, "minimal"])
@pytest.mark.parametrize("per_section", [False, True])
def test_a_report_on_one_line_reads_like_the_clean_one(name: str, per_section: bool) -> None:
    """The whole report on one line (or a line a section), a space between cells: every
    section found mid-line, every table read to the clean numbers, the same findings."""
    text, clean = _clean(name)
    got = read(one_line(text, " ", per_section))
    assert got == clean, (got.findings - clean.findings, clean.findings - got.findings)


@pytest.mark.parametrize("name", ["000", "minimal"])
def test_a_report_on_one_line_saved_as_markdown_reads_the_same(name: str) -> None:
    """A crawler's text saved as ``.md`` is no Markdown: read as the plain text it is."""
    text, clean = _clean(name)
    assert read(one_line(text), "report.md") == read(one_line(text)) == clean


@pytest.mark.parametrize("name", [*SEEDS, "minimal"])
@pytest.mark.parametrize("per_section", [False, True])
def test_numbers_run_together_are_one_gl108_a_table(name: str, per_section: bool) -> None:
    """Cells glued (“规章000”, “行政规范性文件71120”): which digits are which column's is
    unknown, so each table is read to the clean numbers (a cell a line: nothing glued) or is
    one GL108 saying its numbers ran together — and nothing else differs: no missing section,
    no sum, no GL104/GL105/GL107."""
    text, clean = _clean(name)
    got = read(one_line(text, "", per_section))
    assert not got.codes("GL101")
    for table in TABLES:
        doubts = [f for f in got.findings.elements() if f[0] == "GL108" and f"表{table}" in f[2]]
        if table in got.tables:
            assert got.tables[table] == clean.tables[table] and not doubts
        else:
            assert len(doubts) == 1 and doubts[0][1] == "warning" and "连在一起" in doubts[0][2], got.findings
    assert _without_tables(got) == _without_tables(clean)


@pytest.mark.parametrize("name", SEEDS)
def test_rows_run_together_without_a_space_read_to_the_clean_numbers(name: str) -> None:
    """No break at all between lines (“规章 0 0 0行政规范性文件 7 11 20第二十条…”, “现行有效件数
    规章”): each number and label is still its own cell, and each table reads to the clean
    numbers with no table finding. (Where a heading runs into the words after it, those may
    be read as a reworded heading, GL103.)"""
    clean = read(corrected(name))
    got = read(corrected(name).replace("\n", "").replace("\t", " "))
    assert got.tables == clean.tables
    table_codes = ("GL104", "GL105", "GL107", "GL108", "GL2")
    assert got.codes(*table_codes) == clean.codes(*table_codes)


def test_glued_numbers_are_pointed_at_in_the_one_line() -> None:
    """The GL108 of table 二 points at “规章000”: line 1, the column where it stands."""
    moved = one_line(corrected("000"), "")
    result = ENGINE.lint_text("report.txt", moved)
    (doubt,) = [d for d in result.diagnostics if d.code == "GL108" and "表二" in d.message.zh]
    assert moved[doubt.span.start : doubt.span.end] == "规章000"
    assert result.source.position(doubt.span.start) == (1, moved.index("规章000") + 1)


def test_a_sum_error_on_one_line_is_the_clean_layouts_finding_at_the_same_cell() -> None:
    """A wrong 总计 in table 三, the report then put on one line: the same findings, each
    pointing at the same words in the one line as in the lines."""
    lines = corrected("000").replace("\t0\t0\t0\t0\t70\t", "\t0\t0\t0\t0\t71\t", 1)
    moved = one_line(lines)
    want = sorted(ENGINE.lint_text("report.txt", lines).diagnostics)
    got = sorted(ENGINE.lint_text("report.txt", moved).diagnostics)
    assert any(d.code.startswith("GL2") for d in want)
    assert [(d.code, d.message) for d in got] == [(d.code, d.message) for d in want]
    for g, w in zip(got, want, strict=True):
        if g.code.startswith("GL2"):
            assert moved[g.span.start : g.span.end] == lines[w.span.start : w.span.end]


def test_prose_that_names_sections_mid_sentence_stays_one_paragraph() -> None:
    """Only a text with no line structure is cut at numberings mid-line: a report written in
    lines whose prose lists “一、… 二、… 三、…” reads that line as one paragraph, as ever."""
    clean = corrected("000")
    listed = "主要表现在：一、重点领域信息公开不够细化；二、政民互动还有差距；三、政策解读创新不够。"
    moved = clean.replace("主要表现在：", listed, 1)
    blocks = text_reader.read(source_from_text("report.txt", moved)).blocks
    assert [b for b in blocks if isinstance(b, Paragraph) and listed in b.text]
    assert len(blocks) == len(text_reader.read(source_from_text("report.txt", clean)).blocks)
    assert read(moved) == read(clean)


def test_two_megabytes_on_one_line_read_as_the_report() -> None:
    """The shape that must stay linear: a 2 MB line (section 五's prose repeated) is read like
    the report it pads — sections found, tables read (benchmarks/read_oneline.py times it)."""
    line = one_line(corrected("000"))
    five, six = line.index("五、存在"), line.index("六、其他")
    prose = line[five + len("五、存在的主要问题及改进情况") : six]
    moved = line[:six] + prose * (2_000_000 // len(prose)) + line[six:]
    assert len(moved) >= 2_000_000
    got, clean = read(moved), read(corrected("000"))
    assert got.tables == clean.tables and not got.codes("GL1")
