"""The numbers of the format's tables, read from many reports at once (``govlint tables``).

A province's 政务公开办 collects hundreds of county reports and wants their tables side by
side. The aligner already maps every report onto the pack's templates; this writes what it
found, one row per cell (CSV, for a spreadsheet), one object per report (JSON), with the
line each number came from so a doubtful figure can be looked up, or a workbook with a sheet
per table and a row per report, to be added up as it stands (xlsx). A blank or unreadable
cell is written empty, never as zero. Many files are read in a process pool, as ``govlint
check`` lints them. The command itself is :mod:`govlint.commands.tables`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from govlint import __version__
from govlint._infra.records import NamedTuple
from govlint.model import Report

if TYPE_CHECKING:
    from govlint.engine import Engine, Settings

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


def _value(value: Decimal | None) -> int | float | None:
    """A number as JSON and a spreadsheet hold it: whole numbers as integers."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


class XlsxMissing(Exception):
    """``--format xlsx`` without XlsxWriter installed (the ``govlint[xlsx]`` extra)."""


def to_xlsx(results: Iterable[Extracted]) -> bytes:
    """A workbook with one sheet per table (二, 三, 四, in the order the reports give them) and
    one row per report: its path, organ and year, then a column per cell of the table, under
    two header rows (the table's row, then its column), so that a column adds up to the
    province's figure. Files that could not be read are left out."""
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError as exc:
        raise XlsxMissing("--format xlsx 需要 XlsxWriter：pip install 'govlint[xlsx]' / "
                          "--format xlsx needs XlsxWriter: pip install 'govlint[xlsx]'") from exc
    # table -> (row, column) -> (row title, column title), in order of first appearance
    heads: dict[str, dict[tuple[str, str], tuple[str, str]]] = {}
    reports = [r for r in results if r.error is None]
    for r in reports:
        for c in r.cells:
            heads.setdefault(c.table, {}).setdefault((c.row, c.column), (c.row_title, c.column_title))
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    for table, cells in heads.items() or [("", {})]:
        sheet = book.add_worksheet(table or "tables")
        for col, title in enumerate(("path", "organ", "year")):
            sheet.write(1, col, title, bold)
        for col, (row_title, column_title) in enumerate(cells.values(), start=3):
            sheet.write(0, col, row_title, bold)
            sheet.write(1, col, column_title, bold)
        where = {key: col for col, key in enumerate(cells, start=3)}
        line = 2
        for r in reports:
            values = {(c.row, c.column): c.value for c in r.cells if c.table == table}
            if not values:
                continue
            sheet.write_row(line, 0, [r.path, r.organ or "", r.year or ""])
            for key, value in values.items():
                if value is not None:
                    sheet.write_number(line, where[key], _value(value))
            line += 1
        sheet.freeze_panes(2, 3)
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, 1, 24)
        if cells:
            sheet.set_column(3, 2 + len(cells), 14)
    book.close()
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
            values[c.column] = _value(c.value)
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



Item = tuple[int, str]  # (index of the file's engine, path)
_ENGINES: list[Engine] = []  # a pool worker's engines (set by _init_worker)


def _init_worker(engines: list[Engine] | list[Settings]) -> None:
    """Forked workers get the parent's engines as they are; spawned ones build their own."""
    from govlint.engine import Engine

    _ENGINES[:] = [e if isinstance(e, Engine) else Engine(e) for e in engines]


def _extract_item(item: Item) -> Extracted:
    return extract(item[1], _ENGINES[item[0]])


def extract_files(engines: Sequence[Engine], items: Sequence[Item], jobs: int | None = None) -> Iterator[Extracted]:
    """Each item's tables, in order, read with up to ``jobs`` processes (None: one per CPU;
    a handful of files is read in-process), as :mod:`govlint.batch` lints for ``check``."""
    from govlint.batch import MAX_CHUNK, workers_for

    workers = workers_for(len(items), jobs)
    if workers <= 1:
        yield from (extract(path, engines[i]) for i, path in items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    initarg: list[Any] = list(engines) if method == "fork" else [e.settings for e in engines]
    chunk = max(1, min(MAX_CHUNK, len(items) // (workers * 8)))
    with ProcessPoolExecutor(workers, multiprocessing.get_context(method), initializer=_init_worker,
                             initargs=(initarg,)) as pool:
        yield from pool.map(_extract_item, items, chunksize=chunk)
