"""Built-in output formats, registered through the ``govlint_formatters`` hook.

Formatters get per-run facts through ``Context.options`` (an ``OutputOptions``): ``color``
(stdout is a terminal), ``quiet`` (no summary line), ``fixed`` (how many fixes ``--fix``
applied), ``fail_level`` and ``checks`` (for rule metadata).
All but JUnit also stream (``Formatter.stream``): a batch prints each file as it is linted.
"""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Formatter
from govlint.output import github, html, json_format, junit, sarif, text


@hookimpl
def govlint_formatters() -> list[Formatter]:
    return [
        Formatter("text", text.render, text.STREAM),
        Formatter("json", json_format.render, json_format.STREAM),
        Formatter("sarif", sarif.render, sarif.STREAM),
        Formatter("github", github.render, github.STREAM),
        Formatter("html", html.render, html.STREAM),  # a review page for many reports
        Formatter("junit", junit.render),  # its counts come first in the document: not streamed
    ]
