"""On-disk caches, so that work done once is not done again.

Two kinds, both content-addressed and both safe to delete at any time:

- **Start-up memos** (:func:`memo`) in the user's cache folder: the parsed rule-pack YAML
  and the entry-point scan, which are most of what a cold ``govlint check one.md`` would
  otherwise spend. Stored with :mod:`marshal`, like ``__pycache__``, in a folder only the
  user writes to.
- **Result cache** (:class:`ResultCache`, ``check --cache``) in ``.govlint_cache/`` of the
  current folder: the diagnostics of each file keyed by its bytes, its path, govlint's
  version, the pack and the configuration, so a pre-commit run over an unchanged
  repository lints nothing. Stored as JSON, because a repository (and so its cache
  folder) may come from someone else and JSON cannot execute anything.

A cache that cannot be read or written is silently skipped: caching never changes what
govlint reports, only how fast.
"""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable, Iterable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from govlint import __version__

try:  # what hashlib itself uses for blake2b; importing hashlib also loads OpenSSL (~4 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python implementation
    from hashlib import blake2b
from govlint.model import Diagnostic, Edit, Fix, Msg, Span

T = TypeVar("T")

#: Default result-cache folder, relative to the current folder (``--cache-dir`` overrides).
DEFAULT_DIR = ".govlint_cache"
#: Set to any non-empty value to turn off the start-up memos (for bisecting a stale memo).
NO_MEMO_ENV = "GOVLINT_NO_STARTUP_CACHE"
#: Bumped when the stored shapes change, so old entries are never misread.
FORMAT = "2"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# govlint cache; see https://bford.info/cachedir/\n"


def digest(*parts: bytes | str) -> str:
    """A stable hex key for the given parts (lengths included, so parts cannot run together)."""
    h = blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename, so parallel workers never see half a file."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- start-up memos


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/govlint`` (default ``~/.cache/govlint``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govlint"


def memo(kind: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, or the value stored for ``(kind, key)`` by an earlier process.

    ``key`` must change whenever the value would (callers hash the inputs); the value must
    be plain data (dicts, lists, tuples, str, numbers, bool, None). Values marshal cannot
    store are simply recomputed next time."""
    if os.environ.get(NO_MEMO_ENV):
        return compute()
    path = user_cache_dir() / f"{kind}-{FORMAT}" / f"{digest(__version__, key)}.marshal"
    try:
        value: T = marshal.loads(path.read_bytes())
        return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = compute()
    with suppress(OSError, ValueError):  # ValueError: not plain data, recomputed next time
        write_atomic(path, marshal.dumps(value))  # type: ignore[arg-type]
    return value


def memo_file(path: Path, parse: Callable[[Path], T]) -> T:
    """``parse(path)``, memoised on the file's bytes (a file that cannot be read is parsed
    anyway, so ``parse`` reports the problem its own way)."""
    try:
        data = path.read_bytes()
    except OSError:
        return parse(path)
    return memo(parse.__qualname__, digest(data), lambda: parse(path))


def library_memo(library: str, code: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, which asks ``library`` (a heavy import), or what an earlier process
    stored for the same ``key``, the same installed version of the library and the same
    ``code`` file (the module interpreting its answers): re-linting a report never imports it.

    Once the library is loaded (a batch, the language server) asking it is cheaper than the
    disk, so the memo is neither read nor written; a library without installed metadata is
    always asked."""
    import sys

    stamp = None if library in sys.modules else _library_stamp(library, code)
    if stamp is None:
        return compute()
    return memo(f"lib-{library}", f"{stamp}\0{key}", compute)


@cache
def _library_stamp(library: str, code: str) -> str | None:
    """The library's installed version and the interpreting module's stamp, looked up once
    per process (a batch asks for every report; the import path does not change meanwhile)."""
    version = dist_version(library)
    return None if version is None else f"{version}\0{code}\0{_stamp(code)}"


def dist_version(name: str) -> str | None:
    """The version of the installed distribution ``name`` that the import path finds first,
    with its metadata folder's mtime (a reinstall changes it), read from the folder's name
    without importing :mod:`importlib.metadata` (~10 ms); None when not installed."""
    import sys

    wanted = name.replace("-", "_").replace(".", "_").lower()
    for entry in sys.path:
        folder = entry or "."
        meta = _metadata_folders(folder).get(wanted)
        if meta is not None:
            return f"{meta}\0{_mtime(os.path.join(folder, meta))}"
    return None


@cache
def _metadata_folders(folder: str) -> dict[str, str]:
    """The metadata folders in ``folder`` ("{name}-{version}.dist-info", the name with "_"
    for "-" and ".") by lower-cased name, the first in sorted order; listed once per process,
    however many libraries are asked for."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    found: dict[str, str] = {}
    for meta in names:
        if meta.endswith((".dist-info", ".egg-info")):
            found.setdefault(meta.partition("-")[0].lower(), meta)
    return found


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-1"
    return f"{st.st_size}\0{st.st_mtime_ns}"


def path_state(entries: Iterable[str]) -> str:
    """A cheap fingerprint of the installed distributions on an import path: the name and
    mtime of every ``*.dist-info``/``*.egg-info`` folder (an install, upgrade or uninstall
    creates or removes one). Other files coming and going (a report saved in the current
    folder) leave it unchanged."""
    parts = []
    for entry in entries:
        folder = entry or "."
        try:
            names = sorted(n for n in os.listdir(folder) if n.endswith((".dist-info", ".egg-info")))
        except OSError:  # missing, a file (zip), or unreadable: its own stamp is enough
            parts.append(f"{entry}\0{_mtime(folder)}")
            continue
        parts.append(entry)
        parts.extend(f"{name}\0{_mtime(os.path.join(folder, name))}" for name in names)
    return "\n".join(parts)


def _mtime(path: str) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return -1


def code_fingerprint(modules: Iterable[str]) -> str:
    """Size and mtime of every ``.py`` file of the top-level packages of ``modules``: a
    plugin upgraded or edited in place (an editable install) changes it."""
    import sys

    roots = set()
    for name in modules:
        module = sys.modules.get(name.partition(".")[0])
        file = getattr(module, "__file__", None)
        if file:
            roots.add(os.path.dirname(file) if file.endswith("__init__.py") else file)
    stamps = []
    for root in sorted(roots):
        for folder, dirs, files in os.walk(root) if os.path.isdir(root) else [("", [], [root])]:
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(f for f in files if f.endswith(".py")):
                with suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    stamps.append(f"{folder}/{name}\0{st.st_size}\0{st.st_mtime_ns}")
    return digest(*stamps)


# --------------------------------------------------------------------------- result cache


def _encode(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        fix = [list(d.fix.title), [[e.span.start, e.span.end, e.new_text] for e in d.fix.edits], d.fix.safe]
    return [d.code, d.severity, list(d.message), [d.span.start, d.span.end], d.rule, fix, d.entry]


def _decode(row: list[Any]) -> Diagnostic:
    code, severity, message, span, rule, fix, entry = row
    decoded_fix = None
    if fix is not None:
        title, edits, safe = fix
        decoded_fix = Fix(Msg(*title), tuple(Edit(Span(s, e), str(t)) for s, e, t in edits), bool(safe))
    if severity not in ("error", "warning", "info"):
        raise ValueError(severity)
    return Diagnostic(str(code), severity, Msg(*message), Span(*span), str(rule), decoded_fix, str(entry))


class ResultCache:
    """Diagnostics per file, keyed by everything they depend on.

    ``salt`` holds what is the same for every file of a run (govlint's version, the pack's
    id, version and content, the plugins and the settings); :meth:`key` adds the file's path
    (it chooses the reader) and its bytes."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = digest(FORMAT, __version__, salt)

    def key(self, path: str, data: bytes) -> str:
        return digest(self.salt, path, data)

    def _file(self, key: str) -> Path:
        return self.root / "results" / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[Diagnostic, ...] | None:
        """The stored diagnostics, or None when absent or unreadable."""
        import json  # the result cache only: not on the start-up path

        try:
            rows = json.loads(self._file(key).read_bytes())
            return tuple(_decode(row) for row in rows)
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, diagnostics: Iterable[Diagnostic]) -> None:
        import json

        data = json.dumps([_encode(d) for d in diagnostics], ensure_ascii=False).encode("utf-8")
        with suppress(OSError):
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                write_atomic(tag, CACHEDIR_TAG.encode())
            write_atomic(self._file(key), data)
