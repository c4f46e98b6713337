"""Built-in readers (plain text, Markdown, PDF), registered through ``govlint_readers``."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Document, Reader


def _read_pdf(data: bytes, path: str) -> Document:
    """Imports the PDF reader (and PDFium) only when a PDF is read."""
    from govlint.readers import pdf

    return pdf.read_bytes(data, path)


@hookimpl
def govlint_readers() -> list[Reader]:
    from govlint.readers import markdown, text

    return [
        Reader("markdown", (".md", ".markdown"), markdown.read),
        Reader("text", (".txt", ".text"), text.read),
        Reader("pdf", (".pdf",), text.read, _read_pdf),
    ]
