"""GL103 heading-variant: a section heading worded otherwise than the format, with its fix."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with, where

from govlint.engine import Engine
from govlint.fixes import apply_fixes


def test_a_reworded_heading_is_a_note_with_an_unsafe_fix(found: FindFn, engine: Engine) -> None:
    text = clean_with("## 五、存在的主要问题及改进情况", "## 五、存在的主要问题及改进措施")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL103", 65, "info")}
    assert got[0].message == "标题“五、存在的主要问题及改进措施”与格式不同，格式为“五、存在的主要问题及改进情况”"
    (fix,) = [d.fix for d in engine.lint_text("report.md", text).diagnostics if d.code == "GL103"]
    assert fix is not None and not fix.safe
    assert apply_fixes(text, [fix])[0] == CLEAN  # the "## " stays


def test_markdown_headings_in_a_text_file_match_by_their_words(found: FindFn) -> None:
    """A Markdown report saved as ``.txt``: “## 五、” with reworded words is section 五 in
    other words (GL103), as without the “##” — the markers once cost the heading its numeral,
    so section 五 was missing (GL101) — and the format's own headings are not variants."""
    assert found(CLEAN, "GL1", "GL20", path="report.txt") == []
    reworded = clean_with("## 五、存在的主要问题", "## 五、本机关政府信息公开工作存在的主要问题")
    assert where(found(reworded, "GL1", "GL20", path="report.txt")) == {("GL103", 65, "info")}


def test_a_section_is_found_by_its_words_before_a_sub_heading_with_its_numeral(found: FindFn) -> None:
    """总体情况 numbers its own sub-headings (“四、政府信息公开申请情况”), and the report's
    heading of section 四 carries another numeral: section 四 is the heading in its words
    (GL103 for the numeral), not the sub-heading whose words are only loosely alike (table 四
    was not found there, GL108, and the order was wrong, GL102)."""
    intro = "政务新媒体公开500条。"
    text = clean_with(intro, intro + "\n\n四、政府信息公开申请情况\n\n全年办理申请12件。")
    text = clean_with("## 四、政府信息公开行政复议", "## 三、政府信息公开行政复议", text)
    assert where(found(text, "GL1", "GL20")) == {("GL103", 61, "info")}


@pytest.mark.parametrize("path", ["report.md", "report.txt"])
def test_the_formats_own_headings_stay_quiet(found: FindFn, path: str) -> None:
    assert found(CLEAN, "GL103", path=path) == []
