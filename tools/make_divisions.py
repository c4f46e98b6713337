"""Write ``govlint/checks/contacts/divisions.tsv``, the administrative-division table of GL403/GL405.

govlint ships the table as its own small file so that installing it does not pull in a
package that brings pandas and numpy (~100 MB) for one CSV file. This script makes that
file from a division table in CSV with ``adcode`` and ``name`` columns (cpca's
``resources/adcodes.csv``, 12-digit codes); run it only to refresh the data, in a
throwaway environment that has the source::

    python tools/make_divisions.py                     # cpca's adcodes.csv, if installed
    python tools/make_divisions.py --source FILE.csv   # any CSV of the same shape

Each line of the output is a 6-digit GB/T 2260 code and its name, in code order. Rows that
are groupings rather than places (市辖区, 县, 省直辖县级行政区划) are left out.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from importlib.util import find_spec
from pathlib import Path

OUTPUT = Path(__file__).resolve().parents[1] / "govlint" / "checks" / "contacts" / "divisions.tsv"
#: Rows of cpca's table that are groupings, not places.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})


def cpca_table() -> tuple[Path, str]:
    """cpca's CSV and a description of it for the output's header (cpca is not imported:
    that would import pandas)."""
    spec = find_spec("cpca")
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "resources" / "adcodes.csv"
        if path.is_file():
            try:
                return path, f"cpca {version('cpca')} resources/adcodes.csv"
            except PackageNotFoundError:
                return path, "cpca resources/adcodes.csv"
    raise SystemExit("cpca is not installed: pip install cpca, or give --source FILE.csv")


def rows(source: Iterable[dict[str, str]]) -> list[tuple[str, str]]:
    """(6-digit code, name) of every place in the source, in code order."""
    found: dict[str, str] = {}
    for row in source:
        code, name = (row.get("adcode") or "").strip(), (row.get("name") or "").strip()
        if name in PLACEHOLDERS or not name:
            continue
        if not (len(code) == 12 and code.isdigit() and code.endswith("000000")):
            raise SystemExit(f"not a county-level or higher 12-digit code: {code!r} ({name})")
        if found.setdefault(code[:6], name) != name:
            raise SystemExit(f"code {code[:6]} has two names: {found[code[:6]]}, {name}")
    return sorted(found.items())


def render(places: list[tuple[str, str]], described: str) -> str:
    header = (
        "# 行政区划代码 (GB/T 2260) and names, for GL403/GL405. Do not edit by hand:\n"
        f"# made by tools/make_divisions.py from {described}; {len(places)} places.\n"
    )
    return header + "".join(f"{code}\t{name}\n" for code, name in places)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="CSV with adcode and name columns (default: cpca's)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    path, described = (args.source, args.source.name) if args.source else cpca_table()
    with path.open(encoding="utf-8", newline="") as fh:
        places = rows(csv.DictReader(fh))
    args.output.write_text(render(places, described), encoding="utf-8", newline="\n")
    print(f"{len(places)} places -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
