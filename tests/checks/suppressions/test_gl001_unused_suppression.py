"""GL001 unused-suppression: a suppression comment that suppresses nothing (its record; the
finding is made by govlint/suppress.py, whose own tests are tests/test_suppress.py)."""

from __future__ import annotations

import pytest
from conftest import CLEAN, FindFn, clean_with

DOUBLED = "有待加强。。下一步"  # line 67 of the clean report, with a doubled 。 (GL501)


@pytest.mark.parametrize(
    ("comment", "says"),
    [
        ("<!-- govlint-disable-next-line GL301 -->", "govlint-disable-next-line 未抑制任何问题（GL301），可以删除"),
        ("<!-- govlint-disable-next-line GL501 GL301 -->", "未抑制任何问题（GL301）"),  # GL501 was used
        ("<!-- govlint-disable-next-line -->", "未抑制任何问题（全部）"),  # nothing on the next line
    ],
)
def test_a_comment_that_suppresses_nothing(found: FindFn, comment: str, says: str) -> None:
    text = clean_with("## 五、存在的主要问题及改进情况\n\n", f"## 五、存在的主要问题及改进情况\n\n{comment}\n")
    if "GL501" in comment:
        text = clean_with("有待加强。下一步", DOUBLED, text)
    got = found(text, "GL001", "GL501")
    assert [(f.code, f.line, f.severity) for f in got] == [("GL001", 67, "info")]
    assert says in got[0].message


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        clean_with(
            "## 五、存在的主要问题及改进情况\n\n一是",
            "## 五、存在的主要问题及改进情况\n\n<!-- govlint-disable-next-line GL501 -->\n一是",
            clean_with("有待加强。下一步", DOUBLED),
        ),
    ],
    ids=["no-comment", "comment-that-suppresses"],
)
def test_a_comment_that_suppresses_something_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL001", "GL501") == []


def test_a_mistyped_code_is_named_with_the_closest(found: FindFn) -> None:
    """GL5O1 (letter O) names no rule: it suppresses nothing, and says which code is closest."""
    comment = "<!-- govlint-disable-next-line GL5O1 -->"
    text = clean_with("## 五、存在的主要问题及改进情况\n\n", f"## 五、存在的主要问题及改进情况\n\n{comment}\n")
    got = found(clean_with("有待加强。下一步", DOUBLED, text), "GL001", "GL501")
    assert [(f.code, f.line) for f in got] == [("GL001", 67), ("GL501", 68)]
    assert got[0].message == "抑制注释 govlint-disable-next-line：未知的规则代码 'GL5O1'（是否为 GL501？）"
