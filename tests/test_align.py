"""The aligner's label comparisons, kept across processes, never change what a report reads to."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_paths

from govlint import align
from govlint.engine import Engine
from govlint.stored import Stored


def _alignment(engine: Engine, path: Path) -> list[tuple[str, int, int]]:
    """What the aligner and the checks make of ``path`` when no comparison is known in-process."""
    align._row_candidates.cache_clear()
    align._section_score.cache_clear()
    result = engine.lint_path(str(path))
    return [(d.code, d.span.start, d.span.end) for d in result.diagnostics]


def test_stored_comparisons_read_back_or_spoilt_give_the_same_findings(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE", raising=False)
    file = str(tmp_path / "labels.marshal")
    monkeypatch.setattr(align, "_COMPARED", Stored(lambda: file, limit=100_000))
    seeds = seed_paths()
    fresh = [_alignment(engine, p) for p in seeds]
    assert align._COMPARED.data()  # the comparisons were kept
    align._COMPARED.save()

    monkeypatch.setattr(align, "_COMPARED", Stored(lambda: file, limit=100_000))  # a later process
    assert [_alignment(engine, p) for p in seeds] == fresh

    spoilt = align._COMPARED.data()
    for key in spoilt:
        spoilt[key] = ((10_000, "x"),) if key[0] == "rows" else "x"
    assert [_alignment(engine, p) for p in seeds] == fresh
