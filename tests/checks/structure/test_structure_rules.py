"""GL1xx and GL201–GL204 on fixture reports: each fixture plants one defect into
``clean-minimal.md``; the rule must fire exactly there and stay quiet on the clean report."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.align import align
from govlint.engine import Engine
from govlint.model import FileResult
from govlint.readers import markdown
from govlint.source import source_from_text
from tests.conftest import FIXTURES

FAMILIES = ("GL1", "GL20")

# fixture -> {(code, line, severity)} for the structure and table-identity codes
EXPECTED: dict[str, set[tuple[str, int, str]]] = {
    "GL101": {("GL101", 1, "error")},
    "GL102": {("GL102", 65, "warning")},
    "GL103": {("GL103", 65, "info")},
    "GL104": {("GL104", 34, "warning"), ("GL201", 29, "info"), ("GL203", 29, "info")},
    "GL105": {("GL105", 63, "warning"), ("GL204", 59, "info")},
    "GL106": {("GL106", 13, "warning"), ("GL106", 36, "info")},
    "GL107": {("GL107", 29, "warning"), ("GL107", 42, "warning"), ("GL203", 29, "info")},
    "GL108": {("GL108", 27, "error")},
    "GL109": {("GL109", 71, "warning")},
    "GL201": {("GL201", 33, "error"), ("GL203", 54, "error")},
    "GL202": {("GL202", 31, "error")},
    "GL203": {("GL203", 54, "error")},
    "GL204": {("GL204", 63, "error")},
}


def found(engine: Engine, path: Path) -> set[tuple[str, int, str]]:
    return codes(engine.lint_path(str(path)))


def found_in(engine: Engine, path: str, text: str) -> set[tuple[str, int, str]]:
    return codes(engine.lint_text(path, text))


def codes(result: FileResult) -> set[tuple[str, int, str]]:
    assert result.source is not None
    return {
        (d.code, result.source.position(d.span.start)[0], d.severity)
        for d in result.diagnostics
        if d.code.startswith(FAMILIES)
    }


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_rule_fires_on_its_fixture(engine: Engine, code: str) -> None:
    assert found(engine, FIXTURES / code / "fires.md") == EXPECTED[code]


def test_clean_report_is_quiet(engine: Engine) -> None:
    assert found(engine, FIXTURES / "clean-minimal.md") == set()


def test_typo_fix_is_safe_and_keeps_numbering(engine: Engine) -> None:
    result = engine.lint_path(str(FIXTURES / "GL106" / "fires.md"))
    fixes = {d.severity: d.fix for d in result.diagnostics if d.code == "GL106"}
    typo, reworded = fixes["warning"], fixes["info"]
    assert typo is not None and typo.safe and typo.edits[0].new_text == "本年废止件数"
    assert reworded is not None and not reworded.safe
    assert reworded.edits[0].new_text == "2.其他法律行政法规禁止公开"


def test_many_numbers_that_fit_no_row_are_one_finding_for_the_table(engine: Engine) -> None:
    """A table 二 in another layout leaves number after number without a row: one GL104
    saying so, not a warning per number; up to three stay one finding each."""
    clean = (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")

    def gl104(strays: int) -> list[str]:
        text = clean.replace("| 行政许可 | 3000 | | |", "| 行政许可 | 3000 | | |" + "\n| | 36 | | |" * strays)
        return [d.message.zh for d in engine.lint_text("report.md", text).diagnostics if d.code == "GL104"]

    assert len(gl104(3)) == 3
    (one,) = gl104(5)
    assert one.startswith("表二有 5 处数字无法归入任何行（“36”“36”“36”等）")


def test_a_table_in_the_2019_layout_is_gl302s_finding_alone(engine: Engine) -> None:
    """Table 二 headed with the 2019 columns: GL302 says so once; the table is not read
    against the 2021 template (no misplaced numbers, rows or columns reported, nothing
    exported under the 2021 column names)."""
    clean = (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")
    old = "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |"
    text = clean.replace(old, "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |")
    assert text != clean
    result = engine.lint_text("report.md", text)
    assert [d.code for d in result.diagnostics if d.severity != "info"] == ["GL302"]
    report = align(markdown.read(source_from_text("report.md", text)), engine.pack)
    assert report.table("二") is None and report.table("三") is not None


def test_markdown_headings_in_a_text_file_match_by_their_words(engine: Engine) -> None:
    """A Markdown report saved as ``.txt``: “## 五、” with reworded words is section 五 in
    other words (GL103), as without the “##” — the markers once cost the heading its numeral,
    so section 五 was missing (GL101) — and the format's own headings are not variants."""
    text = (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")
    assert found_in(engine, "report.txt", text) == set()
    reworded = text.replace("## 五、存在的主要问题", "## 五、本机关政府信息公开工作存在的主要问题")
    assert found_in(engine, "report.txt", reworded) == {("GL103", 65, "info")}


def test_a_section_is_found_by_its_words_before_a_sub_heading_with_its_numeral(engine: Engine) -> None:
    """总体情况 numbers its own sub-headings (“四、政府信息公开申请情况”), and the report's
    heading of section 四 carries another numeral: section 四 is the heading in its words
    (GL103 for the numeral), not the sub-heading whose words are only loosely alike (table 四
    was not found there, GL108, and the order was wrong, GL102)."""
    clean = (FIXTURES / "clean-minimal.md").read_text(encoding="utf-8")
    intro = "政务新媒体公开500条。"
    text = clean.replace(intro, intro + "\n\n四、政府信息公开申请情况\n\n全年办理申请12件。").replace(
        "## 四、政府信息公开行政复议", "## 三、政府信息公开行政复议"
    )
    assert found_in(engine, "report.md", text) == {("GL103", 61, "info")}
