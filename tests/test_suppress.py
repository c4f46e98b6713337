"""Inline suppressions and GL001 unused-suppression."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.commands import main
from govlint.engine import Engine, Settings
from govlint.model import Diagnostic, Msg

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# GL109 (no 信息处理费 in section 六) fires on the line “无。”; GL501 on the doubled 。。
BASE = (FIXTURES / "GL109" / "fires.md").read_text("utf-8").replace("无。", "无。。")
LINE = BASE.splitlines().index("无。。") + 1


def lint(engine: Engine, text: str, path: str = "r.md") -> list[tuple[str, int]]:
    diags: tuple[Diagnostic, ...] = engine.lint_text(path, text).diagnostics
    return [(d.code, text.count("\n", 0, d.span.start) + 1) for d in diags if d.code != "GL103"]


def test_unsuppressed(engine: Engine) -> None:
    assert lint(engine, BASE) == [("GL109", LINE), ("GL501", LINE)]


def test_disable_next_line_with_codes(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL109 -->\n\n无。。")
    assert lint(engine, text) == [("GL501", LINE + 2)]


def test_disable_next_line_by_prefix_and_without_codes(engine: Engine) -> None:
    assert lint(engine, BASE.replace("无。。", "<!-- govlint-disable-next-line GL1 GL5 -->\n无。。")) == []
    assert lint(engine, BASE.replace("无。。", "<!-- govlint-disable-next-line -->\n无。。")) == []


def test_disable_enable_range(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable GL501 -->\n无。。\n<!-- govlint-enable GL501 -->\n好。。")
    # GL109 points at the first block of section 六, now the comment itself
    assert lint(engine, text) == [("GL109", LINE), ("GL501", LINE + 3)]


def test_disable_without_enable_runs_to_the_end(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable GL501 -->\n无。。\n\n好。。")
    assert lint(engine, text) == [("GL109", LINE)]


def test_disable_file(engine: Engine) -> None:
    assert lint(engine, "<!-- govlint-disable-file GL5 -->\n" + BASE) == [("GL109", LINE + 1)]
    assert lint(engine, BASE + "\n<!-- govlint-disable-file -->\n") == []


def test_unused_suppression_is_reported(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL109 GL301 -->\n无。。")
    result = engine.lint_text("r.md", text)
    unused = [d for d in result.diagnostics if d.code == "GL001"]
    assert len(unused) == 1
    d = unused[0]
    assert d.severity == "info"
    assert text[d.span.start : d.span.end] == "<!-- govlint-disable-next-line GL109 GL301 -->"
    assert "GL301" in d.message.en and "GL109" not in d.message.en
    assert [c for c, _ in lint(engine, text)] == ["GL001", "GL501"]


def test_unused_only_for_codes_that_were_checked() -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL301 -->\n无。。")
    engine = Engine(Settings(ignore=("GL3",)))
    assert "GL001" not in [c for c, _ in lint(engine, text)]
    engine = Engine(Settings(ignore=("GL001",)))
    assert "GL001" not in [c for c, _ in lint(engine, text)]


def test_unused_suppression_can_itself_be_suppressed(engine: Engine) -> None:
    text = "<!-- govlint-disable-file GL001 -->\n" + BASE.replace("无。。", "<!-- govlint-disable GL301 -->\n无。。")
    assert "GL001" not in [c for c, _ in lint(engine, text)]


def test_plain_text_needs_the_comment_on_its_own_line(engine: Engine) -> None:
    plain = BASE.replace("## ", "").replace("# ", "")
    own_line = plain.replace("无。。", "<!-- govlint-disable-next-line GL109 -->\n无。。")
    assert [c for c, _ in lint(engine, own_line, "r.txt")] == ["GL501"]
    inline = plain.replace("无。。", "无。。 <!-- govlint-disable-file -->")
    assert [c for c, _ in lint(engine, inline, "r.txt")] == ["GL109", "GL501"]


def test_gl001_is_listed_by_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    assert "GL001  GL0xx  info     unused-suppression" in capsys.readouterr().out


# --------------------------------------------------------------------------- unknown codes


def unused(engine: Engine, text: str) -> list[str]:
    return [d.message.en for d in engine.lint_text("r.md", text).diagnostics if d.code == "GL001"]


def test_an_unknown_code_is_reported_with_the_closest(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL1O9 GL501 -->\n无。。")
    result = engine.lint_text("r.md", text)
    found = [d for d in result.diagnostics if d.code == "GL001"]
    assert [d.message for d in found] == [Msg(
        "抑制注释 govlint-disable-next-line：未知的规则代码 'GL1O9'（是否为 GL109？）",
        "suppression comment govlint-disable-next-line: unknown rule code 'GL1O9' (did you mean GL109?)")]
    assert text[found[0].span.start : found[0].span.end] == "<!-- govlint-disable-next-line GL1O9 GL501 -->"
    assert "GL109" in [d.code for d in result.diagnostics]  # what it was meant for still shows


def test_unknown_and_unused_codes_of_one_comment(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable GL2O1 GL301 -->\n无。。")
    assert unused(engine, text) == [
        "suppression comment govlint-disable: unknown rule code 'GL2O1' (did you mean GL201?)",
        "the suppression comment govlint-disable suppresses nothing (GL301); remove it",
    ]


def test_an_unknown_code_whatever_is_selected() -> None:
    """A typo is one under any settings (an unused code is reported only when it was checked)."""
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL3O1 -->\n无。。")
    assert unused(Engine(Settings(select=("GL001", "GL1"))), text) == [
        "suppression comment govlint-disable-next-line: unknown rule code 'GL3O1' (did you mean GL301?)"]
    assert unused(Engine(Settings(ignore=("GL001",))), text) == []


def test_known_codes_are_not_reported_as_unknown(engine: Engine) -> None:
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL1 GL10 GL109 GL900 GL5 -->\n无。。")
    assert unused(engine, text) == ["the suppression comment govlint-disable-next-line suppresses nothing (GL900); "
                                    "remove it"]


def test_a_code_the_pack_declares_is_known(engine: Engine) -> None:
    national = engine.pack
    county = national._replace(id="county", data={**national.data, "extra": [{"id": "hotline", "code": "GL110"}]})
    text = BASE.replace("无。。", "<!-- govlint-disable-next-line GL110 -->\n无。。")
    assert unused(Engine(Settings(), engine.plugins, county), text) == [
        "the suppression comment govlint-disable-next-line suppresses nothing (GL110); remove it"]


def test_an_unknown_code_can_be_suppressed_like_any_gl001(engine: Engine) -> None:
    text = "<!-- govlint-disable-file GL001 -->\n" + BASE.replace("无。。", "<!-- govlint-disable GL2O1 -->\n无。。")
    assert unused(engine, text) == []


def test_all_is_every_code(engine: Engine) -> None:
    assert lint(engine, BASE.replace("无。。", "<!-- govlint-disable-next-line ALL -->\n无。。")) == []
    assert lint(engine, "<!-- govlint-disable-file all -->\n" + BASE) == []


def test_without_known_codes_a_typo_is_an_unused_code(engine: Engine) -> None:
    from govlint.source import source_from_text
    from govlint.suppress import apply_suppressions

    source = source_from_text("r.md", "<!-- govlint-disable-file GL2O1 -->\n好。\n")
    assert [d.message.en for d in apply_suppressions(source, [])] == [
        "the suppression comment govlint-disable-file suppresses nothing (GL2O1); remove it"]
