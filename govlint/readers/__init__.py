"""Built-in readers (plain text, Markdown, Word), registered through ``govlint_readers``.

A format that is not text is imported only when a file of it is read: a run over Markdown
files never loads the Word reader."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.model import Document, Reader


def _read_docx(data: bytes, path: str) -> Document:
    from govlint.readers import docx

    return docx.read_bytes(data, path)


def _read_word_legacy(data: bytes, path: str) -> Document:
    from govlint.readers import docx

    return docx.read_legacy(data, path)


@hookimpl
def govlint_readers() -> list[Reader]:
    from govlint.readers import markdown, text

    return [
        Reader("markdown", (".md", ".markdown"), markdown.read),
        Reader("text", (".txt", ".text"), text.read),
        Reader("docx", (".docx",), text.read, _read_docx),
        # Old binary Word and WPS files: refused with what to do, not skipped in a folder.
        Reader("word-legacy", (".doc", ".wps"), text.read, _read_word_legacy),
    ]
