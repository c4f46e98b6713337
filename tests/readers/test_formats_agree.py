"""Every format a report is published in gives the findings of its text version.

The fixtures in tests/fixtures/formats are the project's own text reports written as Word
files, web pages (a site's page; Word's GBK export) and PDFs by tools/make_format_fixtures.py,
tables in the format's official merged layout: read by grid (Word, web pages) or rebuilt
from glyph positions (PDF), they must read to the same numbers, so the same findings.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govlint.engine import Engine

ROOT = Path(__file__).parents[2]
FORMATS = ROOT / "tests" / "fixtures" / "formats"
TEXT = {
    **{f"seed00{n}": ROOT / "tests" / "fixtures" / "seeds-corrected" / f"00{n}.txt" for n in range(5)},
    "longde-2023": ROOT / "examples" / "reports" / "longde-2023.txt",
    "longde-2023-revised": ROOT / "examples" / "reports" / "longde-2023.txt",  # its tracked changes accepted
    "longde-2023-defects": ROOT / "examples" / "reports" / "longde-2023-defects.txt",
    "wuyuan-2023": ROOT / "examples" / "reports" / "wuyuan-2023.md",
    "wuyuan-jiaoti-2023": ROOT / "examples" / "reports" / "wuyuan-jiaoti-2023.md",
}
PAIRS = sorted(
    (p, TEXT[p.stem.removesuffix("-word")])
    for p in FORMATS.iterdir()
    if p.suffix in (".docx", ".html", ".htm", ".pdf") and p.stem.removesuffix("-word") in TEXT
)


def findings(engine: Engine, path: Path) -> Counter[tuple[str, str, str]]:
    result = engine.lint_path(str(path))
    assert result.error is None, result.error
    return Counter((d.code, d.severity, d.message.zh) for d in result.diagnostics)


@pytest.mark.parametrize(("published", "text"), PAIRS, ids=[p.name for p, _ in PAIRS])
def test_a_published_format_gives_the_findings_of_its_text(engine: Engine, published: Path, text: Path) -> None:
    assert findings(engine, published) == findings(engine, text)


def test_every_format_is_covered() -> None:
    assert {p.suffix for p, _ in PAIRS} == {".docx", ".html", ".htm", ".pdf"} and len(PAIRS) >= 20


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("seed001-scanned.pdf", None),  # no text layer: the one GL100 finding
        ("wuyuan-jiaoti-2023-encrypted.pdf", "已加密"),
        ("wuyuan-jiaoti-2023-truncated.pdf", "已损坏"),
        ("longde-2023-truncated.docx", "不完整"),
    ],
)
def test_files_that_cannot_be_read_say_so(engine: Engine, name: str, words: str | None) -> None:
    result = engine.lint_path(str(FORMATS / name))
    if words is None:
        assert [d.code for d in result.diagnostics] == ["GL100"] and "OCR" in result.diagnostics[0].message.zh
    else:
        assert result.error is not None and words in result.error and not result.diagnostics
