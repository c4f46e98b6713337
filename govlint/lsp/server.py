"""``govlint lsp``: the checks of ``govlint check`` live in an editor, over stdio.

The server lints in process with the configuration ``govlint check`` would use for each
document (found from its folder upward; one Engine per distinct Settings, cached), so an
editor shows exactly what the CLI prints. govlint's offsets count
characters of the normalised text; LSP counts lines and code units of the negotiated
position encoding (UTF-16 unless the client offers better), so every range is converted
here, which matters for characters outside the BMP. Documents are synchronised in full:
pygls splits incremental edits with ``str.splitlines``, which also breaks at form feeds
and U+2028 that PDF extracts contain, and would apply edits to the wrong place.
Nothing that happens while linting may stop the server: an exception is logged and
shown as one GL900 diagnostic.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import math
import os
import sys
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer

from govlint import __version__
from govlint._infra.records import NamedTuple
from govlint.config import CONFIG_NAMES, PYPROJECT, ConfigError, FileConfig, Overrides, clear_caches
from govlint.crossyear import Index, Title, organ_key, pair, previous_for, read_previous
from govlint.engine import Engine, Engines, Settings, internal_error
from govlint.lsp.actions import FIX_ALL_KIND, Linted, Target, fix_all, quick_fixes, wants
from govlint.lsp.convert import configuration_error, to_lsp_diagnostic
from govlint.model import FileResult, RawTable, Report, Source, Span
from govlint.packs import PackError
from govlint.routing import Router
from govlint.source import source_from_text

DEFAULT_DEBOUNCE = 0.2  # seconds between two runs on the same document while typing


LANGS = ("zh", "en")




CONFIG_FILES = (*CONFIG_NAMES, PYPROJECT)


class Options(NamedTuple):
    """What a client may set (``initializationOptions`` or ``workspace/didChangeConfiguration``)."""

    lang: str | None = None  # None: the configuration file's, else zh
    debounce: float = DEFAULT_DEBOUNCE  # seconds


def parse_options(raw: object, current: Options) -> tuple[Options, list[str]]:
    """Apply client options; returns the new options and complaints about bad values.
    Accepts ``{"lang": ..., "debounce": ms}`` or the same under a ``govlint`` key."""
    if isinstance(raw, dict) and isinstance(raw.get("govlint"), dict):
        raw = raw["govlint"]
    if not isinstance(raw, dict):
        return current, []
    problems: list[str] = []
    options = current
    if "lang" in raw:
        if raw["lang"] in LANGS:
            options = options._replace(lang=str(raw["lang"]))
        else:
            problems.append(f"lang must be one of {', '.join(LANGS)}, got {raw['lang']!r}")
    if "debounce" in raw:
        value = raw["debounce"]
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value < math.inf:
            options = options._replace(debounce=value / 1000)
        else:
            problems.append(f"debounce must be a number of milliseconds >= 0, got {value!r}")
    return options, problems


class GovlintServer(LanguageServer):
    """Holds the engines, the last results and the pending runs of each open document."""

    def __init__(self, options: Options) -> None:
        super().__init__("govlint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)
        self.options = options
        self.engines = Engines()
        self._router: Router | None = None
        self.linted: dict[str, Linted] = {}
        #: The open documents by their URI as the client wrote it: pygls keys its own by the
        #: unquoted URI, and diagnostics must go back under the client's (a report's name
        #: is Chinese, so its URI is percent-encoded).
        self.opened: dict[str, None] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.last_run: dict[str, float] = {}
        self.table_spans: dict[str, tuple[int | None, tuple[Span, ...]]] = {}
        self.frozen = False  # gc.freeze() done after the first lint
        #: The reports beside open documents, by organ and year (each file's title read once
        #: while it is unchanged), and last year's reports read so far: (size, time) and Report.
        self.index = Index(self.candidate_engine)
        self.last_years: dict[tuple[str, Settings], tuple[tuple[int, int], Report | None]] = {}

    # ------------------------------------------------------------------ configuration
    def router(self) -> Router:
        """What ``govlint check`` would use for a document (its configuration file, found
        from the document's folder upward, with its rule codes checked as the command line
        checks them), the client's language overriding the file's."""
        if self._router is None:
            self._router = Router(Overrides(lang=self.options.lang), self.engines)
        return self._router

    def reload_configuration(self) -> None:
        """Forget discovered configuration files and check every open report again."""
        clear_caches()
        self._router = None
        self.index.forget()
        self.relint_all()

    def candidate_engine(self, path: str) -> Engine | None:
        """The engine that reads a report beside an open one; None for a file not to pair
        with (excluded, or under a configuration that cannot be used)."""
        try:
            found = self.router().file(path)
            return None if found.excluded else self.router().engine(path)
        except (ConfigError, PackError):
            return None

    def configure(self, raw: object) -> None:
        self.options, problems = parse_options(raw, self.options)
        self._router = None  # the language may have changed
        for problem in problems:
            self.log(lsp.MessageType.Warning, f"govlint: {problem}")

    def log(self, kind: lsp.MessageType, message: str) -> None:
        self.window_log_message(lsp.LogMessageParams(type=kind, message=message))

    # ------------------------------------------------------------------ linting
    def lint(self, uri: str) -> Linted:
        """Lint the current text of a document; a failing rule, reader or plugin becomes a
        GL900 diagnostic and a log message."""
        doc = self.workspace.get_text_document(uri)
        source = source_from_text(doc.path, doc.source)
        settings = Settings(lang=self.options.lang or "zh")
        try:
            found = self.router().file(doc.path)
            settings = found.settings
            engine = self.router().engine(doc.path)  # a broken pack or an unknown code: a configuration error
            reader = engine.reader_for(doc.path)
            binary = reader is not None and reader.read_bytes is not None  # a .docx, .pdf: not the buffer's text
            skipped = found.excluded or binary
            result = FileResult(doc.path, source, ()) if skipped else self.checked(engine, found, source)
        except (ConfigError, PackError) as exc:
            self.log(lsp.MessageType.Error, f"govlint: {doc.path}: {exc}")
            result = FileResult(doc.path, source, (configuration_error(exc),))
        except Exception as exc:  # the server outlives any bug in a rule or reader
            diag = internal_error("lint", exc)
            self.log(lsp.MessageType.Error, f"govlint: {doc.path}: {diag.message.en}")
            result = FileResult(doc.path, source, (diag,))
        linted = Linted(doc.version, result, settings)
        self.linted[uri] = linted
        if not self.frozen:
            # Everything loaded so far (pygls, lsprotocol's ~500 classes, plugins, the pack,
            # the libraries the first lint imported) lives as long as the server: keep the
            # garbage collector from walking it on every full collection during a lint.
            gc.freeze()
            self.frozen = True
        return linted

    def checked(self, engine: Engine, found: FileConfig, source: Source) -> FileResult:
        """The buffer linted, against the same organ's report for the year before on disk when
        a cross-year rule is on and one is found (by the buffer's own reading)."""
        if not engine.pairs:
            return engine.lint_source(source)
        report = engine.report(source)
        previous = None
        if isinstance(report, Report):
            pairing = pair(source.path, Title(organ_key(report.organ), report.year), self.index, found.config)
            last = self.last_year(engine, pairing.previous) if pairing is not None else None
            previous = previous_for(engine, report, pairing, last) if pairing is not None and last else None
        return engine.lint_report(source, report, previous)

    def last_year(self, engine: Engine, path: str) -> Report | None:
        """Last year's report, aligned again only when its file changed."""
        try:
            st = os.stat(path)
        except OSError:
            return None
        key, stamp = (path, engine.settings), (st.st_size, st.st_mtime_ns)
        known = self.last_years.get(key)
        if known is None or known[0] != stamp:
            known = self.last_years[key] = (stamp, read_previous(engine, path))
        return known[1]

    def current(self, uri: str) -> Linted:
        """The lint of the document's current text, linting again only when it changed."""
        linted = self.linted.get(uri)
        if linted is None or linted.version != self.workspace.get_text_document(uri).version:
            linted = self.lint(uri)
        return linted

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client at initialisation."""
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def publish(self, uri: str) -> None:
        """Lint and send the diagnostics of one document."""
        self.cancel(uri)
        if uri not in self.opened:
            return  # closed while a run was pending
        try:
            linted = self.lint(uri)
            source = linted.result.source
            lang = linted.settings.lang
            diagnostics = (
                [to_lsp_diagnostic(source, d, lang, self.encoding) for d in linted.result.diagnostics]
                if source is not None
                else []
            )
            self.text_document_publish_diagnostics(
                lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=linted.version)
            )
        except Exception as exc:  # e.g. a client that went away mid-write
            self.log(lsp.MessageType.Error, f"govlint: {uri}: {internal_error('publish', exc).message.en}")
        self.last_run[uri] = asyncio.get_running_loop().time()

    def schedule(self, uri: str) -> None:
        """Debounce edits: lint at once when the document has been quiet for the debounce
        time, otherwise once that time is over (on the newest text). At most one run per
        document is pending, so a burst of edits costs one lint."""
        if uri in self.pending:
            return
        loop = asyncio.get_running_loop()
        delay = max(0.0, self.last_run.get(uri, -math.inf) + self.options.debounce - loop.time())
        self.pending[uri] = loop.call_later(delay, self.publish, uri)

    def cancel(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()

    def relint_all(self) -> None:
        for uri in list(self.opened):
            self.publish(uri)

    def tables(self, uri: str, linted: Linted, source: Source) -> tuple[Span, ...]:
        """Where the tables of a linted text are (read again, once per version)."""
        cached = self.table_spans.get(uri)
        if cached is not None and cached[0] == linted.version:
            return cached[1]
        engine = self.engines(linted.settings)
        reader = engine.reader_for(source.path) or engine.reader_for("report.txt")  # as Engine._run
        blocks = reader.read(source).blocks if reader is not None else ()
        spans = tuple(b.span for b in blocks if isinstance(b, RawTable))
        self.table_spans[uri] = (linted.version, spans)
        return spans

    def actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        uri = params.text_document.uri
        linted = self.current(uri)
        source = linted.result.source
        if source is None:
            return []
        caps = self.client_capabilities.workspace
        versioned = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
        target = Target(uri, linted.version, source, self.encoding, versioned)
        lang = linted.settings.lang
        actions: list[lsp.CodeAction] = []
        if wants(params.context.only, lsp.CodeActionKind.QuickFix):
            tables = self.tables(uri, linted, source) if linted.result.diagnostics else ()
            actions.extend(quick_fixes(target, linted.result.diagnostics, lang, params.range, tables))
        if wants(params.context.only, FIX_ALL_KIND):
            actions.extend(fix_all(target, self.engines(linted.settings).lint_source, lang))
        return actions


def build_server(options: Options) -> GovlintServer:
    server = GovlintServer(options)

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: GovlintServer, params: lsp.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: GovlintServer, params: lsp.DidChangeConfigurationParams) -> None:
        ls.configure(params.settings)
        ls.relint_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GovlintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.opened[params.text_document.uri] = None
        ls.publish(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GovlintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE, lsp.SaveOptions(include_text=False))
    def did_save(ls: GovlintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        clear_caches()  # a configuration edited outside the editor is seen at the next save
        ls.index.forget()  # and a report saved as a new file is a candidate last year's report
        ls.publish(params.text_document.uri)

    @server.feature(lsp.INITIALIZED)
    async def initialized(ls: GovlintServer, params: lsp.InitializedParams) -> None:
        """Ask the client to tell us about changes to configuration files, which are not
        documents this server is given."""
        caps = ls.client_capabilities.workspace
        if not (caps and caps.did_change_watched_files and caps.did_change_watched_files.dynamic_registration):
            return
        watchers = [lsp.FileSystemWatcher(glob_pattern=f"**/{name}") for name in CONFIG_FILES]
        options = lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = lsp.Registration(
            id="govlint-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        try:
            await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[registration]))
        except Exception as exc:  # a client that declines: configuration is re-read on save
            ls.log(lsp.MessageType.Warning, f"govlint: cannot watch configuration files: {exc}")

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: GovlintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.reload_configuration()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GovlintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.cancel(uri)
        ls.opened.pop(uri, None)
        ls.linted.pop(uri, None)
        ls.last_run.pop(uri, None)
        ls.table_spans.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    kinds = [lsp.CodeActionKind.QuickFix, FIX_ALL_KIND]

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(code_action_kinds=kinds))
    def code_action(ls: GovlintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        try:
            return ls.actions(params)
        except Exception as exc:  # no actions rather than a failed request
            where = params.text_document.uri
            ls.log(lsp.MessageType.Error, f"govlint: {where}: {internal_error('code actions', exc).message.en}")
            return []

    return server


class OneLineFormatter(logging.Formatter):
    """The server's stderr ends up in the editor's log: one line per event, no traceback
    (a malformed message from the client is logged by pygls with its exception)."""

    def formatException(self, ei: Any) -> str:
        return f"{ei[0].__name__}: {ei[1]}" if ei and ei[0] is not None else ""


def serve(lang: str | None = None, debounce_ms: float | None = None) -> int:
    """Run the server on stdin/stdout until the client says exit; 2 for bad options.
    Options left out (None) keep their defaults, so the configuration file decides ``lang``."""
    given = {k: v for k, v in (("lang", lang), ("debounce", debounce_ms)) if v is not None}
    options, problems = parse_options(given, Options())
    if problems:
        print(f"govlint lsp: {'; '.join(problems)}", file=sys.stderr)
        return 2
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineFormatter("govlint lsp: %(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])
    build_server(options).start_io()
    return 0
