"""Each seed's known defects are found when the report is a Word file or a web page.

tests/test_seeds_acceptance.py finds the seeds' real defects (../shared/seeds/README.md) in
their text; tests/readers/test_formats_agree.py shows every format gives its text's findings,
but on files made from the corrected seeds, whose defects are fixed. Here each of the five
seeds as it is, defects and all, is written at test time by tools/make_format_fixtures.py
(document(), then docx_bytes(), site_page() and word_page(): the seed's table numbers and
labels as govlint reads them, in the format's official merged layout) as a .docx, a site's
.html page and Word's GBK .htm export, and linted with the Engine:

- every known defect the acceptance test asserts on the text is found in each format, with
  the same code, severity and message;
- each format gives exactly the text's findings, but for the one difference explained at
  :func:`placed_in_grid` (003's and 004's rows of table 三 short of a column).

and as a PDF: the .docx through LibreOffice (``soffice``, all five in one run; skipped with a
reason where it is absent, installed by .ci/run so CI never skips it). A PDF's text loses
the space a line's justification drew between a Chinese character and a number (“其他处理 4
件” reads “其他处理4 件”), so its messages are compared without spaces.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import pytest
from conftest import ROOT, SEEDS

from govlint.align import template
from govlint.checks._common import where
from govlint.engine import Engine
from govlint.model import Problem, Report
from tests.test_seeds_acceptance import INFO, SERIOUS

SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None,
                             reason="LibreOffice (soffice) is not installed: apt-get install -y "
                                    "libreoffice-writer-nogui "
                                    "fonts-noto-cjk")
FORMATS = ("docx", "html", "htm", pytest.param("pdf", marks=SOFFICE))  # .htm: saved by Word as a web page (GBK)
Finding = tuple[str, str, str]  # code, severity, message (zh)


def fixture_tool() -> ModuleType:
    """tools/make_format_fixtures.py, a script and not a package, loaded from its file."""
    spec = importlib.util.spec_from_file_location("make_format_fixtures", ROOT / "tools" / "make_format_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    if not hasattr(module, "JOBS"):
        spec.loader.exec_module(module)
    return module


def seed(name: str) -> Path:
    return Path(next(SEEDS.glob(f"{name}_*.txt")))


def lint(engine: Engine, path: Path) -> list[tuple[int, Finding]]:
    """(line, finding) of every diagnostic; lines mean something in the text version only."""
    result = engine.lint_path(str(path))
    assert result.source is not None and result.error is None, result.error
    return [(result.source.position(d.span.start)[0], (d.code, d.severity, d.message.zh)) for d in result.diagnostics]


@pytest.fixture(scope="module")
def published(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], Counter[Finding]]:
    """``published(seed, format)`` -> the findings of the seed written in that format (each
    seed written once, in the style the fixture tool gives its corrected twin)."""
    tool = fixture_tool()
    folder = tmp_path_factory.mktemp("seeds-published")

    @cache
    def write(name: str) -> dict[str, Path]:
        job = next(j for j in tool.JOBS if j.stem == f"seed{name}")._replace(source=str(seed(name)))
        doc = tool.document(engine, job)
        files = {"docx": tool.docx_bytes(doc, job), "html": tool.site_page(doc, job), "htm": tool.word_page(doc, job)}
        for suffix, data in files.items():
            (folder / f"{name}.{suffix}").write_bytes(data)
        return {suffix: folder / f"{name}.{suffix}" for suffix in files}

    @cache
    def pdfs() -> None:
        tool.to_pdf([write(name)["docx"] for name in sorted(SERIOUS)], folder)

    @cache
    def findings(name: str, suffix: str) -> Counter[Finding]:
        if suffix != "pdf":
            return Counter(f for _, f in lint(engine, write(name)[suffix]))
        pdfs()
        return unspaced(Counter(f for _, f in lint(engine, folder / f"{name}.pdf")))

    return findings


def unspaced(findings: Counter[Finding], suffix: str = "pdf") -> Counter[Finding]:
    """The findings with the spaces of their messages dropped, for a PDF (see the top)."""
    if suffix != "pdf":
        return findings
    return Counter({(code, severity, message.replace(" ", "")): n for (code, severity, message), n in findings.items()})


def known_defects(engine: Engine, name: str) -> Counter[Finding]:
    """The text's findings at the lines and codes the acceptance test asserts (its defects)."""
    wanted = SERIOUS[name] | INFO.get(name, set())
    found = [(line, f) for line, f in lint(engine, seed(name)) if (line, f[0]) in wanted]
    assert {(line, f[0]) for line, f in found} == wanted, "not found in the text: see test_seeds_acceptance.py"
    return Counter(f for _, f in found)


def text_report(engine: Engine, name: str) -> Report:
    report = engine.report(engine.load_path(str(seed(name))))
    assert isinstance(report, Report)
    return report


class GridOnly(NamedTuple):
    """What the text says that no grid can: see :func:`placed_in_grid`."""

    text_only: Counter[Finding]  # the text's GL104 for its uneven rows
    rows: tuple[str, ...]  # those rows as messages name them: 表三“（一）予以公开”行
    columns: int  # their cells, all blank in a grid


def placed_in_grid(engine: Engine, name: str) -> GridOnly:
    """Rows of 003's and 004's table 三 carry 5 or 6 numbers for 7 columns, and no one can
    tell which column lacks its number: the text draws one GL104 for all of them ("有 23 行的
    数字个数与格式的列数不符 … 这些行不参与合计核对") and its aligner places none of their
    numbers. The fixture tool writes the numbers govlint placed into a clean grid, in which
    every cell has its column, so these rows come out blank, and every format's reader reports
    each of them blank (GL105, all 7 cells) and leaves it out of the sums, as the text does.
    The same rows are found untrustworthy, one finding a row; the GL104 only a text extraction
    can give is not there. (Not a reader's fault: no grid holds "6 numbers, one column
    unknown".)"""
    report = text_report(engine, name)
    uneven = [p for p in report.problems if p.kind == "uneven_rows"]
    lines = {report.source.position(p.span.start)[0] for p in uneven}
    text_only = Counter(f for line, f in lint(engine, seed(name)) if f[0] == "GL104" and line in lines)
    rows: list[str] = []
    columns = 0
    for p in uneven:
        match, t = report.table(p.table), template(report.pack, p.table)
        assert match is not None and t is not None
        blank = [r for r in match.rows if not any(c.raw.strip() for c in r.cells)]
        assert len(blank) == int(p.detail["rows"])  # the rows the GL104 counts, and no other
        rows += [where(report, Problem("empty_cell", r.span, p.table, r.row, {})) for r in blank]
        columns = len(t.columns)
    return GridOnly(text_only, tuple(rows), columns)


def blank_rows(findings: Counter[Finding], columns: int) -> Counter[str]:
    """The rows of the GL105 warnings that find every one of ``columns`` cells blank (without
    spaces, as :func:`rows` gives them)."""
    bare = (message.replace(" ", "") for code, severity, message in findings.elements()
            if code == "GL105" and severity == "warning")
    return Counter(m[: m.index("”行") + 2] for m in bare if f"”{columns}个单元格为空" in m)


def rows(grid: GridOnly) -> Counter[str]:
    """The rows no grid can fill, without spaces (a PDF's messages have none: see the top)."""
    return Counter(row.replace(" ", "") for row in grid.rows)


@pytest.mark.seeds
@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", sorted(SERIOUS))
def test_known_defects_are_found_in_every_format(
    engine: Engine, published: Callable[[str, str], Counter[Finding]], name: str, suffix: str
) -> None:
    found, grid = published(name, suffix), placed_in_grid(engine, name)
    assert unspaced(known_defects(engine, name) - grid.text_only, suffix) - found == Counter()
    assert rows(grid) - blank_rows(found, grid.columns) == Counter()


@pytest.mark.seeds
@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("name", sorted(SERIOUS))
def test_every_format_gives_the_findings_of_the_text(
    engine: Engine, published: Callable[[str, str], Counter[Finding]], name: str, suffix: str
) -> None:
    text = unspaced(Counter(f for _, f in lint(engine, seed(name))), suffix)
    found, grid = published(name, suffix), placed_in_grid(engine, name)
    assert text - found == unspaced(grid.text_only, suffix)
    extra = found - text
    assert blank_rows(extra, grid.columns) == rows(grid) and extra.total() == len(grid.rows)
