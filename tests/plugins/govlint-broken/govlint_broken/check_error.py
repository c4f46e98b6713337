"""Loads fine and offers a check that raises on every report."""

from __future__ import annotations

from collections.abc import Iterator

from govlint.hookspecs import hookimpl
from govlint.model import Check, Context, Diagnostic, Msg, Report


def _run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    raise ZeroDivisionError("check exploded on a report")
    yield  # pragma: no cover - makes this a generator, as real checks are


@hookimpl
def govlint_checks() -> list[Check]:
    return [Check("GL990", "always-explodes", "error", Msg("总是崩溃", "always explodes"), "", _run)]
