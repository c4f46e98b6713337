"""``PackError``: a pack that cannot be used, said in Chinese, in English, or in both.

Commands, the language server and ``pack list`` print a pack error as one text in both
languages (``中文 / English``), as they always have; a caller that knows the user's language
takes ``msg`` instead. All three are rendered from one sequence of parts: text that reads
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


MessagePart = str | Msg | Mark


def render(parts: Sequence[MessagePart], lang: str | None) -> str:
    """``parts`` in ``lang`` ("zh" or "en"), or in both when ``lang`` is None: each
    :class:`Msg` as ``中文 / English``, with no space before the slash after a closing
    full-width bracket (the bracket carries its own)."""
    out = []
    for part in parts:
        if isinstance(part, Mark):
            out.append(part.en if lang == "en" else part.zh)
        elif not isinstance(part, Msg):
            out.append(part)
        elif lang is not None:
            out.append(part.get(lang))
        else:
            out.append(f"{part.zh}{'/ ' if part.zh.endswith('）') else ' / '}{part.en}")
    return "".join(out)


class PackError(Exception):
    """A pack that cannot be used. ``location`` is ``file:line:col`` when known; ``msg`` is
    the message alone in each language, ``message`` the same in both; ``str()`` is
    ``location: message``."""

    def __init__(self, *parts: MessagePart, location: str = "") -> None:
        self.parts = parts
        self.location = location
        self.msg = Msg(render(parts, "zh"), render(parts, "en"))
        self.message = render(parts, None)
        super().__init__(render(self.located(), None))

    def located(self) -> tuple[MessagePart, ...]:
        """The location and the message as parts, to quote this error inside another one."""
        return (f"{self.location}: ", *self.parts) if self.location else self.parts
