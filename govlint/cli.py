"""The ``govlint`` command: ``check``, ``rules``, ``rule CODE``.

argparse keeps start-up cheap; heavy modules are imported inside the commands.
Exit codes follow ruff: 0 nothing at or above the fail level, 1 findings, 2 usage,
configuration or read errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from govlint import __version__

if TYPE_CHECKING:
    from govlint.config import Router
    from govlint.engine import Engine
    from govlint.fixes import FixOutcome
    from govlint.model import FileResult, Source

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="govlint",
        description="政府信息公开工作年度报告检查工具 / "
        "linter for government information-disclosure annual reports",
    )
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="检查报告 / check reports")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .); - is stdin")
    check.add_argument("--format", default="text", help="text (default), json, sarif, github, junit")
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
    check.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="processes (default: one per CPU)")
    check.add_argument("--cache", action="store_true", help="skip unchanged files (cache in .govlint_cache/)")
    check.add_argument("--cache-dir", metavar="DIR", help="result cache folder (implies --cache)")

    rules = sub.add_parser("rules", help="列出全部规则 / list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="规则说明 / explain one rule")
    rule.add_argument("code")
    from govlint.pack_tools import add_parsers

    add_parsers(sub)
    lsp = sub.add_parser("lsp", help="语言服务器（标准输入输出） / language server over stdio")
    lsp.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default: config, else zh)")
    lsp.add_argument("--debounce", type=float, default=None, metavar="MS", help="ms between runs while typing (200)")
    return p


def _blocked(opts: list[str]) -> tuple[str, ...]:
    """Plugin names blocked with ``-p no:NAME`` (other ``-p`` values are usage errors)."""
    return tuple(opt[3:] for opt in opts if opt.startswith("no:"))


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def collect_files(paths: Sequence[str], suffixes: set[str]) -> tuple[list[str], list[str]]:
    """Expand folders into report files; returns (files, errors). Explicit files are
    always checked whatever their suffix; hidden folders are skipped."""
    files: list[str] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(
                    str(Path(root) / n) for n in sorted(names) if Path(n).suffix.lower() in suffixes
                )
        elif path.exists() or path.is_symlink():
            files.append(raw)
        else:
            errors.append(f"{raw}: 文件不存在 / no such file or directory")
    return files, errors


STDIN = "-"


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


def _read(path: str, data: bytes | None) -> Source | str:
    """The Source of a file, or of ``data`` (standard input) checked as if it were ``path``;
    a message when it cannot be read."""
    from govlint.source import DecodeError, decode, read_source

    try:
        return read_source(path) if data is None else decode(data, path)
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


def _lint_inputs(router: Router, engine: Engine, args: argparse.Namespace) -> _Linted:
    """Lint the inputs, each file with the engine of its own configuration (``router``)."""
    from govlint.fixes import fix_source, write_fixed
    from govlint.model import FileResult

    use_stdin = STDIN in args.paths or (args.stdin_filename is not None and not args.paths)
    paths = [p for p in args.paths if p != STDIN] or ([] if use_stdin else ["."])
    files, errors = collect_files(paths, engine.suffixes())
    named = set(paths)  # files named on the command line are checked even when excluded
    files = [f for f in files if f in named or not router.file(f).excluded]
    stdin = _read_stdin() if use_stdin else None
    inputs: list[tuple[str, bytes | None]] = [(args.stdin_filename or STDIN, stdin)] if stdin is not None else []
    fixing = args.fix or args.diff
    inputs.extend((path, None) for path in (_unique(files) if fixing else []))
    results: list[FileResult] = []
    outcomes: list[FixOutcome] = []
    stdin_outcome = None
    for path, data in inputs:
        source = _read(path, data)
        if isinstance(source, str):
            results.append(FileResult(path, None, (), source))
            errors.append(source)
        elif args.fix or args.diff:
            outcome = fix_source(source, router.engine(path).lint_source, unsafe=args.unsafe_fixes)
            error = write_fixed(outcome) if args.fix and outcome.changed and data is None else None
            if error:  # not written: what stands is the file as it was
                errors.append(error)
                outcome = outcome.undone()
            stdin_outcome = outcome if data is not None else stdin_outcome
            outcomes.append(outcome)
            results.append(outcome.result)
        else:
            results.append(router.engine(path).lint_source(source))
    if not fixing:
        todo = _unique(files)
        groups: dict[int, tuple[Engine, list[str]]] = {}
        for path in todo:
            file_engine = router.engine(path)
            groups.setdefault(id(file_engine), (file_engine, []))[1].append(path)
        done = {p: r for e, group in groups.values() for p, r in zip(group, _lint_batch(e, args, group), strict=True)}
        batch = [done[p] for p in todo]
        errors.extend(r.error for r in batch if r.error)
        results.extend(batch)
    return _Linted(results, outcomes, errors, stdin, stdin_outcome)


def _lint_batch(engine: Engine, args: argparse.Namespace, files: list[str]) -> list[FileResult]:
    """Files (not standard input) through the process pool and, with --cache, the result cache."""
    from govlint.batch import cache_for, lint_files
    from govlint.cache import DEFAULT_DIR

    cache = cache_for(engine, Path(args.cache_dir or DEFAULT_DIR)) if args.cache or args.cache_dir else None
    return lint_files(engine, files, args.jobs, cache)


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


def cmd_check(args: argparse.Namespace) -> int:
    from govlint.config import ConfigError, Overrides, Router
    from govlint.engine import at_or_above
    from govlint.model import Context
    from govlint.output import json_format, text
    from govlint.packs import PackError

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
            return EXIT_ERROR
        _ = engine.pack  # load the pack up front: a broken pack is a usage error
        linted = _lint_inputs(router, engine, args)
    except (PackError, ConfigError) as exc:  # configuration problems are reported, not raised
        print(f"govlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
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
        options: dict[str, object] = {
            "color": args.format == "text" and stream.isatty() and not os.environ.get("NO_COLOR"),
            "quiet": args.quiet,
            "fixed": fixed,
            "fail_level": base.fail_level,
            "checks": {c.code: c for c in engine.checks()},
        }
        render: Callable[[list[FileResult], Context], str] = formatters[args.format].render
        if args.statistics:
            render = text.render_statistics if args.format == "text" else json_format.render_statistics
        _write_stdout(render(linted.results, Context(settings.lang, options)), stream)
    for err in errors:
        print(f"govlint: {err}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if any(o.changed for o in linted.outcomes) else EXIT_OK
    findings = any(at_or_above(r.diagnostics, router.file(r.path).fail_level) for r in linted.results)
    return EXIT_FINDINGS if findings and not args.exit_zero else EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from govlint.engine import Engine

    engine = Engine()
    checks = engine.all_checks
    if args.format == "json":
        import json

        rows = [
            {"code": c.code, "name": c.name, "family": c.family, "severity": c.severity,
             "summary": c.summary.zh, "summary_en": c.summary.en}
            for c in checks
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    for c in checks:
        print(f"{c.code}  {c.family}  {c.severity:<7}  {c.name:<28} {c.summary.zh} / {c.summary.en}")
    return EXIT_OK


def cmd_rule(args: argparse.Namespace) -> int:
    from govlint.engine import Engine

    code = args.code.upper()
    for c in Engine().all_checks:
        if c.code == code or c.name == args.code:
            print(f"# {c.code} {c.name}\n\n{c.summary.zh}\n{c.summary.en}\n\n"
                  f"默认级别 / default severity: {c.severity}\n\n{c.doc.strip()}")
            return EXIT_OK
    print(f"govlint: 没有规则 / no rule {args.code!r}", file=sys.stderr)
    return EXIT_ERROR


def cmd_lsp(args: argparse.Namespace) -> int:
    from govlint.lsp import serve

    return serve(args.lang, args.debounce)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from govlint.pack_tools import cmd_config, cmd_pack

    commands = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule, "lsp": cmd_lsp, "pack": cmd_pack,
                "config": cmd_config}
    if args.command not in commands:
        parser.print_help()
        return EXIT_ERROR
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
