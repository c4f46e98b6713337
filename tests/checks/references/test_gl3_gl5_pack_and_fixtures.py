"""The examples in references.yaml / typography.yaml and the fixture reports of GL3xx/GL5xx:
each one that should fire does, each one that should pass stays quiet."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, LintText

from govlint.engine import Engine, Settings


def _examples() -> Iterator[tuple[str, str, str, bool]]:
    """(label, code, text, fires) for every example in the two families' YAML."""
    data: dict[str, Any] = Engine(Settings()).pack.data
    items: list[dict[str, Any]] = list(data["references"]["patterns"])
    items.append({"id": "late_signature", **data["references"]["late_signature"]})
    items.extend({"id": key, **value} for key, value in data["typography"].items())
    for item in items:
        examples = item.get("examples") or {}
        for kind in ("fires", "passes"):
            for i, text in enumerate(examples.get(kind) or []):
                yield f"{item['id']}-{kind}-{i}", str(item["code"]), str(text), kind == "fires"


EXAMPLES = list(_examples())


@pytest.mark.parametrize(("code", "text", "fires"), [e[1:] for e in EXAMPLES], ids=[e[0] for e in EXAMPLES])
def test_pack_example(lint_text: LintText, code: str, text: str, fires: bool) -> None:
    found = lint_text(text, path="example.txt", select=(code,))
    assert bool(found) is fires, found


def test_every_entry_has_examples_both_ways() -> None:
    kinds = {label.rsplit("-", 1)[0] for label, *_ in EXAMPLES}  # "<id>-fires", "<id>-passes"
    ids = {k.rsplit("-", 1)[0] for k in kinds}
    assert len(ids) == 13 and kinds == {f"{i}-{kind}" for i in ids for kind in ("fires", "passes")}


FIXTURE_FILES = sorted(p for d in ("GL3*", "GL5*") for p in FIXTURES.glob(f"{d}/*.md"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=[f"{p.parent.name}/{p.name}" for p in FIXTURE_FILES])
def test_fixture_report(lint_text: LintText, path: Path) -> None:
    code = path.parent.name
    found = lint_text(path.read_text(encoding="utf-8"), path=path.name, select=(code,))
    assert bool(found) is path.stem.startswith("fires"), found


def test_every_rule_has_fixtures_both_ways(engine: Engine) -> None:
    codes = [c.code for c in engine.all_checks if c.code[:3] in ("GL3", "GL5")]
    assert len(codes) == 9
    for code in codes:
        assert (FIXTURES / code / "fires.md").exists() and (FIXTURES / code / "passes.md").exists()
