"""Boxes drawn with box characters or ASCII read as grids (:mod:`govlint.readers.boxes`)."""

from __future__ import annotations

from govlint.model import RawTable
from govlint.readers.text import read
from govlint.source import source_from_text


def _grid(text: str) -> list[list[str]]:
    tables = [b for b in read(source_from_text("r.txt", text)).blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    return [[cell.text for cell in row] for row in tables[0].rows]


RULED = """\
┌────────────┬───┬───┐
│项目        │甲 │乙 │
├────────────┼───┼───┤
│申请人无正当│1  │0  │
│理由逾期    │   │   │
├────────────┼───┼───┤
│其他        │2  │3  │
└────────────┴───┴───┘"""


def test_a_label_wrapped_inside_its_box_is_one_cell() -> None:
    assert _grid(RULED) == [["项目", "甲", "乙"], ["申请人无正当理由逾期", "1", "0"], ["其他", "2", "3"]]


def test_the_same_box_in_ascii_reads_the_same() -> None:
    ascii_box = RULED.translate(str.maketrans("┌┬┐├┼┤└┴┘─│", "++++++++" + "+-|"))
    assert _grid(ascii_box) == _grid(RULED)


def test_without_rules_a_line_with_numbers_starts_a_row() -> None:
    open_box = "\n".join(line for line in RULED.split("\n") if not line.startswith("├"))
    assert _grid(open_box) == _grid(RULED)


def test_a_row_with_fewer_bars_is_a_merged_cell() -> None:
    text = """\
┌────────────┬───┬───┐
│第二十条    │   │   │
├────────────┴───┴───┤
│合并的一格          │
├────────────┬───────┤
│项目        │7      │
└────────────┴───────┘"""
    rows = read(source_from_text("r.txt", text)).blocks[0]
    assert isinstance(rows, RawTable) and rows.columns == 3
    assert [[c.text for c in row] for row in rows.rows] == [
        ["第二十条", "", ""], ["合并的一格"] * 3, ["项目", "7", "7"]]
    assert rows.rows[1][0] is rows.rows[1][2]  # one cell, in every position it covers


def test_a_box_that_does_not_line_up_is_an_empty_table() -> None:
    """A row that lost a bar: which column its numbers are in is unknown."""
    assert _grid(RULED.replace("│1  │0  │", "│1   0  │")) == []
    assert _grid(RULED.replace("│1  │0  │", "│1  │0  │ 5│")) == []


def test_a_box_typed_with_its_bars_out_of_line_is_read_by_counting_them() -> None:
    """Every line with as many bars (a box typed by hand, not padded): read as a pipe table."""
    assert _grid(RULED.replace("│1  │0  │", "│1 │0   │").replace("│2  │3  │", "│2│3│")) == _grid(RULED)


def test_prose_lines_starting_with_a_plus_are_no_box() -> None:
    blocks = read(source_from_text("r.txt", "+86 电话\n+1 件")).blocks
    assert not any(isinstance(b, RawTable) for b in blocks)


def test_a_frame_around_words_is_no_table() -> None:
    text = "┌──────────┐\n│本报告电子版│\n└──────────┘"
    blocks = read(source_from_text("r.txt", text)).blocks
    assert not any(isinstance(b, RawTable) for b in blocks)


def test_a_box_of_rules_only_is_an_empty_table() -> None:
    assert _grid("┌──┬──┐\n├──┼──┤\n└──┴──┘") == []
