"""Markdown written by PDF-to-Markdown converters (issue 17, layout 5): GFM tables and embedded
HTML ``<table>``s with a row's label pulled out above the row, a label split over two cells or
two rows, a note left loose between rows. govlint reads each to the numbers of the clean report
it was made from, or says in one GL108 that it cannot. The layouts are made by
:mod:`tests.align.layouts_markdown`."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.align.layouts import ENGINE, assert_one_gl108, assert_reads_like, corrected, minimal, read
from tests.align.layouts_markdown import (
    as_html,
    broken_in_cell,
    converted,
    label_above,
    labels_above,
    note_after,
    renamed,
    split_over_cells,
    split_over_rows,
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


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("form", FORMS)
def test_a_merged_cell_written_in_every_place_it_covers_reads_right(name: str, form: str) -> None:
    """Docling writes a merged cell's text in every grid place it covers: table 二's value
    merged over three columns (“| 行政许可 | 20211 | 20211 | 20211 |”) is one value, a label
    over several rows labels each."""
    got, want = read(FORMS[form](converted(name, repeat=True)), "report.md"), read(corrected(name))
    assert got == want


# -- (a) a label pulled out of its cell, on a line of its own above its row


ROWS = ["1.申请人无正当理由", "4.保护第三方", "1.本机关不掌握", "一、本年新收", "二、上年结转", "(一)予以公开",
        "(二)部分公开", "(七)总计", "四、结转下年度", "行政许可", "行政规范性文件", "行政事业性收费"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("label", ROWS)
@pytest.mark.parametrize("blank", [False, True])
def test_a_label_above_its_row_reads_right(name: str, label: str, blank: bool) -> None:
    """The label on a line of its own just above its row of numbers, beside a group's label
    (“（六）其他处理 | | 1 | …”) or nothing; inside the table, or between blank lines with the
    table started again at the row (a page break): the numbers are the label's."""
    clean = converted(name)
    reads_like(label_above(clean, label, blank), clean)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("label", ROWS)
def test_a_label_above_its_row_in_docling_markdown_reads_right(name: str, label: str) -> None:
    """The same in docling's Markdown, a merged cell's text in every place it covers: the
    label may stand beside the numbers again (“一、本年新收…” over three columns, one emptied).
    (Between blank lines, table 二's values written three times each stand in no grid: not
    read, see the issue's notes.)"""
    clean = converted(name, repeat=True)
    reads_like(label_above(clean, label), clean)


def _with_wrong_total(text: str, label: str) -> str:
    """The row starting with ``label`` with its 总计 one more than its parts."""
    row = next(line for line in text.split("\n") if label in line)
    cells = row.rstrip(" |").rsplit("| ", 1)
    return text.replace(row, f"{cells[0]}| {int(cells[1]) + 1} |")


@pytest.mark.parametrize("how", ["above", "above-blank", "over-rows"])
def test_a_label_pulled_out_keeps_the_reports_own_errors_where_they_are(how: str) -> None:
    """A sum the report gets wrong is still found, as in the clean layout, and points at the
    row's 总计 cell on the line the numbers stand on."""
    label = "1.申请人无正当理由"
    wrong = _with_wrong_total(converted("000"), label)
    moved = {"above": label_above(wrong, label), "above-blank": label_above(wrong, label, blank=True),
             "over-rows": split_over_rows(wrong, label, 15, numbers_on=1)}[how]
    reads_like(moved, wrong)
    assert read(moved, "report.md").codes("GL201") == ["GL201"]
    for form in FORMS.values():
        text = form(moved)
        (found,) = [d for d in ENGINE.lint_text("report.md", text).diagnostics if d.code == "GL201"]
        line = text[text.rfind("\n", 0, found.span.start) + 1 : text.find("\n", found.span.end)]
        assert text[found.span.start : found.span.end] == "2"
        assert "| 1 | 0 | 0 | 0 | 0 | 0 | 2 |" in line or "<td>2</td>" in line


TWO = [("1.申请人无正当理由", "2.申请人逾期未按", "三"), ("4.保护第三方", "5.属于三类", "三"),
       ("一、本年新收", "二、上年结转", "三"), ("(七)总计", "四、结转下年度", "三"), ("行政处罚", "行政强制", "二")]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("first", "second", "table"), TWO)
def test_two_labels_above_their_rows_are_one_gl108(name: str, first: str, second: str, table: str) -> None:
    """Two labels above two rows of numbers: in order they may be, but nothing says so — one
    GL108, never a row without numbers beside numbers in no row."""
    clean = converted(name)
    assert "1 行没有数字" in one_gl108(labels_above(clean, first, second), clean, table)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("first", "second", "table"), TWO)
def test_two_labels_above_their_rows_in_docling_markdown(name: str, first: str, second: str, table: str) -> None:
    """The same in docling's Markdown: a label merged over several columns still stands beside
    its numbers, and the rows read right; a sub-row's numbers stand beside its group's label
    alone (“| 三、本年度办理结果 | （六）其他处理 | | 1 | …”) — a group whose rows are read takes
    no numbers, one GL108."""
    clean = converted(name, repeat=True)
    moved = labels_above(clean, first, second)
    if first[0] in "一(":
        reads_like(moved, clean)
    else:
        assert "1 行没有数字" in one_gl108(moved, clean, table)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "piece"), [
    ("1.申请人无正当理由", "理由逾期不补正、行政机关不再"),
    ("4.保护第三方", "第三方合法"),
    ("一、本年新收", "本年新收政府信息"),
])
@pytest.mark.parametrize("blank", [False, True])
def test_a_piece_of_a_label_above_numbers_is_one_gl108(name: str, label: str, piece: str, blank: bool) -> None:
    """Above a row of numbers, words that are only a piece of a label: whose numbers they are is
    unknown — one GL108, no unknown row, no missing row, no row of a group's label."""
    clean = converted(name)
    moved = label_above(renamed(clean, label, piece), piece, blank)
    assert f"被拆散的行名片段（如“{piece}”）" in one_gl108(moved, clean, "三")


def test_the_minimal_reports_labels_above_their_rows_read_right() -> None:
    """clean-minimal.md's own GFM table (a group's label in the first row of its rows)."""
    clean = minimal()
    for label in ["1.申请人无正当理由", "2.申请人逾期未按", "4.保护第三方", "（一）予以公开", "一、本年新收"]:
        reads_like(label_above(clean, label), clean)
        reads_like(label_above(clean, label, blank=True), clean)


# -- (b) a label split over two cells or two rows


SPLITS = [("1.申请人无正当理由", 15), ("2.申请人逾期未按", 19), ("5.要求行政机关", 8), ("(二)部分公开", 6),
          ("一、本年新收", 8), ("2.其他法律", 5)]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "at"), SPLITS)
def test_a_label_split_over_two_cells_reads_right(name: str, label: str, at: int) -> None:
    """“| 1.申请人无正当理由逾期不补正、 | 行政机关不再处理其政府信息公开申请 | 1 | …”: a cell more
    in the row (the table no longer a grid), one label."""
    clean = converted(name)
    reads_like(split_over_cells(clean, label, at), clean)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "at"), [("2.申请人逾期未按", 19), ("5.要求行政机关", 8), ("(二)部分公开", 6),
                                           ("2.其他法律", 5)])
def test_a_label_split_into_the_empty_cell_before_it_reads_right(name: str, label: str, at: int) -> None:
    """The label's first words in the empty cell before it (the grid kept): one label."""
    clean = converted(name)
    reads_like(split_over_cells(clean, label, at, widen=False), clean)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "at"), SPLITS)
@pytest.mark.parametrize("numbers_on", [0, 1])
def test_a_label_split_over_two_rows_reads_right(name: str, label: str, at: int, numbers_on: int) -> None:
    """The label's words over two rows of the table, its numbers beside the first piece or the
    second: one label, never an unknown row, never reworded."""
    clean = converted(name)
    reads_like(split_over_rows(clean, label, at, numbers_on), clean)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("label", "at"), [*SPLITS, ("本年制发件数", 4), ("社会公益组织", 4), ("尚未审结", 2)])
@pytest.mark.parametrize("mark", ["<br>", "<br/>", "<BR />"])
def test_a_line_break_written_in_a_cell_reads_right(name: str, label: str, at: int, mark: str) -> None:
    """“| 1.申请人无正当理由逾期不补正、<br>行政机关不再… |”: a cell's line break as a converter
    writes it in GFM is no word of the label or header word, never a reworded one."""
    clean = converted(name)
    reads_like(broken_in_cell(clean, label, at, mark), clean)


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
