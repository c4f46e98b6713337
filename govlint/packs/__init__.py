"""Rule packs: YAML data that says what a report must hold, loaded with ruamel.yaml.

A pack is a YAML file, or a folder whose ``pack.yaml`` holds ``id``/``version``/``title``
and whose other ``*.yaml`` files each hold some top-level keys (one file per rule family,
so the families can be edited independently). ``extends`` merges base packs in first.
Nothing in a pack executes: it is interpreted by the checks.

Every file is validated against ``rules/pack.schema.json`` (the schema editors use) by the
small interpreter below rather than by ``jsonschema``: importing jsonschema costs more
start-up than parsing and validating the whole national pack, and the schema uses only
a handful of keywords. The resolved pack is then checked for references (a table's
section, an identity's rows and columns …). Errors name ``file:line:col``: the fast C
loader keeps no positions, so a file with a problem is parsed again in round-trip mode.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.model import Pack

META_KEYS = ("id", "version", "title", "extends", "description")
SCHEMA_FILE = "pack.schema.json"
#: Limits that keep a hostile pack from costing more than a bad error message.
MAX_FILE_BYTES = 2_000_000
MAX_NODES = 200_000  # values after aliases are expanded: an anchor bomb exceeds it at once
MAX_DEPTH = 40
MAX_EXTENDS_DEPTH = 8

Key = str | int


class Sel(NamedTuple):
    """A path step into a list of entries by their ``id`` (positions differ between files)."""

    id: str


Step = Key | Sel


class PackError(Exception):
    """A pack that cannot be used; ``location`` is ``file:line:col`` when known."""

    def __init__(self, message: str, location: str = "") -> None:
        super().__init__(f"{location}: {message}" if location else message)
        self.location = location
        self.message = message


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


class Problem(NamedTuple):
    """What is wrong and where, as a path into the data."""

    path: tuple[Step, ...]
    message: str
    at_key: bool = False  # point at the key itself (an unknown key) rather than its value


# --------------------------------------------------------------------------- reading


def _yaml_load(path: Path) -> Any:
    """The file's YAML (the whole pack is kept on disk by :func:`load`: a file is parsed
    again only when it or another file of the pack changed)."""

    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PackError(f"文件过大（上限 {MAX_FILE_BYTES} 字节）/ file too large (limit {MAX_FILE_BYTES} bytes)",
                            str(path))
    except OSError as exc:
        raise PackError(f"无法读取 / cannot read: {exc.strerror}", str(path)) from None
    return _yaml_parse(path)


def _yaml_parse(path: Path) -> Any:
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
    except RecursionError:
        raise PackError("嵌套过深 / nested too deeply", str(path)) from None
    except OSError as exc:
        raise PackError(f"无法读取 / cannot read: {exc.strerror}", str(path)) from None
    except (ValueError, TypeError) as exc:  # e.g. an unhashable mapping key
        raise PackError(f"YAML 无法解析 / unreadable YAML: {exc}", str(path)) from None


def _load_file(path: Path) -> PackFile:
    data = _yaml_load(path)
    if data is None:
        data = {}
    _check_size(data, path)
    if not isinstance(data, dict):
        raise PackError("须为映射（键: 值）/ must be a mapping (key: value)", f"{path}:1:1")
    return PackFile(path, data)


def _check_size(data: Any, path: Path) -> None:
    """Refuse anchor bombs and absurd nesting before anything walks the data recursively."""
    count = 0
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES:
            raise PackError(
                f"数据过大（超过 {MAX_NODES} 个值，可能是 YAML 别名炸弹）/ "
                f"too much data (over {MAX_NODES} values; a YAML alias bomb?)", str(path))
        if depth > MAX_DEPTH:
            raise PackError(f"嵌套超过 {MAX_DEPTH} 层 / nested more than {MAX_DEPTH} levels", str(path))
        if isinstance(node, dict):
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, depth + 1) for v in node)


def read_pack(source: PackSource) -> RawPack:
    """Read one pack (file or folder) without resolving ``extends``; each file is validated."""
    path = source.path
    if path.is_dir():
        head = path / "pack.yaml"
        files = [_load_file(head)] if head.exists() else []
        files.extend(_load_file(p) for p in sorted(path.glob("*.yaml")) if p.name != "pack.yaml")
    else:
        files = [_load_file(path)]
    data: dict[str, Any] = {}
    for file in files:
        for key, value in file.data.items():
            if key in data:
                raise PackError(f"键 {key!r} 在本包中重复定义 / key {key!r} defined twice in this pack",
                                locate(file.path, (key,), at_key=True))
            data[key] = value
    pack_id = data.get("id")
    if not isinstance(pack_id, str) or not pack_id:
        raise PackError("规则包缺少 id / the pack has no id", str(files[0].path if files else path))
    return RawPack(pack_id, source, tuple(files), data)


# --------------------------------------------------------------------------- validation


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The pack JSON Schema shipped with govlint (``rules/pack.schema.json``)."""
    import json

    from govlint.packs.national import rules_dir

    loaded: dict[str, Any] = json.loads((rules_dir() / SCHEMA_FILE).read_text("utf-8"))
    return loaded


_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_TYPE_ZH = {"object": "映射", "array": "列表", "string": "字符串", "integer": "整数", "number": "数",
            "boolean": "布尔值", "null": "空值"}


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _describe(value: Any) -> str:
    for name in ("boolean", "object", "array", "string", "integer", "number", "null"):
        if _is_type(value, name):
            return name
    return type(value).__name__


def validate(data: Any, node: dict[str, Any], required: bool = True) -> list[Problem]:
    """Problems of ``data`` against a schema node; ``required=False`` for an extending pack's
    own file, whose entries may say only what they change. Interprets the keywords the pack
    schema uses: type, enum, properties, additionalProperties, propertyNames, required, items,
    anyOf, $ref, pattern, format: regex, minLength/maxLength, minimum/maximum, maxItems."""
    out: list[Problem] = []
    _validate(data, node, (), required, out)
    return out


def _resolve_ref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        node = schema()["$defs"][name]
    return node


def _validate(value: Any, node: dict[str, Any], path: tuple[Step, ...], required: bool, out: list[Problem]) -> None:
    node = _resolve_ref(node)
    if "anyOf" in node:
        options = [_resolve_ref(o) for o in node["anyOf"]]
        for option in options:
            trial: list[Problem] = []
            _validate(value, option, path, required, trial)
            if not trial:
                return
        typed = [o for o in options if "type" in o and any(_is_type(value, t) for t in _types(o))]
        if typed:
            _validate(value, typed[0], path, required, out)
        else:
            wanted = " / ".join(t for o in options for t in _types(o))
            out.append(Problem(path, f"类型错误：应为 {wanted}，实为 {_describe(value)} / "
                                     f"wrong type: expected {wanted}, got {_describe(value)}"))
        return
    if "type" in node and not any(_is_type(value, t) for t in _types(node)):
        wanted = " / ".join(_types(node))
        wanted_zh = "或".join(_TYPE_ZH.get(t, t) for t in _types(node))
        out.append(Problem(path, f"类型错误：应为{wanted_zh}，实为 {_describe(value)} {_short(value)} / "
                                 f"wrong type: expected {wanted}, got {_describe(value)}"))
        return
    if "enum" in node and value not in node["enum"]:
        allowed = ", ".join(map(str, node["enum"]))
        out.append(Problem(path, f"取值 {_short(value)} 无效，可用：{allowed} / invalid value {_short(value)}; "
                                 f"allowed: {allowed}"))
        return
    if isinstance(value, str):
        _validate_string(value, node, path, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < node.get("minimum", value) or value > node.get("maximum", value):
            low, high = node.get("minimum", "-"), node.get("maximum", "-")
            out.append(Problem(path, f"{value} 超出范围 {low}…{high} / out of range {low}…{high}"))
    elif isinstance(value, list):
        if "maxItems" in node and len(value) > node["maxItems"]:
            limit = node["maxItems"]
            out.append(Problem(path, f"条目过多（上限 {limit}）/ too many items (at most {limit})"))
        items = node.get("items")
        if items is not None:
            for i, item in enumerate(value):
                _validate(item, items, (*path, _step(item, i)), required, out)
    elif isinstance(value, dict):
        _validate_mapping(value, node, path, required, out)


def _validate_string(value: str, node: dict[str, Any], path: tuple[Step, ...], out: list[Problem]) -> None:
    if len(value) < node.get("minLength", 0):
        out.append(Problem(path, "不能为空 / must not be empty"))
    if "maxLength" in node and len(value) > node["maxLength"]:
        out.append(Problem(path, f"过长（{len(value)} 个字符，上限 {node['maxLength']}）/ "
                                 f"too long ({len(value)} characters, at most {node['maxLength']})"))
        return
    if "pattern" in node and not re.search(node["pattern"], value):
        out.append(Problem(path, f"{value!r} 格式不对（应匹配 {node['pattern']}）/ "
                                 f"{value!r} does not match {node['pattern']}"))
    if node.get("format") == "regex":
        try:
            regex.compile(value)
        except (re.error, RecursionError, OverflowError) as exc:
            out.append(Problem(path, f"正则表达式无效：{exc} / invalid regular expression: {exc}"))


def _validate_mapping(value: dict[Any, Any], node: dict[str, Any], path: tuple[Step, ...], required: bool,
                      out: list[Problem]) -> None:
    props: dict[str, Any] = node.get("properties", {})
    extra = node.get("additionalProperties", True)
    if required:
        for name in node.get("required", ()):
            if name not in value:
                out.append(Problem(path, f"缺少必需的键 {name!r} / missing required key {name!r}"))
    names = node.get("propertyNames")
    for key, item in value.items():
        sub = (*path, key if isinstance(key, (str, int)) else str(key))
        if names is not None:
            wrong: list[Problem] = []
            _validate(key, names, sub, required, wrong)
            out.extend(problem._replace(at_key=True) for problem in wrong)
        if key in props:
            _validate(item, props[key], sub, required, out)
        elif extra is False:
            allowed = ", ".join(props)
            out.append(Problem(sub, f"未知键 {key!r}（可用：{allowed}）/ unknown key {key!r} (allowed: {allowed})",
                               at_key=True))
        elif isinstance(extra, dict):
            _validate(item, extra, sub, required, out)


def _step(item: Any, index: int) -> Step:
    """An entry is named by its id (positions differ between a pack and what it extends)."""
    ident = item.get("id") if isinstance(item, dict) else None
    return Sel(str(ident)) if isinstance(ident, (str, int)) and not isinstance(ident, bool) else index


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _ids(items: Any) -> list[str]:
    return [str(i["id"]) for i in items or [] if isinstance(i, dict) and "id" in i]


def check_references(data: dict[str, Any]) -> list[Problem]:
    """Problems the schema cannot see: duplicate ids and names of sections, tables, rows and
    columns that do not exist (checked on the resolved pack, after ``extends``)."""
    out: list[Problem] = []
    sections = data.get("sections") or []
    tables = {str(t["id"]): t for t in data.get("tables") or [] if isinstance(t, dict) and "id" in t}
    section_ids = set(_ids(sections))

    def unknown(path: tuple[Step, ...], what: str, name: Any, known: Iterable[str]) -> None:
        if str(name) not in set(known):
            out.append(Problem(path, f"引用了不存在的{what} {name!r} / refers to unknown {_WHAT_EN[what]} {name!r}"))

    for key in ("sections", "tables", "identities"):
        out.extend(_duplicates(data.get(key), (key,)))
    for section in sections:
        if isinstance(section, dict):
            out.extend(_duplicates(section.get("statements"), ("sections", Sel(str(section.get("id"))), "statements")))
    for tid, table in tables.items():
        here: tuple[Step, ...] = ("tables", Sel(tid))
        if "section" in table and sections:
            unknown((*here, "section"), "部分", table["section"], section_ids)
        columns, rows = _ids(table.get("columns")), _ids(table.get("rows"))
        out.extend(_duplicates(table.get("columns"), (*here, "columns")))
        out.extend(_duplicates(table.get("rows"), (*here, "rows")))
        for row in table.get("rows") or []:
            if not isinstance(row, dict):
                continue
            at: tuple[Step, ...] = (*here, "rows", Sel(str(row.get("id"))))
            if "parent" in row:
                unknown((*at, "parent"), "行", row["parent"], rows)
            for i, col in enumerate(row.get("columns") or []):
                unknown((*at, "columns", i), "列", col, columns)
    for identity in data.get("identities") or []:
        if not isinstance(identity, dict):
            continue
        at = ("identities", Sel(str(identity.get("id"))))
        target = tables.get(str(identity.get("table")))
        if target is None:
            unknown((*at, "table"), "表", identity.get("table"), tables)
            continue
        columns, rows = _ids(target.get("columns")), _ids(target.get("rows"))
        by_row = identity.get("per") == "row"
        for key, known, kind in (("lhs", columns, "列"), ("rhs", columns, "列"), ("over", rows, "行")):
            known, kind = (known, kind) if by_row else ((rows, "行") if key != "over" else (columns, "列"))
            for i, name in enumerate(identity.get(key) or []):
                unknown((*at, key, i), kind, name, known)
    _family_references(data, tables, unknown)
    for code in data.get("severity") or {}:
        if not re.fullmatch(r"ALL|[A-Z]{1,8}[0-9]{0,4}", str(code)):
            out.append(Problem(("severity", str(code)), f"不是规则代码 {code!r} / not a rule code {code!r}", True))
    return out


_WHAT_EN = {"部分": "section", "表": "table", "行": "row", "列": "column"}


def _family_references(data: dict[str, Any], tables: dict[str, Any], unknown: Any) -> None:
    """Table cells named by the typography and reference rules must exist."""
    typography = data.get("typography") or {}
    for name, rule in typography.items() if isinstance(typography, dict) else ():
        for i, cell in enumerate(rule.get("cells") or [] if isinstance(rule, dict) else []):
            _cell_refs(("typography", name, "cells", i), cell.get("table"), [cell.get("row")],
                       [cell.get("column")], tables, unknown)
    references = data.get("references") or {}
    for entry in references.get("layout_2019_rows") or [] if isinstance(references, dict) else []:
        if isinstance(entry, dict):
            rows = [entry.get("row"), *(entry.get("subrows") or [])]
            _cell_refs(("references", "layout_2019_rows", Sel(str(entry.get("id")))), entry.get("table"), rows, [],
                       tables, unknown)
    prose = data.get("prose") or {}
    for entry in prose.get("mentions") or [] if isinstance(prose, dict) else []:
        if isinstance(entry, dict) and "table" in entry:
            rows = [row for group in entry.get("rows") or [] for row in group or []]
            _cell_refs(("prose", "mentions", Sel(str(entry.get("id")))), entry.get("table"), rows,
                       [entry["column"]] if "column" in entry else [], tables, unknown)


def _cell_refs(at: tuple[Step, ...], table_id: Any, rows: list[Any], columns: list[Any], tables: dict[str, Any],
               unknown: Any) -> None:
    table = tables.get(str(table_id))
    if table is None:
        unknown((*at, "table"), "表", table_id, tables)
        return
    for row in rows:
        unknown(at, "行", row, _ids(table.get("rows")))
    for column in columns:
        unknown(at, "列", column, _ids(table.get("columns")))


def _duplicates(items: Any, path: tuple[Step, ...]) -> list[Problem]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items or []):
        if isinstance(item, dict) and "id" in item:
            key = str(item["id"])
            if key in seen:
                out.append(Problem((*path, i, "id"), f"id {key!r} 重复 / duplicate id {key!r}"))
            seen.add(key)
    return out


# --------------------------------------------------------------------------- locations


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
    for n, step in enumerate(steps):
        last = n == len(steps) - 1
        if isinstance(step, Sel) and isinstance(node, list):
            index = next((i for i, v in enumerate(node) if isinstance(v, dict) and str(v.get("id")) == step.id), None)
            if index is None:
                return best
            best, node = _pos(getattr(node, "lc").item(index)), node[index]  # noqa: B009 (ruamel's CommentedSeq)
        elif isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            best, node = _pos(getattr(node, "lc").item(step)), node[step]  # noqa: B009
        elif isinstance(node, dict) and step in node:
            lc = getattr(node, "lc")  # noqa: B009
            best = _pos(lc.key(step) if at_key and last else lc.value(step))
            node = node[step]
        else:
            return best
    return best


def _pos(lc: Any) -> tuple[int, int]:
    line, col = lc[0], lc[1]
    return int(line), int(col)


def _raise_first(problems: list[Problem], files: Sequence[PackFile]) -> None:
    """Raise the first problem, located in the last file (of those given) that holds its path."""
    if not problems:
        return
    p = problems[0]
    more = f"（另有 {len(problems) - 1} 处问题 / and {len(problems) - 1} more）" if len(problems) > 1 else ""
    candidates = [f for f in reversed(files) if not p.path or p.path[0] in f.data] or list(files[-1:])
    reaching = [f for f in candidates if _reaches(f.data, p.path)]
    best = locate((reaching or candidates)[0].path, p.path, p.at_key)
    raise PackError(f"{_dotted(p.path)}: {p.message}{more}" if p.path else p.message + more, best)


def _reaches(data: Any, steps: Sequence[Step]) -> bool:
    node = data
    for step in steps:
        if isinstance(step, Sel) and isinstance(node, list):
            node = next((v for v in node if isinstance(v, dict) and str(v.get("id")) == step.id), None)
            if node is None:
                return False
        elif isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):  # noqa: SIM114
            node = node[step]
        elif isinstance(node, dict) and step in node:
            node = node[step]
        else:
            return False
    return True


def _dotted(steps: Sequence[Step]) -> str:
    out = ""
    for step in steps:
        out += f"[{step.id}]" if isinstance(step, Sel) else f"[{step}]" if isinstance(step, int) else f".{step}"
    return out.lstrip(".")


# --------------------------------------------------------------------------- extends


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


def _orphan_drops(base: Any, over: Any, path: tuple[Step, ...]) -> list[Problem]:
    """``drop: true`` entries whose id is not in the base: a misspelt id would otherwise drop
    nothing, silently."""
    out: list[Problem] = []
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
                out.append(Problem((*here, "id"), f"drop: 基础规则包中没有 id {item['id']!r} / "
                                                  f"drop: the base pack has no entry with id {item['id']!r}"))
            elif str(item["id"]) in known:
                out.extend(_orphan_drops(known[str(item["id"])], item, here))
    return out


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


def _bases(raw: RawPack) -> list[str]:
    bases = raw.data.get("extends") or []
    return [bases] if isinstance(bases, str) else [str(b) for b in bases]


def resolve(pack_id: str, available: Catalog) -> Pack:
    """Validate and build the effective pack for ``pack_id`` by applying its ``extends``
    chain (bases first, each pack once); raises PackError with a location on any problem."""
    order: list[str] = []
    built: dict[str, dict[str, Any]] = {}

    def build(pid: str, stack: tuple[str, ...]) -> dict[str, Any]:
        if pid in stack:
            raise PackError(f"extends 循环 / extends cycle: {' -> '.join([*stack, pid])}",
                            _extends_location(stack, available))
        if len(stack) >= MAX_EXTENDS_DEPTH:
            raise PackError(f"extends 层级超过 {MAX_EXTENDS_DEPTH} / extends chain deeper than {MAX_EXTENDS_DEPTH}: "
                            f"{' -> '.join(stack)}", _extends_location(stack, available))
        if pid in built:
            return built[pid]
        raw = available.packs.get(pid)
        if raw is None:
            raise PackError(_unknown_message(pid, available), _extends_location(stack, available))
        bases = _bases(raw)
        for file in raw.files:
            _raise_first(validate(file.data, schema(), required=not bases), [file])
        data: dict[str, Any] = {}
        for base in bases:
            data = merge(data, build(base, (*stack, pid)))
        _raise_first(_orphan_drops(data, raw.data, ()), raw.files)
        data = merge(data, raw.data)
        if bases:
            _raise_first(validate(data, schema()), raw.files)
        _raise_first(check_references(data), _chain_files(pid, available))
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


def _unknown_message(pid: str, available: Catalog) -> str:
    known = ", ".join(sorted(available.packs)) or "-"
    broken = "".join(f"\n  {b}" for b in available.broken)
    note = f"；无法读取的规则包 / packs that could not be read:{broken}" if broken else ""
    return f"找不到规则包 {pid!r}（可用：{known}）/ unknown pack {pid!r} (available: {known}){note}"


def _extends_location(stack: tuple[str, ...], available: Catalog) -> str:
    if not stack:
        return ""
    raw = available.packs[stack[-1]]
    for file in raw.files:
        if "extends" in file.data:
            return locate(file.path, ("extends",))
    return str(raw.source.path)


# --------------------------------------------------------------------------- sources


def plugin_sources(plugins: Any) -> list[PackSource]:
    """Packs offered through the ``govlint_packs`` hook, each with the distribution that
    offered it (``plugins`` is a :class:`govlint.plugins.Plugins`)."""
    from govlint.plugins import BUILTIN_DIST, find_plugins

    dists = {spec.name: spec.dist for spec in find_plugins()}
    out: list[PackSource] = []
    for impl in plugins.manager.hook.govlint_packs.get_hookimpls():
        name = plugins.manager.get_name(impl.plugin) or "?"
        dist = dists.get(name, "?")
        origin = "govlint" if dist == BUILTIN_DIST else f"distribution {dist} ({name})"
        try:
            paths = impl.function()
        except Exception as exc:  # a plugin's bug must not stop the others' packs
            out.append(PackSource(Path(f"<{name}: {type(exc).__name__}: {exc}>"), origin))
            continue
        out.extend(PackSource(Path(str(p)), origin) for p in paths)
    return out


_RESOLVED: dict[tuple[str, tuple[PackSource, ...]], Pack] = {}


def load(pack_id: str, sources: Sequence[PackSource]) -> Pack:
    """The resolved pack, built once per process for a given set of sources (each Engine of
    a configuration-rich repository asks for the same pack) and memoised on disk keyed by
    the size and mtime of every pack file and the schema: reading, validating and
    resolving the national pack costs ~30 ms, reading the memo ~1 ms."""
    key = (pack_id, tuple(sources))
    pack = _RESOLVED.get(key)
    if pack is None:
        from govlint._infra.memo import code_stamp, disk_memo

        memo = disk_memo("pack", lambda: code_stamp(__file__), limit=8)
        row = memo.lookup(_fingerprint(pack_id, sources), lambda: tuple(resolve(pack_id, catalog(sources))))
        pack = _RESOLVED[key] = Pack(*cast("tuple[Any, ...]", row))
    return pack


def _fingerprint(pack_id: str, sources: Sequence[PackSource]) -> str:
    from govlint.packs.national import rules_dir

    parts = [pack_id]
    for source in sources:
        parts.append(f"{source.origin}\0{source.path}")
        try:
            files = sorted(source.path.glob("*.yaml")) if source.path.is_dir() else [source.path]
        except OSError:
            files = []
        for file in [*files, rules_dir() / SCHEMA_FILE]:
            try:
                st = file.stat()
                parts.append(f"{file}\0{st.st_size}\0{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{file}\0-")
    return "\n".join(parts)


class Example(NamedTuple):
    """One example of a pack rule: text that must make ``code`` fire, or stay quiet."""

    path: tuple[Step, ...]  # the entry that carries it
    code: str  # "" when neither the entry nor an enclosing one has a code
    kind: str  # "fires" or "passes"
    text: str

    @property
    def where(self) -> str:
        return _dotted(self.path)


def examples(data: Any, path: tuple[Step, ...] = (), code: str = "") -> Iterator[Example]:
    """Every example in a resolved pack; an entry's code is ``examples.code``, else its own,
    else its nearest enclosing entry's."""
    if isinstance(data, dict):
        code = str(data.get("code", code))
        ex = data.get("examples")
        if isinstance(ex, dict):
            for kind in ("fires", "passes"):
                for text in ex.get(kind) or []:
                    yield Example(path, str(ex.get("code", code)), kind, str(text))
        for key, value in data.items():
            if key != "examples":
                yield from examples(value, (*path, key), code)
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from examples(item, (*path, _step(item, i)), code)


def isolate(data: dict[str, Any], keep: Sequence[Step], code: str) -> dict[str, Any]:
    """The pack data with every other entry that reports ``code`` removed, and nothing
    disabled, so an example tests its own entry alone (``govlint pack test``)."""

    def walk(node: Any, rest: Sequence[Step]) -> Any:
        if isinstance(node, dict):
            return {k: walk(v, rest[1:] if rest and rest[0] == k else ()) for k, v in node.items() if k != "disable"}
        if isinstance(node, list):
            out = []
            for i, item in enumerate(node):
                on_path = bool(rest) and rest[0] in (i, _step(item, i))
                if on_path:
                    out.append(walk(item, rest[1:]))
                elif not (isinstance(item, dict) and str(item.get("code", "")) == code):
                    out.append(walk(item, ()))
            return out
        return node

    result: dict[str, Any] = walk(data, tuple(keep))
    return result


def codes(data: Any) -> set[str]:
    """Every rule code named in pack data (entries' ``code``)."""
    found: set[str] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            code = node.get("code")
            if isinstance(code, str):
                found.add(code)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found
