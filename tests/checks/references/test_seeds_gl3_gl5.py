"""Acceptance on the five seed reports for GL3xx and GL5xx (see shared/seeds/README.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEEDS

from govlint.model import SEVERITY_RANK, Diagnostic

# (seed prefix, line) -> (code prefix, lowest severity it must reach)
EXPECTED = {
    ("001", 16): ("GL301", "warning"),
    ("004", 9): ("GL301", "warning"),
    ("004", 11): ("GL302", "info"),
    ("001", 345): ("GL501", "info"),
    ("003", 102): ("GL504", "info"),
    ("004", 40): ("GL503", "info"),
}

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not beside the checkout")


def findings(lint_file: Callable[[Path], list[Diagnostic]], path: Path) -> list[tuple[int, Diagnostic]]:
    diags = [d for d in lint_file(path) if d.code.startswith(("GL3", "GL5"))]
    text = path.read_text(encoding="utf-8")
    return [(text.count("\n", 0, d.span.start) + 1, d) for d in diags]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed(lint_file: Callable[[Path], list[Diagnostic]], path: Path) -> None:
    seed = path.name[:3]
    found = findings(lint_file, path)
    for (s, line), (code, level) in EXPECTED.items():
        if s == seed:
            hits = [d for ln, d in found if ln == line and d.code == code]
            assert hits, f"{seed} line {line}: no {code}"
            assert max(SEVERITY_RANK[d.severity] for d in hits) >= SEVERITY_RANK[level]
    loud = [
        (ln, d.code, d.message.en)
        for ln, d in found
        if SEVERITY_RANK[d.severity] >= SEVERITY_RANK["warning"] and EXPECTED.get((seed, ln), ("",))[0] != d.code
    ]
    assert loud == []
