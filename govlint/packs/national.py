"""Registers the national pack (``rules/national``) through the ``govlint_packs`` hook."""

from __future__ import annotations

from pathlib import Path

from govlint.hookspecs import hookimpl

_HERE = Path(__file__).resolve().parent


def rules_dir() -> Path:
    """``govlint/_rules`` in a wheel; the checkout's ``rules/`` in an editable install."""
    shipped = _HERE.parent / "_rules"
    return shipped if shipped.is_dir() else _HERE.parent.parent / "rules"


@hookimpl
def govlint_packs() -> list[Path]:
    return sorted(p for p in rules_dir().iterdir() if p.is_dir() or p.suffix in (".yaml", ".yml"))
