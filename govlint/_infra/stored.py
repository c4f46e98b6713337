"""A dict kept across processes: what one cold run worked out, the next looks up.

Some of a cold ``govlint check``'s work is pure and the same from run to run: compiling the
regular expressions (:mod:`govlint._infra.regex`), comparing a report's labels with the format's
(:mod:`govlint.align`). A :class:`Stored` dict is read from the user's cache folder at its
first use and, when the process added to it, written back (whole, atomically) at exit.
Several processes may race: each writes whole files, and an entry lost to the race is just
worked out again. ``GOVLINT_NO_STARTUP_CACHE`` turns reading and writing off.

Only the standard library is imported here: :mod:`govlint._infra.regex` uses this before anything.
"""

from __future__ import annotations

import atexit
import marshal
import os
from collections.abc import Callable
from contextlib import suppress
from typing import Any


class Stored:
    """A bounded dict of plain data (what :mod:`marshal` stores), shared by the processes
    that use the same file (``path()`` names it and may encode what the values depend on)."""

    def __init__(self, path: Callable[[], str], limit: int) -> None:
        self.path = path
        self.limit = limit
        self._data: dict[Any, Any] | None = None
        self._added = 0

    def data(self) -> dict[Any, Any]:
        """The entries, read at the first call."""
        if self._data is None:
            self._data = {}
            if not _off():
                with suppress(OSError, EOFError, ValueError, TypeError):
                    with open(self.path(), "rb") as fh:
                        stored = marshal.loads(fh.read())
                    if isinstance(stored, dict):
                        self._data = stored
                atexit.register(self.save)
        return self._data

    def get(self, key: Any) -> Any:
        return self.data().get(key)

    def add(self, key: Any, value: Any) -> None:
        """Remember ``value`` (until the dict is full: then it is only worked out again)."""
        data = self.data()
        if len(data) < self.limit:
            data[key] = value
            self._added += 1

    def save(self) -> None:
        """Write the entries back if this process added any."""
        if not self._added or self._data is None or _off():
            return
        from pathlib import Path

        from govlint._infra.cache import write_atomic

        with suppress(OSError, ValueError):  # ValueError: not plain data; nothing is kept
            write_atomic(Path(self.path()), marshal.dumps(self._data))
            self._added = 0

    def forget(self) -> None:
        """Drop the entries and the file (they proved unusable)."""
        self._data, self._added = {}, 0
        with suppress(OSError):
            os.unlink(self.path())


def _off() -> bool:
    from govlint._infra.cache import NO_MEMO_ENV

    return bool(os.environ.get(NO_MEMO_ENV))


def folder(kind: str) -> str:
    """The cache folder of one kind of stored dict."""
    from govlint._infra.cache import FORMAT, user_cache_dir

    return os.path.join(user_cache_dir(), f"{kind}-{FORMAT}")
