"""Built-in output formats, registered through the ``govlint_formatters`` hook.

Formatters get per-run facts through ``Context.options``: ``color`` (stdout is a terminal),
``quiet`` (no summary line), ``fixed`` (how many fixes ``--fix`` applied), ``fail_level``
and ``checks`` (code -> Check, for rule metadata).
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Formatter
from govlint.output import github, json_format, junit, sarif, text


@hookimpl
def govlint_formatters() -> list[Formatter]:
    return [
        Formatter("text", text.render),
        Formatter("json", json_format.render),
        Formatter("sarif", sarif.render),
        Formatter("github", github.render),
        Formatter("junit", junit.render),
    ]
