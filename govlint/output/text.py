"""``--format text``: ``path:line:col: CODE severity message``, the line, and a caret.

The output is built as styled segments once, then either joined as plain text or, when
``ctx.options.color`` is set (stdout is a terminal), rendered by rich; the content is the
same either way, so what a person sees is exactly what a pipe or a log file gets.
"""

from __future__ import annotations

import unicodedata

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.model import CodeCount, Context, Diagnostic, FileResult, Msg, Source, Stream, Tally
from govlint.output.places import where_text
from govlint.output.streaming import added, fixable, nothing, rendered, tally_of

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
#: Longest excerpt of a line that is shown; longer lines are cut around the column.
MAX_EXCERPT = 120
#: Where a line was cut: before the excerpt when its start is cut off, after it when its end is.
CUT = "…"
_CONTROL = regex.compile("[\x00-\x08\x0b-\x1f\x7f]")


class Segment(NamedTuple):
    """A piece of output and its rich style ("" = plain)."""

    text: str
    style: str = ""


Line = list[Segment]


#: Characters that are wide (East Asian width W or F) in every Unicode version: CJK
#: punctuation, ideographs and full-width forms, nearly all of a report's text. One pass of
#: this pattern counts them; only what is left is looked up character by character.
_COMMON_WIDE = regex.compile("[\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]")


def display_width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    rest = _COMMON_WIDE.sub("", text)
    wide = 2 * (len(text) - len(rest))
    if rest.isascii():  # digits, tabs and Latin letters: one column each
        return wide + len(rest)
    return wide + sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in rest)


def printable(text: str) -> str:
    """Control characters shown as ``\\xNN``, tabs and line ends as a space: text quoted from
    a report must not move the cursor, break a diagnostic's line or recolour a terminal (and
    looks the same in a log)."""
    if text.isprintable():  # most text: no tab, line end or control character to show
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.replace("\t", " ").replace("\n", " "))


def excerpt(source: Source, d: Diagnostic) -> tuple[str, str] | None:
    """The diagnostic's line (cut around the column when long, with :data:`CUT` where it was
    cut) and a caret line under the span (to the end of the line when the span goes on);
    None for a blank line."""
    line, col = source.position(d.span.start)
    end_line, end_col = source.position(d.span.end)
    text = source.line_text(line)
    if not text.strip():
        return None
    start = min(col - 1, len(text))
    end = max(start, min(end_col - 1 if end_line == line else len(text), len(text)))
    before = after = ""
    if len(text) > MAX_EXCERPT:
        lo = max(0, min(start - 40, len(text) - MAX_EXCERPT))
        before, after = CUT if lo else "", CUT if lo + MAX_EXCERPT < len(text) else ""
        text, start, end = text[lo : lo + MAX_EXCERPT], start - lo, min(end - lo, MAX_EXCERPT)
    # columns, not characters: a CJK character takes two, the marker one
    indent = display_width(before + printable(text[:start]))
    caret = " " * indent + "^" * max(1, display_width(printable(text[start:end])))
    return before + printable(text) + after, caret


def diagnostic_lines(path: str, source: Source, d: Diagnostic, lang: str) -> list[Line]:
    line, col = source.position(d.span.start)
    sev = d.severity if lang == "en" else SEVERITY_ZH[d.severity]
    head: Line = [
        Segment(f"{printable(path)}:{line}:{col}{printable(where_text(source, d.span.start, lang))}:", "bold"),
        Segment(" "),
        Segment(d.code, "bold " + SEVERITY_STYLE[d.severity]),
        Segment(" "),
        Segment(sev, SEVERITY_STYLE[d.severity]),
        Segment(" " + printable(d.message.get(lang))),
    ]
    if fixable(d, source):
        head.append(Segment(" [*]", "green"))
    lines = [head]
    shown = excerpt(source, d)
    if shown is not None:
        lines.append([Segment("    " + shown[0], "dim")])
        lines.append([Segment("    " + shown[1], SEVERITY_STYLE[d.severity])])
    if d.fix is not None:
        label = "fix" if lang == "en" else "修复"
        note = ""
        if source.rendered:
            note = " (make the change in the original)" if lang == "en" else "（请在原文件中修改）"
        elif not fixable(d, source):
            note = " (unsafe: --unsafe-fixes)" if lang == "en" else "（不安全，需 --unsafe-fixes）"
        lines.append([Segment(f"    = {label}: {printable(d.fix.title.get(lang))}{note}", "green")])
    return lines


def summary(tally: Tally, ctx: Context) -> Line:
    """One line: problems found, files checked, problems fixed, problems ``--fix`` could fix."""
    total = sum(c.total for c in tally.counts)
    fixed = ctx.options.fixed
    can_fix = sum(c.fixable for c in tally.counts)
    if ctx.lang == "en":
        parts = [f"Found {total} problem(s) in {tally.files} file(s)."]
        if fixed:
            parts.append(f"Fixed {fixed} problem(s).")
        if can_fix:
            parts.append(f"[*] {can_fix} fixable with --fix.")
        if ctx.options.skipped:
            parts.append(f"Skipped {len(ctx.options.skipped)} file(s) of a format govlint does not read"
                         + (":" if ctx.options.verbose else " (--verbose names them)."))
    else:
        parts = [f"共发现 {total} 个问题，检查了 {tally.files} 个文件。"]
        if fixed:
            parts.append(f"已修复 {fixed} 个问题。")
        if can_fix:
            parts.append(f"[*] 其中 {can_fix} 个可用 --fix 自动修复。")
        if ctx.options.skipped:
            parts.append(f"跳过 {len(ctx.options.skipped)} 个不支持格式的文件"
                         + ("：" if ctx.options.verbose else "（--verbose 列出）。"))
    return [Segment(" ".join(parts), "bold")]


#: A file's status (``streaming.status_of``) as the per-file summary and the review page name it.
STATUS_NAMES = {
    "clean": Msg("无问题", "clean"),
    "errors": Msg("有错误", "with errors"),
    "warnings": Msg("有警告", "with warnings"),
    "notes": Msg("仅有提示", "with notes only"),
    "unreadable": Msg("无法读取", "unreadable"),
}


def files_summary(tally: Tally, ctx: Context) -> Line:
    """How the files fared, for a run over several: the summary line counts problems, and
    a province checking its counties wants to know how many reports are clean. Files with
    only info findings are named only when there are any."""
    statuses = dict(tally.statuses)
    shown = [s for s in ("clean", "errors", "warnings", "notes", "unreadable") if s != "notes" or statuses.get(s)]
    skipped = len(ctx.options.skipped)
    if ctx.lang == "en":
        parts = ", ".join(f"{statuses.get(s, 0)} {STATUS_NAMES[s].en}" for s in shown)
        return [Segment(f"Files: {parts}" + (f"; {skipped} skipped." if skipped else "."))]
    parts = "，".join(f"{statuses.get(s, 0)} 个{STATUS_NAMES[s].zh}" for s in shown)
    return [Segment(f"文件：{parts}" + (f"；另跳过 {skipped} 个。" if skipped else "。"))]


def to_string(lines: list[Line], ctx: Context) -> str:
    """Plain text, or ANSI-coloured text through rich when ``color`` is set."""
    if not ctx.options.color:
        return "\n".join("".join(seg.text for seg in line) for line in lines)
    import io

    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, width=10_000, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*((seg.text, seg.style) for seg in line)))
    return buffer.getvalue().rstrip("\n")


def file_piece(r: FileResult, ctx: Context) -> str:
    """One file's problems, each with its line and caret."""
    if r.source is None:
        return ""
    lines = [line for d in r.diagnostics for line in diagnostic_lines(r.path, r.source, d, ctx.lang)]
    return to_string(lines, ctx) if lines else ""


def end(tally: Tally, ctx: Context) -> str:
    """The summary line, on a line of its own after the problems."""
    if ctx.options.quiet:
        return ""
    lines = [files_summary(tally, ctx)] if tally.files > 1 else []
    lines.append(summary(tally, ctx))
    if ctx.options.verbose:
        lines.extend([Segment(f"    {printable(path)}", "dim")] for path in ctx.options.skipped)
    return ("\n" if any(c.total for c in tally.counts) else "") + to_string(lines, ctx)


STREAM = Stream(nothing, file_piece, end, "\n")


def render(results: list[FileResult], ctx: Context) -> str:
    return rendered(STREAM, results, ctx)


def ranked(tally: Tally) -> list[CodeCount]:
    """Codes most frequent first (``--statistics``)."""
    return sorted(tally.counts, key=lambda c: (-c.total, c.code))


def statistics(results: list[FileResult]) -> list[CodeCount]:
    """Diagnostics counted by code, most frequent first."""
    return ranked(added(tally_of(r) for r in results))


def statistics_end(tally: Tally, ctx: Context) -> str:
    lines: list[Line] = [
        [
            Segment(f"{s.total:>6}  "),
            Segment(f"{s.code:<6}", "bold"),
            Segment(" [*] " if s.fixable else "     ", "green"),
            Segment(s.rule),
        ]
        for s in ranked(tally)
    ]
    if not ctx.options.quiet:
        lines.append(summary(tally, ctx))
    return to_string(lines, ctx)


#: ``--statistics``: nothing per file, the table at the end.
STATISTICS = Stream(nothing, nothing, statistics_end)


def render_statistics(results: list[FileResult], ctx: Context) -> str:
    return rendered(STATISTICS, results, ctx)
