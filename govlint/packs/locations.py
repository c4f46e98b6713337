"""Where a problem in a pack is: a path into its data, and the ``file:line:col`` it names.

Validation and the reference checks say what is wrong as a path of steps into the parsed
data, an entry of a list named by its ``id`` (positions differ between a pack and the packs
it extends). The fast C loader that reads packs keeps no positions, so a file with a problem
is parsed again in round-trip mode to find the line and column of the node a path reaches.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlint._infra.records import NamedTuple
from govlint.model import Msg
from govlint.packs.error import Mark, PackError, Piece

if TYPE_CHECKING:
    from govlint.packs.read import PackFile

Key = str | int


class Sel(NamedTuple):
    """A path step into a list of entries by their ``id`` (positions differ between files)."""

    id: str


Step = Key | Sel


class PackProblem(NamedTuple):
    """What is wrong in pack data and where, as a path into the data."""

    path: tuple[Step, ...]
    message: Msg
    at_key: bool = False  # point at the key itself (an unknown key) rather than its value


def step(item: Any, index: int) -> Step:
    """An entry is named by its id (positions differ between a pack and what it extends)."""
    ident = item.get("id") if isinstance(item, dict) else None
    return Sel(str(ident)) if isinstance(ident, (str, int)) and not isinstance(ident, bool) else index


def dotted(steps: Sequence[Step]) -> str:
    """A path as people write it: ``tables[三].rows[2].id``."""
    out = ""
    for s in steps:
        out += f"[{s.id}]" if isinstance(s, Sel) else f"[{s}]" if isinstance(s, int) else f".{s}"
    return out.lstrip(".")


def locate(path: Path, steps: Sequence[Step], at_key: bool = False) -> str:
    """``file:line:col`` of the node at ``steps`` in a YAML file (the deepest node that
    exists); ``file`` alone when the file cannot be parsed in round-trip mode."""
    found = _find(path, steps, at_key)
    return f"{path}:{found[0] + 1}:{found[1] + 1}" if found else str(path)


def _find(path: Path, steps: Sequence[Step], at_key: bool) -> tuple[int, int] | None:
    """(line, col), 0-based, of the node at ``steps`` or of the deepest ancestor found."""
    from ruamel.yaml import YAML

    try:
        node: Any = YAML(typ="rt").load(path.read_bytes())
    except Exception:  # the file parsed once already; any failure here only costs the position
        return None
    best: tuple[int, int] | None = (0, 0)
    for n, s in enumerate(steps):
        last = n == len(steps) - 1
        if isinstance(s, Sel) and isinstance(node, list):
            index = next((i for i, v in enumerate(node) if isinstance(v, dict) and str(v.get("id")) == s.id), None)
            if index is None:
                return best
            best, node = _pos(getattr(node, "lc").item(index)), node[index]  # noqa: B009 (ruamel's CommentedSeq)
        elif isinstance(s, int) and isinstance(node, list) and 0 <= s < len(node):
            best, node = _pos(getattr(node, "lc").item(s)), node[s]  # noqa: B009
        elif isinstance(node, dict) and s in node:
            lc = getattr(node, "lc")  # noqa: B009
            best = _pos(lc.key(s) if at_key and last else lc.value(s))
            node = node[s]
        else:
            return best
    return best


def _pos(lc: Any) -> tuple[int, int]:
    line, col = lc[0], lc[1]
    return int(line), int(col)


def raise_first(problems: list[PackProblem], files: Sequence[PackFile]) -> None:
    """Raise the first problem, located in the last file (of those given) that holds its path."""
    if not problems:
        return
    p = problems[0]
    n = len(problems) - 1
    more: tuple[Piece, ...] = (Mark("（", " ("), Msg(f"另有 {n} 处问题", f"and {n} more"), Mark("）", ")")) if n else ()
    candidates = [f for f in reversed(files) if not p.path or p.path[0] in f.data] or list(files[-1:])
    reaching = [f for f in candidates if _reaches(f.data, p.path)]
    best = locate((reaching or candidates)[0].path, p.path, p.at_key)
    where: tuple[Piece, ...] = (f"{dotted(p.path)}: ",) if p.path else ()
    raise PackError(*where, p.message, *more, location=best)


def _reaches(data: Any, steps: Sequence[Step]) -> bool:
    node = data
    for s in steps:
        if isinstance(s, Sel) and isinstance(node, list):
            node = next((v for v in node if isinstance(v, dict) and str(v.get("id")) == s.id), None)
            if node is None:
                return False
        elif isinstance(s, int) and isinstance(node, list) and 0 <= s < len(node):  # noqa: SIM114
            node = node[s]
        elif isinstance(node, dict) and s in node:
            node = node[s]
        else:
            return False
    return True
