"""``govlint rules`` lists every rule; ``govlint rule CODE|NAME`` explains one."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from govlint.commands import ExitStatus, Subcommand, print_json

if TYPE_CHECKING:
    from govlint.engine import Engine
    from govlint.model import Check, Pack


def rules_arguments(rules: argparse.ArgumentParser) -> None:
    rules.add_argument("--format", choices=("text", "json"), default="text")


def rule_arguments(rule: argparse.ArgumentParser) -> None:
    rule.add_argument("code", metavar="CODE|NAME", help="规则代码或名称 / code or name (GL201, table-row-total)")


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
    """The page of the rule named by its code or its name (``GL201``, ``table-row-total``);
    anything else is refused with what it is or what is closest (exit 2)."""
    from govlint.engine import Engine

    engine = Engine()
    word = args.code
    for c in engine.all_checks:
        if c.code == word.upper() or c.name == word.lower():
            print(f"# {c.code} {c.name}\n\n{c.summary.zh}\n{c.summary.en}\n\n"
                  f"默认级别 / default severity: {c.severity}\n\n{c.doc.strip()}")
            return ExitStatus.SUCCESS
    print(f"govlint: {_not_a_rule(word, engine)}", file=sys.stderr)
    return ExitStatus.ERROR


def _not_a_rule(word: str, engine: Engine) -> str:
    """What ``word`` is when it names no rule: something of the pack of the configuration
    here (:func:`_in_pack`), else the closest rule's code or name."""
    from govlint.codes import nearest

    pack = _pack_here(engine)
    told = _in_pack(word, pack, {c.code: c for c in engine.all_checks}) if pack is not None else None
    if told is not None:
        return told
    words = {w.lower(): w for c in engine.all_checks for w in (c.code, c.name)}
    near = nearest(word.lower(), words)
    if near is None:
        return f"没有规则 {word!r}（govlint rules 列出全部规则）/ no rule {word!r} (govlint rules lists them all)"
    return f"没有规则 {word!r}（是否为 {words[near]}？）/ no rule {word!r} (did you mean {words[near]}?)"


def _in_pack(word: str, pack: Pack, rules: dict[str, Check]) -> str | None:
    """An entry of the pack (``row-total``, what a finding gives as its ``entry``) and the
    rule it belongs to, or a code only the pack declares (a province's ``GL110``) and the
    entries that report it; None for neither."""
    from govlint.codes import pack_codes, pack_entries

    entries = pack_entries(pack)
    if word in entries:
        codes = entries[word]
        named = [f"{code} {rules[code].name}" if code in rules else code for code in codes]
        if all(code in rules for code in codes):
            return f"{word} 是规则 {'、'.join(named)} 的条目 / {word} is an entry of {' and '.join(named)}"
        return (f"{word} 是规则包 {pack.id} 中报告 {'、'.join(named)} 的条目（没有单独的说明）/ "
                f"{word} is an entry of pack {pack.id} reporting {' and '.join(named)} (no page of its own)")
    code = word.upper()
    if code in pack_codes(pack) and code not in rules:
        reporting = sorted(entry for entry, codes in entries.items() if code in codes)
        return (f"{code} 是规则包 {pack.id} 的条目 {'、'.join(reporting)} 报告的代码（没有单独的说明）/ "
                f"{code} is reported by entry {', '.join(reporting)} of pack {pack.id} (no page of its own)")
    return None


def _pack_here(engine: Engine) -> Pack | None:
    """The pack of the configuration of the current folder (the national pack without one);
    None when it cannot be loaded (what ``check`` would say about it is not this command's)."""
    from pathlib import Path

    from govlint.config import ConfigError, settings_for
    from govlint.engine import Engine
    from govlint.packs import PackError

    try:
        return Engine(settings_for(Path.cwd()), engine.plugins).pack
    except (ConfigError, PackError):
        return None


COMMANDS = {
    "rules": Subcommand("列出全部规则 / list every rule", rules_arguments, cmd_rules),
    "rule": Subcommand("规则说明 / explain one rule", rule_arguments, cmd_rule),
}
