"""``govlint tables``: the numbers of the format's tables, as CSV or JSON (:mod:`govlint.tables`)."""

from __future__ import annotations

import argparse

from govlint.commands import ExitStatus, Subcommand, collect_files


def tables_arguments(tables: argparse.ArgumentParser) -> None:
    tables.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    tables.add_argument("--format", choices=("csv", "json"), default="csv", help="csv (default: a line a cell) or json")
    tables.add_argument("--report-year", type=int, default=None, help="report year when the title has none")
    tables.add_argument("--pack", default=None, help="rule pack id (default: the configuration's, else national)")
    tables.add_argument("--config", metavar="FILE", help="use this configuration file instead of finding one")


def cmd_tables(args: argparse.Namespace) -> int:
    """``govlint tables PATH... [--format csv|json]``: 0, or 2 when a file could not be read
    or the configuration is broken (the other files are still written)."""
    import sys
    from pathlib import Path

    from govlint.config import ConfigError, Overrides
    from govlint.packs import PackError
    from govlint.routing import Router
    from govlint.tables import Extracted, extract, to_csv, to_json  # csv and json: only this command needs them

    router = Router(Overrides(pack=args.pack, report_year=args.report_year,
                              config=Path(args.config) if args.config else None))
    results: list[Extracted] = []
    try:
        paths = args.paths or ["."]
        files, errors, _ = collect_files(paths, router.engine(paths[0]).suffixes())
        for path in files:
            if not router.file(path).excluded or path in args.paths:
                results.append(extract(path, router.engine(path)))
    except (PackError, ConfigError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    errors.extend(r.error for r in results if r.error)
    sys.stdout.write(to_json(results) + "\n" if args.format == "json" else to_csv(results))
    for error in errors:
        print(f"govlint: {error}", file=sys.stderr)
    return ExitStatus.ERROR if errors else ExitStatus.SUCCESS


COMMANDS = {"tables": Subcommand("导出报告中的表格数字 / extract the tables' numbers", tables_arguments, cmd_tables)}
