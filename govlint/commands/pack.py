"""``govlint pack list|show|test``: the packs offered, one pack after ``extends``, its examples run."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint import packs
from govlint._infra.records import NamedTuple
from govlint.commands import ExitStatus, Subcommand, print_json, print_yaml
from govlint.config import ConfigError, absolute, config_for
from govlint.engine import Engine, Settings
from govlint.model import Pack

if TYPE_CHECKING:
    from govlint.packs.extends import Catalog
    from govlint.packs.read import RawPack

EXAMPLE_PATH = "example.md"  # examples are linted as small Markdown reports


def pack_arguments(pack: argparse.ArgumentParser) -> None:
    """The actions and arguments of ``govlint pack``."""
    actions = pack.add_subparsers(dest="pack_command", metavar="ACTION")
    listing = actions.add_parser("list", help="可用的规则包及其来源 / packs available and where each comes from")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="展开 extends 后的规则包 / the pack after extends")
    show.add_argument("pack", metavar="ID|PATH")
    show.add_argument("--format", choices=("yaml", "json"), default="yaml")
    test = actions.add_parser("test", help="运行规则包中的示例 / run the pack's examples")
    test.add_argument("pack", metavar="ID|PATH")
    test.add_argument("-v", "--verbose", action="store_true", help="list every example, not only failures")


def sources(extra: Path | None = None) -> list[packs.PackSource]:
    """Packs offered here: ``extra`` (a path given on the command line), the configuration
    of the current folder, then govlint and installed distributions."""
    out = [packs.PackSource(absolute(extra), "command line")] if extra is not None else []
    cfg = config_for(Path.cwd())
    where = f"configuration {cfg.files[0]}" if cfg.files else "configuration"
    out.extend(packs.PackSource(Path(p), where) for p in cfg.packs)
    engine = Engine(Settings())
    return out + packs.plugin_sources(engine.plugins)


def _target(name: str) -> tuple[str, list[packs.PackSource]]:
    """A pack named by id, or by the path of its file or folder."""
    path = Path(name)
    if path.exists():
        return packs.read_pack(packs.PackSource(path, "command line")).id, sources(path)
    return name, sources()


def cmd_pack(args: argparse.Namespace) -> int:
    actions = {"list": _list, "show": _show, "test": _test}
    action = actions.get(args.pack_command or "")
    if action is None:
        print("govlint: pack list | pack show ID | pack test ID", file=sys.stderr)
        return ExitStatus.ERROR
    try:
        return action(args)
    except (packs.PackError, ConfigError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR


def _list(args: argparse.Namespace) -> int:
    """Every pack on offer, each validated as ``check`` would use it (read, its bases merged,
    checked against the schema): a broken one is listed with its ``error``."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    offered = sources()
    available = packs.catalog(offered)
    for source in offered:
        try:
            raw = packs.read_pack(source)
        except packs.PackError as exc:
            rows.append({"id": None, "origin": source.origin, "path": str(source.path), "error": str(exc)})
            continue
        shadowed = raw.id in seen
        seen.add(raw.id)
        extends = raw.data.get("extends") or []
        rows.append({
            "id": raw.id, "version": str(raw.data.get("version", "")), "title": str(raw.data.get("title", "")),
            "extends": [extends] if isinstance(extends, str) else list(extends), "origin": source.origin,
            "path": str(source.path), "shadowed": shadowed, "error": _broken(raw, available),
        })
    if args.format == "json":
        print_json(rows)
        return ExitStatus.SUCCESS
    for row in rows:
        if row["id"] is None:
            print(f"!  {row['path']}  ({row['origin']})\n   {row['error']}")
            continue
        mark = "!  " if row["error"] else ""
        base = f"  extends {', '.join(row['extends'])}" if row["extends"] else ""
        hidden = "  (被同 id 的规则包遮盖 / shadowed by an earlier pack with this id)" if row["shadowed"] else ""
        print(f"{mark}{row['id']}  {row['version']}  {row['title']}{base}\n   {row['origin']}: {row['path']}{hidden}")
        if row["error"]:
            print(f"   {row['error']}")
    return ExitStatus.SUCCESS


def _broken(raw: RawPack, available: Catalog) -> str | None:
    """Why a pack that could be read cannot be used (its schema, its bases, its references),
    or None. A shadowed pack is resolved as if it came first."""
    try:
        packs.resolve(raw.id, available._replace(packs={**available.packs, raw.id: raw}))
    except packs.PackError as exc:
        return str(exc)
    return None


def resolved(pack_id: str, offered: list[packs.PackSource]) -> Pack:
    return packs.resolve(pack_id, packs.catalog(offered))


def pack_document(pack: Pack) -> dict[str, Any]:
    """The resolved pack as one mapping: what ``pack show`` prints and the snapshot holds."""
    return {"id": pack.id, "version": pack.version, "title": pack.title, "chain": list(pack.chain), **pack.data}


def _show(args: argparse.Namespace) -> int:
    pack = resolved(*_target(args.pack))
    doc = pack_document(pack)
    if args.format == "json":
        print_json(doc)
    else:
        print_yaml(doc)
    return ExitStatus.SUCCESS


class Outcome(NamedTuple):
    """One example run: did it behave, and what fired."""

    example: packs.Example
    ok: bool
    fired: tuple[str, ...]  # messages of the diagnostics with the example's code


def run_examples(pack: Pack) -> list[Outcome]:
    """Lint each example of the pack as a small Markdown report with only its own entry
    reporting its code; ``fires`` examples must produce that code, ``passes`` ones must not."""
    base = Engine(Settings(pack=pack.id))
    out = []
    for ex in packs.examples(pack.data):
        if not ex.code:
            out.append(Outcome(ex, False, ("示例所属规则没有 code / the example's entry has no code",)))
            continue
        alone = pack._replace(data=packs.isolate(pack.data, ex.path, ex.code))
        engine = Engine(Settings(pack=pack.id, select=(ex.code,)), base.plugins, alone)
        result = engine.lint_text(EXAMPLE_PATH, ex.text)
        fired = tuple(d.message.zh for d in result.diagnostics if d.code == ex.code)
        out.append(Outcome(ex, bool(fired) == (ex.kind == "fires"), fired))
    return out


def _test(args: argparse.Namespace) -> int:
    pack = resolved(*_target(args.pack))
    outcomes = run_examples(pack)
    for o in outcomes:
        if o.ok and not args.verbose:
            continue
        status = "ok  " if o.ok else "FAIL"
        text = o.example.text.replace("\n", "⏎")
        text = text if len(text) <= 70 else text[:69] + "…"
        want = "应触发 / must fire" if o.example.kind == "fires" else "不应触发 / must not fire"
        print(f"{status} {o.example.code} {o.example.where} [{want}]: {text}")
        for message in o.fired if not o.ok else ():
            print(f"       {message}")
    failed = sum(not o.ok for o in outcomes)
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    return ExitStatus.FAILURE if failed else ExitStatus.SUCCESS


COMMANDS = {"pack": Subcommand("规则包 / rule packs: list, show, test", pack_arguments, cmd_pack)}
