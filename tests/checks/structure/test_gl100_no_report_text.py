"""GL100 no-report-text: a file with nothing to check is one finding, and nothing else."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, where

from govlint.engine import Engine
from govlint.model import Msg
from govlint.readers.rendered import Renderer


@pytest.mark.parametrize("text", ["", "  \n\n\t\n", "\u3000\n"], ids=["empty", "blank", "full-width-space"])
def test_an_empty_file_is_one_finding(found: FindFn, text: str) -> None:
    got = found(text)
    assert where(got) == {("GL100", 1, "error")}
    assert got[0].message == "报告为空（文件中只有空白）"


def test_a_pdf_without_a_text_layer_says_to_ocr_it(engine: Engine) -> None:
    scanned = Renderer("scan.pdf", "pdf").document()  # what the PDF reader renders of a scan
    result = engine.lint(scanned)
    assert [(d.code, d.severity) for d in result.diagnostics] == [("GL100", "error")]
    assert "OCR" in result.diagnostics[0].message.zh and "OCR" in result.diagnostics[0].message.en


def test_a_rendered_file_without_text_says_so(engine: Engine) -> None:
    renderer = Renderer("r.docx", "docx")
    renderer.paragraph("   ", Msg("第 1 段", "paragraph 1"))
    (finding,) = engine.lint(renderer.document()).diagnostics
    assert finding.code == "GL100" and finding.message.en == "the file holds no report text"


def test_a_report_with_text_stays_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL100") == []
    assert found("一句话。\n", "GL100") == []  # some text: the other rules say what is missing
