"""The committed .docx, .html and .pdf fixtures carry exactly the numbers of their text versions.

``tools/make_format_fixtures.py`` writes them; this guards against a fixture drifting from its
text report (an edited seed, a hand-edited file), using only the standard library and
``pdftotext`` when it is there, so the readers' tests can trust them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import ROOT

from govlint.engine import Engine, Settings
from govlint.model import Paragraph, RawTable, Report

FORMATS = ROOT / "tests" / "fixtures" / "formats"
SOURCES = {
    "seed000": "tests/fixtures/seeds-corrected/000.txt",
    "seed001": "tests/fixtures/seeds-corrected/001.txt",
    "seed002": "tests/fixtures/seeds-corrected/002.txt",
    "seed003": "tests/fixtures/seeds-corrected/003.txt",
    "seed004": "tests/fixtures/seeds-corrected/004.txt",
    "longde-2023": "examples/reports/longde-2023.txt",
    "longde-2023-defects": "examples/reports/longde-2023-defects.txt",
    "wuyuan-2023": "examples/reports/wuyuan-2023.md",
    "wuyuan-jiaoti-2023": "examples/reports/wuyuan-jiaoti-2023.md",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VALUE = re.compile(r"\d+(?:\.\d+)?")
NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")  # not the 1 of a label's "1.属于…"
FOOTER = re.compile(r"^\s*(—\s*\d+\s*—|第\s*\d+\s*页\s*共\s*\d+\s*页)\s*$", re.M)  # page numbers


def report(stem: str) -> Report:
    engine = Engine(Settings())
    result = engine.report(engine.load_path(str(ROOT / SOURCES[stem])))
    assert isinstance(result, Report)
    return result


def table_values(rep: Report) -> list[str]:
    """Tables 二, 三, 四's numbers as the text report writes them, row by row."""
    return [c.raw.strip() for t in ("二", "三", "四") for row in rep.table(t).rows for c in row.cells]  # type: ignore[union-attr]


def docx_values(path: Path) -> list[str]:
    """The numbers in the .docx's table cells, a merged cell once, deleted text left out."""
    with zipfile.ZipFile(path) as z:
        body = ElementTree.fromstring(z.read("word/document.xml"))
    found = []
    for tc in body.iter(f"{W}tc"):
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        if merge is not None and merge.get(f"{W}val") != "restart":
            continue
        text = "".join(t.text or "" for t in tc.iter(f"{W}t")).strip()
        if VALUE.fullmatch(text):
            found.append(text)
    return found


class Cells(HTMLParser):
    """The text of each <td>, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self.inside = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        self.inside = self.inside and tag != "td"

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.cells[-1] += data


def html_values(path: Path, encoding: str) -> list[str]:
    parser = Cells()
    parser.feed(path.read_bytes().decode(encoding))
    return [t for t in (c.strip().replace("\xa0", "") for c in parser.cells) if VALUE.fullmatch(t)]


@pytest.mark.parametrize("stem", sorted(SOURCES))
def test_docx_and_html_carry_the_text_reports_numbers(stem: str) -> None:
    expected = table_values(report(stem))
    assert docx_values(FORMATS / f"{stem}.docx") == expected
    assert html_values(FORMATS / f"{stem}.html", "utf-8") == expected
    word = FORMATS / f"{stem}-word.htm"
    if word.exists():
        assert b"charset=gb2312" in word.read_bytes()
        assert html_values(word, "gbk") == expected


def test_revised_docx_accepted_is_the_clean_report() -> None:
    path = FORMATS / "longde-2023-revised.docx"
    assert docx_values(path) == table_values(report("longde-2023"))
    with zipfile.ZipFile(path) as z:
        body = ElementTree.fromstring(z.read("word/document.xml"))
        assert "word/comments.xml" in z.namelist()
    assert [t.text for t in body.iter(f"{W}delText")] == ["26", "15", "无。"]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("stem", sorted(s for s in SOURCES if (FORMATS / f"{s}.pdf").exists()))
def test_pdf_carries_the_text_reports_numbers(stem: str) -> None:
    """From section 二 to section 五: the tables' numbers and any note between them, in order."""
    rep = report(stem)
    text = rep.source.text
    start, end = rep.section("二").body.start, rep.section("五").heading.span.start  # type: ignore[union-attr]
    expected, seen = [], set()
    for block in rep.document.blocks:
        if not start <= block.span.start < end:
            continue
        match = next((t for t in rep.tables if t.span.start <= block.span.start < t.span.end), None)
        if match is not None and isinstance(block, RawTable) and match.template not in seen:
            seen.add(match.template)
            expected += [c.raw.strip() for row in match.rows for c in row.cells]
        elif match is None and isinstance(block, Paragraph):
            expected += NUMBER.findall(text[block.span.start:block.span.end])
    pdf = subprocess.run(["pdftotext", "-layout", str(FORMATS / f"{stem}.pdf"), "-"],
                         capture_output=True, text=True, check=True).stdout
    region = FOOTER.sub("", pdf[pdf.index("二、主动公开政府信息情况"):pdf.index("五、存在的主要问题")])
    assert NUMBER.findall(region) == expected


def test_broken_files_are_broken() -> None:
    assert not zipfile.is_zipfile(FORMATS / "longde-2023-truncated.docx")
    pdfs = {p.name: p.read_bytes() for p in FORMATS.glob("*.pdf")}
    if not pdfs:
        pytest.skip("no PDFs")
    assert b"%%EOF" not in pdfs["wuyuan-jiaoti-2023-truncated.pdf"]
    assert b"/Encrypt" in pdfs["wuyuan-jiaoti-2023-encrypted.pdf"]
    assert b"/Font" not in pdfs["seed001-scanned.pdf"]
