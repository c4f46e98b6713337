"""govlint.packs.error: a pack error printed in both languages as before, and in either alone."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from govlint import packs
from govlint.model import Msg
from govlint.packs.error import Mark, render
from tests.packs.common import NATIONAL, write


def test_both_languages_are_joined_as_they_were_written() -> None:
    assert render([Msg("不能为空", "must not be empty")], None) == "不能为空 / must not be empty"
    assert render([Msg("条目过多（上限 8）", "too many items (at most 8)")], None) == (
        "条目过多（上限 8）/ too many items (at most 8)")
    pieces = ["x: ", Msg("错", "wrong"), Mark("（", " ("), Msg("另有 2 处问题", "and 2 more"), Mark("）", ")")]
    assert render(pieces, None) == "x: 错 / wrong（另有 2 处问题 / and 2 more）"
    assert render(pieces, "zh") == "x: 错（另有 2 处问题）"
    assert render(pieces, "en") == "x: wrong (and 2 more)"


def test_error_keeps_its_text_and_offers_each_language(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nextends: national\nsectionz: 1\ntablez: 2\n")
    with pytest.raises(packs.PackError) as info:
        packs.resolve("county", packs.catalog([packs.PackSource(path, "test"), NATIONAL]))
    error = info.value
    assert error.location == f"{path}:3:1"
    assert str(error) == f"{error.location}: {error.message}"
    assert error.message.startswith("sectionz: 未知键 'sectionz'（可用：id, ")
    assert error.message.endswith(", crossyear）/ unknown key 'sectionz' (allowed: id, version, title, description, "
                                  "extends, severity, disable, sections, tables, identities, contacts, references, "
                                  "typography, prose, crossyear)（另有 1 处问题 / and 1 more）")
    assert error.msg.zh.startswith("sectionz: 未知键 'sectionz'（可用：")
    assert error.msg.zh.endswith("crossyear）（另有 1 处问题）")
    assert error.msg.en.startswith("sectionz: unknown key 'sectionz' (allowed: ")
    assert error.msg.en.endswith("crossyear) (and 1 more)")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_unknown_pack_quotes_the_unreadable_ones_in_each_language(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.yaml", "id: broken\nsections: [\n")
    with pytest.raises(packs.PackError) as info:
        packs.resolve("nowhere", packs.catalog([packs.PackSource(broken, "test"), NATIONAL]))
    error = info.value
    assert str(error) == (
        "找不到规则包 'nowhere'（可用：national）/ unknown pack 'nowhere' (available: national)"
        f"；无法读取的规则包 / packs that could not be read:\n  {broken}:3:1: YAML 语法错误 / YAML syntax error: "
        "expected the node content, but found '<stream end>'")
    assert error.msg == Msg(
        f"找不到规则包 'nowhere'（可用：national）；无法读取的规则包:\n  {broken}:3:1: YAML 语法错误: "
        "expected the node content, but found '<stream end>'",
        f"unknown pack 'nowhere' (available: national); packs that could not be read:\n  {broken}:3:1: "
        "YAML syntax error: expected the node content, but found '<stream end>'")
