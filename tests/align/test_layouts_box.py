"""Tables drawn as boxes by a text browser (issue “Never a wrong sum from a doubtful reading”,
layout 6): a clean report whose tables are the boxes ``w3m -dump`` drew for its web page reads
to the clean text's tables and findings, with rules between the rows or without; a box that
lost a column in its rows or has a bar out of line is one GL108, never a sum. The boxes come
from ``tests/fixtures/boxes`` (``tools/make_box_fixtures.py``), changed by
:mod:`tests.align.layouts_box`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.model import RawTable
from govlint.readers.text import read as read_text
from govlint.source import source_from_text
from tests.align.layouts import ENGINE, assert_reads_like, corrected, read
from tests.align.layouts_box import (
    boxed,
    cut_column,
    damage,
    drawing,
    dump,
    rules,
    shift_bar,
    with_boxes,
    without_rules,
)
from tests.robustness.fuzzing import PROPERTY_EXAMPLES

ROOT = Path(__file__).parents[2]
#: Each dump and the corrected seed its page was made from.
DUMPS = [("000", "seed000-w3m"), ("000", "seed000-w3m-narrow"), ("002", "seed002-w3m-ascii"),
         ("004", "seed004-w3m-wide")]


@pytest.mark.parametrize(("seed", "name"), DUMPS)
def test_a_report_with_tables_drawn_as_boxes_reads_like_its_text(seed: str, name: str) -> None:
    """Box characters, ASCII +---+, boxes drawn two columns wide, labels and header words
    wrapped inside their boxes, labels spanning rows and header words spanning columns: the
    same tables and findings as the tab-separated text."""
    assert_reads_like(boxed(seed, name), corrected(seed))


@pytest.mark.parametrize(("seed", "name"), DUMPS)
@pytest.mark.parametrize("partial", [False, True])
def test_boxes_without_rules_between_their_rows_read_like_the_text(seed: str, name: str, partial: bool) -> None:
    """The rules across the whole box left out, and also (``partial``) those under a label
    spanning rows, which is then cut into a piece per row: a line with numbers starts a row, a
    wrapped label's words hang below it, a line with other bars is a row of its own."""
    assert_reads_like(without_rules(boxed(seed, name), partial=partial), corrected(seed))


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(DUMPS), st.data())
def test_any_of_the_rules_left_out_never_changes_the_findings(dumped: tuple[str, str], data: st.DataObject) -> None:
    """Some of the rules across the whole box left out, any of them: the box then has rows
    ruled and rows not, and reads the same."""
    seed, name = dumped
    text = boxed(seed, name)
    drop = data.draw(st.sets(st.sampled_from(rules(text))))
    assert_reads_like_or_unread(without_rules(text, drop), corrected(seed))


def assert_reads_like_or_unread(moved: str, clean: str) -> None:
    """Each table of the moved text reads as the clean one's, or is one GL108 that it cannot
    be read (a box with rows ruled and rows not, whose bars change where no rule parts them);
    nothing else differs."""
    got, want = read(moved), read(clean)
    unread = sorted(t for t in want.tables if got.tables.get(t) != want.tables[t])
    extra = sorted((got.findings - want.findings).elements())
    assert extra == sorted(("GL108", "warning", _UNREADABLE.format(t)) for t in unread), extra
    assert not want.findings - got.findings
    assert not set(unread) & set(got.tables)


def test_sums_that_do_not_add_up_inside_boxes_are_found_as_in_the_text() -> None:
    """The defects report's tables as boxes: the same sum findings (GL201, GL203, GL207) and
    every other finding, with rules between the rows or without."""
    clean = (ROOT / "examples" / "reports" / "longde-2023-defects.txt").read_text(encoding="utf-8")
    text = with_boxes(clean, "longde-2023-defects-w3m")
    assert set(read(clean).codes("GL2")) >= {"GL201", "GL203", "GL207"}
    assert_reads_like(text, clean)
    assert_reads_like(without_rules(text), clean)


def test_the_w3m_dump_as_a_whole_reads_its_tables() -> None:
    """The dump itself, its prose wrapped and indented as w3m prints it: the tables read to
    the text's numbers, none of them doubtful."""
    got, want = read(dump("seed000-w3m")), read(corrected("000"))
    assert got.tables == want.tables
    assert not got.codes("GL104", "GL105", "GL106", "GL107", "GL108", "GL2")


@pytest.mark.parametrize(("seed", "name"), [DUMPS[0], DUMPS[2]])
def test_a_box_in_a_markdown_file_is_read_as_a_grid(seed: str, name: str) -> None:
    """Boxes pasted into a .md file read as in a .txt file."""
    assert_reads_like(boxed(seed, name), corrected(seed), path="report.md")


# -- boxes that do not line up: one GL108, never a sum


#: The one finding of a box that does not line up, for table {}.
_UNREADABLE = ("表{0}画成文字边框（如 w3m 等文本浏览器保存的网页），但边框线对不齐，无法确定数字所在的列；"
               "表{0}的合计与勾稽关系无法核对，请对照原网页或原文件检查")
CUTS = [(0, "本年废止"), (1, "科研"), (2, "尚未")]


@pytest.mark.parametrize(("seed", "name"), [DUMPS[0], DUMPS[2], DUMPS[3]])
@pytest.mark.parametrize(("table", "header"), CUTS)
@pytest.mark.parametrize("how", ["numbers", "padded"])
def test_a_box_whose_rows_lost_a_column_is_one_gl108(seed: str, name: str, table: int, header: str,
                                                     how: str) -> None:
    """A column cut out of the lines holding numbers only: those lines end short of the
    box's edge, or (padded to it) their bars stand where no header's do and a number would
    span two columns. Which column a number is in is unknown: one GL108."""
    text = boxed(seed, name)
    if header not in text:
        pytest.skip(f"{header} is wrapped in {name}")
    moved = cut_column(text, table, header, how, wide=name.endswith("wide"))
    assert moved != text
    got, want = read(moved), read(corrected(seed))
    mark = "二三四"[table]
    assert list((got.findings - want.findings).elements()) == [("GL108", "warning", _UNREADABLE.format(mark))]
    assert not want.findings - got.findings
    assert mark not in got.tables


@pytest.mark.parametrize(("seed", "name"), DUMPS[:3])
@pytest.mark.parametrize("label", ["4.保护第三方", "一、本年新收", "行政规范性文件"])
def test_a_bar_out_of_line_is_one_gl108(seed: str, name: str, label: str) -> None:
    """One bar of one row a column to the right: one GL108 for its table."""
    text = boxed(seed, name)
    if not re.search(re.escape(label) + r".*[│|]\d", text):
        pytest.skip(f"{label} has no number on its line in {name}")
    got, want = read(shift_bar(text, label)), read(corrected(seed))
    mark = "二" if label == "行政规范性文件" else "三"
    assert list((got.findings - want.findings).elements()) == [("GL108", "warning", _UNREADABLE.format(mark))]
    assert not want.findings - got.findings
    assert mark not in got.tables


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(DUMPS), st.integers(0, 2), st.data(), st.sampled_from(["blank", "delete", "push"]))
def test_any_box_character_damaged_reads_right_or_is_one_gl108(dumped: tuple[str, str], table: int,
                                                               data: st.DataObject, how: str) -> None:
    """One rule or bar of a box blanked, deleted or pushed a column right: the box reads as
    before, or its table is one GL108 — never a number in another column, a sum or a row."""
    seed, name = dumped
    text = boxed(seed, name)
    line, at = data.draw(st.sampled_from(drawing(text, table)))
    assert_reads_like_or_unread(damage(text, line, at, how), corrected(seed))


def test_a_well_formed_box_without_a_column_sums_nothing() -> None:
    """A box drawn without the 科研机构 column at all (header and rows): the other columns
    read as written, the missing one is blank in every row, and no sum is checked on a blank."""
    moved = cut_column(boxed("000", "seed000-w3m"), 1, "科研")
    got, want = read(moved), read(corrected("000"))
    assert not got.codes("GL2", "GL6", "GL108")
    for row, values in got.tables["三"].items():
        clean = want.tables["三"][row]
        assert values == [*clean[:2], None, *clean[3:]]


# -- where findings point


def test_a_finding_in_a_box_points_at_its_number() -> None:
    """A total written wrong inside a box: the same findings as in the text, each pointing at
    the same words (the wrong total itself)."""
    text, clean = boxed("000", "seed000-w3m"), corrected("000")
    row = next(line for line in text.split("\n") if "（一）予以公开" in line)
    wrong = text.replace(row, row[: row.rindex("30 ")] + "31 " + row[row.rindex("30 ") + 3 :])
    clean_wrong = clean.replace("(一) 予以公开\t30\t0\t0\t0\t0\t0\t30", "(一) 予以公开\t30\t0\t0\t0\t0\t0\t31")
    assert wrong != text and clean_wrong != clean
    got = sorted(ENGINE.lint_text("report.txt", wrong).diagnostics, key=lambda d: (d.code, d.message.zh))
    want = sorted(ENGINE.lint_text("report.txt", clean_wrong).diagnostics, key=lambda d: (d.code, d.message.zh))
    assert [(d.code, d.message.zh) for d in got] == [(d.code, d.message.zh) for d in want]
    sums = [(g, w) for g, w in zip(got, want, strict=True) if g.code.startswith("GL2")]
    assert sums
    for g, w in sums:
        assert wrong[g.span.start : g.span.end] == clean_wrong[w.span.start : w.span.end]
    assert any(wrong[g.span.start : g.span.end] == "31" for g, _ in sums)


def test_cells_point_at_their_words() -> None:
    """Every cell of a box stands where its words are: a one-line cell's span is its text; a
    wrapped cell's runs from its first words to its last."""
    text = boxed("000", "seed000-w3m-narrow")
    document = read_text(source_from_text("report.txt", text))
    tables = [block for block in document.blocks if isinstance(block, RawTable)]
    assert len(tables) == 3 and all(table.columns for table in tables)
    wrapped = 0
    for table in tables:
        for cell in {cell for row in table.rows for cell in row}:
            written = text[cell.span.start : cell.span.end]
            if "\n" not in written:
                assert written == cell.text
                continue
            wrapped += 1
            first, last = re.split(r"[│├┼┤]", written.split("\n")[0]), re.split(r"[│├┼┤]", written.split("\n")[-1])
            assert cell.text.startswith(first[0].strip()) and cell.text.endswith(last[-1].strip())
    assert wrapped > 10


def test_a_reworded_label_wrapped_in_its_box_is_reported_without_a_fix() -> None:
    """“区别” for “区分” in the second line of a wrapped label: GL106 as in the text (naming
    the label as the box writes it), but no fix: the label's words stand on two lines with the
    box's bars between them."""
    text = boxed("000", "seed000-w3m").replace("（区分处理的", "（区别处理的")
    clean = corrected("000").replace("(区分处理的", "(区别处理的")
    got = [d for d in ENGINE.lint_text("report.txt", text).diagnostics if d.code == "GL106"]
    want = [d for d in ENGINE.lint_text("report.txt", clean).diagnostics if d.code == "GL106"]
    assert [d.severity for d in got] == [d.severity for d in want] == ["info"]
    assert "行名“（二）部分公开（区别处理的，只计这一情形，不计其他情形）”" in got[0].message.zh
    assert got[0].fix is None and want[0].fix is not None
