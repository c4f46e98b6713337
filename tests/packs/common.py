"""What the pack tests share: the national pack as a source, and packs written to a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import packs
from govlint.model import Pack
from govlint.packs.national import rules_dir

NATIONAL = packs.PackSource(rules_dir() / "national", "govlint")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def resolve(folder: Path, pack_id: str) -> Pack:
    sources = [packs.PackSource(p, "test") for p in sorted(folder.glob("*.yaml"))]
    return packs.resolve(pack_id, packs.catalog([*sources, NATIONAL]))


def error_of(folder: Path, pack_id: str) -> str:
    with pytest.raises(packs.PackError) as info:
        resolve(folder, pack_id)
    return str(info.value)


# A county's pack: it adds, changes, drops and tightens entries of the national pack.
COUNTY = """\
id: county
version: "1"
title: 测试县
extends: national
severity: {GL405: error}
disable: [GL5]
sections:
  - id: 六
    statements:
      - id: fee
        severity: error
      - id: hotline
        code: GL110
        pattern: '12345'
        message: {zh: 须报告12345热线, en: must report the 12345 hotline}
identities:
  - id: litigation-after-review-total
    drop: true
contacts:
  fields:
    - id: postcode
      level: required
"""
