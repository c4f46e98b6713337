"""The cross-process regex memo: the same matches as :func:`re.compile`, whatever the memo holds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import seed_paths

from govlint._infra import regex
from govlint._infra.memo import DiskMemo

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
    monkeypatch.setattr(regex, "_needed", {})
    monkeypatch.setattr(regex, "_programs", DiskMemo("regex", regex._build, regex.LIMIT))
    monkeypatch.setattr(regex, "_usable", True)
    return tmp_path


def _later_process() -> None:
    """What a later process starts from: nothing compiled yet, the memo read from disk."""
    regex._ready.clear()
    regex._needed.clear()
    regex._programs = DiskMemo("regex", regex._build, regex.LIMIT)


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in TEXTS:
        assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
        assert [m.groups() for m in a.finditer(text)] == [m.groups() for m in b.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_fresh_and_remembered_patterns_match_like_re(fresh: Path, pattern: str, flags: int) -> None:
    _same(regex.compile(pattern, flags), re.compile(pattern, flags))
    regex._programs.save()
    memo_files = list((fresh / "govlint").glob("regex-*.marshal"))
    assert len(memo_files) == 1
    _later_process()
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
    assert not list(fresh.glob("govlint/regex-*"))


# --------------------------------------------------------------------------- what a match needs


@pytest.mark.parametrize(
    ("pattern", "flags", "needed"),
    [
        (r"(?<!\d)(?P<year>\d{4})\s*年度?[^。]{0,20}?(?:政务公开|政府信息公开)(?:工作)?要点", 0, ("要点",)),
        (r"(?<![\d.])(?P<amount>\d+[.．](?P<decimals>\d+))\s*万元", 0, ("万元",)),
        (r"(?:ab|c)?z", 0, ("z",)),  # an optional part is not needed
        (r"x{0,3}y+", 0, ("y",)),
        (r"(?:收到|受理)\d+件", 0, ("件",)),  # one string beats two
        (r"(?:收到|受理)\d+", 0, ("受理", "收到")),  # every branch needs one of its own
        (r"[@＠]", 0, ("@", "＠")),
        (r"(?i)e-?mail", 0, ()),  # case-insensitive: no literal is certain
        (r"(?i:ab)c", 0, ("c",)),
        (r"([。，；：、？！,;])\1+", 0, ()),  # nine marks: searching them is no cheaper
        (r"\d+|x", 0, ()),  # a branch that needs nothing
    ],
)
def test_what_every_match_needs(fresh: Path, pattern: str, flags: int, needed: tuple[str, ...]) -> None:
    assert regex.needed(regex.compile(pattern, flags)) == needed
    regex._programs.save()
    _later_process()
    assert regex.needed(regex.compile(pattern, flags)) == needed  # kept in the memo too


def _all_patterns() -> list[re.Pattern[str]]:
    """Every pattern govlint and the national pack compile while checking the seeds."""
    from govlint.engine import Engine

    engine = Engine()
    for seed in seed_paths():
        engine.lint_path(str(seed))
    return [p for p in list(regex._ready.values()) if regex.needed(p)]


def test_no_match_lacks_what_its_pattern_needs() -> None:
    """Soundness over the seeds' lines and over texts made of each pattern's own characters."""
    import random

    patterns = _all_patterns()
    assert len(patterns) > 20
    lines = [ln for seed in seed_paths() for ln in seed.read_text(encoding="utf-8").splitlines()]
    rng = random.Random(7)
    for pattern in patterns:
        alphabet = sorted(set(pattern.pattern) | set("0123456789 ：:，。年月日件万元"))
        made = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
        for text in lines + made:
            for m in pattern.finditer(text):
                assert any(s in m.group() for s in regex.needed(pattern)), (pattern.pattern, text)
