"""The report's texts, cut once per lint, and the index the pattern rules and contacts use."""

from __future__ import annotations

import re

from govlint.align import align
from govlint.align.texts import report_texts
from govlint.checks._patterns import matches
from govlint.engine import Engine, Settings
from govlint.model import Context, Report
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


def test_every_text_is_the_source_text_where_it_stands() -> None:
    report = _report()
    texts = report_texts(report, Context("zh"))
    every = {(text, start) for text, starts in texts.every.placed.items() for start in starts}
    for text, start in every:
        assert report.source.text[start : start + len(text)] == text
    prose = {(text, start) for text, starts in texts.prose.placed.items() for start in starts}
    assert prose < every
    assert "0" in {text for text, _ in every} and "0" not in {text for text, _ in prose}
    assert list(texts.every.placed) == list(texts.every.texts)


def test_distinct_texts_holding_and_placed() -> None:
    index = report_texts(_report(), Context("zh")).every
    texts = index.texts
    assert len(texts) == len(set(texts)) and texts.count("0") == 1
    found = [texts[i] for i in index.holding(("要点",))]
    assert found == [t for t in texts if "要点" in t] and len(found) == 2
    assert index.holding(("没有的词",)) == ()
    zeros = index.placed["0"]
    assert len(zeros) == 3 and zeros == sorted(zeros)


def test_cut_once_per_lint() -> None:
    report = _report()
    ctx = Context("zh", scratch={})
    assert report_texts(report, ctx) is report_texts(report, ctx)
    assert report_texts(report, Context("zh", scratch={})) is not report_texts(report, ctx)


def test_matches_come_in_the_order_of_the_report() -> None:
    report = _report()
    pattern = re.compile(r"要点|0(?=\b)")
    hits = [(seg.start + m.start(), m.group()) for seg, m in matches(report, Context("zh"), pattern)]
    assert hits == sorted(hits)
    assert [text for _, text in hits].count("要点") == 2
