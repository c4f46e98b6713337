"""govlint.crossyear.titles: a file's organ and year from its first lines, as the aligner reads them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, seed_paths

from crossyear.years import report
from govlint.crossyear import Title, organ_key, read_title
from govlint.crossyear.titles import HEAD
from govlint.engine import Engine
from govlint.model import Report
from govlint.source import DecodeError

REPORTS = sorted({*FIXTURES.rglob("*.md"), *FIXTURES.rglob("*.txt"), *(ROOT / "examples").rglob("*.md"),
                  *(ROOT / "examples").rglob("*.txt"), *seed_paths()})


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_the_title_read_from_the_first_lines_is_the_aligners(engine: Engine, path: Path) -> None:
    """Never a pairing the checked report's own reading would disagree with."""
    aligned = engine.report(engine.load_path(str(path)))
    assert isinstance(aligned, Report)
    assert read_title(engine, str(path)) == Title(organ_key(aligned.organ), aligned.year)


PDFS = sorted((FIXTURES / "formats").glob("*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_a_pdfs_title_read_from_its_first_pages_is_the_whole_readings(engine: Engine, path: Path) -> None:
    """A PDF's title is read from its first two pages (Reader.read_head): the organ and year
    the whole reading gives, or — a scan, an encrypted file — no title from either."""
    try:
        aligned = engine.report(engine.load_path(str(path)))
    except DecodeError:
        assert read_title(engine, str(path)) is None
        return
    assert isinstance(aligned, Report)
    assert read_title(engine, str(path)) == Title(organ_key(aligned.organ), aligned.year)


def test_a_long_report_is_read_from_its_start_only(engine: Engine, tmp_path: Path) -> None:
    """What follows the first blocks is never read: bytes no decoder takes cannot spoil it."""
    path = tmp_path / "r.md"
    path.write_bytes(report(2022).encode("utf-8") + b"\n" + b"\xff\xfe\x00\x81" * (4 * HEAD))
    assert os.path.getsize(path) > 4 * HEAD
    assert read_title(engine, str(path)) == Title("平罗县", 2022)


def test_a_title_found_only_further_down_is_read_too(engine: Engine, tmp_path: Path) -> None:
    """Blocks before the title (a site's navigation) push it past the first bytes: more is read."""
    path = tmp_path / "r.txt"
    path.write_text("首页 > 政务公开 > 年报\n" * 400 + report(2022), encoding="utf-8")
    aligned = engine.report(engine.load_path(str(path)))
    assert isinstance(aligned, Report)
    assert read_title(engine, str(path)) == Title(organ_key(aligned.organ), aligned.year)


def test_utf16_and_unreadable_files(engine: Engine, tmp_path: Path) -> None:
    utf16 = tmp_path / "r16.txt"
    utf16.write_bytes(report(2021).encode("utf-16"))
    assert read_title(engine, str(utf16)) == Title("平罗县", 2021)
    assert read_title(engine, str(tmp_path / "gone.md")) is None
    (tmp_path / "folder.md").mkdir()
    assert read_title(engine, str(tmp_path / "folder.md")) is None
