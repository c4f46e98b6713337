"""Linting many files: an optional result cache and a process pool.

Linting is CPU-bound pure Python, so parallelism means processes. On Linux the workers
are forked from the process that already built the Engine (plugins imported, pack
parsed), so a worker starts in about a millisecond and needs no pickling of the Engine;
elsewhere each worker builds its own Engine from the Settings. A handful of files is
checked in-process: starting workers would cost more than it saves. Results come back in
the order of the paths, whatever the number of workers.

With a streaming formatter (:func:`print_files`) a worker also prints what it linted and
sends back only that piece and a few counts, never the report's text: the parent writes
pieces as they arrive, so its memory stays flat however large the corpus.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Sequence
from pathlib import Path

from govlint._infra.records import NamedTuple
from govlint._infra.results import ResultCache, code_fingerprint, digest
from govlint.engine import Engine, Settings, internal_error
from govlint.model import SEVERITY_RANK, Context, FileResult, Severity, Source, Stream, Tally
from govlint.output.streaming import tally_of
from govlint.source import DecodeError, read_bytes

#: Fewer files than this per worker are not worth a worker.
MIN_FILES_PER_WORKER = 4
#: Most files handed to a worker at a time: a round trip costs about as much as a tenth of a report.
MAX_CHUNK = 8
#: Chunks waiting or being linted, per worker.
IN_FLIGHT = 4


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
    import json

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
        loaded = engine.load(data, path)
    except DecodeError as exc:
        return FileResult(path, None, (), str(exc))
    source = loaded if isinstance(loaded, Source) else loaded.source
    key = cache.key(path, data) if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return FileResult(path, source, cached)
    try:
        result = engine.lint(loaded)
    except Exception as exc:  # the engine isolates each step; this is the last resort
        return FileResult(path, source, (internal_error("lint", exc),))
    if cache is not None:
        cache.put(key, result.diagnostics)
    return result


class Linter(NamedTuple):
    """An engine and its result cache: files of different configurations share one pool."""

    engine: Engine
    cache: ResultCache | None


class Output(NamedTuple):
    """How a worker prints what it linted: a formatter's stream and the run's context."""

    stream: Stream
    ctx: Context


class Printed(NamedTuple):
    """One file as the output needs it, made where it was linted: the formatter's piece, the
    file's tally and its worst severity (for the exit code). Its text stays behind, so what
    crosses between processes and what the run holds is small whatever the report's size."""

    path: str
    piece: str
    tally: Tally
    worst: Severity | None


def printed(result: FileResult, output: Output) -> Printed:
    worst = max((d.severity for d in result.diagnostics), key=SEVERITY_RANK.__getitem__, default=None)
    return Printed(result.path, output.stream.file(result, output.ctx), tally_of(result), worst)


Item = tuple[int, str]  # (index of the file's Linter, path)


class _Worker(NamedTuple):
    linters: list[Linter]
    output: Output | None

    def run(self, item: Item) -> FileResult | Printed:
        linter = self.linters[item[0]]
        result = lint_one(linter.engine, linter.cache, item[1])
        return result if self.output is None else printed(result, self.output)

    def failed(self, item: Item, error: str) -> FileResult | Printed:
        result = FileResult(item[1], None, (), error)
        return result if self.output is None else printed(result, self.output)


_WORKER: _Worker | None = None


def _init_worker(linters: list[Linter] | list[tuple[Settings, ResultCache | None]], output: Output | None) -> None:
    """Forked workers get the parent's Engines as they are; spawned ones build their own
    (and the checks for the formatter's context, which need not survive pickling)."""
    global _WORKER
    built = [Linter(e if isinstance(e, Engine) else Engine(e), c) for e, c in linters]
    if output is not None and not output.ctx.options.checks:
        checks = tuple(built[0].engine.checks())
        output = output._replace(ctx=output.ctx._replace(options=output.ctx.options._replace(checks=checks)))
    _WORKER = _Worker(built, output)


def _lint_chunk(items: list[Item]) -> list[FileResult | Printed]:
    assert _WORKER is not None, "worker not initialised"
    return [_WORKER.run(item) for item in items]


def _chunks(items: Sequence[Item], workers: int) -> Iterator[list[Item]]:
    """Small chunks: a round trip costs far less than a report, and the last chunks of a run
    leave a worker idle for at most a few reports."""
    size = max(1, min(MAX_CHUNK, len(items) // (workers * 8)))
    return (list(items[i : i + size]) for i in range(0, len(items), size))


def lint_files(
    engine: Engine, paths: Sequence[str], jobs: int | None = None, cache: ResultCache | None = None
) -> list[FileResult]:
    """Lint ``paths`` with up to ``jobs`` processes (None: one per CPU); one result per path,
    in order. A worker that dies (killed, out of memory) costs its files an error each, not
    the run."""
    done = run_files([Linter(engine, cache)], [(0, p) for p in paths], jobs, None)
    return [r for r in done if isinstance(r, FileResult)]


def print_files(linters: list[Linter], items: Sequence[Item], jobs: int | None, output: Output) -> Iterator[Printed]:
    """Lint and print each file where it is linted; yields in the order of ``items``."""
    for r in run_files(linters, items, jobs, output):
        yield r if isinstance(r, Printed) else printed(r, output)


def run_files(
    linters: list[Linter], items: Sequence[Item], jobs: int | None, output: Output | None
) -> Iterator[FileResult | Printed]:
    """Each item linted (and printed, with ``output``), in order, as soon as it is done; a
    few chunks are in flight at a time, so a slow consumer does not pile up results."""
    workers = workers_for(len(items), jobs)
    local = _Worker(linters, output)
    if workers <= 1:
        yield from (local.run(item) for item in items)
        return
    import gc
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    initarg: list[Linter] | list[tuple[Settings, ResultCache | None]] = linters
    if method != "fork":
        initarg = [(linter.engine.settings, linter.cache) for linter in linters]
        output = None if output is None else output._replace(
            ctx=output.ctx._replace(options=output.ctx.options._replace(checks=())))
    # The first file is linted here: the libraries checks import lazily (phonenumbers and
    # the like, up to half a second) are then loaded once and inherited by every worker.
    first = 1 if method == "fork" else 0
    yield from (local.run(item) for item in items[:first])
    frozen = gc.get_freeze_count() > 0  # by the caller, for its whole run: not ours to undo
    gc.freeze()  # forked workers then never write to (and so copy) the parent's objects
    pool = ProcessPoolExecutor(workers, multiprocessing.get_context(method), initializer=_init_worker,
                               initargs=(initarg, output))
    pending: deque[tuple[list[Item], Future[list[FileResult | Printed]] | BrokenProcessPool]] = deque()

    def submit(chunk: list[Item]) -> None:
        try:
            pending.append((chunk, pool.submit(_lint_chunk, chunk)))
        except BrokenProcessPool as exc:
            pending.append((chunk, exc))

    def drain() -> Iterator[FileResult | Printed]:
        chunk, future = pending.popleft()
        try:
            if isinstance(future, BrokenProcessPool):
                raise future
            yield from future.result()
        except BrokenProcessPool as exc:
            why = f"工作进程意外退出 / worker process died: {exc}"
            yield from (local.failed(item, f"{item[1]}: {why}") for item in chunk)

    try:
        for chunk in _chunks(items[first:], workers):
            submit(chunk)
            if len(pending) >= workers * IN_FLIGHT:
                yield from drain()
        while pending:
            yield from drain()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if not frozen:
            gc.unfreeze()
