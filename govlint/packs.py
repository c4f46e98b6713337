"""Rule packs: YAML data that says what a report must hold, loaded with ruamel.yaml.

A pack is a YAML file, or a folder whose ``pack.yaml`` holds ``id``/``version``/``title``
and whose other ``*.yaml`` files each hold some top-level keys (one file per rule family,
so the families can be edited independently). ``extends`` merges a base pack in first.
Nothing in a pack executes: it is interpreted by the checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from govlint.model import Pack

META_KEYS = ("id", "version", "title", "extends", "description")


class PackError(Exception):
    """A pack that cannot be used; ``location`` is ``file:line:col`` when known."""

    def __init__(self, message: str, location: str = "") -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location


def _yaml_load(path: Path) -> Any:
    # The C-accelerated safe loader is several times faster than round-trip mode;
    # start-up cost matters because pre-commit pays it on every run.
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="safe", pure=False)
    try:
        with path.open("rb") as fh:
            return yaml.load(fh)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise PackError(f"YAML 语法错误 / YAML syntax error: {getattr(exc, 'problem', exc)}", loc) from None
    except OSError as exc:
        raise PackError(f"无法读取 / cannot read: {exc.strerror}", str(path)) from None


def read_pack_file(path: Path) -> dict[str, Any]:
    """Read one pack (file or folder) into a plain dict, without resolving ``extends``."""
    if path.is_dir():
        head = path / "pack.yaml"
        data = _yaml_load(head) if head.exists() else {}
        if not isinstance(data, dict):
            raise PackError("pack.yaml 须为映射 / must be a mapping", str(head))
        for part in sorted(path.glob("*.yaml")):
            if part.name == "pack.yaml":
                continue
            fragment = _yaml_load(part)
            if fragment is None:
                continue
            if not isinstance(fragment, dict):
                raise PackError("须为映射 / must be a mapping", str(part))
            for key, value in fragment.items():
                if key in data:
                    raise PackError(f"键 {key!r} 重复定义 / key defined twice", str(part))
                data[key] = value
        return data
    data = _yaml_load(path)
    if not isinstance(data, dict):
        raise PackError("规则包须为映射 / a pack must be a mapping", str(path))
    return data


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Merge an extending pack onto its base: mappings merge key by key, lists of items
    with an ``id`` merge by id (an item with ``drop: true`` removes the base item), other
    lists are appended to, scalars are replaced."""
    out = dict(base)
    for key, value in over.items():
        if key in META_KEYS:
            continue
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = _merge_list(old, value)
        else:
            out[key] = value
    return out


def _merge_list(old: list[Any], new: list[Any]) -> list[Any]:
    def ident(item: Any) -> Any:
        return item.get("id") if isinstance(item, dict) else None

    result = list(old)
    index = {ident(item): i for i, item in enumerate(result) if ident(item) is not None}
    for item in new:
        key = ident(item)
        if key is not None and key in index:
            if isinstance(item, dict) and item.get("drop"):
                result[index[key]] = None
            else:
                result[index[key]] = merge(result[index[key]], item)
        elif not (isinstance(item, dict) and item.get("drop")):
            result.append(item)
    return [item for item in result if item is not None]


def index_packs(paths: Iterable[Path]) -> dict[str, tuple[Path, dict[str, Any]]]:
    """Map pack id to (path, raw data) for every pack path offered by plugins or config."""
    found: dict[str, tuple[Path, dict[str, Any]]] = {}
    for path in paths:
        raw = read_pack_file(path)
        pack_id = raw.get("id")
        if not isinstance(pack_id, str):
            raise PackError("规则包缺少 id / the pack has no id", str(path))
        found.setdefault(pack_id, (path, raw))
    return found


def resolve(pack_id: str, available: dict[str, tuple[Path, dict[str, Any]]]) -> Pack:
    """Build the effective pack for ``pack_id`` by applying its ``extends`` chain."""
    chain: list[str] = []

    def build(pid: str, depth: int) -> dict[str, Any]:
        if pid in chain:
            raise PackError(f"extends 循环 / extends cycle: {' -> '.join([*chain, pid])}")
        if depth > 16:
            raise PackError("extends 层级过深 / extends chain too deep")
        if pid not in available:
            raise PackError(f"找不到规则包 / unknown pack: {pid}")
        chain.append(pid)
        raw = available[pid][1]
        bases = raw.get("extends") or []
        if isinstance(bases, str):
            bases = [bases]
        data: dict[str, Any] = {}
        for base in bases:
            data = merge(data, build(base, depth + 1))
        return merge(data, raw)

    data = build(pack_id, 0)
    path, raw = available[pack_id]
    return Pack(
        id=pack_id,
        version=str(raw.get("version", "0")),
        title=str(raw.get("title", pack_id)),
        data=data,
        origin=str(path),
        chain=tuple(reversed(chain)),
    )
