"""``govlint text``: the text govlint read, numbered as findings are, with places in the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint.commands import main
from govlint.commands.text import numbered
from govlint.model import Msg
from govlint.readers.rendered import Renderer


def test_a_text_file_is_printed_numbered_or_plain(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    report = tmp_path / "r.md"
    report.write_text("# 标题\n\n正文。\n", encoding="utf-8")
    assert main(["text", str(report)]) == 0
    assert capsys.readouterr().out == "1 │ # 标题\n2 │ \n3 │ 正文。\n"
    assert main(["text", "--plain", str(report)]) == 0
    assert capsys.readouterr().out == "# 标题\n\n正文。\n"


def test_a_rendered_text_says_where_each_stretch_stands() -> None:
    r = Renderer("r.pdf", "pdf")
    r.paragraph("标题", Msg("第 1 页第 1 行", "page 1, line 1"), page=1, line=1)
    r.paragraph("正文", Msg("第 2 页第 4 行", "page 2, line 4"), page=2, line=4)
    assert numbered(r.document().source, "en") == "1 │ 标题    ← page 1, line 1\n2 │ 正文    ← page 2, line 4\n"


def test_an_unreadable_file_exits_2_and_the_others_are_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = tmp_path / "r.txt"
    good.write_text("正文。\n", encoding="utf-8")
    assert main(["text", str(tmp_path / "missing.txt"), str(good)]) == 2
    out, err = capsys.readouterr()
    assert "正文。" in out and "missing.txt" in err
