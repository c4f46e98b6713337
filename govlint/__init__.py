"""govlint: a linter for 政府信息公开工作年度报告 (government information-disclosure annual reports)."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # ``govlint.hookimpl`` for plugin authors, without importing pluggy on every start-up.
    if name == "hookimpl":
        from govlint.hookspecs import hookimpl

        return hookimpl
    raise AttributeError(name)
