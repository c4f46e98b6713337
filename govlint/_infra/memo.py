"""Everything govlint keeps so as not to work a thing out twice: four memos, all here.

- :func:`per_lint` — what several checks derive from the same report during one lint (its
  text pieces, contact details, prose facts), kept in ``Context.scratch``: a dict the engine
  makes for each lint and drops after it. Nothing outlives the lint, so nothing goes stale.
- :func:`per_pack` — what a module builds from a pack's data (table templates, the prose
  grammar, contact fields), built once per pack in a process. Packs are never changed after
  loading, so an entry cannot go stale; it is keyed by the identity of ``pack.data`` and
  holds that dict, so the id cannot be reused by another pack while the entry lives.
- :class:`DiskMemo` — plain data kept across processes in the user's cache folder: parsed
  packs, the entry-point scan, compiled regex programs, label comparisons, the answers of
  heavy libraries (phonenumbers, email-validator). A cold ``govlint check`` of one report
  would cost about 2.5 times the instructions without them (``benchmarks/README.md``). Each
  kind is a bounded file per stamp, the stamp naming what its values depend on (govlint's
  version and code, a library's installed files, the interpreter build), so two
  installations side by side do not spoil each other's; a file of a kind unused for
  :data:`UNUSED_DAYS` is deleted when another of that kind is written.
  ``GOVLINT_NO_STARTUP_CACHE=1`` turns them off.

- :class:`TextMemo` — what was read from one paragraph, cell or run of text, kept by the
  text across lints (an editor's next run, a batch's next report): see its docstring for
  why it is worth its place.

Pure functions of strings and numbers keep :func:`functools.lru_cache` where they are
defined: their answer depends on their arguments alone. Nothing else in govlint caches.
The result cache of ``check --cache`` (findings per file) is :mod:`govlint._infra.results`.

Only the standard library is imported here: :mod:`govlint._infra.regex` uses this before
anything else is loaded.
"""

from __future__ import annotations

import atexit
import marshal
import os
from collections.abc import Callable, Hashable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from govlint.model import Context, Pack

T = TypeVar("T")
K = TypeVar("K")

#: Set to any non-empty value to turn off the disk memos (for bisecting a stale memo).
NO_MEMO_ENV = "GOVLINT_NO_STARTUP_CACHE"
#: Bumped when the stored shapes change, so old files are never misread.
FORMAT = "2"
#: A disk memo file not read or written for this long is deleted (another stamp replaced it).
UNUSED_DAYS = 30


# --------------------------------------------------------------------------- one lint


def per_lint(ctx: Context, build: Callable[[K, Context], T], key: K) -> T:
    """``build(key, ctx)``, once per lint: the checks of one lint share the context's
    scratch and all receive the same report (a different key is built afresh); ``build`` may
    use what other builds made of it. Without a scratch (a context made by hand, as in a
    test) it is simply built."""
    scratch = ctx.scratch
    if scratch is None:
        return build(key, ctx)
    hit = cast("tuple[K, T] | None", scratch.get(build))
    if hit is None or hit[0] is not key:
        hit = (key, build(key, ctx))
        scratch[build] = hit
    return hit[1]


# --------------------------------------------------------------------------- one pack

_PER_PACK: dict[tuple[int, object], tuple[dict[str, Any], object]] = {}


def per_pack(pack: Pack, build: Callable[[Pack], T]) -> T:
    """``build(pack)``, once per pack and process (see the module docstring for why it is
    keyed by identity)."""
    key = (id(pack.data), build)
    hit = _PER_PACK.get(key)
    if hit is None or hit[0] is not pack.data:
        hit = (pack.data, build(pack))
        _PER_PACK[key] = hit
    return cast(T, hit[1])


# --------------------------------------------------------------------------- on disk


def user_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/govlint`` (default ``~/.cache/govlint``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "govlint"


def _off() -> bool:
    return bool(os.environ.get(NO_MEMO_ENV))


class DiskMemo:
    """A bounded dict of plain data (what :mod:`marshal` stores) shared by the processes of
    one user: read at first use, written back whole and atomically at exit when this process
    added to it. ``stamp()`` names what every value depends on besides its key: the file is
    named by a checksum of it and holds it whole, so a different stamp is never misread.
    Several processes may race: each writes a whole file, and an entry lost to the race is
    just worked out again. Once full it takes no more entries: what the first runs met is
    what later runs meet most (a file that filled up with a province's reports stays
    useful; evicting in turn would spoil it for the next run over the same reports). With
    ``newest``, for keys that supersede each other (a pack file's mtime, the installed
    distributions), the oldest entry makes room instead: old states do not come back."""

    def __init__(self, kind: str, stamp: Callable[[], str], limit: int, newest: bool = False) -> None:
        self.kind = kind
        self.stamp = stamp
        self.limit = limit
        self.newest = newest
        self._data: dict[Any, Any] | None = None
        self._added = False

    def path(self) -> Path:
        from zlib import crc32

        return user_cache_dir() / f"{self.kind}-{FORMAT}-{crc32(self.stamp().encode()):08x}.marshal"

    def data(self) -> dict[Any, Any]:
        """The entries, read at the first call."""
        if self._data is None:
            self._data = {}
            if not _off():
                with suppress(OSError, EOFError, ValueError, TypeError):
                    path = self.path()
                    stored = marshal.loads(path.read_bytes())
                    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == self.stamp():
                        self._data = stored[1]
                        os.utime(path)  # in use: not to be deleted as unused
                atexit.register(self.save)
        return self._data

    def get(self, key: Any) -> Any:
        return self.data().get(key)

    def add(self, key: Any, value: Any) -> None:
        """Remember ``value``, unless the memo is full (with ``newest``: drop the oldest)."""
        data = self.data()
        if self.newest and len(data) >= self.limit:
            del data[next(iter(data))]
        if len(data) < self.limit:
            data[key] = value
            self._added = True

    def lookup(self, key: Any, compute: Callable[[], T]) -> T:
        """The value stored for ``key``, else ``compute()`` (remembered)."""
        data = self.data()
        if key in data:
            return cast(T, data[key])
        value = compute()
        self.add(key, value)
        return value

    def save(self) -> None:
        """Write the entries back if this process added any; a value marshal cannot store
        (not plain data) is simply not kept."""
        if not self._added or self._data is None or _off():
            return
        from govlint._infra.fs import write_atomic

        with suppress(OSError, ValueError):
            payload = marshal.dumps((self.stamp(), self._data))
            path = self.path()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, payload, durable=False)
            self._added = False
            _delete_unused(path.parent.glob(f"{self.kind}-{FORMAT}-*.marshal"))

    def forget(self) -> None:
        """Drop the entries and the file (they proved unusable)."""
        self._data, self._added = {}, False
        with suppress(OSError):
            os.unlink(self.path())


def _delete_unused(files: Iterable[Path]) -> None:
    """Delete the memo files not used for :data:`UNUSED_DAYS` (reading one touches it)."""
    import time

    cutoff = time.time() - UNUSED_DAYS * 86400
    for file in files:
        with suppress(OSError):
            if file.stat().st_mtime < cutoff:
                file.unlink()


def file_stamp(path: str) -> str:
    """Size and modification time of a file: what a value worked out from it depends on."""
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{path}\0{st.st_size}\0{st.st_mtime_ns}"


_DISK: dict[str, DiskMemo] = {}


def disk_memo(kind: str, stamp: Callable[[], str], limit: int, newest: bool = False) -> DiskMemo:
    """The process's one :class:`DiskMemo` of ``kind`` (made at the first call)."""
    memo = _DISK.get(kind)
    if memo is None:
        memo = _DISK[kind] = DiskMemo(kind, stamp, limit, newest)
    return memo


def code_stamp(*files: str) -> str:
    """govlint's version and the stamps of the modules that work a value out: an edited
    checkout (an editable install) starts afresh."""
    from govlint import __version__

    return "\n".join([__version__, *map(file_stamp, files)])


def parsed_file(path: Path, parse: Callable[[Path], T], code: str) -> T:
    """``parse(path)``, kept on disk per file content (size and modification time) and per
    the stamp of ``code``, the module that parses. A file that cannot be read is parsed
    anyway, so ``parse`` reports the problem its own way."""
    if not path.is_file():
        return parse(path)
    memo = disk_memo(f"file-{parse.__qualname__}", lambda: code_stamp(code), limit=16, newest=True)
    return memo.lookup(file_stamp(str(path.resolve())), lambda: parse(path))


def library_answer(library: str, code: str, key: str, compute: Callable[[], T]) -> T:
    """``compute()``, which asks ``library`` (a heavy import), or what an earlier process
    stored for the same ``key``, the same installed library and the same ``code`` (the
    module that reads its answers): re-linting a report never imports the library. Once the
    library is loaded (a batch, the language server) asking it is cheaper than the disk."""
    import sys

    if library in sys.modules or _off():
        return compute()
    return disk_memo(f"lib-{library}", lambda: _library_stamp(library, code), limit=4096).lookup(key, compute)


def _library_stamp(library: str, code: str) -> str:
    """What a library's answers depend on: its installed module file (a reinstall or an
    upgrade rewrites it) and the module that reads them."""
    from importlib.util import find_spec

    try:
        spec = find_spec(library)
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None and spec.origin else "-"
    return code_stamp(origin, code)


# --------------------------------------------------------------------------- one text

#: Entries a :class:`TextMemo` keeps: the documents an editor has open (a 50 KB report has
#: ~600 paragraphs) fit, and a batch over a province's reports keeps a flat memory.
TEXT_LIMIT = 2048

V = TypeVar("V")


class TextMemo(Generic[V]):
    """What was read from one paragraph, cell or run of text as if it stood at offset 0,
    kept by the text (and moved to where the text stands by the caller). An editor's
    change reads again only what it touched, and a batch meets the same set phrases and
    table cells ("0", "1") report after report: the language server's change-to-diagnostics
    time and a batch's instructions per report are about a third higher without it
    (``benchmarks/README.md``). What the reading depends on besides the text (the pack's
    patterns) owns the memo, so a key is a text alone. Least recently used entries go
    first, past :data:`TEXT_LIMIT`."""

    def __init__(self, limit: int = TEXT_LIMIT) -> None:
        self.limit = limit
        self._entries: dict[Hashable, V] = {}

    def get(self, key: Hashable) -> V | None:
        value = self._entries.pop(key, None)
        if value is not None:
            self._entries[key] = value  # now the most recently used
        return value

    def put(self, key: Hashable, value: V) -> V:
        while len(self._entries) >= self.limit:
            del self._entries[next(iter(self._entries))]
        self._entries[key] = value
        return value
