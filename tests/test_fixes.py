"""``govlint/fixes.py``: choosing, applying and writing fixes, with a test-only plugin."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixplugin import fix_engine
from hypothesis import given
from hypothesis import strategies as st

from govlint.fixes import (
    MAX_PASSES,
    apply_fixes,
    changes_numbers,
    fix_source,
    is_applicable,
    unified_diff,
    write_fixed,
)
from govlint.model import Diagnostic, Edit, FileResult, Fix, Msg, Source, Span
from govlint.source import read_source

REPORT = (
    "某某县人民政府2023年政府信息公开工作年度报告\n"
    "一、总体情况\n"
    "2023年，某某县人民政府认真贯彻落实《中华人民共和国政府信息公开条例》。。全年主动公开政府信息1234条。\n"
    "二、主动公开政府信息情况\n"
    "本年共制发规范性文件5+1件。。。【草稿】\n"
)


def fix(start: int, end: int, new: str, safe: bool = True) -> Fix:
    return Fix(Msg("改", "change"), (Edit(Span(start, end), new),), safe)


# --------------------------------------------------------------------------- applying


def test_non_overlapping_fixes_all_apply() -> None:
    assert apply_fixes("abcdef", [fix(4, 5, "E"), fix(0, 1, "A")]) == ("AbcdEf", 2)


def test_overlapping_fix_waits_for_the_next_pass() -> None:
    assert apply_fixes("abcdef", [fix(0, 3, "X"), fix(2, 4, "Y")]) == ("Xdef", 1)
    assert apply_fixes("abcdef", [fix(0, 3, "X"), fix(3, 4, "Y")]) == ("Xdef", 1)  # touching


def test_identical_fixes_apply_once() -> None:
    assert apply_fixes("a。。b", [fix(1, 3, "。"), fix(1, 3, "。")]) == ("a。b", 1)


def test_malformed_fixes_are_skipped() -> None:
    beyond = fix(2, 99, "x")
    self_overlapping = Fix(Msg("", ""), (Edit(Span(0, 2), "x"), Edit(Span(1, 3), "y")), True)
    assert apply_fixes("abc", [beyond, self_overlapping]) == ("abc", 0)


def test_a_fix_with_several_edits_applies_whole() -> None:
    both = Fix(Msg("", ""), (Edit(Span(4, 5), "E"), Edit(Span(0, 1), "A")), True)
    assert apply_fixes("abcdef", [both, fix(3, 4, "D")]) == ("AbcdEf", 1)


@given(st.data())
def test_separated_fixes_all_apply_as_if_one_by_one(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="甲乙。5a\n", max_size=40))
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = list(zip(cuts[::2], cuts[1::2], strict=False))
    news = data.draw(st.lists(st.text(alphabet="xy。", max_size=3), min_size=len(spans), max_size=len(spans)))
    expected = text
    for (start, end), new in reversed(list(zip(spans, news, strict=True))):
        expected = expected[:start] + new + expected[end:]
    fixes = [fix(start, end, new) for (start, end), new in zip(spans, news, strict=True)]
    assert apply_fixes(text, reversed(fixes)) == (expected, len(fixes))


SPANS = st.lists(st.tuples(st.integers(-2, 25), st.integers(-2, 25)), max_size=6)


@given(st.text(alphabet="甲。5", max_size=20), SPANS)
def test_any_fixes_never_raise(text: str, spans: list[tuple[int, int]]) -> None:
    fixes = [fix(a, b, "x") for a, b in spans]
    assert all(isinstance(changes_numbers(text, f), bool) for f in fixes)
    new_text, count = apply_fixes(text, fixes)
    assert 0 <= count <= len(spans)
    assert count or new_text == text


@pytest.mark.parametrize(
    ("text", "start", "end", "new", "expected"),
    [
        ("共5+1件", 1, 4, "6", True),  # a different number
        ("共１２件", 1, 3, "12", False),  # full width to half width: same number
        ("比例1.5%", 3, 4, "", True),  # 1.5 -> 15
        ("共5件。。", 4, 6, "。", False),  # punctuation next to a number
        ("共1,234件", 2, 3, "", False),  # thousands separator dropped: same value
        ("共12件", 2, 2, "3", True),  # a digit inserted into a number
    ],
)
def test_changes_numbers(text: str, start: int, end: int, new: str, expected: bool) -> None:
    assert changes_numbers(text, fix(start, end, new)) is expected


def test_safe_fix_that_changes_a_number_needs_unsafe_fixes() -> None:
    f = fix(1, 4, "6", safe=True)
    assert not is_applicable(f, "共5+1件", unsafe=False)
    assert is_applicable(f, "共5+1件", unsafe=True)
    assert not is_applicable(fix(0, 1, "x", safe=False), "abc", unsafe=False)


# --------------------------------------------------------------------------- the fix loop


def _lint_pairs(source: Source) -> FileResult:
    """A fake linter: every "。。" is a diagnostic whose fix makes it "。"."""
    text = source.text
    diags = [
        Diagnostic("GL597", "warning", Msg("", ""), Span(i, i + 2), "x", fix(i, i + 2, "。"))
        for i in range(len(text) - 1)
        if text[i : i + 2] == "。。"
    ]
    return FileResult(source.path, source, tuple(diags))


def test_overlapping_fixes_converge_over_passes() -> None:
    outcome = fix_source(Source.from_text("a.txt", "好。。。。。\n"), _lint_pairs)
    assert outcome.final.text == "好。\n"
    assert outcome.result.diagnostics == () and outcome.result.source == outcome.final
    assert outcome.fixed == 4 and outcome.changed


def test_fix_loop_stops_on_a_cycle_and_after_max_passes() -> None:
    calls = []

    def flip(source: Source) -> FileResult:
        calls.append(source.text)
        new = "B" if source.text == "A" else "A"
        d = Diagnostic("X1", "info", Msg("", ""), Span(0, 1), "x", fix(0, 1, new))
        return FileResult(source.path, source, (d,))

    outcome = fix_source(Source.from_text("a.txt", "A"), flip)
    assert outcome.final.text == "B" and outcome.result.source == outcome.final
    assert calls == ["A", "B"]

    def grow(source: Source) -> FileResult:
        d = Diagnostic("X1", "info", Msg("", ""), Span(0, 0), "x", fix(0, 0, "x"))
        return FileResult(source.path, source, (d,))

    assert fix_source(Source.from_text("a.txt", ""), grow).fixed == MAX_PASSES


# --------------------------------------------------------------------------- end to end with the test plugin


def _write(path: Path, text: str, encoding: str, newline: str, bom: bytes = b"") -> bytes:
    data = bom + text.replace("\n", newline).encode(encoding)
    path.write_bytes(data)
    return data


def test_gbk_crlf_file_keeps_encoding_and_line_ends_and_second_run_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    _write(path, REPORT, "gbk", "\r\n")
    engine = fix_engine()
    source = read_source(str(path))
    assert (source.encoding, source.newline) == ("gb18030", "\r\n")

    outcome = fix_source(source, engine.lint_source)
    assert write_fixed(outcome) is None
    expected = REPORT.replace("》。。", "》。").replace("。。。", "。")
    assert path.read_bytes() == expected.replace("\n", "\r\n").encode("gbk")
    assert outcome.fixed == 3  # one doubled stop, then the tripled one over two passes
    assert [d.code for d in outcome.result.diagnostics] == ["GL599", "GL598"]  # unsafe and number fixes stay

    again = fix_source(read_source(str(path)), engine.lint_source)
    assert not again.changed and again.fixed == 0


def test_unsafe_fixes_apply_only_when_asked(tmp_path: Path) -> None:
    source = Source.from_text("r.md", "本年共制发规范性文件5+1件【草稿】\n")
    engine = fix_engine()
    assert not fix_source(source, engine.lint_source).changed
    outcome = fix_source(source, engine.lint_source, unsafe=True)
    assert outcome.final.text == "本年共制发规范性文件6件\n" and outcome.fixed == 2


def test_utf8_bom_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    _write(path, "好。。\n", "utf-8", "\n", bom=b"\xef\xbb\xbf")
    outcome = fix_source(read_source(str(path)), fix_engine().lint_source)
    assert write_fixed(outcome) is None
    assert path.read_bytes() == b"\xef\xbb\xbf" + "好。\n".encode()


def test_unified_diff() -> None:
    outcome = fix_source(Source.from_text("dir/r.md", "一\n好。。"), fix_engine().lint_source)
    assert unified_diff(outcome) == (
        "--- a/dir/r.md\n+++ b/dir/r.md\n@@ -1,2 +1,2 @@\n 一\n-好。。\n\\ No newline at end of file\n"
        "+好。\n\\ No newline at end of file\n"
    )
    unchanged = fix_source(Source.from_text("r.md", "好\n"), fix_engine().lint_source)
    assert unified_diff(unchanged) == ""


# --------------------------------------------------------------------------- writing


def test_write_fixed_leaves_a_read_only_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.md"
    path.write_text("好。。\n", encoding="utf-8")
    outcome = fix_source(read_source(str(path)), fix_engine().lint_source)
    monkeypatch.setattr("os.access", lambda p, mode: False)  # the tests may run as root
    error = write_fixed(outcome)
    assert error is not None and "Permission denied" in error
    assert path.read_text(encoding="utf-8") == "好。。\n"


def test_write_fixed_refuses_a_file_changed_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("好。。\n", encoding="utf-8")
    outcome = fix_source(read_source(str(path)), fix_engine().lint_source)
    path.write_text("别人改过了。。\n", encoding="utf-8")
    error = write_fixed(outcome)
    assert error is not None and "changed" in error
    assert path.read_text(encoding="utf-8") == "别人改过了。。\n"


def test_write_fixed_reports_text_the_encoding_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"abc..\n")
    original = read_source(str(path))
    ascii_source = original._replace(encoding="ascii")
    outcome = fix_source(ascii_source, lambda s: FileResult(s.path, s, (
        Diagnostic("X1", "info", Msg("", ""), Span(3, 5), "x", fix(3, 5, "。")),) if ".." in s.text else ()))
    error = write_fixed(outcome)
    assert error is not None and "ascii" in error
    assert path.read_bytes() == b"abc..\n"
