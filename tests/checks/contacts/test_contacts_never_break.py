"""GL401–GL406 on text built at random from contact words, numbers and punctuation: findings
within the text, never an internal error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.engine import Engine

PIECES = [
    "地址：", "电话：", "联系电话", "联系方式", "电子邮箱：", "邮箱", "邮编：", "网址：", "网站", "E-mail:",
    "0953-8637408", "0954—7731010", "（0953）", "0371-6666", "00", "+86", "@", "＠", "163.com", "http://",
    "http//", "www.", "．", "[", "]", "(", ")", "（", "）", "；", "。", "\n", "\n\n", " ", "\t", "|", "同心县",
    "朝阳区", "12345", "2023 年", "756500", "835800", "x", "中", "-", "%", "<", ">",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30), st.sampled_from(["r.txt", "r.md"]))
def test_never_an_internal_error(engine: Engine, parts: list[str], path: str) -> None:
    text = "同心县 2023 年政府信息公开工作年度报告\n\n" + "".join(parts)
    result = engine.lint_text(path, text)
    assert not [d for d in result.diagnostics if d.code == "GL900" and " GL4" in d.message.en]
    for d in result.diagnostics:
        if d.code.startswith("GL4"):
            assert 0 <= d.span.start <= d.span.end <= len(text)
