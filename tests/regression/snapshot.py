"""What govlint finds on every report it can reach, as one JSON file: the regression baseline.

A change that should not alter findings (a refactor, a speed change) is shown to keep them by
writing a snapshot before and after and comparing the two files::

    python tests/regression/snapshot.py /tmp/before.json --corpus /tmp/corpus
    ... change ...
    python tests/regression/snapshot.py /tmp/after.json --corpus /tmp/corpus
    python tests/regression/snapshot.py --compare /tmp/before.json /tmp/after.json

The reports are the seeds (``../shared/seeds``), the examples, every fixture under
``tests/fixtures`` and, with ``--corpus DIR``, the reports in DIR (make them once with
``benchmarks/corpus.py DIR --reports 300`` and keep the folder for both runs). For each,
the JSON diagnostics in Chinese and in English (code, severity, message, position, rule, fix)
and the ``tables`` JSON are recorded. govlint runs as a command, as a user runs it, so the
snapshot does not depend on any internal module.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SUFFIXES = (".md", ".txt", ".markdown", ".docx", ".html", ".htm", ".pdf")


def reports(corpus: Path | None) -> list[Path]:
    """Every report file the snapshot covers, in a stable order."""
    found: list[Path] = []
    seeds = ROOT.parent / "shared" / "seeds"
    found.extend(sorted(seeds.glob("*.txt")))
    for folder in (ROOT / "examples", ROOT / "tests" / "fixtures"):
        found.extend(
            p for p in sorted(folder.rglob("*")) if p.suffix in SUFFIXES and not p.name.endswith(".expected.txt")
        )
    if corpus is not None:
        found.extend(sorted(p for p in corpus.iterdir() if p.suffix in SUFFIXES))
    return found


def _govlint(*args: str) -> Any:
    env = dict(os.environ, GOVLINT_NO_STARTUP_CACHE="1", GOVLINT_DISABLE_PLUGIN_AUTOLOAD="1")
    done = subprocess.run(
        [sys.executable, "-m", "govlint", *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    if done.returncode not in (0, 1, 2) or not done.stdout.strip():
        raise SystemExit(f"govlint {' '.join(args[:3])} … failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(done.stdout)


def snapshot(files: list[Path]) -> dict[str, Any]:
    names = [str(p) for p in files]
    out: dict[str, Any] = {}
    for lang in ("zh", "en"):
        data = _govlint("check", "--format", "json", "--lang", lang, "--exit-zero", *names)
        for entry in data["files"]:
            entry["path"] = _key(entry["path"])  # the same in any checkout
            out.setdefault(entry["path"], {})[f"check-{lang}"] = entry
    tables = _govlint("tables", "--format", "json", *names)
    for entry in tables if isinstance(tables, list) else tables.get("files", []):
        entry["path"] = _key(entry["path"])
        out.setdefault(entry["path"], {})["tables"] = entry
    return out


def _key(path: str) -> str:
    p = Path(path).resolve()
    for base in (ROOT, ROOT.parent):
        if p.is_relative_to(base):
            return str(p.relative_to(base))
    return p.name


def compare(before: dict[str, Any], after: dict[str, Any]) -> int:
    """Print what differs; exit 1 when anything does."""
    differ = 0
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        differ += 1
        if differ <= 20:
            print(f"--- {key}")
            for part in sorted(set(a or {}) | set(b or {})):
                if (a or {}).get(part) != (b or {}).get(part):
                    print(f"    {part}: before {json.dumps((a or {}).get(part), ensure_ascii=False)[:600]}")
                    print(f"    {part}: after  {json.dumps((b or {}).get(part), ensure_ascii=False)[:600]}")
    print(f"{len(set(before) | set(after))} files, {differ} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args(argv)
    if args.compare:
        before, after = (json.loads(p.read_text("utf-8")) for p in args.compare)
        return compare(before, after)
    if args.out is None:
        parser.error("give OUT or --compare BEFORE AFTER")
    data = snapshot(reports(args.corpus))
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), "utf-8")
    print(f"{len(data)} files -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
