"""The cross-process regex memo: the same matches as :func:`re.compile`, whatever the memo holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlint import regex
from govlint.stored import Stored

PATTERNS = [
    (r"[，。；;,、（）()]+(?P<n>\d+)\s*件", 0),
    (r"^第([一二三四五六七八九十]+)部分", re.MULTILINE),
    (r"(?i)e-?mail[:：]\s*(\S+)", 0),
    (r"(?<![0-9])0\d{2,3}[-－—]\d{7,8}", 0),
]
TEXTS = ["受理申请，（）12 件", "前言\n第三部分 收到", "E-mail：a@b.cn", "电话0954—7731010", ""]


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A process that has compiled nothing yet, with its own memo folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE", raising=False)
    monkeypatch.setattr(regex, "_ready", {})
    monkeypatch.setattr(regex, "_programs", Stored(regex._path, regex.LIMIT))
    monkeypatch.setattr(regex, "_usable", True)
    return tmp_path


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_fresh_and_remembered_patterns_match_like_re(fresh: Path, pattern: str, flags: int) -> None:
    _same(regex.compile(pattern, flags), re.compile(pattern, flags))
    regex._programs.save()
    memo_files = list((fresh / "govlint").glob("regex-*/*.marshal"))
    assert len(memo_files) == 1
    # A later process: nothing compiled yet, the memo read from disk.
    regex._ready.clear()
    regex._programs = Stored(regex._path, regex.LIMIT)
    _same(regex.compile(pattern, flags), re.compile(pattern, flags))
    assert (pattern, int(flags)) in regex._programs.data()


def test_a_bad_pattern_raises_re_error_as_re_does(fresh: Path) -> None:
    with pytest.raises(re.error):
        regex.compile("[unclosed")
    assert regex._usable


def test_a_corrupt_memo_falls_back_to_re(fresh: Path) -> None:
    pattern = PATTERNS[0][0]
    regex.compile(pattern)
    regex._programs.data()[(pattern, 0)] = (0, [999999, 1, 2], 0, {}, ())  # a program the C engine rejects
    regex._ready.clear()
    _same(regex.compile(pattern), re.compile(pattern))
    assert not regex._usable  # from now on plain re.compile


def test_memo_off_writes_nothing(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVLINT_NO_STARTUP_CACHE", "1")
    _same(regex.compile(PATTERNS[1][0], PATTERNS[1][1]), re.compile(PATTERNS[1][0], PATTERNS[1][1]))
    regex._programs.save()
    assert not list(fresh.glob("govlint/regex-*/*"))
