"""The examples in references.yaml / typography.yaml: each one that should fire does, each one
that should pass stays quiet (``govlint pack test`` runs all of a pack's examples)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import LintText

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

