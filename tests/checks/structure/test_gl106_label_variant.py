"""GL106 label-variant: a table label worded otherwise than the format: a slip of the pen
(one character, a warning with a safe fix) or a rewording (a note, an unsafe fix)."""

from __future__ import annotations

from conftest import CLEAN, FindFn, clean_with, where

from govlint.engine import Engine


def test_a_misspelt_column_label_is_a_warning_with_a_safe_fix(found: FindFn, engine: Engine) -> None:
    text = clean_with("| 本年废止件数 |", "| 本年度止件数 |")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL106", 13, "warning")}
    assert got[0].message == "表二列名“本年度止件数”疑为错别字，格式为“本年废止件数”"
    (fix,) = [d.fix for d in engine.lint_text("report.md", text).diagnostics if d.code == "GL106"]
    assert fix is not None and fix.safe and fix.edits[0].new_text == "本年废止件数"


def test_a_reworded_row_label_is_a_note_whose_fix_keeps_the_numbering(found: FindFn, engine: Engine) -> None:
    text = clean_with("| 2.其他法律行政法规禁止公开 |", "| 2.其他法律法规禁止公开 |")
    got = found(text, "GL1", "GL20")
    assert where(got) == {("GL106", 36, "info")}
    assert "行名“2.其他法律法规禁止公开”与格式措辞不同，格式为“其他法律行政法规禁止公开”" in got[0].message
    (fix,) = [d.fix for d in engine.lint_text("report.md", text).diagnostics if d.code == "GL106"]
    assert fix is not None and not fix.safe
    assert fix.edits[0].new_text == "2.其他法律行政法规禁止公开"


def test_a_group_named_in_other_words_is_the_group(found: FindFn) -> None:
    """“（六）其他” is the group （六）其他处理 in other words, not its row “3.其他” (GL107)."""
    got = found(clean_with("| （六）其他处理 | 1.申请人", "| （六）其他 | 1.申请人"), "GL1", "GL20")
    assert where(got) == {("GL106", 51, "info")}


def test_the_formats_labels_stay_quiet(found: FindFn) -> None:
    assert found(CLEAN, "GL106") == []
