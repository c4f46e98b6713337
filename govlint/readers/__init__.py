"""Built-in readers (plain text, Markdown, web pages), registered through ``govlint_readers``."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Document, Reader


def _read_html(data: bytes, path: str) -> Document:
    """The web-page reader, imported (and lxml with it) only when a page is read."""
    from govlint.readers import html

    return html.read_bytes(data, path)


@hookimpl
def govlint_readers() -> list[Reader]:
    from govlint.readers import markdown, text

    return [
        Reader("markdown", (".md", ".markdown"), markdown.read),
        Reader("text", (".txt", ".text"), text.read),
        Reader("html", (".html", ".htm"), text.read, _read_html),
    ]
