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

Reports paired across years (:mod:`govlint.crossyear`: ``pairs`` maps a report to last
year's) are linted one after the other in the same worker, last year's first, so its
aligned Report serves both lints and no report is aligned twice; results still come back in
the order of the paths (a few are held until those before them are done).
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from govlint._infra.records import NamedTuple
from govlint._infra.results import ResultCache, code_fingerprint, digest
from govlint.engine import Engine, Settings, internal_error
from govlint.model import SEVERITY_RANK, Context, Document, FileResult, Report, Severity, Source, Stream, Tally
from govlint.output.streaming import tally_of
from govlint.source import DecodeError, read_bytes

if TYPE_CHECKING:
    from govlint.crossyear import Pair

T = TypeVar("T")

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


#: What :func:`map_paths` calls in its workers: set before they are forked, inherited by them.
_MAPPED: Callable[[str], Any] | None = None


def map_paths(fn: Callable[[str], T], paths: Sequence[str], jobs: int | None, failed: T) -> list[T]:
    """``fn`` of each path, in order: in forked worker processes where there are paths enough
    for two and the system forks (the workers inherit ``fn`` and all it holds, engines and
    packs included), else here. For work done before the lint, such as reading the titles
    of rendered files for the cross-year pairing. A path whose worker died or raised gets
    ``failed``: such work may be left undone (the lint that follows reports the file)."""
    global _MAPPED
    import multiprocessing

    workers = workers_for(len(paths), jobs)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(path) for path in paths]
    from concurrent.futures import ProcessPoolExecutor

    chunks = [list(paths[i : i + MAX_CHUNK]) for i in range(0, len(paths), MAX_CHUNK)]
    out: list[T] = []
    _MAPPED = fn
    try:
        with ProcessPoolExecutor(workers, multiprocessing.get_context("fork")) as pool:
            for chunk, future in [(chunk, pool.submit(_map_chunk, chunk)) for chunk in chunks]:
                try:
                    out.extend(future.result())
                except Exception:  # a worker that died (BrokenProcessPool) or raised
                    out.extend(failed for _ in chunk)
    finally:
        _MAPPED = None
    return out


def _map_chunk(paths: list[str]) -> list[Any]:
    assert _MAPPED is not None
    return [_MAPPED(path) for path in paths]


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


def lint_one(
    engine: Engine, cache: ResultCache | None, path: str, pairing: Pair | None = None,
    kept: dict[str, Report] | None = None,
) -> FileResult:
    """Read and lint one file, through the cache when there is one; never raises. With a
    ``pairing``, against last year's report: taken from ``kept`` when this run has read it
    already. With ``kept`` (reports of the run follow this one), the file's aligned Report
    is left there for them, when it was linted rather than found in the cache."""
    try:
        data = read_bytes(path)
        loaded = engine.load(data, path)
    except DecodeError as exc:
        return FileResult(path, None, (), str(exc))
    source = loaded if isinstance(loaded, Source) else loaded.source
    key = cache.key(path, data, _previous_part(pairing)) if cache is not None else ""
    cached = cache.get(key) if cache is not None else None
    if cached is not None:
        return FileResult(path, source, cached.diagnostics, None, cached.facts)
    try:
        result = engine.lint(loaded) if pairing is None and kept is None else _paired(engine, loaded, pairing, kept)
    except Exception as exc:  # the engine isolates each step; this is the last resort
        return FileResult(path, source, (internal_error("lint", exc),))
    if cache is not None:
        cache.put(key, result.diagnostics, result.facts)
    return result


def _paired(
    engine: Engine, loaded: Document | Source, pairing: Pair | None, kept: dict[str, Report] | None
) -> FileResult:
    """Align, then lint against last year's report when its full reading bears the pairing
    out; the Report is left in ``kept``."""
    from govlint.crossyear import previous_for

    source = loaded if isinstance(loaded, Source) else loaded.source
    aligned = engine.report(loaded)
    previous = None
    if pairing is not None and isinstance(aligned, Report):
        previous = previous_for(engine, aligned, pairing, kept.get(pairing.previous) if kept is not None else None)
    if kept is not None and isinstance(aligned, Report) and engine.settings.report_year is None:
        kept[source.path] = aligned  # a configured report year is not last year's: read it again then
    return engine.lint_report(source, aligned, previous)


def _previous_part(pairing: Pair | None) -> tuple[str | bytes, ...]:
    """What of last year's report a cached result depends on: its path, whether the
    configuration named it, and its bytes."""
    if pairing is None:
        return ()
    try:
        data = read_bytes(pairing.previous)
    except DecodeError:
        data = b""
    return pairing.previous, "named" if pairing.explicit else "titles", data


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
Chunk = list[tuple[int, Item]]  # items with their places in the run


class _Worker(NamedTuple):
    linters: list[Linter]
    output: Output | None
    pairs: Mapping[str, Pair]

    def run(self, chunk: Chunk) -> list[tuple[int, FileResult | Printed]]:
        """Lint a chunk in its order. In a run that pairs reports, each aligned Report is kept
        for the reports of the chunk that follow it, and only for the chunk: a chunk holds
        whole groups (:func:`_groups`), so memory stays flat."""
        kept: dict[int, dict[str, Report]] = {}  # by Linter: an engine reads last year's report as it reads this one
        done: list[tuple[int, FileResult | Printed]] = []
        for place, (linter_index, path) in chunk:
            linter = self.linters[linter_index]
            keep = kept.setdefault(linter_index, {}) if self.pairs else None
            result = lint_one(linter.engine, linter.cache, path, self.pairs.get(path), keep)
            done.append((place, result if self.output is None else printed(result, self.output)))
        return done

    def failed(self, item: Item, error: str) -> FileResult | Printed:
        result = FileResult(item[1], None, (), error)
        return result if self.output is None else printed(result, self.output)


_WORKER: _Worker | None = None


def _init_worker(
    linters: list[Linter] | list[tuple[Settings, ResultCache | None]], output: Output | None, pairs: Mapping[str, Pair]
) -> None:
    """Forked workers get the parent's Engines (and pairing) as they are; spawned ones build
    their own Engines (and the checks for the formatter's context, which need not survive
    pickling). No worker looks for last year's reports: the parent paired them once."""
    global _WORKER
    built = [Linter(e if isinstance(e, Engine) else Engine(e), c) for e, c in linters]
    if output is not None and not output.ctx.options.checks:
        checks = tuple(built[0].engine.checks())
        output = output._replace(ctx=output.ctx._replace(options=output.ctx.options._replace(checks=checks)))
    _WORKER = _Worker(built, output, pairs)


def _lint_chunk(chunk: Chunk) -> list[tuple[int, FileResult | Printed]]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.run(chunk)


def _groups(items: Sequence[Item], pairs: Mapping[str, Pair]) -> list[list[int]]:
    """Places of the items in lint order: each report followed at once by the reports of the
    run that follow it (same engine), so that last year's aligned Report serves next year's.
    Without pairs, one place a group, in order."""
    where = {item: i for i, item in enumerate(items)}
    after: dict[int, list[int]] = {}
    for i, (linter, path) in enumerate(items):
        pair = pairs.get(path)
        before = where.get((linter, pair.previous)) if pair is not None else None
        if before is not None and before != i:
            after.setdefault(before, []).append(i)
    has_before = {i for followers in after.values() for i in followers}
    seen: set[int] = set()
    groups = []
    for root in [i for i in range(len(items)) if i not in has_before] + sorted(has_before):  # then cycles
        group = []
        todo = [root]
        while todo:
            i = todo.pop()
            if i not in seen:
                seen.add(i)
                group.append(i)
                todo.extend(reversed(after.get(i, ())))
        if group:
            groups.append(group)
    return groups


def _chunks(items: Sequence[Item], groups: Iterable[list[int]], size: int) -> Iterator[Chunk]:
    """Chunks of about ``size`` items, of whole groups."""
    chunk: Chunk = []
    for group in groups:
        if chunk and len(chunk) + len(group) > size:
            yield chunk
            chunk = []
        chunk.extend((i, items[i]) for i in group)
    if chunk:
        yield chunk


def lint_files(
    engine: Engine, paths: Sequence[str], jobs: int | None = None, cache: ResultCache | None = None,
    pairs: Mapping[str, Pair] | None = None,
) -> list[FileResult]:
    """Lint ``paths`` with up to ``jobs`` processes (None: one per CPU); one result per path,
    in order. A worker that dies (killed, out of memory) costs its files an error each, not
    the run."""
    done = run_files([Linter(engine, cache)], [(0, p) for p in paths], jobs, None, pairs)
    return [r for r in done if isinstance(r, FileResult)]


def print_files(
    linters: list[Linter], items: Sequence[Item], jobs: int | None, output: Output,
    pairs: Mapping[str, Pair] | None = None,
) -> Iterator[Printed]:
    """Lint and print each file where it is linted; yields in the order of ``items``."""
    for r in run_files(linters, items, jobs, output, pairs):
        yield r if isinstance(r, Printed) else printed(r, output)


def run_files(
    linters: list[Linter], items: Sequence[Item], jobs: int | None, output: Output | None,
    pairs: Mapping[str, Pair] | None = None,
) -> Iterator[FileResult | Printed]:
    """Each item linted (and printed, with ``output``), in order, as soon as it and those
    before it are done; a few chunks are in flight at a time, so a slow consumer does not
    pile up results. ``pairs``: last year's report of each report that has one."""
    pairs = pairs or {}
    workers = workers_for(len(items), jobs)
    local = _Worker(linters, output, pairs)
    groups = _groups(items, pairs)
    if workers <= 1:
        yield from _in_order(local.run(chunk) for chunk in _chunks(items, groups, MAX_CHUNK))
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
    # The first report (and those following it) is linted here: the libraries checks import
    # lazily (phonenumbers and the like, up to half a second) are then loaded once and
    # inherited by every worker. Small chunks: a round trip costs far less than a report,
    # and the last chunks of a run leave a worker idle for at most a few reports.
    first = groups[:1] if method == "fork" else []
    size = max(1, min(MAX_CHUNK, len(items) // (workers * 8)))
    frozen = gc.get_freeze_count() > 0  # by the caller, for its whole run: not ours to undo
    pending: deque[tuple[Chunk, Future[list[tuple[int, FileResult | Printed]]] | BrokenProcessPool]] = deque()

    def drain() -> list[tuple[int, FileResult | Printed]]:
        chunk, future = pending.popleft()
        try:
            if isinstance(future, BrokenProcessPool):
                raise future
            return future.result()
        except BrokenProcessPool as exc:
            why = f"工作进程意外退出 / worker process died: {exc}"
            return [(place, local.failed(item, f"{item[1]}: {why}")) for place, item in chunk]

    def done() -> Iterator[list[tuple[int, FileResult | Printed]]]:
        yield from (local.run(chunk) for chunk in _chunks(items, first, size))
        gc.freeze()  # forked workers then never write to (and so copy) the parent's objects
        pool = ProcessPoolExecutor(workers, multiprocessing.get_context(method), initializer=_init_worker,
                                   initargs=(initarg, output, pairs))
        try:
            for chunk in _chunks(items, groups[len(first):], size):
                try:
                    pending.append((chunk, pool.submit(_lint_chunk, chunk)))
                except BrokenProcessPool as exc:
                    pending.append((chunk, exc))
                if len(pending) >= workers * IN_FLIGHT:
                    yield drain()
            while pending:
                yield drain()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            if not frozen:
                gc.unfreeze()

    yield from _in_order(done())


def _in_order(chunks: Iterable[list[tuple[int, FileResult | Printed]]]) -> Iterator[FileResult | Printed]:
    """Results in the order of the run's items, each as soon as those before it are out:
    a chunk holds whole groups of paired reports, which may stand far apart in the run."""
    waiting: dict[int, FileResult | Printed] = {}
    upcoming = 0
    for chunk in chunks:
        waiting.update(chunk)
        while upcoming in waiting:
            yield waiting.pop(upcoming)
            upcoming += 1
