"""``PackError``: a pack that cannot be used, said in Chinese, in English, or in both.

Commands, the language server and ``pack list`` print a pack error as one text in both
languages (``中文 / English``), as they always have; a caller that knows the user's language
takes ``msg`` instead. All three are rendered from one sequence of pieces: text that reads
the same in either language (a path, a file name, a YAML parser's words), :class:`Msg`, and
:class:`Mark` for punctuation that differs, so the forms cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence

from govlint._infra.records import NamedTuple
from govlint.model import Msg


class Mark(NamedTuple):
    """Punctuation around a message: Chinese or English, and Chinese when both are shown
    (``（另有 2 处问题 / and 2 more）``)."""

    zh: str
    en: str


Piece = str | Msg | Mark


def render(pieces: Sequence[Piece], lang: str | None) -> str:
    """``pieces`` in ``lang`` ("zh" or "en"), or in both when ``lang`` is None: each
    :class:`Msg` as ``中文 / English``, with no space before the slash after a closing
    full-width bracket (the bracket carries its own)."""
    out = []
    for piece in pieces:
        if isinstance(piece, Mark):
            out.append(piece.en if lang == "en" else piece.zh)
        elif not isinstance(piece, Msg):
            out.append(piece)
        elif lang is not None:
            out.append(piece.get(lang))
        else:
            out.append(f"{piece.zh}{'/ ' if piece.zh.endswith('）') else ' / '}{piece.en}")
    return "".join(out)


class PackError(Exception):
    """A pack that cannot be used. ``location`` is ``file:line:col`` when known; ``msg`` is
    the message alone in each language, ``message`` the same in both; ``str()`` is
    ``location: message``."""

    def __init__(self, *pieces: Piece, location: str = "") -> None:
        self.pieces = pieces
        self.location = location
        self.msg = Msg(render(pieces, "zh"), render(pieces, "en"))
        self.message = render(pieces, None)
        super().__init__(render(self.located(), None))

    def located(self) -> tuple[Piece, ...]:
        """The location and the message as pieces, to quote this error inside another one."""
        return (f"{self.location}: ", *self.pieces) if self.location else self.pieces
