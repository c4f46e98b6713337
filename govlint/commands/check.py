"""``govlint check``: lint reports and print what was found, or fix them.

Files are linted in a process pool (:mod:`govlint.batch`), each with the Engine of its own
configuration (:class:`govlint.routing.Router`); with a streaming formatter each file's
output is printed as soon as it and those before it are done. ``--fix`` and ``--diff``
need whole texts and do not stream.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from govlint._infra.records import NamedTuple
from govlint.commands import ExitStatus, Subcommand, collect_files

if TYPE_CHECKING:
    from govlint.batch import Item, Linter, Output
    from govlint.config import FileConfig
    from govlint.crossyear import Pair
    from govlint.engine import Engine
    from govlint.fixes import FixOutcome
    from govlint.model import Context, Document, FileResult, Formatter, Source, Stream
    from govlint.routing import Router

STDIN = "-"


def check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - is stdin")
    check.add_argument("--format", default="text", help="text (default), json, sarif, github, junit, html")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE (whole or not at all)")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    check.add_argument("--select", default=None, help="comma-separated code prefixes to check")
    check.add_argument("--ignore", default=None, help="comma-separated code prefixes to skip")
    check.add_argument("--fail-level", choices=("info", "warning", "error"), default=None, help="default warning")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--report-year", type=int, default=None, help="report year when the title has none")
    check.add_argument("--pack", default=None, help="rule pack id (default: the configuration's, else national)")
    check.add_argument("--config", metavar="FILE", help="use this configuration file instead of finding one")
    check.add_argument(
        "-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME", help="block plugin NAME"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes (writes the files)")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff: unsafe fixes too")
    check.add_argument("--diff", action="store_true", help="print what --fix would change; write nothing")
    check.add_argument("--stdin-filename", metavar="NAME", help="check standard input as file NAME")
    check.add_argument("--statistics", action="store_true", help="count problems by code")
    check.add_argument("-q", "--quiet", action="store_true", help="only the problems, no summary line")
    check.add_argument("-v", "--verbose", action="store_true", help="name the files of the folders that were skipped")
    check.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="processes (default: one per CPU)")
    check.add_argument("--cache", action="store_true", help="skip unchanged files (cache in .govlint_cache/)")
    check.add_argument("--cache-dir", metavar="DIR", help="result cache folder (implies --cache)")


def _blocked(opts: list[str]) -> tuple[str, ...]:
    """Plugin names blocked with ``-p no:NAME`` (other ``-p`` values are usage errors)."""
    return tuple(opt[3:] for opt in opts if opt.startswith("no:"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def _check_usage(args: argparse.Namespace, formats: Iterable[str]) -> str | None:
    """What is wrong with the combination of ``check`` options, if anything."""
    bad_plugin_opts = [opt for opt in args.plugin_opts if not opt.startswith("no:")]
    if bad_plugin_opts:
        return f"-p 的参数须为 no:NAME / -p takes no:NAME, got {bad_plugin_opts[0]!r}"
    if args.format not in formats:
        return f"未知输出格式 / unknown format {args.format!r}; available: {', '.join(sorted(formats))}"
    if args.statistics and args.format not in ("text", "json"):
        return "--statistics 仅支持 text 或 json 格式 / --statistics works with --format text or json"
    if args.stdin_filename is not None and any(p != STDIN for p in args.paths):
        return "--stdin-filename 不能与文件路径同用 / --stdin-filename cannot be combined with paths"
    if args.fix and args.diff:
        return "--fix 与 --diff 不能同用 / --fix and --diff are mutually exclusive"
    return None


def _read(engine: Engine, path: str, data: bytes | None) -> Document | Source | str:
    """What a file, or ``data`` (standard input) checked as if it were ``path``, is read as
    (see ``Engine.load``); a message when it cannot be read."""
    from govlint.source import DecodeError

    try:
        return engine.load_path(path) if data is None else engine.load(data, path)
    except DecodeError as exc:
        return str(exc)


def _read_stdin() -> bytes:
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError):  # closed or unreadable: checked as empty input
        return b""


def _unique(paths: Iterable[str]) -> list[str]:
    """Each file once, however it was named (``--fix`` must not fix a file twice)."""
    unique: dict[str, str] = {}
    for path in paths:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def _write_stdout(text: str, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    if text:
        out.write(text if text.endswith("\n") else text + "\n")


class _Linted(NamedTuple):
    """What ``check`` found for its inputs, before anything is printed or written."""

    results: list[FileResult]
    outcomes: list[FixOutcome]  # with --fix or --diff
    errors: list[str]
    stdin: bytes | None  # standard input as read (None: not read), echoed when --fix changes nothing
    stdin_outcome: FixOutcome | None


class _Inputs(NamedTuple):
    files: list[str]  # each once, in order
    errors: list[str]
    stdin: bytes | None  # None: standard input is not checked
    skipped: list[str]  # files of the folders checked that no reader takes


def _inputs(router: Router, engine: Engine, args: argparse.Namespace) -> _Inputs:
    """The files to check (folders expanded, excluded files left out) and standard input."""
    use_stdin = STDIN in args.paths or (args.stdin_filename is not None and not args.paths)
    paths = [p for p in args.paths if p != STDIN] or ([] if use_stdin else ["."])
    files, errors, skipped = collect_files(paths, engine.suffixes())
    named = set(paths)  # files named on the command line are checked even when excluded
    files = [f for f in files if f in named or not router.file(f).excluded]
    return _Inputs(_unique(files), errors, _read_stdin() if use_stdin else None, skipped)


def _lint_stdin(router: Router, args: argparse.Namespace, data: bytes) -> FileResult:
    from govlint.model import FileResult

    path = args.stdin_filename or STDIN
    loaded = _read(router.engine(path), path, data)
    return FileResult(path, None, (), loaded) if isinstance(loaded, str) else router.engine(path).lint(loaded)


def _lint_inputs(router: Router, args: argparse.Namespace, found: _Inputs) -> _Linted:
    """Lint the inputs, each file with the engine of its own configuration (``router``)."""
    from govlint.fixes import fix_source, write_fixed
    from govlint.model import Document, FileResult, Source

    files, errors, stdin = found.files, list(found.errors), found.stdin
    inputs: list[tuple[str, bytes | None]] = [(args.stdin_filename or STDIN, stdin)] if stdin is not None else []
    fixing = args.fix or args.diff
    pairs = _pairs(router, files, args.jobs)
    inputs.extend((path, None) for path in (files if fixing else []))
    results: list[FileResult] = []
    outcomes: list[FixOutcome] = []
    stdin_outcome = None
    for path, data in inputs:
        source = _read(router.engine(path), path, data)
        if isinstance(source, str):
            results.append(FileResult(path, None, (), source))
            errors.append(source)
        elif fixing and isinstance(source, Document):  # a .docx, .pdf or web page: its text is govlint's rendering
            errors.append(f"{path}: --fix 只修改文本文件（.md/.txt），请在原文件中修改 / "
                          f"--fix only rewrites text files (.md, .txt); make the change in the original")
            results.append(router.engine(path).lint(source))
        elif fixing and isinstance(source, Source):
            outcome = fix_source(source, _lint_fn(router.engine(path), pairs.get(path)), unsafe=args.unsafe_fixes)
            error = write_fixed(outcome) if args.fix and outcome.changed and data is None else None
            if error:  # not written: what stands is the file as it was
                errors.append(error)
                outcome = outcome.undone()
            stdin_outcome = outcome if data is not None else stdin_outcome
            outcomes.append(outcome)
            results.append(outcome.result)
        else:
            results.append(router.engine(path).lint(source))
    if not fixing:
        from govlint.batch import run_files

        linters, items = _lint_batch(router, args, files)
        batch = [r for r in run_files(linters, items, args.jobs, None, pairs) if isinstance(r, FileResult)]
        errors.extend(r.error for r in batch if r.error)
        results.extend(batch)
    return _Linted(results, outcomes, errors, stdin, stdin_outcome)


def _pairs(router: Router, files: list[str], jobs: int | None) -> dict[str, Pair]:
    """Last year's report of each file that has one, where a cross-year rule is on for the
    file: among the files checked and beside each (:mod:`govlint.crossyear`), each file's
    title read once for the whole run (a rendered file's in ``jobs`` worker processes)."""
    configs = {path: router.file(path) for path in files}
    wanting = [path for path in files if router.engines(configs[path].settings).pairs]
    if not wanting:
        return {}
    from govlint.crossyear import Index, Title, pair

    index = Index(lambda path: _candidate_engine(router, configs, path), files, jobs)
    pairs: dict[str, Pair] = {}
    for path in wanting:
        title = index.title(path) or Title("", None)
        year = configs[path].settings.report_year  # the year the checked report's reading gets
        found = pair(path, title._replace(year=year or title.year), index, configs[path].config)
        if found is not None:
            pairs[path] = found
    return pairs


def _candidate_engine(router: Router, configs: dict[str, FileConfig], path: str) -> Engine | None:
    """The engine that reads a file checked or beside a checked one, or None for a file not
    to pair with: excluded by its configuration, or under one that cannot be used."""
    from govlint.config import ConfigError
    from govlint.packs import PackError

    try:
        if path in configs:  # checked: its engine is built and its pack loaded already
            return router.engines(configs[path].settings)
        return None if router.file(path).excluded else router.engine(path)
    except (ConfigError, PackError):
        return None


def _lint_fn(engine: Engine, pairing: Pair | None) -> Callable[[Source], FileResult]:
    """How ``--fix`` lints a text again and again: against last year's report when it has one."""
    if pairing is None:
        return engine.lint_source
    from govlint.crossyear import previous_for, read_previous
    from govlint.model import Report

    last = read_previous(engine, pairing.previous)

    def lint(source: Source) -> FileResult:
        report = engine.report(source)
        previous = previous_for(engine, report, pairing, last) if isinstance(report, Report) and last else None
        return engine.lint_report(source, report, previous)

    return lint


def _lint_batch(router: Router, args: argparse.Namespace, files: list[str]) -> tuple[list[Linter], list[Item]]:
    """Files (not standard input) for the process pool: each with the engine of its own
    configuration and, with --cache, that engine's result cache."""
    from govlint._infra.results import DEFAULT_DIR
    from govlint.batch import Linter, cache_for

    linters: dict[int, int] = {}  # id(engine) -> index into ``found``
    found: list[Linter] = []
    items: list[Item] = []
    for path in files:
        engine = router.engine(path)
        if id(engine) not in linters:
            cache = cache_for(engine, Path(args.cache_dir or DEFAULT_DIR)) if args.cache or args.cache_dir else None
            linters[id(engine)] = len(found)
            found.append(Linter(engine, cache))
        items.append((linters[id(engine)], path))
    return found, items


def _print_streamed(router: Router, args: argparse.Namespace, output: Output, found: _Inputs) -> tuple[list[str], bool]:
    """Lint and print file by file (``--fix`` and ``--diff`` need whole texts; they do not
    stream): each piece is written as soon as its file and those before it are done, and only
    counts are kept. Returns the read errors and whether any file fails its fail level."""
    from itertools import chain

    from govlint.batch import print_files, printed
    from govlint.model import SEVERITY_RANK, Tally
    from govlint.output.streaming import added

    files, errors, stdin = found.files, list(found.errors), found.stdin
    head = [printed(_lint_stdin(router, args, stdin), output)] if stdin is not None else []
    linters, items = _lint_batch(router, args, files)
    pairs = _pairs(router, files, args.jobs)
    stream, ctx = output
    out = _Out(sys.stdout)
    out.write(stream.begin(ctx))
    tally, findings, sep = Tally(), False, ""
    for done in chain(head, print_files(linters, items, args.jobs, output, pairs)):
        if done.piece:
            out.write(sep + done.piece)
            sep = stream.sep
        tally = added((tally, done.tally))
        errors.extend(message for _, message in done.tally.errors)
        level = router.file(done.path).fail_level
        findings = findings or (done.worst is not None and SEVERITY_RANK[done.worst] >= SEVERITY_RANK[level])
    out.write(stream.end(tally, ctx))
    out.close()
    return errors, findings


class _Out:
    """Standard output written in pieces, ending with a line end when anything was written
    (as :func:`_write_stdout` does for a whole text)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = ""

    def write(self, text: str) -> None:
        if text:
            self.stream.write(text)
            self.last = text

    def close(self) -> None:
        if self.last and not self.last.endswith("\n"):
            self.stream.write("\n")


def _print_fixed_stdin(linted: _Linted) -> str | None:
    """With ``--fix`` on standard input, the fixed text is the output: the input unchanged when
    nothing was fixed or it could not be read or re-encoded (an editor must never get nothing)."""
    from govlint.fixes import encoded

    original = linted.stdin or b""
    outcome = linted.stdin_outcome
    data = encoded(outcome) if outcome is not None and outcome.changed else original
    sys.stdout.flush()
    sys.stdout.buffer.write(original if isinstance(data, str) else data)
    sys.stdout.flush()
    return data if isinstance(data, str) else None


def _print_diff(linted: _Linted, quiet: bool) -> None:
    from govlint.fixes import unified_diff

    _write_stdout("".join(unified_diff(o) for o in linted.outcomes))
    if not quiet:
        fixed = sum(o.fixed for o in linted.outcomes)
        changed = sum(1 for o in linted.outcomes if o.changed)
        print(f"govlint: 可修复 {fixed} 个问题，涉及 {changed} 个文件（未写入） / "
              f"would fix {fixed} problem(s) in {changed} file(s) (nothing written)", file=sys.stderr)


def _context(args: argparse.Namespace, lang: str, fail_level: str, engine: Engine, stream: TextIO,
             fixed: int, skipped: list[str]) -> Context:
    """What formatters get besides the results (see :mod:`govlint.output`)."""
    from govlint.model import Context, OutputOptions

    options = OutputOptions(
        color=args.format == "text" and stream.isatty() and not os.environ.get("NO_COLOR"),
        quiet=args.quiet,
        fixed=fixed,
        fail_level=fail_level,  # type: ignore[arg-type]  # argparse's choices are the severities
        checks=tuple(engine.checks()),
        skipped=tuple(skipped),
        verbose=args.verbose,
    )
    return Context(lang, options)


def _stream_for(args: argparse.Namespace, formatters: dict[str, Formatter]) -> Stream | None:
    """How the output streams, or None when it is rendered whole (fixing, or a formatter
    that does not stream)."""
    from govlint.output import json_format, text

    if args.fix or args.diff:
        return None
    if args.statistics:
        return text.STATISTICS if args.format == "text" else json_format.STATISTICS
    return formatters[args.format].stream


def _settle_collector() -> None:
    """What is built before the first file (plugins, the pack, compiled patterns) lives
    until the process ends: the cyclic garbage collector need not walk it again, during the
    run or at exit (a tenth of a one-report check went to that last walk). A report makes
    thousands of short-lived tuples, so the youngest generation is collected every 10,000
    of them rather than 700, as mypy does. Process-wide, so only when govlint owns the process."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, *gc.get_threshold()[1:])


def _to_output_file(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """``-o FILE``: what ``run`` prints to standard output goes to FILE instead, written at the
    end with :func:`~govlint._infra.fs.write_atomic`, so a review page being read is never half
    replaced. The output is held until then (not the reports: a streamed run's pieces only).
    Nothing is written when the run printed nothing and failed (a usage error), so a good page
    is not replaced by an empty one."""

    def run_to_file(args: argparse.Namespace) -> int:
        if not args.output:
            return run(args)
        import contextlib
        import io

        from govlint._infra.fs import write_atomic

        raw = io.BytesIO()
        held = io.TextIOWrapper(raw, encoding="utf-8")
        with contextlib.redirect_stdout(held):
            status = run(args)
        held.flush()
        data = raw.getvalue()
        if data or status != ExitStatus.ERROR:
            try:
                write_atomic(args.output, data, durable=False)
            except OSError as exc:
                print(f"govlint: {args.output}: 无法写入 / cannot write: {exc.strerror or exc}", file=sys.stderr)
                return ExitStatus.ERROR
        return status

    return run_to_file


@_to_output_file
def cmd_check(args: argparse.Namespace) -> int:
    from govlint.batch import Output
    from govlint.config import ConfigError, Overrides
    from govlint.engine import at_or_above
    from govlint.output import json_format, text
    from govlint.packs import PackError
    from govlint.routing import Router

    router = Router(Overrides(
        pack=args.pack,
        select=None if args.select is None else _split(args.select),
        ignore=None if args.ignore is None else _split(args.ignore),
        fail_level=args.fail_level,
        lang=args.lang,
        report_year=args.report_year,
        blocked=_blocked(args.plugin_opts),
        config=Path(args.config) if args.config else None,
    ))
    # The configuration of the first path decides what applies to the run as a whole
    # (output language, the fail level shown in the summary); each file gets its own.
    first = next((p for p in args.paths if p != STDIN), args.stdin_filename or ".")
    try:
        base = router.file(first)
        settings = base.settings
        engine = router.engines(settings)
        formatters = engine.plugins.formatters()
        problem = _check_usage(args, formatters)
        if problem:
            print(f"govlint: {problem}", file=sys.stderr)
            return ExitStatus.ERROR
        router.engine(first)  # up front: a broken pack, or an unknown code in --select/--ignore, is a usage error
        if args.own_process:
            _settle_collector()
        streamed = _stream_for(args, formatters)
        found = _inputs(router, engine, args)
        if streamed is not None:
            ctx = _context(args, settings.lang, base.fail_level, engine, sys.stdout, 0, found.skipped)
            errors, findings = _print_streamed(router, args, Output(streamed, ctx), found)
        else:
            linted = _lint_inputs(router, args, found)
    except (PackError, ConfigError) as exc:  # configuration problems are reported, not raised
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    if streamed is None:
        errors = list(linted.errors)
        if args.diff:
            _print_diff(linted, args.quiet)
        else:
            fix_stdin = args.fix and linted.stdin is not None
            stdin_error = _print_fixed_stdin(linted) if fix_stdin else None
            errors.extend([stdin_error] if stdin_error else [])
            fixed = sum(o.fixed for o in linted.outcomes)
            if fixed and args.format != "text" and not args.quiet:
                print(f"govlint: 已修复 {fixed} 个问题 / fixed {fixed} problem(s)", file=sys.stderr)
            # With --fix on standard input the fixed text is the output, so the report goes to stderr.
            stream = sys.stderr if fix_stdin else sys.stdout
            render: Callable[[list[FileResult], Context], str] = formatters[args.format].render
            if args.statistics:
                render = text.render_statistics if args.format == "text" else json_format.render_statistics
            ctx = _context(args, settings.lang, base.fail_level, engine, stream, fixed, found.skipped)
            _write_stdout(render(linted.results, ctx), stream)
        findings = any(at_or_above(r.diagnostics, router.file(r.path).fail_level) for r in linted.results)
    for err in errors:
        print(f"govlint: {err}", file=sys.stderr)
    if errors:
        return ExitStatus.ERROR
    if args.diff:
        return ExitStatus.FAILURE if any(o.changed for o in linted.outcomes) else ExitStatus.SUCCESS
    return ExitStatus.FAILURE if findings and not args.exit_zero else ExitStatus.SUCCESS


COMMANDS = {"check": Subcommand("检查报告 / check reports", check_arguments, cmd_check)}
