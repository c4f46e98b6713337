"""A text with no line structure cut into virtual lines (govlint.readers.oneline): where the
cuts fall, which virtual lines are table rows, and cells whose spans are the original text's."""

from __future__ import annotations

import pytest

from govlint.model import Heading, Paragraph, RawTable
from govlint.readers import oneline, text
from govlint.source import source_from_text

PROSE = "本机关全年主动公开政府信息 120 条，其中政府网站公开 100 条，政务新媒体公开 20 条，均按时发布。" * 2
ONE_LINE = (f"某县政府信息公开工作年度报告 一、总体情况 {PROSE} 二、主动公开政府信息情况 规章 0 0 0 "
            f"行政规范性文件62334400 三、收到和处理政府信息公开申请情况 {PROSE} 四、结转下年度继续办理 0 0 "
            f"五、存在的主要问题及改进情况 {PROSE}")


@pytest.mark.parametrize(("word", "cells"), [
    ("规章000", ["规章", "000"]),
    ("20第二十条第（五）项", ["20", "第二十条第（五）项"]),
    ("不予公开1.属于国家秘密00000002.其他", ["不予公开", "1.属于国家秘密", "0000000", "2.其他"]),
    ("行政事业性收费120.50", ["行政事业性收费", "120.50"]),
    ("审结总计", ["审结总计"]),
])
def test_a_number_glued_to_words_is_a_cell_of_its_own(word: str, cells: list[str]) -> None:
    line = f"  {word} "
    found = oneline.cells(line, 100)
    assert [c.text for c in found] == cells
    assert all(line[c.span.start - 100 : c.span.end - 100] == c.text for c in found)


def test_a_report_on_one_line_is_cut_at_its_headings_keeping_offsets() -> None:
    source = source_from_text("report.txt", ONE_LINE)
    blocks = text.read(source).blocks
    assert all(ONE_LINE[b.span.start : b.span.end] == b.text for b in blocks if isinstance(b, (Heading, Paragraph)))
    headings = [b.text for b in blocks if isinstance(b, Heading)]
    assert headings[:5] == ["某县政府信息公开工作年度报告", "一、总体情况", "二、主动公开政府信息情况",
                            "三、收到和处理政府信息公开申请情况", "四、结转下年度继续办理"]
    tables = [b for b in blocks if isinstance(b, RawTable)]
    assert all(t.oneline for t in tables)
    assert [c.text for c in tables[0].rows[0]] == ["规章", "0", "0", "0", "行政规范性文件", "62334400"]


def test_lines_with_their_own_headings_are_read_as_lines() -> None:
    """A few lines whose headings stand alone, or a long line that names one section: read
    line by line (no cut mid-line)."""
    assert not oneline.run_together(["一、总体情况", PROSE, "二、主动公开政府信息情况", "规章\t0\t0\t0", "三、收到"])
    assert not oneline.run_together([f"一、总体情况 {PROSE}"])
    assert oneline.run_together([ONE_LINE])
