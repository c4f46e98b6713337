"""Layouts that break a table (issue “Never a wrong sum from a doubtful reading”): on each,
govlint reads the table to the numbers of the clean report it was made from, or says in one
GL108 that it cannot — never a sum, a text-versus-table comparison or an unknown row from a
misread table. The layouts are made by :mod:`tests.align.layouts`."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.readers.numbering import LABEL
from tests.align.layouts import (
    NUMBER,
    assert_one_gl108,
    assert_reads_like,
    cell_per_line,
    corrected,
    renumber,
    split_cell,
    table_four_by_columns,
    value_before_label,
    vertical,
    wrap_label,
    wrap_word,
)
from tests.robustness.fuzzing import PROPERTY_EXAMPLES

# -- 1. plain pdftotext of a PDF that stores text out of reading order


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize("labels", [
    ("二、上年结转",),
    ("4.保护第三方", "1.本机关不掌握"),
    ("1.属于国家秘密", "2.其他法律", "3.危及", "4.保护第三方"),
    ("一、本年新收", "(七)总计"),
])
def test_a_value_printed_before_its_label_reads_right(name: str, labels: tuple[str, ...]) -> None:
    """Each of these rows' first number printed before its label: the row before has one
    number too many and this one one too few; read as a value printed before its label, every
    row has its columns and every identity holds."""
    clean = cell_per_line(corrected(name))
    assert_reads_like(value_before_label(clean, *labels), clean)


def test_a_value_printed_before_its_label_in_table_two_is_one_gl108() -> None:
    """Table 二 has no identity to confirm a value printed before its label (行政许可's number
    before its label reads as 行政规范性文件's fourth): one GL108, no sums."""
    clean = cell_per_line(corrected("000"))
    message = assert_one_gl108(value_before_label(clean, "行政许可"), clean, "二")
    assert "印在了行名之前" in message


@pytest.mark.parametrize("name", ["000", "002"])
@pytest.mark.parametrize(("per_line", "sep"), [(1, " "), (2, " "), (4, " "), (6, "\t"), (40, " ")])
def test_table_four_printed_a_column_at_a_time_reads_right(name: str, per_line: int, sep: str) -> None:
    """Table 四's header words and numbers interleaved (each column's words, then its value),
    on lines of one or more of them: the numbers come in the columns' order."""
    clean = cell_per_line(corrected(name))
    assert_reads_like(table_four_by_columns(clean, per_line, sep), clean)


@pytest.mark.parametrize("per_line", [1, 4])
def test_table_four_columns_out_of_order_is_one_gl108(per_line: int) -> None:
    """The columns of 复议后起诉 printed before those of 未经复议直接起诉: every identity still
    holds, but the header words between the numbers say the numbers are not in order."""
    clean = cell_per_line(corrected("000"))
    message = assert_one_gl108(table_four_by_columns(clean, per_line, swap_groups=True), clean, "四")
    assert "表头文字" in message


# -- 2. row labels wrapped over two or three lines


LONG_LABELS = ["1.申请人无正当理由", "2.申请人逾期未按", "5.要求行政机关", "(二)部分公开", "一、本年新收", "2.其他法律"]


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize("label", LONG_LABELS)
@pytest.mark.parametrize("cuts", [(6,), (9, 21)])
@pytest.mark.parametrize("flat", [False, True])
def test_a_wrapped_label_reads_right(name: str, label: str, cuts: tuple[int, ...], flat: bool) -> None:
    """A label wrapped over two or three lines, its numbers on the first, a middle or the last
    line, the pieces in the label's column or at the margin, the table tab-separated or
    flattened to single spaces: the pieces are one label, never unknown rows."""
    clean = corrected(name)
    for numbers_on in range(len(cuts) + 1):
        for indent in (True, False):
            assert_reads_like(wrap_label(clean, label, cuts, numbers_on, flat, indent), clean)


@pytest.mark.parametrize("name", ["000", "002", "004"])
def test_sub_rows_numbered_with_a_comma_read_the_same(name: str) -> None:
    """1、属于国家秘密 is 1.属于国家秘密, also wrapped."""
    clean = corrected(name)
    assert_reads_like(renumber(clean), clean)
    assert_reads_like(wrap_label(renumber(clean), "1、申请人无正当理由", (13, 28), 1), clean)


def test_numbers_beside_nothing_but_a_piece_of_a_label_are_one_gl108() -> None:
    """The first words of a label lost, its row's numbers beside a piece of it that names no
    row: whose numbers they are is unknown — one GL108, no unknown row, no missing row."""
    clean = corrected("000")
    moved = clean.replace("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                          "理由逾期不补正、行政机关不再")
    assert "被拆散的行名片段（如“理由逾期不补正、行政机关不再”）" in assert_one_gl108(moved, clean, "三")


# -- 3. merged cells printed a character a line, group labels split


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize("how", ["block", "between", "cells"])
def test_a_merged_label_printed_a_character_a_line_reads_right(name: str, how: str) -> None:
    """三、本年度办理结果 as 三⏎、⏎本⏎年⏎…: before its rows, between them, or as their first
    cells; the characters are no rows (and the group's rows are found without it)."""
    clean = corrected(name)
    assert_reads_like(vertical(clean, "三、本年度办理结果", how), clean)


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize(("label", "at"), [("(三)不予公开", 5), ("(三)不予公开", 6), ("(四)无法提供", 5),
                                           ("(五)不予处理", 5), ("(六)其他处理", 6)])
def test_a_group_label_split_over_two_lines_reads_right(name: str, label: str, at: int) -> None:
    """“（三）不” over “予公开 1.属于国家秘密 …”: one label, never an unknown row, and 予公开
    never 予以公开."""
    clean = corrected(name)
    assert_reads_like(split_cell(clean, label, at), clean)


# -- 4. column headers wrapped


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize(("word", "at"), [("商业企业", 3), ("社会公益组织", 4), ("法律服务机构", 2), ("自然人", 2)])
@pytest.mark.parametrize("per_line", [False, True])
def test_a_wrapped_column_header_reads_right(name: str, word: str, at: int, per_line: bool) -> None:
    """商业企⏎业: a header word broken, in a tab-separated table or a cell per line; no
    reworded column, no row."""
    clean = cell_per_line(corrected(name)) if per_line else corrected(name)
    assert_reads_like(wrap_word(clean, word, at), clean)


@pytest.mark.parametrize("name", ["000", "002", "004"])
@pytest.mark.parametrize("per_line", [False, True])
def test_a_header_line_that_looks_like_a_row_is_not_the_total_row(name: str, per_line: bool) -> None:
    """“总计商 业 企”: the header's 总计 run together with the pieces of 商业企业 below it,
    on a line of its own; it is not the （七）总计 row, which comes later with its numbers."""
    clean = cell_per_line(corrected(name)) if per_line else corrected(name)
    at = clean.index("商业企业")
    moved = clean[:at] + "商业企业\n总计商 业 企" + clean[at + len("商业企业") :]
    assert_reads_like(moved, clean)


@st.composite
def wrapping(draw: st.DrawFn) -> tuple[str, str, tuple[int, ...], int, bool, bool]:
    """How to wrap one of a clean report's table labels (table 二 or 三, a row with numbers):
    the report, the label, one or two points, the line for the numbers, flattened, indented."""
    name = draw(st.sampled_from(["000", "002", "004"]))
    labels = [cell for line in corrected(name).split("\n") if "\t" in line and re.search(r"\t\d", line)
              for cell in line.split("\t")[:-1] if len(cell.strip()) > 2 and not NUMBER.match(cell.strip())]
    label = draw(st.sampled_from(labels))
    points = [k for k in range(1, len(label)) if _breakable(label, k)]
    cuts = tuple(sorted(set(draw(st.lists(st.sampled_from(points), min_size=1, max_size=2)))))
    return name, label, cuts, draw(st.integers(0, len(cuts))), draw(st.booleans()), draw(st.booleans())


def _breakable(label: str, k: int) -> bool:
    """Where a line may break in a label: after its own numbering, and as Chinese typesetting
    allows (no line starts with a closing mark or a pause, none ends with an opening one)."""
    numbering = LABEL.match(label)
    return (k >= (numbering.end() if numbering else 0) and label[k] not in "，。、；：）)”’》】 ,."
            and label[k - 1] not in "（(“‘《【")


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(wrapping())
def test_wrapping_any_label_anywhere_never_changes_the_findings(
    how: tuple[str, str, tuple[int, ...], int, bool, bool],
) -> None:
    name, label, cuts, numbers_on, flat, indent = how
    clean = corrected(name)
    assert_reads_like(wrap_label(clean, label, cuts, numbers_on, flat, indent), clean)
