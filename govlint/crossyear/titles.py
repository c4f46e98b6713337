"""Whose report a file is and for which year, read cheaply: what pairing needs of a candidate.

The organ and year come from the title by the aligner's own logic (sections found, then
:func:`govlint.align.title.find_title` on the lines before section 一), so the pairing and
the checked report's reading never disagree on them. That logic reads the lines before the
first section heading, twelve headings and paragraphs at most; a text file is therefore read
from its start until a section heading or a few more blocks than that have been read (most
reports: the first 2 KB), not whole. A PDF's first two pages are rendered; a Word or web
page file is rendered whole, as its reader has no cheaper way in.
"""

from __future__ import annotations

import os
import stat
from typing import TYPE_CHECKING

from govlint._infra.records import NamedTuple
from govlint.align import find_sections, find_title
from govlint.crossyear.organs import organ_key
from govlint.model import Document, Heading, Paragraph
from govlint.source import DecodeError, decode

if TYPE_CHECKING:
    from govlint.engine import Engine

#: Bytes of a text file read at first; four times more each time that holds too few blocks.
HEAD = 2048
#: Headings and paragraphs ``find_title`` looks at, and one more: the last block of a head
#: may be cut off, and must not be one it reads.
TITLE_BLOCKS = 12 + 1


class Title(NamedTuple):
    """A report's organ (its :func:`organ_key`, "" when the title names none) and year."""

    organ: str
    year: int | None


def read_title(engine: Engine, path: str) -> Title | None:
    """The organ and year of a report file as its title gives them; None when no reader
    takes the file or it cannot be read. A report year the configuration sets is not applied:
    it names the year of the report being checked, not of the ones beside it."""
    reader = engine.reader_for(path)
    try:
        if reader is not None and reader.read_bytes is not None:
            loaded = engine.load_path(path, head=True)
            return _title(engine, loaded) if isinstance(loaded, Document) else None
        size = HEAD
        while True:
            head, whole = _head(path, size)
            document = engine.document(decode(head, path))
            if not isinstance(document, Document):
                return None
            title = _title(engine, document, whole)
            if title is not None:
                return title
            size *= 4
    except (DecodeError, OSError):
        return None


def _title(engine: Engine, document: Document, whole: bool = True) -> Title | None:
    """What the title says, as the aligner reads it; None when a head of the file holds too
    little to tell: neither a section heading nor :data:`TITLE_BLOCKS` headings and paragraphs."""
    found = [s.heading.span.start for s in find_sections(document, engine.pack) if s.heading is not None]
    first = min(found, default=len(document.source.text))
    if not (whole or found or sum(isinstance(b, (Heading, Paragraph)) for b in document.blocks) >= TITLE_BLOCKS):
        return None
    _, year, organ = find_title(document, first)
    return Title(organ_key(organ), year)


def _head(path: str, size: int) -> tuple[bytes, bool]:
    """The file's first ``size`` bytes or so, cut after a line end (never inside a character
    of UTF-8 or GB18030); the whole file when it is no longer, or is UTF-16 (whose line ends
    are two bytes). Only a regular file is opened: a FIFO found in a folder would block."""
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise DecodeError(f"{path}: not a regular file")
    with open(path, "rb") as fh:
        data = fh.read(size + 1)
        if len(data) <= size:
            return data, True
        cut = data.rfind(b"\n", 0, size)
        if cut < 0 or b"\0" in data:  # one long line, or UTF-16
            return data + fh.read(), True
    return data[: cut + 1], False
