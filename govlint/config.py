"""Configuration files: ``govlint.yaml`` or ``[tool.govlint]`` in ``pyproject.toml``.

A file's configuration is the nearest one found from its folder upward (a
``pyproject.toml`` without ``[tool.govlint]`` does not count); ``extends: PATH`` inherits
explicitly. Command-line options override the file; ``per-file`` entries override both
for the files their glob matches. The API is :func:`settings_for` (what the language
server calls for a document) and :func:`resolve_for` (what ``govlint check`` needs as
well: the fail level and whether the file is excluded).

Why one module of ~530 lines: finding a file's configuration, reading and validating its
keys (each error at its file:line:col), and resolving it for one file share the records at
the top and little else; the validators are a dozen small functions of one shape. Split,
each part would import the others' records and nothing would read more easily.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from govlint._infra import regex
from govlint._infra.records import NamedTuple
from govlint.engine import Settings
from govlint.model import Msg, Severity

CONFIG_NAMES = ("govlint.yaml", ".govlint.yaml")
PYPROJECT = "pyproject.toml"
SEVERITIES = ("error", "warning", "info")
KEYS = ("extends", "pack", "packs", "select", "ignore", "severity", "per-file", "fail-level", "lang", "report-year",
        "exclude", "previous")
PER_FILE_KEYS = ("select", "ignore", "severity", "report-year", "lang")
MAX_EXTENDS = 8
#: The shape of a code as read: one word. Whether it names a known code (or is a rule's name,
#: refused with its code) is decided once the plugins and the pack are loaded: check_codes.
_CODE = regex.compile(r"[A-Z][A-Z0-9-]*")


class ConfigError(Exception):
    """A configuration file that cannot be used; reported as ``file:line:col: message``."""


class Written(NamedTuple):
    """A rule code as a configuration file writes it, and where (for an error located there)."""

    code: str  # upper case, as used
    path: Path
    steps: tuple[str | int, ...]  # ("select", 0), ("severity", "GL201"), ("per-file", "*.md", "ignore", 1)
    at_key: bool = False  # a ``severity`` code is a key, not a value


class PerFile(NamedTuple):
    """Overrides for the files a glob matches (relative to the configuration's folder)."""

    glob: str
    root: Path
    select: tuple[str, ...] | None
    ignore: tuple[str, ...]  # added to the ignored codes
    severity: tuple[tuple[str, Severity], ...]
    report_year: int | None
    lang: str | None


class Config(NamedTuple):
    """A configuration file with what it extends applied; empty when there is none."""

    files: tuple[Path, ...] = ()  # nearest first
    root: Path | None = None  # folder of the nearest file: globs are relative to it
    pack: str | None = None
    packs: tuple[str, ...] = ()  # absolute paths
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    severity: tuple[tuple[str, Severity], ...] = ()
    per_file: tuple[PerFile, ...] = ()
    fail_level: str | None = None
    lang: str | None = None
    report_year: int | None = None
    exclude: tuple[tuple[Path, str], ...] = ()  # (folder of the file that wrote it, glob)
    codes: tuple[Written, ...] = ()  # every code written in the files above, checked by check_codes
    previous: tuple[tuple[Path, Path], ...] = ()  # (report, the report for the year before it), absolute


class Overrides(NamedTuple):
    """Command-line options; None means not given (the file decides)."""

    pack: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_level: str | None = None
    lang: str | None = None
    report_year: int | None = None
    blocked: tuple[str, ...] = ()
    config: Path | None = None  # --config FILE: use it instead of discovery


class FileConfig(NamedTuple):
    """Everything ``govlint check`` needs to know for one file."""

    settings: Settings
    fail_level: str
    excluded: bool
    config: Config


# --------------------------------------------------------------------------- discovery


def absolute(path: str | Path) -> Path:
    """An absolute, normalised path without following symbolic links (a link loop is a
    file that cannot be read, reported as such, not a crash here)."""
    return Path(os.path.abspath(path))


def find_config(folder: Path) -> Path | None:
    """The nearest configuration file from ``folder`` upward."""
    for here in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = here / name
            if candidate.is_file():
                return candidate
        pyproject = here / PYPROJECT
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return b"[tool.govlint" in path.read_bytes()
    except OSError:
        return False


@lru_cache(maxsize=256)
def _config_in(folder: Path) -> Config:
    found = find_config(folder)
    return load_config(found) if found is not None else Config()


def config_for(path: str | Path) -> Config:
    """The configuration that applies to a file (or, for a folder, to files in it)."""
    p = absolute(path)
    return _config_in(p if p.is_dir() else p.parent)


def clear_caches() -> None:
    """Forget discovered configurations (the language server calls this when a file changes)."""
    _config_in.cache_clear()
    _load_cached.cache_clear()


# --------------------------------------------------------------------------- reading


def load_config(path: Path) -> Config:
    """Read a configuration file and what it extends; raises ConfigError."""
    path = absolute(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 / cannot read: {exc.strerror}") from None
    return _load_cached(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=64)
def _load_cached(path: Path, mtime: int, size: int) -> Config:
    raw = _merged(path, ())
    return _build(raw, path)


def _read(path: Path) -> dict[str, Any]:
    """The file's settings as a mapping with hyphenated keys."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: 无法读取 / cannot read: {exc.strerror}") from None
    if path.name == PYPROJECT:
        import tomllib

        try:
            table = tomllib.loads(data.decode("utf-8")).get("tool", {}).get("govlint", {})
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: TOML 语法错误 / TOML syntax error: {exc}") from None
    else:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        try:
            table = YAML(typ="safe", pure=False).load(data) or {}
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
            raise ConfigError(f"{where}: YAML 语法错误 / YAML syntax error: {getattr(exc, 'problem', exc)}") from None
        except (RecursionError, ValueError, TypeError) as exc:
            raise ConfigError(f"{path}: YAML 无法解析 / unreadable YAML: {exc}") from None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: 配置须为映射 / the configuration must be a mapping")
    return {str(k).replace("_", "-"): v for k, v in table.items()}


def _fail(path: Path, steps: tuple[str | int, ...], message: str, at_key: bool = False) -> ConfigError:
    """An error located at ``file:line:col`` (YAML) or ``file: [tool.govlint] key`` (TOML)."""
    if path.name == PYPROJECT:
        key = ".".join(str(s) for s in steps)
        return ConfigError(f"{path}: [tool.govlint] {key}: {message}")
    from govlint.packs import locate

    yaml_steps = tuple(steps)
    if steps and isinstance(steps[0], str) and steps[0] not in _read_keys(path):
        yaml_steps = (steps[0].replace("-", "_"), *steps[1:])
    return ConfigError(f"{locate(path, yaml_steps, at_key)}: {'.'.join(map(str, steps))}: {message}")


def _read_keys(path: Path) -> set[str]:
    try:
        from ruamel.yaml import YAML

        data = YAML(typ="safe", pure=False).load(path.read_bytes())
        return {str(k) for k in data} if isinstance(data, dict) else set()
    except Exception:  # only used to spell a key the way the file does
        return set()


def _merged(path: Path, seen: tuple[Path, ...]) -> dict[str, Any]:
    """The file's raw settings over those of the file it extends (each value tagged with
    the file it came from, so relative paths and errors refer to the right file)."""
    if path in seen:
        raise ConfigError(f"{path}: extends 循环 / extends cycle: {' -> '.join(map(str, (*seen, path)))}")
    if len(seen) >= MAX_EXTENDS:
        raise ConfigError(f"{path}: extends 层级过深 / extends chain too deep")
    raw = _read(path)
    for key in raw:
        if key not in KEYS:
            allowed = ", ".join(KEYS)
            raise _fail(path, (key,), f"未知配置项 {key!r}（可用：{allowed}）/ unknown setting {key!r} "
                                      f"(allowed: {allowed})", at_key=True)
    tagged = {k: (v, path) for k, v in raw.items()}
    base: dict[str, Any] = {"files": [path]}
    if "extends" in raw:
        target = raw["extends"]
        if not isinstance(target, str):
            raise _fail(path, ("extends",), "应为文件路径 / must be a file path")
        parent = absolute(path.parent / target)
        if parent.is_dir():
            found = find_config(parent)
            if found is None or found.parent != parent:
                raise _fail(path, ("extends",), f"{target} 中没有配置文件 / no configuration file in {target}")
            parent = found
        base = _merged(parent, (*seen, path))
        base["files"] = [path, *base["files"]]
    for key, value in tagged.items():
        if key in ("packs", "per-file", "exclude") and key in base:
            base[key] = [*_as_list(base[key]), *_as_list(value)]
        elif key == "severity" and key in base:
            base[key] = [*_as_list(base[key]), value]
        else:
            base[key] = value if key != "severity" else [value]
    return base


def _as_list(tagged: Any) -> list[Any]:
    return tagged if isinstance(tagged, list) else [tagged]


def _build(raw: dict[str, Any], nearest: Path) -> Config:
    """Check each value's type and turn the raw settings into a Config."""
    files = tuple(raw["files"])
    out: dict[str, Any] = {"files": files, "root": nearest.parent}
    written: list[Written] = []
    for key, entry in raw.items():
        if key in ("files", "extends"):
            continue
        for value, path in _as_list(entry) if key in ("packs", "per-file", "exclude", "severity") else [entry]:
            _apply(out, key, value, path)
            written.extend(_written(key, value, path, (key,)))
    return Config(**out, codes=tuple(written))


def _written(key: str, value: Any, path: Path, steps: tuple[str | int, ...]) -> list[Written]:
    """The codes a setting (already checked by :func:`_apply`) writes, each where it stands."""
    if key in ("select", "ignore"):
        if isinstance(value, str):
            return [Written(value.upper(), path, steps)]
        return [Written(str(code).upper(), path, (*steps, i)) for i, code in enumerate(value)]
    if key == "severity":
        return [Written(str(code).upper(), path, (*steps, str(code)), at_key=True) for code in value]
    if key == "per-file":
        out = []
        for glob, settings in value.items():
            for sub, v in settings.items():
                sub = str(sub).replace("_", "-")
                out.extend(_written(sub, v, path, (*steps, str(glob), sub)))
        return out
    return []


def _apply(out: dict[str, Any], key: str, value: Any, path: Path) -> None:
    name = key.replace("-", "_")
    if key == "pack":
        out[name] = _string(path, (key,), value)
    elif key == "packs":
        items = _strings(path, (key,), value)
        out[name] = (*out.get(name, ()), *(str(absolute(path.parent / p)) for p in items))
    elif key in ("select", "ignore"):
        out[name] = _codes(path, (key,), value)
    elif key == "exclude":
        out[name] = (*out.get(name, ()), *((path.parent, g) for g in _strings(path, (key,), value)))
    elif key == "severity":
        out[name] = (*out.get(name, ()), *_severity(path, (key,), value))
    elif key == "per-file":
        out[name] = (*out.get(name, ()), *_per_file(path, value))
    elif key == "fail-level":
        out[name] = _choice(path, (key,), value, SEVERITIES)
    elif key == "lang":
        out[name] = _choice(path, (key,), value, ("zh", "en"))
    elif key == "report-year":
        out[name] = _year(path, (key,), value)
    elif key == "previous":
        out[name] = _previous(path, (key,), value)


def _string(path: Path, steps: tuple[str | int, ...], value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise _fail(path, steps, f"应为字符串，实为 {value!r} / expected a string, got {value!r}")
    return value


def _strings(path: Path, steps: tuple[str | int, ...], value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise _fail(path, steps, f"应为字符串列表，实为 {value!r} / expected a list of strings, got {value!r}")
    return tuple(_string(path, (*steps, i), v) for i, v in enumerate(items))


def _codes(path: Path, steps: tuple[str | int, ...], value: Any) -> tuple[str, ...]:
    codes = _strings(path, steps, value)
    for i, code in enumerate(codes):
        _code(path, (*steps, i), code)
    return tuple(c.upper() for c in codes)


def _code(path: Path, steps: tuple[str | int, ...], code: str, at_key: bool = False) -> None:
    if not _CODE.fullmatch(code.upper()):
        message = f"不是规则代码 {code!r}（如 GL201 或 GL2）/ not a rule code {code!r} (e.g. GL201 or GL2)"
        raise _fail(path, steps, message, at_key)


def _choice(path: Path, steps: tuple[str | int, ...], value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise _fail(path, steps, f"取值 {value!r} 无效，可用：{', '.join(allowed)} / invalid value {value!r}; "
                                 f"allowed: {', '.join(allowed)}")
    return str(value)


def _year(path: Path, steps: tuple[str | int, ...], value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise _fail(path, steps, f"应为年份（如 2023），实为 {value!r} / expected a year such as 2023, got {value!r}")
    return value


def _previous(path: Path, steps: tuple[str | int, ...], value: Any) -> tuple[tuple[Path, Path], ...]:
    """Which report follows which, where their titles do not tell (paths relative to the file)."""
    if not isinstance(value, dict):
        raise _fail(path, steps, "应为映射“报告: 上年报告” / expected a mapping report: last year's report")
    return tuple(
        (absolute(path.parent / _string(path, steps, report)),
         absolute(path.parent / _string(path, (*steps, report), before)))
        for report, before in value.items()
    )


def _severity(path: Path, steps: tuple[str | int, ...], value: Any) -> tuple[tuple[str, Severity], ...]:
    if not isinstance(value, dict):
        raise _fail(path, steps, "应为映射“规则代码: 级别” / expected a mapping code: severity")
    out: list[tuple[str, Severity]] = []
    for code, level in value.items():
        _code(path, (*steps, str(code)), str(code), at_key=True)
        checked = _choice(path, (*steps, str(code)), level, SEVERITIES)
        out.append((str(code).upper(), checked))  # type: ignore[arg-type]
    return tuple(out)


def _per_file(path: Path, value: Any) -> tuple[PerFile, ...]:
    if not isinstance(value, dict):
        raise _fail(path, ("per-file",), "应为映射“glob: 设置” / expected a mapping glob: settings")
    out = []
    for glob, settings in value.items():
        steps: tuple[str | int, ...] = ("per-file", str(glob))
        if not isinstance(settings, dict):
            raise _fail(path, steps, "应为映射 / expected a mapping")
        for key in settings:
            if str(key).replace("_", "-") not in PER_FILE_KEYS:
                allowed = ", ".join(PER_FILE_KEYS)
                raise _fail(path, (*steps, str(key)), f"未知配置项 {key!r}（可用：{allowed}）/ unknown setting {key!r} "
                                                      f"(allowed: {allowed})", at_key=True)
        s = {str(k).replace("_", "-"): v for k, v in settings.items()}
        out.append(PerFile(
            str(glob),
            path.parent,
            _codes(path, (*steps, "select"), s["select"]) if "select" in s else None,
            _codes(path, (*steps, "ignore"), s["ignore"]) if "ignore" in s else (),
            _severity(path, (*steps, "severity"), s["severity"]) if "severity" in s else (),
            _year(path, (*steps, "report-year"), s["report-year"]) if "report-year" in s else None,
            _choice(path, (*steps, "lang"), s["lang"], ("zh", "en")) if "lang" in s else None,
        ))
    return tuple(out)


# --------------------------------------------------------------------------- codes


def check_codes(config: Config, overrides: Overrides, unknown: Callable[[str], Msg | None]) -> None:
    """Refuse the first code of the command line (a usage error) or of the configuration (an
    error at its ``file:line:col``) that ``unknown`` says is not a known code, with its
    message (:func:`govlint.codes.unknown`: which codes exist depends on the plugins and the
    pack, loaded after the configuration is read). The codes of every ``per-file`` entry
    count, whichever files it matches: a typo there is one for the files it was written for."""
    for option, given in (("--select", overrides.select), ("--ignore", overrides.ignore)):
        for code in given or ():
            problem = unknown(code)
            if problem is not None:
                raise ConfigError(f"{option}: {_both(problem)}")
    for written in config.codes:
        problem = unknown(written.code)
        if problem is not None:
            raise _fail(written.path, written.steps, _both(problem), at_key=written.at_key)


def _both(message: Msg) -> str:
    """``中文 / English``, as every configuration error is written."""
    from govlint.packs.error import render

    return render((message,), None)


# --------------------------------------------------------------------------- globs


@lru_cache(maxsize=512)
def _glob_regex(glob: str) -> re.Pattern[str]:
    """``*`` and ``?`` stay within a folder, ``**`` spans folders; what follows a match is
    inside the matched folder."""
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            out.append({"*": "[^/]*", "?": "[^/]"}.get(glob[i], re.escape(glob[i])))
            i += 1
    return regex.compile("".join(out) + "(?:/.*)?")


def matches(root: Path, glob: str, path: str | Path) -> bool:
    """Whether a glob written in the configuration in folder ``root`` matches a file: a
    glob with a ``/`` inside or in front is matched from the root, one without matches a
    file or folder name anywhere below it (``drafts`` excludes everything under any
    drafts folder, ``/drafts`` only the one in the root)."""
    try:
        rel = absolute(path).relative_to(absolute(root)).as_posix()
    except ValueError:
        return False
    anchored = glob.startswith("/")
    glob = glob.strip("/")
    if anchored or "/" in glob:
        return _glob_regex(glob).fullmatch(rel) is not None
    pattern = _glob_regex(glob)
    return any(pattern.fullmatch(part) for part in rel.split("/"))


# --------------------------------------------------------------------------- settings


def resolve_for(path: str | Path, overrides: Overrides | None = None) -> FileConfig:
    """The settings, fail level and exclusion of one file (or of standard input named as
    ``path``); raises ConfigError when its configuration is broken."""
    overrides = overrides or Overrides()
    cfg = load_config(overrides.config) if overrides.config else config_for(path)
    select = overrides.select if overrides.select is not None else cfg.select or ()
    ignore = overrides.ignore if overrides.ignore is not None else cfg.ignore or ()
    severity = cfg.severity
    report_year = cfg.report_year
    lang = cfg.lang
    for entry in cfg.per_file:
        if matches(entry.root, entry.glob, path):
            select = entry.select if entry.select is not None else select
            ignore = (*ignore, *entry.ignore)
            severity = (*severity, *entry.severity)
            report_year = entry.report_year if entry.report_year is not None else report_year
            lang = entry.lang or lang
    settings = Settings(
        lang=overrides.lang or lang or "zh",
        select=select,
        ignore=ignore,
        severity=severity,
        pack=overrides.pack or cfg.pack or "national",
        report_year=overrides.report_year if overrides.report_year is not None else report_year,
        blocked=overrides.blocked,
        packs=cfg.packs,
    )
    excluded = any(matches(root, glob, path) for root, glob in cfg.exclude)
    return FileConfig(settings, overrides.fail_level or cfg.fail_level or "warning", excluded, cfg)


def settings_for(path: str | Path, overrides: Overrides | None = None) -> Settings:
    """The settings ``govlint check`` would use for ``path`` (the language server's entry point)."""
    return resolve_for(path, overrides).settings


# --------------------------------------------------------------------------- showing


def describe(path: str | Path, overrides: Overrides | None = None) -> dict[str, Any]:
    """The resolved configuration of a path as plain data (``govlint config``)."""
    fc = resolve_for(path, overrides)
    s = fc.settings
    return {
        "path": str(path),
        "config-files": [str(f) for f in fc.config.files],
        "pack": s.pack,
        "packs": list(s.packs),
        "select": list(s.select),
        "ignore": list(s.ignore),
        "severity": dict(s.severity),
        "fail-level": fc.fail_level,
        "lang": s.lang,
        "report-year": s.report_year,
        "excluded": fc.excluded,
        "exclude": [glob for _, glob in fc.config.exclude],
        "per-file": [pf.glob for pf in fc.config.per_file if matches(pf.root, pf.glob, path)],
    }
