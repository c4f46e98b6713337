"""``govlint text FILE``: the text govlint read from a file, numbered as its findings are.

For a .pdf, .docx or web page this is what the reader rendered — the text every finding's
line and column count in — with, where it changes, the place in the original (the PDF page
and line, the Word paragraph or table cell, the line of the page's source). ``--plain``
prints the text alone, to keep as a .txt file.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from govlint.commands import ExitStatus, Subcommand

if TYPE_CHECKING:
    from govlint.model import Source


def text_arguments(text: argparse.ArgumentParser) -> None:
    text.add_argument("paths", nargs="+", metavar="FILE", help="report files")
    text.add_argument("--plain", action="store_true", help="the text alone: no line numbers, no places")
    text.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the places (default zh)")


def cmd_text(args: argparse.Namespace) -> int:
    """0, or 2 when a file could not be read (the others are still printed)."""
    import sys

    from govlint.config import ConfigError, Overrides
    from govlint.model import Source
    from govlint.packs import PackError
    from govlint.routing import Router
    from govlint.source import DecodeError

    router = Router(Overrides())
    status = ExitStatus.SUCCESS
    for path in args.paths:
        try:
            loaded = router.engine(path).load_path(path)
        except (DecodeError, ConfigError, PackError) as exc:
            print(f"govlint: {exc}", file=sys.stderr)
            status = ExitStatus.ERROR
            continue
        source = loaded if isinstance(loaded, Source) else loaded.source
        if len(args.paths) > 1 and not args.plain:
            print(f"==> {path} <==")
        sys.stdout.write(source.text if args.plain else numbered(source, args.lang))
        if source.text and not source.text.endswith("\n"):
            sys.stdout.write("\n")
    return status


def numbered(source: Source, lang: str) -> str:
    """Each line with its number and, where the place in the original changes, that place."""
    lines = source.text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    width = len(str(len(lines)))
    out = []
    said = ""
    for number, line in enumerate(lines, 1):
        place = source.place(source.line_starts[number - 1]) if source.rendered else None
        where = place.where.get(lang) if place is not None else ""
        note = f"    ← {where}" if where and where != said else ""
        said = where or said
        out.append(f"{number:>{width}} │ {line.replace(chr(9), '  ')}{note}\n")
    return "".join(out)


COMMANDS = {"text": Subcommand("显示读取到的报告文字 / the text govlint read from a file", text_arguments, cmd_text)}
