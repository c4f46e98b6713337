"""Write ``tests/fixtures/boxes/``: web pages of govlint's own reports as text browsers dump them.

A report saved with ``w3m -dump`` draws its tables as boxes (``┌─┬─┐``, ``│ a │ b │``, or
ASCII ``+---+`` with ``-no-graph``), a label too long for its column wrapped over lines inside
its box row, merged cells as boxes spanning rows or columns. The pages are the ones
``tools/make_format_fixtures.py`` made from the corrected seed reports
(``tests/fixtures/formats/*.html``), never real published files; the output is committed, so
tests never need w3m. ``lynx -dump`` draws no boxes (a cell per line), so it is not here.

    apt-get install -y w3m
    .venv/bin/python tools/make_box_fixtures.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "formats"
OUT = ROOT / "tests" / "fixtures" / "boxes"


class Dump(NamedTuple):
    """One page dumped one way, and what the dump shows (for README.md)."""

    name: str
    page: str
    options: tuple[str, ...]
    shows: str


DUMPS = (
    Dump("seed000-w3m", "seed000.html", ("-cols", "120"), "box-drawing lines, labels wrapped inside their boxes"),
    Dump("seed000-w3m-narrow", "seed000.html", ("-cols", "72"),
         "a narrow page: most labels and header words wrapped over two or three lines"),
    Dump("seed002-w3m-ascii", "seed002.html", ("-cols", "120", "-no-graph"), "ASCII boxes: +----+, |, -----"),
    Dump("seed004-w3m-wide", "seed004.html", ("-cols", "100", "-o", "east_asian_width=1"),
         "box lines and “” drawn two columns wide, as in a CJK terminal"),
    Dump("longde-2023-defects-w3m", "longde-2023-defects.html", ("-cols", "90"),
         "planted defects (sums that do not add up) inside boxes"),
)


def dump(job: Dump) -> str:
    """The page as w3m prints it, in UTF-8, without trailing blanks."""
    command = ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", *job.options, str(PAGES / job.page)]
    out = subprocess.run(command, check=True, capture_output=True, text=True, encoding="utf-8").stdout
    return "\n".join(line.rstrip() for line in out.split("\n")).strip("\n") + "\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    version = subprocess.run(["w3m", "-version"], check=True, capture_output=True, text=True).stdout.split(",")[0]
    rows = []
    for job in DUMPS:
        (OUT / f"{job.name}.txt").write_text(dump(job), encoding="utf-8")
        rows.append(f"| `{job.name}.txt` | `{job.page}` | `w3m -dump {' '.join(job.options)}` | {job.shows} |")
    readme = [
        "# Report pages dumped by a text browser",
        "",
        f"Made by `tools/make_box_fixtures.py` with {version.strip()} from the pages in `../formats/`",
        "(govlint's own reports, never real published files). Do not edit them by hand.",
        "",
        "| file | page | command | shows |",
        "|---|---|---|---|",
        *rows,
        "",
    ]
    (OUT / "README.md").write_text("\n".join(readme), encoding="utf-8")


if __name__ == "__main__":
    main()
