"""Built-in output formats, registered through the ``govlint_formatters`` hook."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Formatter
from govlint.output import json_format, text


@hookimpl
def govlint_formatters() -> list[Formatter]:
    return [
        Formatter("text", text.render),
        Formatter("json", json_format.render),
    ]
