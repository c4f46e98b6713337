"""``govlint tables``: the numbers of the format's tables, as CSV, JSON or a workbook (:mod:`govlint.tables`).

The CSV is written for a spreadsheet on a Chinese Windows: UTF-8 with a byte-order mark by
default (without it Excel reads UTF-8 as the system's GBK and shows mojibake), or GB18030.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govlint.commands import ExitStatus, Subcommand, collect_files

if TYPE_CHECKING:
    from govlint.engine import Engine

ENCODINGS = ("utf-8-sig", "gb18030", "utf-8")


def tables_arguments(tables: argparse.ArgumentParser) -> None:
    tables.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    tables.add_argument("--format", choices=("csv", "json", "xlsx"), default="csv",
                        help="csv (default: a line a cell), json, or xlsx (a sheet a table, a row a report; "
                             "needs govlint[xlsx] and -o)")
    tables.add_argument("--encoding", choices=ENCODINGS, default="utf-8-sig",
                        help="of the CSV: utf-8-sig (default: UTF-8 that Excel recognises), gb18030, utf-8")
    tables.add_argument("-o", "--output", metavar="FILE", help="write to FILE (whole or not at all)")
    tables.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="processes (default: one per CPU)")
    tables.add_argument("--report-year", type=int, default=None, help="report year when the title has none")
    tables.add_argument("--pack", default=None, help="rule pack id (default: the configuration's, else national)")
    tables.add_argument("--config", metavar="FILE", help="use this configuration file instead of finding one")


def _write(data: bytes, output: str | None) -> str | None:
    """``data`` to FILE (atomically) or to standard output; an error message when it cannot be."""
    import sys

    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return None
    from govlint._infra.fs import write_atomic

    try:
        write_atomic(output, data, durable=False)
    except OSError as exc:
        return f"{output}: 无法写入 / cannot write: {exc.strerror or exc}"
    return None


def cmd_tables(args: argparse.Namespace) -> int:
    """``govlint tables PATH... [--format csv|json|xlsx] [-o FILE]``: 0, or 2 when a file could
    not be read, the output not written or the configuration is broken (the other files are
    still written)."""
    import sys
    from pathlib import Path

    from govlint.config import ConfigError, Overrides
    from govlint.packs import PackError
    from govlint.routing import Router
    from govlint.tables import XlsxMissing, extract_files, to_csv, to_json, to_xlsx

    if args.format == "xlsx" and args.output is None:
        print("govlint: --format xlsx 需要 -o FILE / --format xlsx needs -o FILE", file=sys.stderr)
        return ExitStatus.ERROR
    router = Router(Overrides(pack=args.pack, report_year=args.report_year,
                              config=Path(args.config) if args.config else None))
    try:
        paths = args.paths or ["."]
        files, errors, _ = collect_files(paths, router.engine(paths[0]).suffixes())
        engines: list[Engine] = []  # each configuration's engine once, in order of first use
        items: list[tuple[int, str]] = []
        for path in files:
            if not router.file(path).excluded or path in args.paths:
                engine = router.engine(path)
                if engine not in engines:
                    engines.append(engine)
                items.append((engines.index(engine), path))
        results = list(extract_files(engines, items, args.jobs))
    except (PackError, ConfigError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    errors.extend(r.error for r in results if r.error)
    try:
        if args.format == "xlsx":
            data = to_xlsx(results)
        elif args.format == "json":
            data = (to_json(results) + "\n").encode("utf-8")
        else:
            data = to_csv(results).encode(args.encoding)
    except XlsxMissing as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    problem = _write(data, args.output)
    errors.extend([problem] if problem else [])
    for error in errors:
        print(f"govlint: {error}", file=sys.stderr)
    return ExitStatus.ERROR if errors else ExitStatus.SUCCESS


COMMANDS = {"tables": Subcommand("导出报告中的表格数字 / extract the tables' numbers", tables_arguments, cmd_tables)}
