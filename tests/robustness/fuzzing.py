"""Shared helpers for the robustness tests: lint bytes in-process, render every format, and
check that what came out is well-formed.

Example counts come from the environment so CI runs a short version:
``GOVLINT_FUZZ_EXAMPLES`` (default 300) sizes the dedicated slow test and
``GOVLINT_PROPERTY_EXAMPLES`` (default 25) each of the quick properties. The long run:

    GOVLINT_FUZZ_EXAMPLES=10000 .venv/bin/python -m pytest -m slow tests/robustness
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

from govlint.engine import INTERNAL_CODE, Engine
from govlint.model import Context, FileResult, OutputOptions
from govlint.source import DecodeError, decode

FUZZ_EXAMPLES = int(os.environ.get("GOVLINT_FUZZ_EXAMPLES", "300"))
PROPERTY_EXAMPLES = int(os.environ.get("GOVLINT_PROPERTY_EXAMPLES", "25"))
FORMATS = ("text", "json", "sarif", "github", "junit")


def lint_bytes(engine: Engine, data: bytes, path: str) -> FileResult:
    """What ``govlint check`` does for one file, without the file."""
    try:
        source = decode(data, path)
    except DecodeError as exc:
        return FileResult(path, None, (), str(exc))
    return engine.lint_source(source)


def assert_sound(result: FileResult) -> None:
    """Spans inside the text, known severities, and no crashed reader, aligner or check."""
    crashes = [d.message.en for d in result.diagnostics if d.code == INTERNAL_CODE]
    assert not crashes, crashes
    if result.source is None:
        assert result.error
        return
    size = len(result.source.text)
    for d in result.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= size, d
        assert d.severity in ("error", "warning", "info")
        assert d.message.zh and d.message.en


def assert_renders(engine: Engine, results: list[FileResult]) -> None:
    """Every output format renders, and the structured ones parse."""
    formatters = engine.plugins.formatters()
    options = OutputOptions(fail_level="warning", checks=tuple(engine.checks()))
    for name in FORMATS:
        if name not in formatters:
            continue
        out = formatters[name].render(results, Context("zh", options))
        assert isinstance(out, str)
        if name in ("json", "sarif"):
            json.loads(out)
        elif name == "junit":
            ET.fromstring(out)
