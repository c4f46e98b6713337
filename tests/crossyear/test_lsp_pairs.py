"""``govlint lsp`` compares the open buffer with last year's report on disk (pytest-lsp, over stdio)."""

from __future__ import annotations

import os
from pathlib import Path

from pytest_lsp import LanguageClient
from test_lsp import change_doc, client, module_loop, open_doc

from crossyear.years import SECOND, report, write

__all__ = ["client"]  # the language client fixture, shared with tests/test_lsp.py

LAST_YEAR = report(2022, rules=(4, 1, 27), carried_out=2)


@module_loop
async def test_the_buffer_against_last_years_report_on_disk(client: LanguageClient, tmp_path: Path) -> None:
    """The buffer is not saved: its own text is paired and checked; last year's is read from
    disk, and read again once it changed there."""
    write(tmp_path, {"govlint.yaml": "select: [GL6]\n", "reports/2022/平罗县.md": LAST_YEAR})
    uri = (tmp_path / "reports" / "2023" / "平罗县.md").as_uri()
    diags = await open_doc(client, uri, report(2023, SECOND, carried_in=1))
    assert [d.code for d in diags] == ["GL601"]
    assert (diags[0].range.start.line, diags[0].range.start.character) == (47, 2)
    assert f"上年报告（{tmp_path / 'reports/2022/平罗县.md'}）" in diags[0].message

    assert await change_doc(client, uri, 2, report(2023, SECOND, carried_in=2)) == []  # corrected in the buffer

    last_year = tmp_path / "reports/2022/平罗县.md"
    last_year.write_text(LAST_YEAR.replace("| 规章 | 0 | 0 | 0 |", "| 规章 | 0 | 0 | 5 |"), encoding="utf-8")
    os.utime(last_year, ns=(1, 1))  # another time than the first write's, whatever the clock's resolution
    diags = await change_doc(client, uri, 3, report(2023, SECOND, carried_in=2))
    assert [(d.code, d.message.split("，")[0]) for d in diags] == [
        ("GL602", f"本报告（{tmp_path / 'reports/2023/平罗县.md'}）表二“规章”行现行有效件数为 0")]


@module_loop
async def test_a_buffer_without_last_years_report_has_no_cross_year_findings(client: LanguageClient,
                                                                            tmp_path: Path) -> None:
    write(tmp_path, {"govlint.yaml": "select: [GL6]\n", "reports/2022/惠农区.md": report(2022, organ="惠农区")})
    uri = (tmp_path / "reports" / "2023" / "平罗县.md").as_uri()
    assert await open_doc(client, uri, report(2023, SECOND, carried_in=7)) == []
