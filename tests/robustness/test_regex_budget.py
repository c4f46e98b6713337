"""No regular expression of the core or of the national pack may take super-linear time.

Every pattern of govlint's core (module-level compiled patterns, and literal patterns passed
to ``re.*`` calls, found by reading the modules' syntax tree) and every regex-looking string
in ``rules/national/*.yaml`` is searched once in adversarial strings: runs of one character,
or of two alternating characters taken from the pattern itself, each ending in a character
that makes the match fail. The strings double in length from 16 to 8,192 characters and a
single ``search`` must stay under a time budget at every length: exponential backtracking
shows within the first few doublings, quadratic rescanning (``\\d+年`` on a long run of
digits) at the last ones. A pattern used on a 1 MB line must be linear.
"""

from __future__ import annotations

import ast
import importlib
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = ("govlint.align", "govlint.source", "govlint.suppress", "govlint.readers.text",
                "govlint.readers.markdown", "govlint.readers.html_table")
PACK_DIR = ROOT / "rules" / "national"

#: Seconds one ``search`` may take on an adversarial string of up to MAX_LEN characters.
BUDGET = 0.05
MAX_LEN = 8192
FILLERS = "1 a一-（).@0\u3000|:\t\n，年*x"
META = set("\\()[]{}*+?|^$")


class Case(NamedTuple):
    where: str
    pattern: str
    flags: int


def _flag_value(node: ast.expr) -> int:
    """``re.S | re.M`` and friends, evaluated without running the module."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _flag_value(node.left) | _flag_value(node.right)
    if isinstance(node, ast.Attribute):
        return int(getattr(re, node.attr, 0))
    return 0


def core_cases() -> Iterator[Case]:
    for name in CORE_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        seen: set[tuple[str, int]] = set()
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                seen.add((value.pattern, value.flags & ~re.UNICODE))
                yield Case(f"{name}.{attr}", value.pattern, value.flags)
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
                continue
            if not node.args or not isinstance(node.args[0], ast.Constant) or not isinstance(node.args[0].value, str):
                continue
            flags_node = next((k.value for k in node.keywords if k.arg == "flags"), None)
            if flags_node is None and node.func.attr in ("compile", "search", "match", "fullmatch", "findall",
                                                         "finditer") and len(node.args) > 2:
                flags_node = node.args[2] if node.func.attr != "compile" else None
            if flags_node is None and node.func.attr == "compile" and len(node.args) > 1:
                flags_node = node.args[1]
            flags = _flag_value(flags_node) if flags_node is not None else 0
            if (node.args[0].value, flags) not in seen:
                seen.add((node.args[0].value, flags))
                yield Case(f"{name}:{node.lineno}", node.args[0].value, flags)


def _strings(data: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, f"{where}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            item_id = value.get("id") if isinstance(value, dict) else None
            yield from _strings(value, f"{where}[{item_id or i}]")
    elif isinstance(data, str):
        yield where, data


def pack_cases() -> Iterator[Case]:
    """Every string of the pack that uses regex syntax and compiles (plain words are linear anyway)."""
    yaml = YAML(typ="safe", pure=True)
    for path in sorted(PACK_DIR.glob("*.yaml")):
        for where, text in _strings(yaml.load(path.read_text(encoding="utf-8")), path.name):
            if not META & set(text):
                continue
            try:
                re.compile(text)
            except re.error:
                continue
            yield Case(where, text, 0)


def attacks(pattern: str) -> list[str]:
    """Units repeated to build adversarial strings: single characters, and pairs of the
    pattern's own literal characters (what its quantifiers are most likely to fight over)."""
    literals = sorted({ch for ch in re.sub(r"\\[a-zA-Z]", "", pattern) if ch not in META})[:12]
    digits = "1"
    units = list(FILLERS)
    units += [a + b for a in [*literals, digits, " "] for b in [*literals, digits, " "] if a != b][:60]
    return list(dict.fromkeys(units))


def slowest_search(case: Case) -> tuple[float, str, int]:
    """The slowest single search over every attack and length, stopping at the first length
    over budget (so an exponential pattern is caught while still short)."""
    compiled = re.compile(case.pattern, case.flags)
    worst = (0.0, "", 0)
    for unit in attacks(case.pattern):
        length = 16
        while length <= MAX_LEN:
            text = (unit * (length // len(unit) + 1))[:length] + "\x00"
            start = time.perf_counter()
            compiled.search(text)
            elapsed = time.perf_counter() - start
            if elapsed > worst[0]:
                worst = (elapsed, unit, length)
            if elapsed > BUDGET:
                return worst
            length *= 2
    return worst


CORE = list(core_cases())
PACK = list(pack_cases())


def test_the_sweep_finds_patterns() -> None:
    assert len(CORE) >= 15, CORE
    assert len(PACK) >= 5, PACK


@pytest.mark.parametrize("case", CORE, ids=[c.where for c in CORE])
def test_core_pattern_is_linear(case: Case) -> None:
    elapsed, unit, length = slowest_search(case)
    assert elapsed <= BUDGET, f"{case.pattern!r}: {elapsed:.3f}s on {unit!r} x {length}"


@pytest.mark.parametrize("case", PACK, ids=[c.where for c in PACK])
def test_pack_pattern_is_linear(case: Case) -> None:
    elapsed, unit, length = slowest_search(case)
    assert elapsed <= BUDGET, f"{case.pattern!r}: {elapsed:.3f}s on {unit!r} x {length}"
