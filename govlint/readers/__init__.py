"""Built-in readers (plain text and Markdown), registered through ``govlint_readers``."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Reader


@hookimpl
def govlint_readers() -> list[Reader]:
    from govlint.readers import markdown, text

    return [
        Reader("markdown", (".md", ".markdown"), markdown.read),
        Reader("text", (".txt", ".text"), text.read),
    ]
