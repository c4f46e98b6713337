"""Code actions: a rule's own fix, a suppression comment for the line or the table, and
"apply all safe fixes" (``source.fixAll.govlint``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lsprotocol import types as lsp

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.checks.suppressions.gl001_unused_suppression import CHECK as UNUSED_SUPPRESSION_CHECK
from govlint.engine import INTERNAL_CODE, Settings
from govlint.lsp.convert import overlaps, to_lsp_diagnostic, to_text_edit
from govlint.model import Diagnostic, Edit, FileResult, Msg, Source, Span
from govlint.suppress import CODES

#: A ``disable-next-line`` comment alone on its line; codes are added to it, not stacked.
DISABLE_LINE = regex.compile(r"^(\s*)<!--\s*govlint-disable-next-line\b([^>]*?)-->\s*$")


DISABLE_TITLE = Msg("在此行禁用 {code}", "Disable {code} for this line")


DISABLE_TABLE_TITLE = Msg("在此表格禁用 {code}", "Disable {code} for this table")


FIX_ALL_TITLE = Msg("govlint：应用全部安全修复（{count} 处）", "govlint: apply all safe fixes ({count})")


FIX_ALL_KIND = "source.fixAll.govlint"
#: No "disable" action: an internal error is a bug to report, and an unused suppression
#: is fixed by deleting the comment (suppressions never silence it).
NOT_SILENCED = (INTERNAL_CODE, UNUSED_SUPPRESSION_CHECK.code)


def disable_edit(source: Source, diag: Diagnostic) -> Edit:
    """Insert ``<!-- govlint-disable-next-line CODE -->`` on its own line above the
    diagnostic's line, or add the code to such a comment already there."""
    line = source.position(diag.span.start)[0]
    if line > 1 and (above := DISABLE_LINE.match(source.line_text(line - 1))):
        codes = sorted(set(CODES.findall(above.group(2))) | {diag.code})
        start = source.line_starts[line - 2]
        end = start + len(source.line_text(line - 1))
        return Edit(Span(start, end), f"{above.group(1)}<!-- govlint-disable-next-line {' '.join(codes)} -->")
    text = source.line_text(line)
    indent = text[: len(text) - len(text.lstrip())]
    start = source.line_starts[line - 1]
    return Edit(Span(start, start), f"{indent}<!-- govlint-disable-next-line {diag.code} -->\n")


def disable_table_edits(source: Source, code: str, table: Span) -> tuple[Edit, Edit]:
    """``<!-- govlint-disable CODE -->`` above a table and ``<!-- govlint-enable CODE -->``
    below it: a comment line between two rows would end the table (in Markdown and in
    the plain-text reader alike), so a finding inside a table is silenced for the table."""
    first = source.position(table.start)[0]
    last = source.position(max(table.start, table.end - 1))[0]
    start = source.line_starts[first - 1]
    end = source.line_starts[last - 1] + len(source.line_text(last))
    return (
        Edit(Span(start, start), f"<!-- govlint-disable {code} -->\n"),
        Edit(Span(end, end), f"\n<!-- govlint-enable {code} -->"),
    )


def disable_action(source: Source, diag: Diagnostic, tables: tuple[Span, ...]) -> tuple[Msg, tuple[Edit, ...]]:
    """The title and edits that silence ``diag``: for its line, or for its table."""
    for table in tables:
        if table.start <= diag.span.start < table.end:
            return DISABLE_TABLE_TITLE, disable_table_edits(source, diag.code, table)
    return DISABLE_TITLE, (disable_edit(source, diag),)


class Linted(NamedTuple):
    """The last lint of a document, kept for code actions."""

    version: int | None
    result: FileResult
    settings: Settings


class Target(NamedTuple):
    """Where code-action edits go: the document as it was linted, in the client's terms."""

    uri: str
    version: int | None
    source: Source
    encoding: str
    versioned: bool  # the client accepts version-checked edits (``documentChanges``)

    def edit(self, edits: tuple[Edit, ...]) -> lsp.WorkspaceEdit:
        text_edits = [to_text_edit(self.source, e, self.encoding) for e in edits]
        if self.versioned:
            doc = lsp.OptionalVersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
            return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=doc, edits=text_edits)])
        return lsp.WorkspaceEdit(changes={self.uri: text_edits})


def quick_fixes(
    target: Target, diagnostics: tuple[Diagnostic, ...], lang: str, wanted: lsp.Range, tables: tuple[Span, ...]
) -> list[lsp.CodeAction]:
    """The fixes rules offer for the diagnostics in ``wanted`` (preferred when ``--fix``
    would apply them), then a "disable for this line" per diagnostic."""
    from govlint.fixes import is_applicable

    fixes: list[lsp.CodeAction] = []
    disables: list[lsp.CodeAction] = []
    for diag in diagnostics:
        shown = to_lsp_diagnostic(target.source, diag, lang, target.encoding)
        if not overlaps(shown.range, wanted):
            continue
        if diag.fix is not None:
            fixes.append(
                lsp.CodeAction(
                    title=diag.fix.title.get(lang),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    is_preferred=is_applicable(diag.fix, target.source.text, unsafe=False),
                    edit=target.edit(diag.fix.edits),
                )
            )
        if diag.code not in NOT_SILENCED:
            title, edits = disable_action(target.source, diag, tables)
            disables.append(
                lsp.CodeAction(
                    title=title.get(lang).format(code=diag.code),
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[shown],
                    edit=target.edit(edits),
                )
            )
    return fixes + disables


def changed_region(old: str, new: str) -> Edit:
    """One edit turning ``old`` into ``new`` that spares the common start and end, so the
    editor keeps the cursor and folds outside the part that changed."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(Span(prefix, len(old) - suffix), new[prefix : len(new) - suffix])


def fix_all(target: Target, lint: Callable[[Source], FileResult], lang: str) -> list[lsp.CodeAction]:
    """``source.fixAll.govlint``: what ``govlint check --fix`` would write, as one edit."""
    from govlint.fixes import fix_source

    outcome = fix_source(target.source, lint)
    if not outcome.changed:
        return []
    return [
        lsp.CodeAction(
            title=FIX_ALL_TITLE.get(lang).format(count=outcome.fixed),
            kind=FIX_ALL_KIND,
            edit=target.edit((changed_region(outcome.original.text, outcome.final.text),)),
        )
    ]


def wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a request restricted to ``only`` kinds asks for actions of ``kind``;
    fix-all runs several lints, so it is computed only when asked for by kind."""
    if only is None:
        return kind == lsp.CodeActionKind.QuickFix
    return any(kind == k or kind.startswith(k + ".") for k in only)
