"""A table reading carries how sure it is: a doubtful one gives one GL108 and no sum.

The property: moving a table's numbers against its labels (what a PDF that stores text out
of reading order does to plain ``pdftotext``) never makes an arithmetic finding (GL2xx at
warning or error) that the table as written does not have: the reading is then either the
same, or doubtful — one GL108, and no sum checked.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.align.layouts import CORRECTED, ENGINE, cell_per_line
from tests.robustness.fuzzing import PROPERTY_EXAMPLES

REPORTS = [cell_per_line(p.read_text(encoding="utf-8")) for p in sorted(CORRECTED.glob("*.txt"))]


def arithmetic(text: str) -> set[tuple[str, str]]:
    """The arithmetic findings (identities, text against table) at warning or error."""
    result = ENGINE.lint_text("report.txt", text)
    return {(d.code, d.message.zh) for d in result.diagnostics
            if d.code.startswith("GL2") and d.severity != "info"}


def doubtful(text: str) -> bool:
    return any(d.code == "GL108" for d in ENGINE.lint_text("report.txt", text).diagnostics)


NUMBER = re.compile(r"^\d+$")


@st.composite
def shuffled(draw: st.DrawFn) -> tuple[str, str]:
    """A clean report and the same report with some of table 三's numbers moved across row
    labels: a number line taken out and put back a few lines away, past at least one label
    (numbers swapped inside one row are what the row says: no reading can tell them apart)."""
    text = draw(st.sampled_from(REPORTS))
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("三、收到和处理"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    numbers = [i for i in range(start, end) if NUMBER.match(lines[i].strip())]
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.sampled_from(numbers))
        j = min(end - 1, max(start + 1, i + draw(st.integers(-12, 12))))
        between = lines[min(i, j) : max(i, j) + 1]
        if any(line.strip() and not NUMBER.match(line.strip()) for line in between):
            lines.insert(j, lines.pop(i))
    return text, "\n".join(lines)


@settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(shuffled())
def test_numbers_moved_against_labels_never_make_a_wrong_sum(pair: tuple[str, str]) -> None:
    clean, moved = pair
    assert arithmetic(moved) <= arithmetic(clean)


def test_the_clean_reports_read_as_cell_per_line_have_no_arithmetic_finding() -> None:
    for text in REPORTS:
        assert arithmetic(text) == set() and not doubtful(text)


def test_all_numbers_before_all_labels_is_one_gl108() -> None:
    """Table 三 printed as a block of every number, then a block of every label."""
    text = REPORTS[0]
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    body = lines[start:end]
    numbers = [line for line in body if NUMBER.match(line.strip())]
    labels = [line for line in body if not NUMBER.match(line.strip())]
    moved = "\n".join([*lines[:start], *numbers, *labels, *lines[end:]])
    found = ENGINE.lint_text("report.txt", moved).diagnostics
    assert [d.code for d in found if d.code.startswith(("GL2", "GL104", "GL105", "GL107", "GL108"))] == ["GL108"]
    (gl108,) = [d for d in found if d.code == "GL108"]
    assert "数字与行名顺序对不上" in gl108.message.zh and gl108.severity == "warning"


def test_each_rows_numbers_printed_before_its_label_are_doubtful() -> None:
    """Every row's numbers printed before its label (a PDF storing text out of order): every
    label then reads the next row's numbers; the reading is doubtful, never summed. (One
    number printed before its label is read right: tests/align/test_layouts.py.)"""
    lines = REPORTS[0].split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    for i in range(start, end):
        if not NUMBER.match(lines[i].strip()) and i + 1 < end and NUMBER.match(lines[i + 1].strip()):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
    moved = "\n".join(lines)
    assert arithmetic(moved) == set() and doubtful(moved)
