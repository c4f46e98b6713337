"""Between govlint's offsets and LSP's positions: lines and code units of the negotiated
position encoding (UTF-16 unless the client offers better), which matters for characters
outside the BMP; diagnostics and text edits converted accordingly."""

from __future__ import annotations

from lsprotocol import types as lsp

from govlint.engine import INTERNAL
from govlint.model import Diagnostic, Edit, Msg, Source, Span

SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "info": lsp.DiagnosticSeverity.Information,
}


def code_units(text: str, encoding: str) -> int:
    """Length of ``text`` in the code units of an LSP position encoding."""
    if encoding == lsp.PositionEncodingKind.Utf8:
        return len(text.encode("utf-8", "surrogatepass"))
    if encoding == lsp.PositionEncodingKind.Utf32:
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def to_position(source: Source, offset: int, encoding: str) -> lsp.Position:
    """LSP position (0-based line, code-unit column) of a character offset."""
    line, column = source.position(offset)
    prefix = source.text[source.line_starts[line - 1] : source.line_starts[line - 1] + column - 1]
    return lsp.Position(line=line - 1, character=code_units(prefix, encoding))


def to_range(source: Source, span: Span, encoding: str) -> lsp.Range:
    # a rule's backwards span must not make the client drop every diagnostic of the file
    start, end = to_position(source, span.start, encoding), to_position(source, max(span), encoding)
    return lsp.Range(start=start, end=end)


def overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    """Ranges touch (inclusive): a cursor at either end of a diagnostic still gets its actions."""

    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def to_lsp_diagnostic(source: Source, diag: Diagnostic, lang: str, encoding: str) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=to_range(source, diag.span, encoding),
        message=diag.message.get(lang),
        severity=SEVERITY.get(diag.severity, lsp.DiagnosticSeverity.Error),
        code=diag.code,
        source="govlint",
    )


def configuration_error(exc: Exception) -> Diagnostic:
    """A broken configuration file or pack, shown at the top of every report it governs
    (the messages of ConfigError and PackError already name the file, line and column)."""
    return INTERNAL.finding(Msg(f"配置有误：{exc}", f"configuration error: {exc}"), Span(0, 0))


def to_text_edit(source: Source, edit: Edit, encoding: str) -> lsp.TextEdit:
    """Fixes write ``\\n``; the buffer keeps its own line ends."""
    return lsp.TextEdit(
        range=to_range(source, edit.span, encoding), new_text=edit.new_text.replace("\n", source.newline)
    )
