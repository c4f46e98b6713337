"""Reading a pack's files, within limits, before anything interprets them.

A pack is a YAML file, or a folder whose ``pack.yaml`` holds ``id``/``version``/``title``
and whose other ``*.yaml`` files each hold some top-level keys (one file per rule family,
so the families can be edited independently); reading joins the files' keys. Files are
parsed with ruamel.yaml's C-accelerated safe loader, several times faster than round-trip
mode: start-up cost matters because pre-commit pays it on every run. The limits keep a
hostile pack (a huge file, an anchor bomb, absurd nesting) from costing more than a bad
error message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govlint._infra.records import NamedTuple
from govlint.model import Msg
from govlint.packs.error import PackError
from govlint.packs.locations import locate

MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000  # values after aliases are expanded: an anchor bomb exceeds it at once
MAX_DEPTH = 40


class PackSource(NamedTuple):
    """Where a pack can be read from, and who offered it (``govlint pack list``)."""

    path: Path
    origin: str  # "govlint", "distribution NAME (entry point)", "configuration FILE"


class PackFile(NamedTuple):
    """One YAML file of a pack and its parsed data."""

    path: Path
    data: dict[str, Any]


class RawPack(NamedTuple):
    """A pack as read, before ``extends`` is applied."""

    id: str
    source: PackSource
    files: tuple[PackFile, ...]
    data: dict[str, Any]  # the files' keys together


def read_pack(source: PackSource) -> RawPack:
    """Read one pack (file or folder) without resolving ``extends``; each file is held to the
    limits (the schema is applied when the pack is resolved)."""
    path = source.path
    if path.is_dir():
        head = path / "pack.yaml"
        files = [read_file(head)] if head.exists() else []
        files.extend(read_file(p) for p in sorted(path.glob("*.yaml")) if p.name != "pack.yaml")
    else:
        files = [read_file(path)]
    data: dict[str, Any] = {}
    for file in files:
        for key, value in file.data.items():
            if key in data:
                raise PackError(Msg(f"键 {key!r} 在本包中重复定义", f"key {key!r} defined twice in this pack"),
                                location=locate(file.path, (key,), at_key=True))
            data[key] = value
    pack_id = data.get("id")
    if not isinstance(pack_id, str) or not pack_id:
        raise PackError(Msg("规则包缺少 id", "the pack has no id"), location=str(files[0].path if files else path))
    return RawPack(pack_id, source, tuple(files), data)


def read_file(path: Path) -> PackFile:
    """One file of a pack: a mapping within the size limits."""
    data = _yaml_load(path)
    if data is None:
        data = {}
    _check_size(data, path)
    if not isinstance(data, dict):
        raise PackError(Msg("须为映射（键: 值）", "must be a mapping (key: value)"), location=f"{path}:1:1")
    return PackFile(path, data)


def _yaml_load(path: Path) -> Any:
    """The file's YAML (the resolved pack is kept in the disk memo, see :func:`govlint.packs.load`:
    a file is parsed again only when a file of the pack changed)."""

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            too_large = Msg(f"文件过大（上限 {MAX_FILE_BYTES} 字节）", f"file too large (limit {MAX_FILE_BYTES} bytes)")
            raise PackError(too_large, location=str(path))
    except OSError as exc:
        raise _unreadable(exc, path) from None
    return _yaml_parse(path)


def _yaml_parse(path: Path) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="safe", pure=False)
    try:
        with path.open("rb") as fh:
            return yaml.load(fh)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise PackError(Msg("YAML 语法错误", "YAML syntax error"), f": {getattr(exc, 'problem', exc)}",
                        location=loc) from None
    except RecursionError:
        raise PackError(Msg("嵌套过深", "nested too deeply"), location=str(path)) from None
    except OSError as exc:
        raise _unreadable(exc, path) from None
    except (ValueError, TypeError) as exc:  # e.g. an unhashable mapping key
        raise PackError(Msg("YAML 无法解析", "unreadable YAML"), f": {exc}", location=str(path)) from None


def _unreadable(exc: OSError, path: Path) -> PackError:
    return PackError(Msg("无法读取", "cannot read"), f": {exc.strerror}", location=str(path))


def _check_size(data: Any, path: Path) -> None:
    """Refuse anchor bombs and absurd nesting before anything walks the data recursively."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise PackError(Msg(f"数据过大（超过 {MAX_NODES} 个值，可能是 YAML 别名炸弹）",
                                f"too much data (over {MAX_NODES} values; a YAML alias bomb?)"), location=str(path))
        if depth > MAX_DEPTH:
            raise PackError(Msg(f"嵌套超过 {MAX_DEPTH} 层", f"nested more than {MAX_DEPTH} levels"), location=str(path))
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)
