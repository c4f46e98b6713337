"""Linting many files: an optional result cache and a process pool.

Linting is CPU-bound pure Python, so parallelism means processes. On Linux the workers
are forked from the process that already built the Engine (plugins imported, pack
parsed), so a worker starts in about a millisecond and needs no pickling of the Engine;
elsewhere each worker builds its own Engine from the Settings. A handful of files is
checked in-process: starting workers would cost more than it saves. Results come back in
the order of the paths, whatever the number of workers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from govlint.cache import ResultCache, code_fingerprint, digest
from govlint.engine import Engine, Settings, internal_error
from govlint.model import FileResult
from govlint.source import DecodeError, decode, read_bytes

#: Fewer files than this per worker are not worth a worker.
MIN_FILES_PER_WORKER = 4
#: Files handed to a worker at a time: large enough to amortise the round trip.
MAX_CHUNK = 32


def default_jobs() -> int:
    """CPUs this process may run on (``--jobs`` default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(files: int, jobs: int | None) -> int:
    """How many worker processes to start for ``files`` files; 0 or 1 = in-process."""
    wanted = default_jobs() if jobs is None or jobs <= 0 else jobs
    return max(1, min(wanted, files // MIN_FILES_PER_WORKER))


def cache_for(engine: Engine, root: Path, config: str = "") -> ResultCache:
    """The result cache for this engine: its salt covers the pack (id, version and the
    resolved data, so an edited pack invalidates even without a version bump), the loaded
    plugins, their checks and their code on disk (an upgraded or edited plugin invalidates),
    the settings and any further configuration text."""
    pack = engine.pack
    pack_data = json.dumps(pack.data, sort_keys=True, ensure_ascii=False, default=str)
    loaded = engine.plugins.manager.list_name_plugin()
    plugins = sorted(name for name, _ in loaded)
    modules = {getattr(p, "__name__", type(p).__module__) for _, p in loaded if p is not None}
    salt = "\n".join(
        [
            f"pack={pack.id}@{pack.version} chain={','.join(pack.chain)} data={digest(pack_data)}",
            f"plugins={','.join(plugins)} errors={engine.plugin_errors!r}",
            f"code={code_fingerprint(modules)}",
            f"checks={','.join(c.code + ':' + c.severity for c in engine.all_checks)}",
            f"settings={engine.settings!r}",
            f"config={config}",
        ]
    )
    return ResultCache(root, salt)


def lint_one(engine: Engine, cache: ResultCache | None, path: str) -> FileResult:
    """Read and lint one file, through the cache when there is one; never raises."""
    try:
        data = read_bytes(path)
        source = decode(data, path)
    except DecodeError as exc:
        return FileResult(path, None, (), str(exc))
    key = cache.key(path, data) if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return FileResult(path, source, cached)
    try:
        result = engine.lint_source(source)
    except Exception as exc:  # the engine isolates each step; this is the last resort
        return FileResult(path, source, (internal_error("lint", exc),))
    if cache is not None:
        cache.put(key, result.diagnostics)
    return result


class _Worker(NamedTuple):
    engine: Engine
    cache: ResultCache | None


_WORKER: _Worker | None = None


def _init_worker(engine: Engine | Settings, cache: ResultCache | None) -> None:
    """Forked workers get the parent's Engine as it is; spawned ones build their own."""
    global _WORKER
    _WORKER = _Worker(engine if isinstance(engine, Engine) else Engine(engine), cache)


def _lint_chunk(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None, "worker not initialised"
    return [lint_one(_WORKER.engine, _WORKER.cache, p) for p in paths]


def _chunks(paths: Sequence[str], workers: int) -> list[list[str]]:
    size = max(1, min(MAX_CHUNK, -(-len(paths) // (workers * 4))))
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


def lint_files(
    engine: Engine, paths: Sequence[str], jobs: int | None = None, cache: ResultCache | None = None
) -> list[FileResult]:
    """Lint ``paths`` with up to ``jobs`` processes (None: one per CPU); one result per path,
    in order. A worker that dies (killed, out of memory) costs its files an error each, not
    the run."""
    workers = workers_for(len(paths), jobs)
    if workers <= 1:
        return [lint_one(engine, cache, p) for p in paths]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    initarg: Engine | Settings = engine if method == "fork" else engine.settings
    # The first file is linted here: the libraries checks import lazily (phonenumbers and
    # the like, up to half a second) are then loaded once and inherited by every worker.
    results = [lint_one(engine, cache, paths[0])] if method == "fork" else []
    with ProcessPoolExecutor(
        workers, multiprocessing.get_context(method), initializer=_init_worker, initargs=(initarg, cache)
    ) as pool:
        chunks = _chunks(paths[len(results) :], workers)
        futures = [pool.submit(_lint_chunk, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                results.extend(future.result())
            except BrokenProcessPool as exc:
                why = f"工作进程意外退出 / worker process died: {exc}"
                results.extend(FileResult(p, None, (), f"{p}: {why}") for p in chunk)
    return results
