"""The resolved national pack, snapshotted so that an accidental change shows in review.

After an intended change to ``rules/national/*.yaml``, update the snapshot with

    GOVLINT_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q tests/packs/test_packs_snapshot.py

(or ``govlint pack show national --format json > tests/snapshots/national.json``) and
commit it with the change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from govlint import packs
from govlint.commands.pack import pack_document
from govlint.packs.national import rules_dir

SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "national.json"
UPDATE_ENV = "GOVLINT_UPDATE_SNAPSHOTS"


def test_resolved_national_pack_matches_snapshot() -> None:
    pack = packs.resolve("national", packs.catalog([packs.PackSource(rules_dir() / "national", "govlint")]))
    current = json.dumps(pack_document(pack), ensure_ascii=False, indent=2) + "\n"
    if os.environ.get(UPDATE_ENV) or not SNAPSHOT.exists():
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(current, encoding="utf-8")
    expected = SNAPSHOT.read_text(encoding="utf-8")
    assert current == expected, (
        f"the resolved national pack changed; if intended, run {UPDATE_ENV}=1 pytest {Path(__file__).name}"
    )
