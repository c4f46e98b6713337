"""GL205–GL207 on fixture reports and on the seed reports.

Fixtures mark each paragraph that must fire with ``<!-- expect: GLnnn -->`` on the line
before it; every other line must stay quiet (for all three prose codes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlint.engine import Engine
from tests.conftest import FIXTURES, SEEDS, LintText

CODES = ("GL205", "GL206", "GL207")
EXPECT = re.compile(r"<!-- expect: (GL\d{3}) -->")
FIXTURE_FILES = sorted(p for code in CODES for p in (FIXTURES / code).glob("*.md"))


def found(engine: Engine, path: Path) -> set[tuple[str, int]]:
    result = engine.lint_path(str(path))
    assert result.source is not None
    return {
        (d.code, result.source.position(d.span.start)[0])
        for d in result.diagnostics
        if d.code in CODES and d.severity in ("warning", "error")
    }


def expected(path: Path) -> set[tuple[str, int]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {(m.group(1), i + 2) for i, line in enumerate(lines) if (m := EXPECT.search(line))}


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture(engine: Engine, path: Path) -> None:
    assert found(engine, path) == expected(path)


def test_every_rule_has_firing_and_quiet_fixtures() -> None:
    for code in CODES:
        names = {p.name for p in (FIXTURES / code).glob("*.md")}
        assert "fires.md" in names and "quiet.md" in names, code
        assert any(c == code for c, _ in expected(FIXTURES / code / "fires.md"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not available")
def test_seeds_acceptance(engine: Engine) -> None:
    """Exactly the three known prose defects of the seeds, nothing else at warning/error."""
    got = {(path.name[:3], code, line) for path in sorted(SEEDS.glob("*.txt")) for code, line in found(engine, path)}
    assert got == {("004", "GL205", 21), ("002", "GL207", 15), ("000", "GL207", 15)}


def test_messages_name_both_numbers_and_the_cell(engine: Engine) -> None:
    result = engine.lint_path(str(FIXTURES / "GL207" / "fires.md"))
    messages = [d.message for d in result.diagnostics if d.code == "GL207"]
    assert "正文称“其他处理 4 件”，但表三“（六）其他处理”总计为 0" in [m.zh for m in messages]
    assert all(m.en and m.zh for m in messages)
    sums = [d.message.zh for d in result.diagnostics if d.code == "GL205"]
    assert sums == []  # GL207's fixture has no sums
    gl205 = engine.lint_path(str(FIXTURES / "GL205" / "fires.md")).diagnostics
    assert any("7518 + 98 + 191 + 14 = 7821" in d.message.zh and "7807" in d.message.zh for d in gl205)


def test_count_that_includes_last_years_carry_over(lint_text: LintText) -> None:
    """“申请13件（含上年结转1件）” is 一 + 二; the note after the number must not hide it."""
    clean = (FIXTURES / "reports" / "clean-pingluo-jiaoyuju.md").read_text(encoding="utf-8")
    assert [d for d in lint_text(clean) if d.severity != "info"] == []
    wrong = clean.replace("申请13件（含上年结转1件）", "申请14件（含上年结转1件）")
    found = [d for d in lint_text(wrong, select=("GL207",))]
    assert len(found) == 1 and "14" in found[0].message.zh


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年受理政府信息公开申请9件，2023年受理政府信息公开申请13件（含上年结转1件）",  # last year's count
        "2022年，本机关共受理政府信息公开申请9件",  # the year opens the sentence, the count is a clause on
    ],
)
def test_another_years_count_stays_quiet(lint_text: LintText, sentence: str) -> None:
    clean = (FIXTURES / "reports" / "clean-pingluo-jiaoyuju.md").read_text(encoding="utf-8")
    text = clean.replace("全年共受理政府信息公开申请13件（含上年结转1件），其中本年新收12件", sentence)
    assert text != clean
    assert lint_text(text, select=("GL207",)) == []


def test_a_year_that_opens_the_sentence_is_the_counts_year(lint_text: LintText) -> None:
    clean = (FIXTURES / "reports" / "clean-pingluo-jiaoyuju.md").read_text(encoding="utf-8")
    text = clean.replace("全年共受理政府信息公开申请13件（含上年结转1件），其中本年新收12件",
                         "2023年，本机关共受理政府信息公开申请9件")
    assert text != clean
    assert len(lint_text(text, select=("GL207",))) == 1


def test_a_wider_count_whose_part_is_the_cell_stays_quiet(lint_text: LintText) -> None:
    """Table 三 says 70 new (none carried over); the sentence gives the county's 85 and, as a
    part, this organ's 70: which count repeats the cell is not for govlint to guess."""
    clean = (FIXTURES / "seeds-corrected" / "000.txt").read_text(encoding="utf-8")
    old = "全县共受理答复自然人、法人或其他组织政府信息公开申请 70 件"
    text = clean.replace(old, "全县各部门共收到政府信息公开申请 85 件，其中县政府本级 70 件")
    assert text != clean
    assert lint_text(text, path="r.txt", select=("GL207",)) == []
    wrong = clean.replace(old, "全县共受理政府信息公开申请 85 件")
    assert len(lint_text(wrong, path="r.txt", select=("GL207",))) == 1
