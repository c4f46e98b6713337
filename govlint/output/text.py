"""``--format text``: ``path:line:col: CODE severity message``, the line, and a caret."""

from __future__ import annotations

import unicodedata

from govlint.model import Context, FileResult

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def render(results: list[FileResult], ctx: Context) -> str:
    lines: list[str] = []
    total = 0
    for r in results:
        if r.source is None:
            continue
        for d in r.diagnostics:
            total += 1
            line, col = r.source.position(d.span.start)
            sev = d.severity if ctx.lang == "en" else SEVERITY_ZH[d.severity]
            lines.append(f"{r.path}:{line}:{col}: {d.code} {sev} {d.message.get(ctx.lang)}")
            text = r.source.line_text(line).replace("\t", " ")
            if text.strip():
                shown = text if len(text) <= 120 else text[: max(0, col - 40)][-40:] + text[col - 1 : col + 79]
                prefix = text[: col - 1] if len(text) <= 120 else text[max(0, col - 41) : col - 1]
                lines.append(f"    {shown}")
                lines.append("    " + " " * display_width(prefix) + "^")
    if ctx.lang == "en":
        lines.append(f"Found {total} problem(s) in {len(results)} file(s).")
    else:
        lines.append(f"共发现 {total} 个问题，检查了 {len(results)} 个文件。")
    return "\n".join(lines)
