"""What a pack may say: ``rules/pack.schema.json``, and the references the schema cannot see.

Every file is validated against the pack JSON Schema (the one editors use) by the small
interpreter below rather than by ``jsonschema``: importing jsonschema costs more start-up
than parsing and validating the whole national pack, and the schema uses only a handful of
keywords. The resolved pack is then checked for references (a table's section, an
identity's rows and columns …). Problems are returned as records with a path into the data;
:func:`govlint.packs.locations.raise_first` turns the first into a located error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from govlint._infra import regex
from govlint.model import Msg
from govlint.packs.locations import PackProblem, Sel, Step, step

SCHEMA_FILE = "pack.schema.json"

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
_WHAT_EN = {"部分": "section", "表": "table", "行": "row", "列": "column"}

#: Reports a reference to a name that is not among the known ones: (path, kind, name, known).
Unknown = Callable[[tuple[Step, ...], str, Any, Iterable[str]], None]


@lru_cache(maxsize=1)
def pack_schema() -> dict[str, Any]:
    """The pack JSON Schema shipped with govlint (``rules/pack.schema.json``)."""
    import json

    from govlint.packs.national import rules_dir

    loaded: dict[str, Any] = json.loads((rules_dir() / SCHEMA_FILE).read_text("utf-8"))
    return loaded


def validate(data: Any, node: dict[str, Any], required: bool = True) -> list[PackProblem]:
    """Problems of ``data`` against a schema node; ``required=False`` for an extending pack's
    own file, whose entries may say only what they change. Interprets the keywords the pack
    schema uses: type, enum, properties, additionalProperties, propertyNames, required, items,
    anyOf, $ref, pattern, format: regex, minLength/maxLength, minimum/maximum, maxItems."""
    out: list[PackProblem] = []
    _validate(data, node, (), required, out)
    return out


def _is_type(value: Any, name: str) -> bool:
    if isinstance(value, bool) and name in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[name])


def _describe(value: Any) -> str:
    for name in ("boolean", "object", "array", "string", "integer", "number", "null"):
        if _is_type(value, name):
            return name
    return type(value).__name__


def _resolve_ref(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        name = str(node["$ref"]).rsplit("/", 1)[-1]
        node = pack_schema()["$defs"][name]
    return node


def _validate(value: Any, node: dict[str, Any], path: tuple[Step, ...], required: bool,
              out: list[PackProblem]) -> None:
    node = _resolve_ref(node)
    if "anyOf" in node:
        options = [_resolve_ref(o) for o in node["anyOf"]]
        for option in options:
            trial: list[PackProblem] = []
            _validate(value, option, path, required, trial)
            if not trial:
                return
        typed = [o for o in options if "type" in o and any(_is_type(value, t) for t in _types(o))]
        if typed:
            _validate(value, typed[0], path, required, out)
        else:
            wanted = " / ".join(t for o in options for t in _types(o))
            out.append(PackProblem(path, Msg(f"类型错误：应为 {wanted}，实为 {_describe(value)}",
                                             f"wrong type: expected {wanted}, got {_describe(value)}")))
        return
    if "type" in node and not any(_is_type(value, t) for t in _types(node)):
        wanted = " / ".join(_types(node))
        wanted_zh = "或".join(_TYPE_ZH.get(t, t) for t in _types(node))
        out.append(PackProblem(path, Msg(f"类型错误：应为{wanted_zh}，实为 {_describe(value)} {_short(value)}",
                                         f"wrong type: expected {wanted}, got {_describe(value)}")))
        return
    if "enum" in node and value not in node["enum"]:
        allowed = ", ".join(map(str, node["enum"]))
        out.append(PackProblem(path, Msg(f"取值 {_short(value)} 无效，可用：{allowed}",
                                         f"invalid value {_short(value)}; allowed: {allowed}")))
        return
    if isinstance(value, str):
        _validate_string(value, node, path, out)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < node.get("minimum", value) or value > node.get("maximum", value):
            low, high = node.get("minimum", "-"), node.get("maximum", "-")
            out.append(PackProblem(path, Msg(f"{value} 超出范围 {low}…{high}", f"out of range {low}…{high}")))
    elif isinstance(value, list):
        if "maxItems" in node and len(value) > node["maxItems"]:
            limit = node["maxItems"]
            out.append(PackProblem(path, Msg(f"条目过多（上限 {limit}）", f"too many items (at most {limit})")))
        items = node.get("items")
        if items is not None:
            for i, item in enumerate(value):
                _validate(item, items, (*path, step(item, i)), required, out)
    elif isinstance(value, dict):
        _validate_mapping(value, node, path, required, out)


def _validate_string(value: str, node: dict[str, Any], path: tuple[Step, ...], out: list[PackProblem]) -> None:
    if len(value) < node.get("minLength", 0):
        out.append(PackProblem(path, Msg("不能为空", "must not be empty")))
    if "maxLength" in node and len(value) > node["maxLength"]:
        limit = node["maxLength"]
        out.append(PackProblem(path, Msg(f"过长（{len(value)} 个字符，上限 {limit}）",
                                         f"too long ({len(value)} characters, at most {limit})")))
        return
    if "pattern" in node and not re.search(node["pattern"], value):
        out.append(PackProblem(path, Msg(f"{value!r} 格式不对（应匹配 {node['pattern']}）",
                                         f"{value!r} does not match {node['pattern']}")))
    if node.get("format") == "regex":
        try:
            regex.compile(value)
        except (re.error, RecursionError, OverflowError) as exc:
            out.append(PackProblem(path, Msg(f"正则表达式无效：{exc}", f"invalid regular expression: {exc}")))


def _validate_mapping(value: dict[Any, Any], node: dict[str, Any], path: tuple[Step, ...], required: bool,
                      out: list[PackProblem]) -> None:
    props: dict[str, Any] = node.get("properties", {})
    extra = node.get("additionalProperties", True)
    if required:
        for name in node.get("required", ()):
            if name not in value:
                out.append(PackProblem(path, Msg(f"缺少必需的键 {name!r}", f"missing required key {name!r}")))
    names = node.get("propertyNames")
    for key, item in value.items():
        sub = (*path, key if isinstance(key, (str, int)) else str(key))
        if names is not None:
            wrong: list[PackProblem] = []
            _validate(key, names, sub, required, wrong)
            out.extend(problem._replace(at_key=True) for problem in wrong)
        if key in props:
            _validate(item, props[key], sub, required, out)
        elif extra is False:
            allowed = ", ".join(props)
            out.append(PackProblem(sub, Msg(f"未知键 {key!r}（可用：{allowed}）",
                                            f"unknown key {key!r} (allowed: {allowed})"), at_key=True))
        elif isinstance(extra, dict):
            _validate(item, extra, sub, required, out)


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _ids(items: Any) -> list[str]:
    return [str(i["id"]) for i in items or [] if isinstance(i, dict) and "id" in i]


def check_references(data: dict[str, Any]) -> list[PackProblem]:
    """Problems the schema cannot see: duplicate ids and names of sections, tables, rows and
    columns that do not exist (checked on the resolved pack, after ``extends``)."""
    out: list[PackProblem] = []
    sections = data.get("sections") or []
    tables = {str(t["id"]): t for t in data.get("tables") or [] if isinstance(t, dict) and "id" in t}
    section_ids = set(_ids(sections))

    def unknown(path: tuple[Step, ...], what: str, name: Any, known: Iterable[str]) -> None:
        if str(name) not in set(known):
            out.append(PackProblem(path, Msg(f"引用了不存在的{what} {name!r}",
                                             f"refers to unknown {_WHAT_EN[what]} {name!r}")))

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
            out.append(PackProblem(("severity", str(code)), Msg(f"不是规则代码 {code!r}", f"not a rule code {code!r}"),
                                   True))
    return out


def _family_references(data: dict[str, Any], tables: dict[str, Any], unknown: Unknown) -> None:
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
               unknown: Unknown) -> None:
    table = tables.get(str(table_id))
    if table is None:
        unknown((*at, "table"), "表", table_id, tables)
        return
    for row in rows:
        unknown(at, "行", row, _ids(table.get("rows")))
    for column in columns:
        unknown(at, "列", column, _ids(table.get("columns")))


def _duplicates(items: Any, path: tuple[Step, ...]) -> list[PackProblem]:
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items or []):
        if isinstance(item, dict) and "id" in item:
            key = str(item["id"])
            if key in seen:
                out.append(PackProblem((*path, i, "id"), Msg(f"id {key!r} 重复", f"duplicate id {key!r}")))
            seen.add(key)
    return out
