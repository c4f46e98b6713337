"""A finding in a report read from a .pdf, .docx or web page names its place in the original."""

from __future__ import annotations

import json

from govlint.engine import Engine
from govlint.model import Context, FileResult, Msg, OutputOptions
from govlint.output import json_format, sarif, text
from govlint.readers.rendered import Renderer


def _pdf_result(engine: Engine) -> FileResult:
    """A two-page "PDF" whose page 2 line 7 holds a doubled 。 (GL501)."""
    r = Renderer("report.pdf", "pdf")
    r.paragraph("某县2023年政府信息公开工作年度报告", Msg("第 1 页第 1 行", "page 1, line 1"), page=1, line=1)
    r.paragraph("一、总体情况", Msg("第 1 页第 3 行", "page 1, line 3"), page=1, line=3)
    r.paragraph("本年度工作有序推进。。", Msg("第 2 页第 7 行", "page 2, line 7"), page=2, line=7)
    return engine.lint(r.document())


def test_json_gives_the_page_and_the_place(engine: Engine) -> None:
    result = _pdf_result(engine)
    data = json.loads(json_format.render([result], Context("zh")))
    (gl501,) = [d for d in data["files"][0]["diagnostics"] if d["code"] == "GL501"]
    assert (gl501["line"], gl501["page"], gl501["original_line"], gl501["where"]) == (3, 2, 7, "第 2 页第 7 行")
    english = json.loads(json_format.render([result], Context("en")))
    assert [d["where"] for d in english["files"][0]["diagnostics"] if d["code"] == "GL501"] == ["page 2, line 7"]


def test_text_output_names_the_place_and_offers_no_fix(engine: Engine) -> None:
    out = text.render([_pdf_result(engine)], Context("zh", OutputOptions()))
    line = next(x for x in out.splitlines() if "GL501" in x)
    assert line.startswith("report.pdf:3:10（第 2 页第 7 行）: GL501")
    assert "[*]" not in line and "请在原文件中修改" in out


def test_sarif_puts_the_place_in_the_message_and_no_region_for_a_pdf(engine: Engine) -> None:
    log = json.loads(sarif.render([_pdf_result(engine)], Context("en")))
    (gl501,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "GL501"]
    assert gl501["message"]["text"].endswith("(page 2, line 7)")
    assert "region" not in gl501["locations"][0]["physicalLocation"] and "fixes" not in gl501


def test_a_web_page_finding_points_at_its_source_line(engine: Engine) -> None:
    r = Renderer("report.html", "html")
    r.paragraph("本年度工作有序推进。。", Msg("网页源代码第 120 行", "line 120 of the page source"), line=120)
    log = json.loads(sarif.render([engine.lint(r.document())], Context("en")))
    (gl501,) = [x for x in log["runs"][0]["results"] if x["ruleId"] == "GL501"]
    assert gl501["locations"][0]["physicalLocation"]["region"] == {"startLine": 120}


def test_a_text_file_has_no_place_fields(engine: Engine) -> None:
    result = engine.lint_text("r.md", "本年度工作有序推进。。\n")
    (d,) = [d for d in json.loads(json_format.render([result], Context("zh")))["files"][0]["diagnostics"]
            if d["code"] == "GL501"]
    assert not {"where", "page", "original_line"} & set(d)
