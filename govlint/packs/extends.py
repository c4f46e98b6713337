"""``extends``: a pack built on other packs, and the effective pack that results.

A county's or a province's pack says only what differs from the pack it extends: its
entries merge into the base's by ``id``, ``drop: true`` removes one, and everything else is
inherited. Bases are merged in first, each once, and the chain is bounded so a cycle or a
runaway chain is an error instead of a hang. Each pack's own files are validated as they
are (an extending pack's entries may be partial), an extending pack's merged data as a
whole, then the references; the first problem is raised with its ``file:line:col``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.model import Msg, Pack
from govlint.packs.error import Mark, PackError, Piece
from govlint.packs.locations import PackProblem, Sel, Step, locate, raise_first
from govlint.packs.read import PackFile, PackSource, RawPack, read_pack
from govlint.packs.schema import check_references, pack_schema, validate

META_KEYS = ("id", "version", "title", "extends", "description")
MAX_EXTENDS_DEPTH = 8


class Catalog(NamedTuple):
    """The packs on offer: by id, plus those that could not be read (shown by ``pack list``)."""

    packs: dict[str, RawPack]
    broken: tuple[PackError, ...]


def catalog(sources: Iterable[PackSource]) -> Catalog:
    """Read every offered pack; the first source of an id wins (configuration before
    plugins). A broken pack is kept aside so it only fails the runs that use it."""
    packs: dict[str, RawPack] = {}
    broken: list[PackError] = []
    for source in sources:
        try:
            raw = read_pack(source)
        except PackError as exc:
            broken.append(exc)
            continue
        packs.setdefault(raw.id, raw)
    return Catalog(packs, tuple(broken))


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


def _orphan_drops(base: Any, over: Any, path: tuple[Step, ...]) -> list[PackProblem]:
    """``drop: true`` entries whose id is not in the base: a misspelt id would otherwise drop
    nothing, silently."""
    out: list[PackProblem] = []
    if isinstance(base, dict) and isinstance(over, dict):
        for key, value in over.items():
            if key not in META_KEYS and key in base:
                out.extend(_orphan_drops(base[key], value, (*path, key)))
    elif isinstance(base, list) and isinstance(over, list):
        known = {str(item["id"]): item for item in base if isinstance(item, dict) and "id" in item}
        for item in over:
            if not isinstance(item, dict) or "id" not in item:
                continue
            here = (*path, Sel(str(item["id"])))
            if item.get("drop") and str(item["id"]) not in known:
                out.append(PackProblem((*here, "id"), Msg(f"drop: 基础规则包中没有 id {item['id']!r}",
                                                          f"drop: the base pack has no entry with id {item['id']!r}")))
            elif str(item["id"]) in known:
                out.extend(_orphan_drops(known[str(item["id"])], item, here))
    return out


def resolve(pack_id: str, available: Catalog) -> Pack:
    """Validate and build the effective pack for ``pack_id`` by applying its ``extends``
    chain (bases first, each pack once); raises PackError with a location on any problem."""
    order: list[str] = []
    built: dict[str, dict[str, Any]] = {}

    def build(pid: str, stack: tuple[str, ...]) -> dict[str, Any]:
        if pid in stack:
            raise PackError(Msg("extends 循环", "extends cycle"), f": {' -> '.join([*stack, pid])}",
                            location=_extends_location(stack, available))
        if len(stack) >= MAX_EXTENDS_DEPTH:
            deeper = Msg(f"extends 层级超过 {MAX_EXTENDS_DEPTH}", f"extends chain deeper than {MAX_EXTENDS_DEPTH}")
            raise PackError(deeper, f": {' -> '.join(stack)}", location=_extends_location(stack, available))
        if pid in built:
            return built[pid]
        raw = available.packs.get(pid)
        if raw is None:
            raise PackError(*_unknown_pack(pid, available), location=_extends_location(stack, available))
        bases = _bases(raw)
        for file in raw.files:
            raise_first(validate(file.data, pack_schema(), required=not bases), [file])
        data: dict[str, Any] = {}
        for base in bases:
            data = merge(data, build(base, (*stack, pid)))
        raise_first(_orphan_drops(data, raw.data, ()), raw.files)
        data = merge(data, raw.data)
        if bases:
            raise_first(validate(data, pack_schema()), raw.files)
        raise_first(check_references(data), _chain_files(pid, available))
        order.append(pid)
        built[pid] = data
        return data

    data = build(pack_id, ())
    raw = available.packs[pack_id]
    return Pack(
        id=pack_id,
        version=str(raw.data.get("version", "0")),
        title=str(raw.data.get("title", pack_id)),
        data=data,
        origin=f"{raw.source.path} ({raw.source.origin})",
        chain=tuple(order),
    )


def _bases(raw: RawPack) -> list[str]:
    bases = raw.data.get("extends") or []
    return [bases] if isinstance(bases, str) else [str(b) for b in bases]


def _chain_files(pack_id: str, available: Catalog) -> list[PackFile]:
    """Files of a pack and its bases, bases first (a problem is located in the last one)."""
    out: list[PackFile] = []
    seen: set[str] = set()

    def walk(pid: str, depth: int) -> None:
        raw = available.packs.get(pid)
        if raw is None or pid in seen or depth > MAX_EXTENDS_DEPTH:
            return
        seen.add(pid)
        for base in _bases(raw):
            walk(base, depth + 1)
        out.extend(raw.files)

    walk(pack_id, 0)
    return out


def _unknown_pack(pid: str, available: Catalog) -> list[Piece]:
    """No pack has this id: say which do, and which could not be read (one may be it)."""
    known = ", ".join(sorted(available.packs)) or "-"
    out: list[Piece] = [Msg(f"找不到规则包 {pid!r}（可用：{known}）", f"unknown pack {pid!r} (available: {known})")]
    if available.broken:
        out += [Mark("；", "; "), Msg("无法读取的规则包", "packs that could not be read"), ":"]
        for broken in available.broken:
            out += ["\n  ", *broken.located()]
    return out


def _extends_location(stack: tuple[str, ...], available: Catalog) -> str:
    if not stack:
        return ""
    raw = available.packs[stack[-1]]
    for file in raw.files:
        if "extends" in file.data:
            return locate(file.path, ("extends",))
    return str(raw.source.path)
