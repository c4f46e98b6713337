"""Running govlint on one file: decode, read, align, check — each step isolated.

An ``Engine`` is built once per process (CLI run, LSP server, worker) and holds the
plugins, readers, checks and resolved pack, so the per-file path does no discovery.
A reader, aligner or check that raises becomes one GL900 diagnostic for that file and
the remaining checks still run.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from govlint._infra.records import NamedTuple
from govlint.model import (
    SEVERITY_RANK,
    Check,
    Context,
    Diagnostic,
    Document,
    FileResult,
    Msg,
    Pack,
    Reader,
    Report,
    ReportFacts,
    Severity,
    Source,
    Span,
)
from govlint.plugins import PluginError, Plugins, load_plugins

INTERNAL_CODE = "GL900"
#: The rule that reports a file without report text (an empty file, a scanned PDF): it alone runs on one.
NO_TEXT_CODE = "GL100"
#: The cross-year rules: they read the same organ's report for the year before too
#: (``Context.previous``), which a run looks for only when one of them is enabled.
CROSS_YEAR_CODE = "GL6"


class Settings(NamedTuple):
    """Options that decide what is checked and how it is reported."""

    lang: str = "zh"
    select: tuple[str, ...] = ()  # code prefixes; empty = all
    ignore: tuple[str, ...] = ()  # code prefixes
    severity: tuple[tuple[str, Severity], ...] = ()  # (code prefix, severity) overrides
    pack: str = "national"
    report_year: int | None = None
    blocked: tuple[str, ...] = ()  # plugin names blocked with -p no:NAME
    packs: tuple[str, ...] = ()  # pack files or folders named by the configuration


def code_matches(code: str, prefixes: Iterable[str]) -> bool:
    """``GL2`` selects GL201…; ``ALL`` selects everything (ruff's convention)."""
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def _never(report: Report, ctx: Context) -> Iterable[Diagnostic]:
    return ()


#: GL900: what govlint itself could not do for a file (a reader, aligner or check that raised,
#: a plugin that could not be loaded, a broken configuration in the editor). The engine
#: reports it; no check runs it.
INTERNAL = Check(
    INTERNAL_CODE,
    "internal-error",
    "error",
    Msg("govlint 内部错误", "internal error of govlint"),
    "A reader, the aligner, a check or a plugin failed on this file; the other checks still ran.",
    _never,
)


def internal_error(what: str, exc: BaseException, span: Span = Span(0, 0)) -> Diagnostic:
    import traceback  # only after a crash: not on every start-up

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({Path(frame.filename).name}:{frame.lineno})" if frame else ""
    detail = f"{type(exc).__name__}: {exc}{where}"
    message = Msg(f"内部错误：{what} 运行失败：{detail}", f"internal error: {what} failed: {detail}")
    return INTERNAL.finding(message, span)


def plugin_error(err: PluginError) -> Diagnostic:
    message = Msg(f"插件“{err.plugin}”无法加载：{err.error}", f"plugin '{err.plugin}' could not be loaded: {err.error}")
    return INTERNAL.finding(message, Span(0, 0))


class Engine:
    """Everything needed to lint files, resolved once."""

    def __init__(
        self, settings: Settings = Settings(), plugins: Plugins | None = None, pack: Pack | None = None
    ) -> None:
        self.settings = settings
        self.plugins = plugins or load_plugins(settings.blocked)
        self.readers: list[Reader] = self.plugins.readers()
        checks, errors = self.plugins.checks()
        self.all_checks: list[Check] = sorted(checks, key=lambda c: c.code)
        self.plugin_errors: tuple[PluginError, ...] = self.plugins.errors + tuple(errors)
        self._pack: Pack | None = pack  # given: used instead of settings.pack (``govlint pack test``)

    # ------------------------------------------------------------------ discovery
    @property
    def pack(self) -> Pack:
        """The resolved pack, loaded on first use (``govlint rules`` never needs it)."""
        if self._pack is None:
            from govlint import packs

            local = [packs.PackSource(Path(p), "configuration") for p in self.settings.packs]
            self._pack = packs.load(self.settings.pack, local + packs.plugin_sources(self.plugins))
        return self._pack

    @cached_property
    def effective(self) -> tuple[tuple[str, ...], tuple[tuple[str, Severity], ...]]:
        """(ignore, severity overrides) after the pack's own ``disable``/``severity``, which
        the settings (configuration, command line) override."""
        data = self.pack.data
        disable = tuple(str(c) for c in data.get("disable") or ())
        pack_severity = tuple((str(c), sev) for c, sev in (data.get("severity") or {}).items())
        return self.settings.ignore + disable, pack_severity + self.settings.severity

    def enabled(self, code: str) -> bool:
        """Whether diagnostics with ``code`` are reported under these settings and pack."""
        ignore, _ = self.effective
        select = self.settings.select
        return (not select or code_matches(code, select)) and not code_matches(code, ignore)

    @cached_property
    def _pack_only_codes(self) -> bool:
        """Whether an enabled code exists only in the pack (a province's ``GL110`` statement,
        reported by the GL109 check): then every check runs and its findings are filtered,
        since which check reports such a code is not declared."""
        from govlint.packs import codes

        own = {c.code for c in self.all_checks}
        return any(code not in own and self.enabled(code) for code in codes(self.pack.data))

    def checks(self) -> list[Check]:
        ignore, _ = self.effective
        # Nothing deselected (the usual case) needs no walk of the pack for its codes.
        if (not self.settings.select and not ignore) or self._pack_only_codes:
            return list(self.all_checks)
        return [c for c in self.all_checks if self.enabled(c.code)]

    @cached_property
    def pairs(self) -> bool:
        """Whether a cross-year rule is enabled: only then is last year's report looked for."""
        return any(c.code.startswith(CROSS_YEAR_CODE) and self.enabled(c.code) for c in self.all_checks)

    def reader_for(self, path: str) -> Reader | None:
        suffix = Path(path).suffix.lower()
        for reader in self.readers:
            if suffix in reader.suffixes:
                return reader
        return None

    def suffixes(self) -> set[str]:
        return {s for r in self.readers for s in r.suffixes}

    # ------------------------------------------------------------------ reading
    def load(self, data: bytes, path: str, head: bool = False) -> Document | Source:
        """What a file's bytes are read as: the Document of a format that is not text (its
        reader renders it, :mod:`govlint.readers.rendered`; with ``head``, only its start where
        the reader can read less, ``Reader.read_head``), else the decoded Source of a text
        file. Raises DecodeError with a message for the user, also when a reader fails on a
        file (never a traceback)."""
        from govlint.source import DecodeError, decode

        reader = self.reader_for(path)
        if reader is None or reader.read_bytes is None:
            return decode(data, path)
        try:
            return (reader.read_head if head and reader.read_head is not None else reader.read_bytes)(data, path)
        except DecodeError:
            raise
        except Exception as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise DecodeError(f"{path}: 读取器 {reader.name} 无法读取此文件（{detail}）/ "
                              f"the {reader.name} reader could not read this file ({detail})") from None

    def load_path(self, path: str, head: bool = False) -> Document | Source:
        """:meth:`load` of a file on disk."""
        from govlint.source import read_bytes

        return self.load(read_bytes(path), path, head)

    # ------------------------------------------------------------------ linting
    def lint_path(self, path: str) -> FileResult:
        """Read and lint one file; a file that cannot be read gives ``error`` instead."""
        from govlint.source import DecodeError

        try:
            loaded = self.load_path(path)
        except DecodeError as exc:
            return FileResult(path, None, (), str(exc))
        return self.lint(loaded)

    def lint_text(self, path: str, text: str) -> FileResult:
        """Lint text that is already decoded (editor buffers, standard input)."""
        from govlint.source import source_from_text

        return self.lint_source(source_from_text(path, text))

    def lint(self, loaded: Document | Source) -> FileResult:
        """Lint what :meth:`load` gave."""
        if isinstance(loaded, Source):
            return self.lint_source(loaded)
        return self.lint_report(loaded.source, self.report(loaded))

    def lint_source(self, source: Source) -> FileResult:
        """Lint a text file's Source, read by the reader of its suffix."""
        return self.lint_report(source, self.report(source))

    def lint_report(
        self, source: Source, report: Report | Diagnostic | None, previous: Report | None = None
    ) -> FileResult:
        """Check what :meth:`report` made of ``source``, against ``previous``: the same organ's
        report for the year before, for the cross-year rules (:mod:`govlint.crossyear` finds
        it, by the Report, so its caller aligns first and once)."""
        diags = [plugin_error(e) for e in self.plugin_errors]
        ctx = Context(self.settings.lang, scratch={}, previous=previous)
        diags.extend(self._run(report, ctx))
        diags = self._apply_settings(diags)
        from govlint.codes import known_to
        from govlint.suppress import apply_suppressions

        diags = self._apply_settings(apply_suppressions(source, diags, self.enabled, known_to(self)))
        diags.sort(key=lambda d: (d.span.start, d.code))
        return FileResult(source.path, source, tuple(diags), None, _facts(report, ctx))

    def document(self, source: Source) -> Document | Diagnostic | None:
        """A text file's Source read into a Document; the internal error when the reader
        fails, None when no reader takes the file."""
        reader = self.reader_for(source.path) or self.reader_for("report.txt")  # no suffix: plain text
        if reader is None:
            return None
        try:
            return reader.read(source)
        except Exception as exc:
            return internal_error(f"reader {reader.name}", exc)

    def report(self, loaded: Document | Source) -> Report | Diagnostic | None:
        """What was loaded (or a text file's Source) read and aligned to the pack; the
        internal error when the reader or the aligner fails, None when no reader takes it."""
        document = self.document(loaded) if isinstance(loaded, Source) else loaded
        return self._align(document)

    def _align(self, document: Document | Diagnostic | None) -> Report | Diagnostic | None:
        if not isinstance(document, Document):
            return document
        from govlint.align import align

        try:
            return align(document, self.pack, self.settings.report_year)
        except Exception as exc:
            return internal_error("align", exc)

    def _run(self, report: Report | Diagnostic | None, ctx: Context) -> list[Diagnostic]:
        if not isinstance(report, Report):
            return [] if report is None else [report]
        out: list[Diagnostic] = []
        checks = self.checks()
        if not report.source.text.strip():  # nothing to check: GL100 says so, and nothing else
            checks = [c for c in checks if c.code == NO_TEXT_CODE]
        for check in checks:
            try:
                out.extend(check.run(report, ctx))
            except Exception as exc:
                out.append(internal_error(f"{check.code} {check.name} [{self.plugins.owner(check.run)}]", exc))
        return out

    def _apply_settings(self, diags: list[Diagnostic]) -> list[Diagnostic]:
        _, severity = self.effective
        result = []
        for d in diags:
            if d.code != INTERNAL_CODE and not self.enabled(d.code):
                continue
            for prefix, sev in severity:
                if d.code.startswith(prefix):
                    d = d._replace(severity=sev)
            result.append(d)
        return result


def _facts(report: Report | Diagnostic | None, ctx: Context) -> ReportFacts | None:
    """What views of many reports show of this one: whose, which year, last year's report and
    the share of its prose found there (computed once with the rule's, in the same lint)."""
    if not isinstance(report, Report):
        return None
    if ctx.previous is None:
        return ReportFacts(report.organ, report.year)
    from govlint.crossyear import overlap

    try:
        found = overlap(report, ctx)
    except Exception:  # GL603 reports it as GL900; the facts just go without the share
        found = None
    return ReportFacts(report.organ, report.year, ctx.previous.source.path, found.share if found else None)


class Engines:
    """One Engine per distinct Settings, sharing the loaded plugins among those that block
    the same plugins (loading plugins is the costly part of building an Engine)."""

    def __init__(self) -> None:
        self._engines: dict[Settings, Engine] = {}

    def __call__(self, settings: Settings) -> Engine:
        engine = self._engines.get(settings)
        if engine is None:
            shared = next((e.plugins for s, e in self._engines.items() if s.blocked == settings.blocked), None)
            engine = self._engines[settings] = Engine(settings, shared)
        return engine


def at_or_above(diags: Iterable[Diagnostic], level: str) -> bool:
    """True when any diagnostic reaches ``level`` (the fail level)."""
    rank = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[d.severity] >= rank for d in diags)
