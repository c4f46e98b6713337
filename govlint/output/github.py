"""``--format github``: GitHub Actions workflow commands, one annotation per diagnostic.

``::error file=F,line=L,col=C,endLine=EL,endColumn=EC,title=T::MESSAGE``. GitHub reads ``%``,
CR and LF as escapes in both parts, and ``:`` and ``,`` as separators in the properties, so
those are percent-encoded (a path or message with a comma must not cut the command short).
"""

from __future__ import annotations

import os

from govlint.model import Context, FileResult, Stream
from govlint.output.streaming import nothing, rendered

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(command: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{escape_data(message)}"


def file_piece(r: FileResult, ctx: Context) -> str:
    """One line per diagnostic, and one for a file that could not be read."""
    lines = []
    path = r.path.replace(os.sep, "/")
    if r.error:
        lines.append(annotation("error", {"file": path, "title": "govlint"}, r.error))
    if r.source is not None:
        for d in r.diagnostics:
            line, col = r.source.position(d.span.start)
            end_line, end_col = r.source.position(d.span.end)
            properties: dict[str, object] = {
                "file": path,
                "line": line,
                "col": col,
                "endLine": end_line,
                "endColumn": end_col,
                "title": f"{d.code} {d.rule}",
            }
            lines.append(annotation(COMMAND[d.severity], properties, f"{d.code} {d.message.get(ctx.lang)}"))
    return "\n".join(lines)


STREAM = Stream(nothing, file_piece, nothing, "\n")


def render(results: list[FileResult], ctx: Context) -> str:
    return rendered(STREAM, results, ctx)
