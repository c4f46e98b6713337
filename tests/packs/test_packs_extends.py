"""govlint.packs.extends: merging by id, drops, unknown bases, cycles and deep chains."""

from __future__ import annotations

from pathlib import Path

from govlint.engine import Engine, Settings
from govlint.packs.extends import MAX_EXTENDS_DEPTH
from tests.packs.common import COUNTY, FIXTURES, error_of, resolve, write


def test_unknown_base(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nextends: [national, nowhere]\n")
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:2:10: 找不到规则包 'nowhere'")


def test_dropping_an_unknown_entry_is_an_error(tmp_path: Path) -> None:
    text = "id: county\nextends: national\nidentities:\n  - id: row-totl\n    drop: true\n"
    path = write(tmp_path, "county.yaml", text)
    assert error_of(tmp_path, "county").startswith(
        f"{path}:4:9: identities[row-totl].id: drop: 基础规则包中没有 id 'row-totl'")


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: b\n")
    write(tmp_path, "b.yaml", "id: b\nextends: [national, a]\n")
    assert "extends cycle: a -> b -> a" in error_of(tmp_path, "a")


def test_deep_extends_chain_is_refused(tmp_path: Path) -> None:
    for i in range(20):
        write(tmp_path, f"p{i}.yaml", f"id: p{i}\nextends: p{i + 1}\n")
    write(tmp_path, "p20.yaml", "id: p20\nextends: national\n")
    assert f"extends chain deeper than {MAX_EXTENDS_DEPTH}" in error_of(tmp_path, "p0")


def test_diamond_extends_is_built_once(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: [b, c]\n")
    write(tmp_path, "b.yaml", "id: b\nextends: national\n")
    write(tmp_path, "c.yaml", "id: c\nextends: national\n")
    assert resolve(tmp_path, "a").chain == ("national", "b", "c", "a")


def test_extending_pack_adds_changes_drops_and_tightens(tmp_path: Path) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    pack = resolve(tmp_path, "county")
    assert (pack.id, pack.version, pack.chain) == ("county", "1", ("national", "county"))
    six = next(s for s in pack.data["sections"] if s["id"] == "六")
    assert [(s["id"], s.get("severity"), s.get("code")) for s in six["statements"]] == [
        ("fee", "error", "GL109"), ("hotline", None, "GL110")]
    assert "litigation-after-review-total" not in [i["id"] for i in pack.data["identities"]]
    assert len(pack.data["identities"]) == 5
    postcode = next(f for f in pack.data["contacts"]["fields"] if f["id"] == "postcode")
    assert (postcode["level"], postcode["kind"]) == ("required", "postcode")


def test_pack_severity_and_disable_are_applied(tmp_path: Path) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    text = (FIXTURES / "GL109" / "fires.md").read_text("utf-8").replace("邮编：", "邮编：99").replace("。。", "。")
    engine = Engine(Settings(pack="county", packs=(str(tmp_path / "county.yaml"),)))
    found = [(d.code, d.severity) for d in engine.lint_text("r.md", text).diagnostics]
    assert ("GL109", "error") in found and ("GL110", "warning") in found
    assert not [c for c, _ in found if c.startswith("GL5")]
    # the configuration overrides the pack
    engine = Engine(Settings(pack="county", packs=(str(tmp_path / "county.yaml"),), severity=(("GL109", "info"),)))
    assert ("GL109", "info") in [(d.code, d.severity) for d in engine.lint_text("r.md", text).diagnostics]
