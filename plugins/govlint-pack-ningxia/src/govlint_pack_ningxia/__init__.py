"""The 宁夏 (Ningxia) rule pack for govlint, offered through the ``govlint_packs`` hook.

The pack itself is data (``ningxia.yaml``); this module only tells govlint where it is.
"""

from __future__ import annotations

from pathlib import Path

from govlint.hookspecs import hookimpl

PACK = Path(__file__).resolve().parent / "ningxia.yaml"


@hookimpl
def govlint_packs() -> list[Path]:
    return [PACK]
