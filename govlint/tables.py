"""The numbers of the format's tables, read from many reports at once (``govlint tables``).

A province's 政务公开办 collects hundreds of county reports and wants their tables side by
side. The aligner already maps every report onto the pack's templates; this writes what it
found, one row per cell (CSV, for a spreadsheet) or one object per report (JSON), with the
line each number came from so a doubtful figure can be looked up. A blank or unreadable cell
is written empty, never as zero. The command itself is :mod:`govlint.commands.tables`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from govlint import __version__
from govlint._infra.records import NamedTuple
from govlint.model import Report

if TYPE_CHECKING:
    from govlint.engine import Engine

COLUMNS = ("path", "organ", "year", "table", "row", "row_title", "label", "column", "column_title", "value",
           "raw", "line", "row_complete")


class TableCell(NamedTuple):
    """One number of one report's table, as ``govlint tables`` writes it."""

    table: str
    row: str  # template row id: 一, （一）, （三）1, 规章 …
    row_title: str  # how the format names the row
    label: str  # the row's label as the report wrote it
    column: str  # template column id
    column_title: str
    value: Decimal | None  # None: blank or not a number
    raw: str
    line: int
    row_complete: bool


class Extracted(NamedTuple):
    """What one file gave: its tables' cells, or the error that kept it from being read."""

    path: str
    organ: str | None
    year: int | None
    cells: tuple[TableCell, ...]
    error: str | None


def cells_of(report: Report) -> Iterator[TableCell]:
    """Every value cell the aligner found, in table, row and column order of the template."""
    from govlint.align import column_label, row_title, template

    position = report.source.position
    for table in report.tables:
        spec = template(report.pack, table.template)
        for row in table.rows:
            title = row_title(spec, row.row) if spec else row.row
            for cell in row.cells:
                column = column_label(spec, cell.column) if spec else cell.column
                yield TableCell(table.template, row.row, title, row.label, cell.column, column, cell.value,
                                cell.raw, position(cell.span.start)[0], row.complete)


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def to_csv(results: Iterable[Extracted]) -> str:
    """One line per cell, with a header; files that could not be read are left out (their
    errors go to standard error)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in results:
        for c in r.cells:
            writer.writerow([r.path, r.organ or "", r.year or "", c.table, c.row, c.row_title, c.label, c.column,
                             c.column_title, _number(c.value), c.raw, c.line, "yes" if c.row_complete else "no"])
    return out.getvalue()


def to_json(results: Iterable[Extracted]) -> str:
    """``{"govlint": V, "files": [{"path", "organ", "year", "error", "tables": {table: {row:
    {"title", "label", "line", "complete", "values": {column: number or null}}}}}]}``."""
    files = []
    for r in results:
        tables: dict[str, dict[str, dict[str, object]]] = {}
        for c in r.cells:
            fresh = {"title": c.row_title, "label": c.label, "line": c.line, "complete": c.row_complete, "values": {}}
            row = tables.setdefault(c.table, {}).setdefault(c.row, fresh)
            values = row["values"]
            assert isinstance(values, dict)
            values[c.column] = None if c.value is None else (int(c.value) if c.value == c.value.to_integral_value()
                                                             else float(c.value))
        files.append({"path": r.path, "organ": r.organ, "year": r.year, "error": r.error, "tables": tables})
    return json.dumps({"govlint": __version__, "files": files}, ensure_ascii=False, indent=2)


def extract(path: str, engine: Engine) -> Extracted:
    """One file's tables (read and aligned with its configuration's pack)."""
    from govlint.source import DecodeError

    try:
        source = engine.load_path(path)
    except DecodeError as exc:
        return Extracted(path, None, None, (), str(exc))
    report = engine.report(source)
    if not isinstance(report, Report):
        why = "没有可读取此文件的读取器 / no reader for this file" if report is None else report.message.en
        return Extracted(path, None, None, (), f"{path}: {why}")
    return Extracted(path, report.organ, report.year, tuple(cells_of(report)), None)

