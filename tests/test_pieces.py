"""The report's text pieces, and the indexes over them the pattern rules and contacts use."""

from __future__ import annotations

import re

from govlint.align import align
from govlint.align.texts import distinct_texts, holding, placed
from govlint.checks._patterns import matches
from govlint.engine import Engine, Settings
from govlint.model import Report
from govlint.readers import text as text_reader
from govlint.source import source_from_text

TEXT = (
    "某县2023年政府信息公开工作年度报告\n\n"
    "一、总体情况\n\n"
    "本年度依据2023年工作要点推进。\n\n"
    "项目\t本年新制作数量\t本年新公开数量\n"
    "规章\t0\t0\n"
    "规范性文件\t0\t要点\n\n"
    "联系电话：0953-1234567\n"
)


def _report() -> Report:
    engine = Engine(Settings())
    source = source_from_text("r.txt", TEXT)
    return align(text_reader.read(source), engine.pack)


def test_every_piece_is_the_source_text_at_its_offset() -> None:
    report = _report()
    every = {(text, start) for text, starts in placed(report).items() for start in starts}
    for text, start in every:
        assert report.source.text[start : start + len(text)] == text
    prose = {(text, start) for text, starts in placed(report, cells=False).items() for start in starts}
    assert prose < every
    assert "0" in {text for text, _ in every} and "0" not in {text for text, _ in prose}
    assert list(placed(report)) == list(distinct_texts(report))


def test_distinct_texts_holding_and_placed() -> None:
    report = _report()
    texts = distinct_texts(report)
    assert len(texts) == len(set(texts)) and texts.count("0") == 1
    found = [texts[i] for i in holding(report, ("要点",))]
    assert found == [t for t in texts if "要点" in t] and len(found) == 2
    assert holding(report, ("没有的词",)) == ()
    zeros = placed(report)["0"]
    assert len(zeros) == 3 and zeros == sorted(zeros)


def test_matches_come_in_the_order_of_the_report() -> None:
    report = _report()
    hits = [(seg.start + m.start(), m.group()) for seg, m in matches(report, re.compile(r"要点|0(?=\b)"))]
    assert hits == sorted(hits)
    assert [text for _, text in hits].count("要点") == 2
