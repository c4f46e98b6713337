"""The one way govlint writes a file: whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Replace (or create) the file at ``path`` with ``data`` all at once: a temporary file
    in the same folder, given the original's permissions, then ``os.replace``, so a reader
    (another worker, an editor) never sees half a file. A symlink is followed, so the link
    stays a link and its target is updated; a file the user may not write stays untouched
    (replacing it would get round its permissions); a new file is private to the user (only
    caches create files). ``durable`` also syncs the data and the rename to disk: a report
    ``--fix`` rewrites must survive a power cut, a cache entry need not (it is worked out
    again)."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    mode: int | None = None
    if os.path.exists(target):
        mode = stat.S_IMODE(os.stat(target).st_mode)
        if not os.access(target, os.W_OK):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    import tempfile

    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(target)}.", suffix=".govlint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        with suppress(OSError):  # make the rename itself durable where the OS allows it
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
