"""Every encoding and line-ending a report arrives in gives identical diagnostics."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import seed_paths

from govlint.engine import Engine
from govlint.model import Diagnostic
from govlint.source import DecodeError, decode, read_source


def _key(diags: tuple[Diagnostic, ...], engine_source_position: object) -> list[tuple[object, ...]]:
    return [(d.code, d.severity, d.message, d.span) for d in diags]


VARIANTS = {
    "gbk": lambda t: t.encode("gbk"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-16-le-nobom": lambda t: t.encode("utf-16-le"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "gbk-crlf": lambda t: t.replace("\n", "\r\n").encode("gbk"),
}


@pytest.mark.seeds
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_diagnostics_in_every_encoding(engine: Engine, tmp_path: Path, seed: Path, variant: str) -> None:
    text = seed.read_text(encoding="utf-8")
    if variant.startswith("gbk"):
        text = text.replace("\u00b7", "·")  # every seed character is in GBK
    target = tmp_path / seed.name
    target.write_bytes(VARIANTS[variant](text))
    original = engine.lint_path(str(seed))
    converted = engine.lint_path(str(target))
    assert converted.error is None
    assert [(d.code, d.severity, d.message, d.span) for d in converted.diagnostics] == [
        (d.code, d.severity, d.message, d.span) for d in original.diagnostics
    ]
    assert converted.source is not None and converted.source.text == original.source.text  # type: ignore[union-attr]


def test_positions_count_characters_not_bytes() -> None:
    source = decode("一、总体情况\r\n第二行\r\n".encode("gbk"), "x.txt")
    assert source.encoding == "gb18030"
    assert source.newline == "\r\n"
    assert source.position(source.text.index("二")) == (2, 2)


def test_binary_file_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(DecodeError, match=r"junk\.txt"):
        read_source(str(junk))


def test_empty_file_reads(engine: Engine, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    result = engine.lint_path(str(empty))
    assert result.error is None
    assert [d.code for d in result.diagnostics] == ["GL100"]  # one finding, not six missing sections


def test_very_short_gbk_is_not_taken_for_big5() -> None:
    assert decode("报告".encode("gbk"), "x.txt").text == "报告"
