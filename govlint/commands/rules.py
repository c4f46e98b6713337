"""``govlint rules`` lists every rule; ``govlint rule CODE`` explains one."""

from __future__ import annotations

import argparse
import sys

from govlint.commands import ExitStatus, Subcommand, print_json


def rules_arguments(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--format", choices=("text", "json"), default="text")


def rule_arguments(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("code")


def cmd_rules(args: argparse.Namespace) -> int:
    from govlint.engine import Engine

    engine = Engine()
    checks = engine.all_checks
    if args.format == "json":
        print_json([
            {"code": c.code, "name": c.name, "family": c.family, "severity": c.severity,
             "summary": c.summary.zh, "summary_en": c.summary.en}
            for c in checks
        ])
        return ExitStatus.SUCCESS
    for c in checks:
        print(f"{c.code}  {c.family}  {c.severity:<7}  {c.name:<28} {c.summary.zh} / {c.summary.en}")
    return ExitStatus.SUCCESS


def cmd_rule(args: argparse.Namespace) -> int:
    from govlint.engine import Engine

    code = args.code.upper()
    for c in Engine().all_checks:
        if c.code == code or c.name == args.code:
            print(f"# {c.code} {c.name}\n\n{c.summary.zh}\n{c.summary.en}\n\n"
                  f"默认级别 / default severity: {c.severity}\n\n{c.doc.strip()}")
            return ExitStatus.SUCCESS
    print(f"govlint: 没有规则 / no rule {args.code!r}", file=sys.stderr)
    return ExitStatus.ERROR


COMMANDS = {
    "rules": Subcommand("列出全部规则 / list every rule", rules_arguments, cmd_rules),
    "rule": Subcommand("规则说明 / explain one rule", rule_arguments, cmd_rule),
}
