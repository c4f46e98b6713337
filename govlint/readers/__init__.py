"""Built-in readers, registered through ``govlint_readers``: plain text, Markdown, and the
formats reports are published in — Word, web pages, PDF.

A format that is not text is imported only when a file of it is read (with its library:
lxml, PDFium): a run over Markdown files never loads them.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from govlint.hookspecs import hookimpl
from govlint.model import Document, Reader


def _lazy(module: str, function: str = "read_bytes") -> Callable[[bytes, str], Document]:
    """``govlint.readers.<module>.<function>``, imported at the first file it reads."""

    def read_bytes(data: bytes, path: str) -> Document:
        read: Callable[[bytes, str], Document] = getattr(import_module(f"{__name__}.{module}"), function)
        return read(data, path)

    return read_bytes


@hookimpl
def govlint_readers() -> list[Reader]:
    from govlint.readers import markdown, text

    return [
        Reader("markdown", (".md", ".markdown"), markdown.read),
        Reader("text", (".txt", ".text"), text.read),
        Reader("docx", (".docx",), text.read, _lazy("docx")),
        # Old binary Word and WPS files: refused with what to do, not skipped in a folder.
        Reader("word-legacy", (".doc", ".wps"), text.read, _lazy("docx", "read_legacy")),
        Reader("html", (".html", ".htm"), text.read, _lazy("html")),
        Reader("pdf", (".pdf",), text.read, _lazy("pdf"), _lazy("pdf", "read_head")),
    ]
