"""The ``govlint`` command: ``check``, ``rules``, ``rule CODE``.

argparse keeps start-up cheap; heavy modules are imported inside the commands.
Exit codes follow ruff: 0 nothing at or above the fail level, 1 findings, 2 usage,
configuration or read errors.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Sequence

from govlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="govlint",
        description="政府信息公开工作年度报告检查工具 / linter for government information-disclosure annual reports",
    )
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="检查报告 / check reports")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: .)")
    check.add_argument("--format", default="text", help="text (default), json, …: see `govlint formats`")
    check.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default zh)")
    check.add_argument("--select", default="", help="comma-separated code prefixes to check")
    check.add_argument("--ignore", default="", help="comma-separated code prefixes to skip")
    check.add_argument("--fail-level", choices=("info", "warning", "error"), default="warning")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    check.add_argument("--report-year", type=int, default=None, help="report year when the title has none")
    check.add_argument("--pack", default="national", help="rule pack id (default: national)")
    check.add_argument(
        "-p", dest="plugin_opts", action="append", default=[], metavar="no:NAME", help="block plugin NAME"
    )

    rules = sub.add_parser("rules", help="列出全部规则 / list every rule")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rule = sub.add_parser("rule", help="规则说明 / explain one rule")
    rule.add_argument("code")
    return p


def _blocked(opts: list[str]) -> tuple[str, ...]:
    blocked = []
    for opt in opts:
        if not opt.startswith("no:"):
            raise SystemExit(f"govlint: -p takes no:NAME, got {opt!r}")
        blocked.append(opt[3:])
    return tuple(blocked)


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


def cmd_check(args: argparse.Namespace) -> int:
    from govlint.engine import Engine, Settings, at_or_above
    from govlint.model import Context, FileResult

    settings = Settings(
        lang=args.lang or "zh",
        select=_split(args.select),
        ignore=_split(args.ignore),
        pack=args.pack,
        report_year=args.report_year,
        blocked=_blocked(args.plugin_opts),
    )
    try:
        engine = Engine(settings)
        formatters = engine.plugins.formatters()
        if args.format not in formatters:
            print(f"govlint: 未知输出格式 / unknown format {args.format!r}; "
                  f"available: {', '.join(sorted(formatters))}", file=sys.stderr)
            return EXIT_ERROR
        _ = engine.pack  # load the pack up front: a broken pack is a usage error
    except Exception as exc:  # noqa: BLE001 - configuration problems are reported, not raised
        from govlint.packs import PackError

        if isinstance(exc, PackError):
            print(f"govlint: {exc}", file=sys.stderr)
            return EXIT_ERROR
        raise
    files, errors = collect_files(args.paths or ["."], engine.suffixes())
    results: list[FileResult] = [engine.lint_path(f) for f in files]
    errors.extend(r.error for r in results if r.error)
    out = formatters[args.format].render(results, Context(settings.lang, {}))
    if out:
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    for err in errors:
        print(f"govlint: {err}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    findings = at_or_above((d for r in results for d in r.diagnostics), args.fail_level)
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    commands = {"check": cmd_check, "rules": cmd_rules, "rule": cmd_rule}
    if args.command not in commands:
        parser.print_help()
        return EXIT_ERROR
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
