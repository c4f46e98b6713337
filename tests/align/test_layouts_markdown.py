"""Markdown written by PDF-to-Markdown converters (issue 17, layout 5): GFM tables and embedded
HTML ``<table>``s with a row's label pulled out above the row, a label split over two cells or
two rows, a note left loose between rows. govlint reads each to the numbers of the clean report
it was made from, or says in one GL108 that it cannot. The layouts are made by
:mod:`tests.align.layouts_markdown`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.align.layouts import assert_one_gl108, assert_reads_like, corrected, read
from tests.align.layouts_markdown import (
    as_html,
    converted,
    note_after,
    split_over_cells,
)

NAMES = ["000", "002", "004"]
#: How a converter writes a table: GFM, HTML on one line (MinerU), HTML a row a line.
FORMS: dict[str, Callable[[str], str]] = {
    "gfm": lambda text: text,
    "html": as_html,
    "html-rows": lambda text: as_html(text, one_line=False),
}


def reads_like(moved: str, clean: str) -> None:
    """The moved layout, in each form a converter writes tables in, reads like the clean one."""
    for form in FORMS.values():
        assert_reads_like(form(moved), form(clean), "report.md")


def one_gl108(moved: str, clean: str, table: str) -> str:
    """The moved layout, in each form, is one GL108 for ``table`` and otherwise the clean one."""
    messages = {assert_one_gl108(form(moved), form(clean), table, "report.md") for form in FORMS.values()}
    assert len(messages) == 1
    return messages.pop()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", FORMS)
def test_a_converted_report_reads_like_its_text(name: str, form: str) -> None:
    """The fixture: a seed's tables as a converter writes them read like the seed's text."""
    got, want = read(FORMS[form](converted(name)), "report.md"), read(corrected(name))
    assert got == want


# -- (b) a label split over two cells or two rows

@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "at"), [("2.申请人逾期未按", 19), ("5.要求行政机关", 8), ("(二)部分公开", 6),
                                           ("2.其他法律", 5)])
def test_a_label_split_into_the_empty_cell_before_it_reads_right(name: str, label: str, at: int) -> None:
    """The label's first words in the empty cell before it (the grid kept): one label."""
    clean = converted(name)
    reads_like(split_over_cells(clean, label, at, widen=False), clean)


# -- (c) a cell's note or a footnote left loose between rows


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("label", ["一、本年新收", "二、上年结转", "4.保护第三方", "(七)总计", "行政许可", "规章"])
@pytest.mark.parametrize("note", ["（含上年结转）", "注：本表数据统计截至2023年12月31日。", "（单位：件）"])
@pytest.mark.parametrize("how", ["line", "blank", "row"])
def test_a_loose_note_between_rows_is_no_row(name: str, label: str, note: str, how: str) -> None:
    """A note after a row — a line of its own in the table, between blank lines with the table
    started again, or a row holding it alone: no unknown row, the table not cut in two."""
    clean = converted(name)
    reads_like(note_after(clean, label, note, how), clean)
