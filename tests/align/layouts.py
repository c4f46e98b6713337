"""The layouts of issue “Never a wrong sum from a doubtful reading”, made from govlint's own
clean reports (``tests/fixtures/seeds-corrected``, ``tests/fixtures/clean-minimal.md``) by
small transformations, never copied from a real report; and what a reading of one is.

Each transformation takes a report's text and gives it as a tool that broke its layout would:
plain ``pdftotext`` of a PDF that stores text out of order, labels wrapped over lines, merged
cells printed a character a line, converters' Markdown, a crawler's text on one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from govlint.engine import Engine, Settings
from govlint.model import Report
from govlint.source import source_from_text

ENGINE = Engine(Settings())
FIXTURES = Path(__file__).parents[1] / "fixtures"
CORRECTED = FIXTURES / "seeds-corrected"
NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def corrected(name: str) -> str:
    """A seed with its defects corrected: tab-separated tables, clean at warning level."""
    return (CORRECTED / f"{name}.txt").read_text(encoding="utf-8")


def minimal() -> str:
    """The smallest clean Markdown report (GFM tables)."""
    return (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")


class Reading(NamedTuple):
    """What govlint makes of a text: the tables it trusts and every finding, without where."""

    tables: dict[str, dict[str, list[str | None]]]
    findings: Counter[tuple[str, str, str]]

    def codes(self, *prefixes: str) -> list[str]:
        return sorted(code for code, _, _ in self.findings.elements() if code.startswith(prefixes))

    def without(self, table: str) -> Reading:
        """This reading less table ``table`` and the table findings that name it."""
        mark = f"表{table}"
        kept = Counter({f: n for f, n in self.findings.items()
                        if not (f[0].startswith(("GL10", "GL2")) and mark in f[2] and f[0] not in ("GL101", "GL102"))})
        return Reading({t: rows for t, rows in self.tables.items() if t != table}, kept)


def read(text: str, path: str = "report.txt") -> Reading:
    report = ENGINE.report(source_from_text(path, text))
    assert isinstance(report, Report)
    tables = {t.template: {r.row: [None if c.value is None else str(c.value) for c in r.cells] for r in t.rows}
              for t in report.tables}
    found = ENGINE.lint_text(path, text).diagnostics
    return Reading(tables, Counter((d.code, d.severity, d.message.zh) for d in found))


def assert_reads_like(moved: str, clean: str, path: str = "report.txt") -> None:
    """The moved layout reads to the clean one's tables and findings, exactly."""
    got, want = read(moved, path), read(clean, path)
    assert got.tables == want.tables, _differences(got.tables, want.tables)
    assert got.findings == want.findings, (got.findings - want.findings, want.findings - got.findings)


def _differences(got: dict[str, dict[str, list[str | None]]], want: dict[str, dict[str, list[str | None]]]) -> str:
    """The rows that read otherwise, for a failure's message (not both reports whole)."""
    rows = [(t, r) for t in {*got, *want} for r in {*got.get(t, {}), *want.get(t, {})}
            if got.get(t, {}).get(r) != want.get(t, {}).get(r)]
    return "; ".join(f"表{t} {r}: {got.get(t, {}).get(r)} ≠ {want.get(t, {}).get(r)}" for t, r in sorted(rows))


def assert_one_gl108(moved: str, clean: str, table: str, path: str = "report.txt") -> str:
    """The moved layout gives the clean one's reading less table ``table``, and one GL108
    warning for it instead of any finding on it; returns that warning."""
    got, want = read(moved, path), read(clean, path)
    doubt = [f for f in got.findings.elements() if f[0] == "GL108" and f"表{table}" in f[2]]
    assert len(doubt) == 1 and doubt[0][1] == "warning", got.findings
    assert got.without(table) == want.without(table)
    return doubt[0][2]


def _loose(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


# -- 1. plain pdftotext of a PDF that stores text out of reading order


def cell_per_line(text: str) -> str:
    """Every table cell on a line of its own, as plain ``pdftotext`` prints a PDF's table."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend([cell.strip() for cell in line.split("\t") if cell.strip()] if "\t" in line else [line])
    return "\n".join(out)


def value_before_label(text: str, *labels: str) -> str:
    """In a cell-per-line text, each given row's first number printed just before its label
    (a label as the report writes it, spaces and the width of brackets aside)."""
    lines = text.split("\n")
    for label in labels:
        at = next(i for i, line in enumerate(lines) if _loose(line).startswith(_loose(label)))
        first = next(i for i in range(at, len(lines)) if NUMBER.match(lines[i]))
        lines.insert(at, lines.pop(first))
    return "\n".join(lines)


def table_four_by_columns(text: str, per_line: int = 1, sep: str = " ", swap_groups: bool = False) -> str:
    """Table 四 of a cell-per-line text printed a column at a time, as a PDF that stores it so
    gives it: a group's header words before its first column, each column's label, then its
    value; ``per_line`` of those on a line; ``swap_groups`` prints the columns of 复议后起诉
    before those of 未经复议直接起诉 (out of order)."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    numbers = [line for line in lines[start:end] if NUMBER.match(line)]
    labels = ("结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计")
    columns = [[item for pair in zip(labels, numbers[k : k + 5], strict=True) for item in pair] for k in (0, 5, 10)]
    review, direct, after = columns
    if swap_groups:
        items = ["行政复议", *review, "行政诉讼", "复议后起诉", *after, "未经复议直接起诉", *direct]
    else:
        items = ["行政复议", *review, "行政诉讼", "未经复议直接起诉", *direct, "复议后起诉", *after]
    body = [sep.join(items[k : k + per_line]) for k in range(0, len(items), per_line)]
    return "\n".join([*lines[: start + 1], "", *body, "", *lines[end:]])


# -- 2. row labels wrapped over lines


def _find_cell(lines: list[str], label: str) -> tuple[int, int]:
    """The line and the tab-separated cell that start with ``label``."""
    for i, line in enumerate(lines):
        for k, cell in enumerate(line.split("\t")):
            if _loose(cell).startswith(_loose(label)):
                return i, k
    raise LookupError(label)


def wrap_label(text: str, label: str, cuts: tuple[int, ...], numbers_on: int, flat: bool = False,
               indent: bool = True) -> str:
    """In a tab-separated text, the label cell starting with ``label`` wrapped after each of
    ``cuts`` characters, its numbers on line ``numbers_on`` of the pieces; the pieces after the
    first keep the cell's column (``indent``) or start the line. ``flat``: then every run of
    tabs flattened to one space (``pdftotext`` without ``-layout``)."""
    lines = text.split("\n")
    i, k = _find_cell(lines, label)
    cells = lines[i].split("\t")
    words = cells[k]
    pieces = [words[a:b].strip() for a, b in zip((0, *cuts), (*cuts, len(words)), strict=True) if words[a:b].strip()]
    numbers_on = min(numbers_on, len(pieces) - 1)
    wrapped = []
    for j, piece in enumerate(pieces):
        lead = "\t".join(cells[:k]) + "\t" if j == 0 and k else ("\t" * k if indent else "")
        wrapped.append("\t".join([lead + piece, *(cells[k + 1 :] if j == numbers_on else [])]))
    lines[i : i + 1] = wrapped
    return re.sub(r"\t+", " ", "\n".join(lines)) if flat else "\n".join(lines)


def renumber(text: str) -> str:
    """Table 三's sub-rows numbered 1、 2、 … rather than 1. 2. …"""
    return re.sub(r"(^|\t)(\d)\.\s*", r"\1\2、", text, flags=re.M)


# -- 3. merged cells printed a character a line, group labels split


def vertical(text: str, label: str, how: str) -> str:
    """The merged label cell starting with ``label`` printed a character a line: all before
    its first row (``block``), one before each of the rows it spans (``between``), or one as
    the first cell of each of those rows (``cells``)."""
    lines = text.split("\n")
    i, k = _find_cell(lines, label)
    cells = lines[i].split("\t")
    chars = list(cells[k].replace(" ", ""))
    lines[i] = "\t".join([*cells[:k], "", *cells[k + 1 :]]) if k else "\t".join(cells[k + 1 :])
    if how == "block":
        lines[i:i] = chars
    elif how == "between":
        rows = lines[i : i + len(chars)]
        lines[i : i + len(chars)] = [line for pair in zip(chars, rows, strict=True) for line in pair]
    else:
        for n, char in enumerate(chars):
            lines[i + n] = char + "\t" + lines[i + n]
    return "\n".join(lines)


def split_cell(text: str, label: str, at: int) -> str:
    """The cell starting with ``label`` broken after ``at`` characters, the rest of it and the
    rest of its line on the next line (“（三）不” over “予公开 …”)."""
    lines = text.split("\n")
    i, k = _find_cell(lines, label)
    cells = lines[i].split("\t")
    lines[i : i + 1] = ["\t".join([*cells[:k], cells[k][:at]]), "\t".join([cells[k][at:], *cells[k + 1 :]])]
    return "\n".join(lines)


# -- 4. column headers wrapped


def wrap_word(text: str, word: str, at: int, sep: str = "\n") -> str:
    """The first ``word`` of the text (a header word) broken after ``at`` characters by ``sep``."""
    i = text.index(word)
    return text[:i] + word[:at] + sep + word[at:] + text[i + len(word) :]
