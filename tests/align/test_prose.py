"""govlint.align.prose: reading facts out of prose (numbers, totals with parts, rates, mentions),
and the safety of every pattern the pack compiles."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.align.prose import ProseConfigError, ProseFacts, extract_facts, facts_for, grammar
from govlint.engine import Engine
from govlint.model import Context, Pack, Report, Span
from govlint.source import source_from_text


def facts(engine: Engine, text: str, path: str = "r.md") -> ProseFacts:
    reader = engine.reader_for(path)
    assert reader is not None
    return extract_facts(reader.read(source_from_text(path, text)), grammar(engine.pack))


def sums(f: ProseFacts) -> list[tuple[Decimal, list[Decimal]]]:
    return [(p.total.value, [q.value for q in p.parts]) for p in f.parts]


def test_total_with_parts_and_shares(engine: Engine) -> None:
    f = facts(
        engine,
        "共受理申请 70 件，较去年增长 3.4 倍。"
        "其中，邮寄申请 51 件，占比 73%；网络申请 19 件，占比 27%。\n",
    )
    assert sums(f) == [(Decimal(70), [Decimal(51), Decimal(19)])]
    assert [(q.value, p.raw) for q, p in f.parts[0].shares] == [(Decimal(51), "占比 73%"), (Decimal(19), "占比 27%")]


def test_nested_breakdowns_are_not_parts(engine: Engine) -> None:
    text = (
        "主动公开政府信息407条，其中通过政府门户网站公开35条，主要涉及政策宣传等领域，行政处罚信息1条；"
        "通过微信公众号公开政府信息276条；通过线下公示栏公开政府信息 96 条。\n"
    )
    f = facts(engine, text)
    assert sums(f) == [(Decimal(407), [Decimal(35), Decimal(276), Decimal(96)])]
    assert not f.parts[0].certain  # the nested 1 条 makes a shortfall unreportable


def test_sentence_continues_across_a_page_break(engine: Engine) -> None:
    text = "全年主动公开政府信息 100 条，其中政府网站公开 60 条，政务新媒体公\n\n开 40 条。\n"
    f = facts(engine, text, "r.txt")
    assert sums(f) == [(Decimal(100), [Decimal(60), Decimal(40)])]
    assert f.parts[0].parts[1].span.start > text.index("\n\n")


@pytest.mark.parametrize(
    "text",
    [
        "全年主动公开政府信息１００条，其中政府网站公开６０条，政务新媒体公开４０条。\n",
        "全年主动公开政府信息 100 条。其中，网站 60 条，新媒体 40 条。\n",
        "全年主动公开政府信息 100 条，其中：网站 60 条、新媒体 40 条。\n",
    ],
)
def test_width_and_punctuation_variants(engine: Engine, text: str) -> None:
    assert sums(facts(engine, text)) == [(Decimal(100), [Decimal(60), Decimal(40)])]


def test_thousands_separator_and_scale(engine: Engine) -> None:
    f = facts(
        engine,
        "发布信息 1,200 条，其中网站 1,000 条，新媒体 200 条。"
        "办件 3.5 万件，其中自然人 2.5 万件，法人 1 万件。\n",
    )
    assert sums(f) == [
        (Decimal(1200), [Decimal(1000), Decimal(200)]),
        (Decimal(35000), [Decimal(25000), Decimal(10000)]),
    ]
    assert f.parts[1].total.tolerance == Decimal(500)


@pytest.mark.parametrize(
    "text",
    [
        "发布信息 1.1 万余条，其中网站 8000 条，新媒体 5000 条。\n",  # approximate total
        "收到申请2件,上年结转申请0件,其中2件已办理答复,结转下年办理0件。\n",  # two candidate totals
        "受理诉求 100 件，其中本年新增 80 件，较上年增加 30 件。\n",  # a comparison, not a breakdown
        "开设专栏 5 个，其中发布信息 300 条、专题 2 个。\n",  # other units are not parts
        "公开信息 2594 条，其中政府网站发布 2594 条，微信公众号发布 856 条。\n",  # channels overlap
        "收到申请 70 件，其中予以公开 30 件、部分公开 22 件，两项合计 52 件。\n",  # a subtotal among parts
    ],
)
def test_ambiguous_readings_give_no_fact(engine: Engine, text: str) -> None:
    assert facts(engine, text).parts == ()


def test_rates_need_one_base_and_one_numerator(engine: Engine) -> None:
    f = facts(
        engine,
        "共受理问题 7807 件（热线受理诉求 7518 件，已办结 7508，未办结 10 件，办结率 99.87%，满意率 99.87%）。"
        "收到来信111封,办结量100%,办结率100%。受理诉求 21836 件，办结 21468 件，满意度 86.54%。\n",
    )
    assert [(r.numerator.value, r.base.value, r.rate.raw) for r in f.rates] == [
        (Decimal(7508), Decimal(7518), "办结率 99.87%")
    ]


def test_mentions(engine: Engine) -> None:
    f = facts(
        engine,
        "共受理政府信息公开申请８件，其他处理 4 件。"
        "废止 8 件、公开现行有效行政规范性文件 20 件，印发规范性文件 7 个。\n",
    )
    assert [(m.rule, m.quantity.value) for m in f.mentions] == [
        ("applications", Decimal(8)),
        ("other-handling", Decimal(4)),
        ("normative-documents", Decimal(7)),
    ]


def test_a_number_two_mentions_read_is_the_longer_phrases(engine: Engine) -> None:
    """“予以公开及部分公开 8 件” is （一）+（二）; the “部分公开 8 件” inside it is no mention."""
    f = facts(engine, "予以公开及部分公开 8 件，部分公开 1 件。\n")
    assert sorted((m.span.start, m.rule, m.quantity.value) for m in f.mentions) == [
        (0, "granted-or-partly", Decimal(8)),
        (14, "partly-granted", Decimal(1)),
    ]


def test_a_mention_knows_which_row_sets_its_sentence_says_it_counts(engine: Engine) -> None:
    text = "共受理政府信息公开申请 13 件（含上年结转 1 件）。受理政府信息公开申请 12 件（不含上年结转）。\n"
    said = facts(engine, text)
    assert [(m.quantity.value, m.said) for m in said.mentions] == [(Decimal(13), (1,)), (Decimal(12), ())]


def test_facts_are_read_once_per_lint(engine: Engine) -> None:
    report = engine.report(source_from_text("r.md", "收到政府信息公开申请 3 件。\n"))
    assert isinstance(report, Report)
    ctx = Context("zh", scratch={})
    assert facts_for(report, ctx) is facts_for(report, ctx)


def test_the_per_run_memo_is_bounded(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    runs = grammar(engine.pack).runs
    monkeypatch.setattr(runs, "limit", 3)
    for n in range(10):
        facts(engine, f"全年共收到政府信息公开申请 {n} 件。\n")
        assert len(runs._entries) <= 3
    assert facts(engine, "全年共收到政府信息公开申请 9 件。\n").mentions[0].quantity.value == 9


def pack_with(prose: object) -> Pack:
    return Pack("t", "1", "t", {"prose": prose}, "test", ("t",))


@pytest.mark.parametrize(
    "prose",
    [
        {"mentions": [{"id": "x", "pattern": "申请(件"}]},  # bad regex
        {"mentions": [{"id": "x", "pattern": "申请 件"}]},  # no {n}
        {"mentions": [{"id": "x", "pattern": "{n}", "rows": [["一"]], "said": [{"rows": ["二"]}]}]},  # not a set
        {"mentions": [{"id": "x", "pattern": "{n}", "rows": [["一"]], "said": [{"rows": ["一"], "pattern": "("}]}]},
        {"mentions": [{"id": "x", "pattern": "{n}", "rows": [["一"]], "said": [{"rows": ["一"], "reading": "{1}"}]}]},
        ["not", "a", "mapping"],
        {"units": "件"},
    ],
)
def test_bad_pack_data_is_a_clear_error(prose: object) -> None:
    with pytest.raises(ProseConfigError):
        grammar(pack_with(prose))


ADVERSARIAL = [
    "1" * 20000,
    "1," * 8000,
    "1." * 8000,
    "1 " * 8000 + "件",
    "受理" * 5000,
    "受理" + "、" * 20000 + "信息公开申请",
    "收到" + "信" * 20000 + "申请 1 件",
    "其中" * 5000,
    "（" * 5000 + "1 件" + "）" * 5000,
    "办结" * 5000 + "率 99%",
    "规范性文件" + " " * 20000 + "1 件",
    "共 1 件（" * 2000,
    "１２３，" * 5000,
    "7807 件，" * 3000 + "其中 1 件，" * 3000,
]
BUDGET_PER_MATCH = 0.05  # seconds: one match (or one failed search) of one pattern


def test_patterns_are_safe_on_adversarial_text(engine: Engine) -> None:
    g = grammar(engine.pack)
    patterns = [g.quantity, g.percent]
    patterns += [p for r in g.rates for p in (r.base, r.numerator)]
    patterns += [m.pattern for m in g.mentions]
    for pattern in patterns:
        for text in ADVERSARIAL:
            start = time.perf_counter()
            matches = sum(1 for _ in pattern.finditer(text))
            elapsed = time.perf_counter() - start
            assert elapsed / (matches + 1) < BUDGET_PER_MATCH, (pattern.pattern[:60], text[:20], elapsed)
            assert elapsed < 2.0, (pattern.pattern[:60], text[:20], elapsed)


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_extraction_never_fails_and_stays_fast(engine: Engine, text: str) -> None:
    start = time.perf_counter()
    facts(engine, text + "\n", "r.txt")
    # every step reads at most prose.WINDOW characters around a mark: linear, not quadratic
    assert time.perf_counter() - start < 5.0


ALPHABET = (
    "0123456789０１２３,.．%％ 　\n其中分别为共计合计件条个万余约（）()，,；;。：、"
    "占比办结率受理收到申请予以公开其他处理规范性文件行政复议信息*_"
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=ALPHABET, max_size=300))
def test_any_text_reads_without_error(engine: Engine, text: str) -> None:
    f = facts(engine, text, "r.md")
    for fact in f.parts:
        assert len(fact.parts) >= 2 and fact.total.span.start <= fact.span.end
    for mention in f.mentions:
        assert 0 <= mention.span.start < mention.span.end <= len(text)


def _spans(value: object) -> list[Span]:
    """Every Span inside a fact, depth first."""
    if isinstance(value, Span):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _spans(item)]
    return []


@pytest.mark.parametrize("head_first", [False, True])
def test_a_paragraph_reads_the_same_wherever_it_stands(engine: Engine, head_first: bool) -> None:
    """Facts are kept per paragraph and moved to where the paragraph is, forward or back:
    every span must still cover the same characters of the new text."""
    text = (
        f"收到咨询 {100 + head_first} 次，其中网站 60 次、热线 30 次。\n\n"
        f"12345 热线受理诉求 {50 + head_first} 件，已办结 49 件，办结率 98%。\n\n"
        f"全年共收到政府信息公开申请 {12 + head_first} 件。\n"
    )
    head = "前言写了一段话。\n\n第二段也是。\n\n"
    if head_first:
        moved, alone = facts(engine, head + text), facts(engine, text)
    else:
        alone, moved = facts(engine, text), facts(engine, head + text)
    assert alone.parts and alone.rates and alone.mentions
    for kind in ("parts", "rates", "mentions"):
        before, after = _spans(getattr(alone, kind)), _spans(getattr(moved, kind))
        assert [(s.start + len(head), s.end + len(head)) for s in before] == [(s.start, s.end) for s in after]
        assert [text[s.start : s.end] for s in before] == [(head + text)[s.start : s.end] for s in after]
