"""Batch: a province-sized generated corpus checked in one command, with and without ``--jobs``
and ``--cache``.

Generates ``--reports`` reports from the seeds into a temporary folder (see corpus.py), then
times ``govlint check FOLDER`` as a fresh process: one worker, then ``--jobs`` (default: one
per CPU); then ``--cache`` three times (empty cache, unchanged corpus, one report in a hundred
edited). Peak RSS (the largest process, parent or worker) is shown for the full corpus and for
its first tenth, to show memory does not grow with the corpus. With ``--runs N`` the two
throughput runs are repeated, interleaved, and shown as median [min-max]. Each run also shows
the CPU the rest of the machine used meanwhile ("others", in cores; Linux only): on a shared
machine that, not govlint, often decides what ``--jobs`` gains. Last, where the time of one
report goes: reader, aligner and each check, measured in-process.
Target: at least 300 reports/s on 2 cores.

    python benchmarks/batch_throughput.py [--reports 1000] [--jobs N] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # a sibling script, found through the path above

TARGET_PER_S = 300.0
#: Runs the command and prints its peak RSS (KiB) on stderr; RUSAGE_CHILDREN covers the
#: pool's workers too, since each process reports the largest of its waited-for children.
_RSS_WRAPPER = (
    "import resource, subprocess, sys; rc = subprocess.run(sys.argv[1:]).returncode; "
    "print('maxrss', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(rc)"
)


class Run(NamedTuple):
    label: str
    reports: int
    seconds: float
    max_rss_kib: int
    exit_code: int
    others: float | None  # cores the rest of the machine used during the run

    @property
    def per_second(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("GOVLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    return env


def busy_cpu_seconds() -> float | None:
    """CPU seconds the whole machine has been busy (``/proc/stat``); None where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            ticks = [int(v) for v in fh.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_check(label: str, folder: Path, reports: int, options: Sequence[str], cwd: Path) -> Run:
    argv = [sys.executable, "-c", _RSS_WRAPPER, sys.executable, "-m", "govlint", "check", "-q", *options, str(folder)]
    busy, own = busy_cpu_seconds(), own_cpu_seconds()
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    busy_after = busy_cpu_seconds()
    others = None
    if busy is not None and busy_after is not None and seconds:
        others = max(0.0, busy_after - busy - (own_cpu_seconds() - own)) / seconds
    rss = next((int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("maxrss ")), 0)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
    return Run(label, reports, seconds, rss, proc.returncode, others)


def show(run: Run) -> None:
    print(f"  {run.label:<38} {run.reports:5d} reports {run.seconds:7.2f} s {run.per_second:8.1f} reports/s"
          f"   peak RSS {run.max_rss_kib / 1024:6.1f} MiB   exit {run.exit_code}"
          + ("" if run.others is None else f"   others {run.others:4.2f} cores"))


def show_spread(label: str, runs: Sequence[Run]) -> None:
    rates = sorted(r.per_second for r in runs)
    print(f"  {label:<38} median {statistics.median(rates):8.1f} reports/s [{rates[0]:.1f}-{rates[-1]:.1f}]"
          f" over {len(runs)} runs")


class Stage(NamedTuple):
    name: str
    seconds: float


def stage_times(paths: Iterable[Path]) -> list[Stage]:
    """Reader, aligner and each check, timed in-process over ``paths`` (no pool)."""
    from govlint.align import align
    from govlint.engine import Engine, Settings
    from govlint.model import Context
    from govlint.source import read_source

    engine = Engine(Settings())
    ctx = Context("zh")
    totals: dict[str, float] = defaultdict(float)

    @contextmanager
    def timed(name: str) -> Iterator[None]:
        start = time.perf_counter()
        yield
        totals[name] += time.perf_counter() - start

    for path in paths:
        with timed("read + decode"):
            source = read_source(str(path))
            reader = engine.reader_for(str(path)) or engine.readers[0]
            document = reader.read(source)
        with timed("align"):
            report = align(document, engine.pack, None)
        for check in engine.checks():
            # A crashing check is the engine's GL900, not this benchmark's concern.
            with timed(f"{check.code} {check.name}"), suppress(Exception):
                list(check.run(report, ctx))
    return sorted((Stage(k, v) for k, v in totals.items()), key=lambda s: -s.seconds)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=0, help="workers for the parallel run (0: one per CPU)")
    parser.add_argument("--profile-reports", type=int, default=50, help="reports timed stage by stage")
    parser.add_argument("--runs", type=int, default=1, help="repeat the two throughput runs (median, spread)")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpus")
    args = parser.parse_args(argv)
    from govlint.batch import default_jobs

    jobs = args.jobs or default_jobs()
    work = Path(tempfile.mkdtemp(prefix="govlint-bench-"))
    try:
        corpus, small = work / "corpus", work / "small"
        paths = generate(corpus, args.reports)
        small.mkdir()
        tenth = max(1, len(paths) // 10)
        for path in paths[:tenth]:
            shutil.copy(path, small / path.name)
        print(f"batch: {len(paths)} generated reports, {os.cpu_count()} CPUs, --jobs {jobs}")
        par = ["--jobs", str(jobs)]
        repeated = [
            (run_check("--jobs 1", corpus, len(paths), ["--jobs", "1"], work),
             run_check(f"--jobs {jobs}", corpus, len(paths), par, work))
            for _ in range(max(1, args.runs))
        ]
        serial, parallel = [pair[0] for pair in repeated], [pair[1] for pair in repeated]
        median = len(repeated) // 2
        runs = [
            sorted(serial, key=lambda r: r.seconds)[median],
            sorted(parallel, key=lambda r: r.seconds)[median],
            run_check(f"--jobs {jobs} (first tenth, for memory)", small, tenth, par, work),
            run_check(f"--jobs {jobs} --cache (empty cache)", corpus, len(paths), [*par, "--cache"], work),
            run_check(f"--jobs {jobs} --cache (unchanged)", corpus, len(paths), [*par, "--cache"], work),
        ]
        for path in paths[::100]:
            path.write_text(path.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
        runs.append(run_check(f"--jobs {jobs} --cache (1% edited)", corpus, len(paths), [*par, "--cache"], work))
        if args.runs > 1:
            for run in [*serial, *parallel]:
                show(run)
            show_spread("--jobs 1", serial)
            show_spread(f"--jobs {jobs}", parallel)
        for run in runs:
            show(run)
        best = max(runs[0].per_second, runs[1].per_second)  # the median runs, with --runs
        print(f"  target {TARGET_PER_S:.0f} reports/s without cache: {'met' if best >= TARGET_PER_S else 'NOT met'} "
              f"({'median ' if args.runs > 1 else ''}--jobs {jobs}: {runs[1].per_second:.1f}); "
              f"peak RSS {runs[2].max_rss_kib / 1024:.1f} MiB at {tenth} reports, "
              f"{runs[1].max_rss_kib / 1024:.1f} MiB at {len(paths)}")
        sample = paths[: args.profile_reports]
        stages = stage_times(sample)
        total = sum(s.seconds for s in stages)
        print(f"\nwhere the time of one report goes ({len(sample)} reports in-process, "
              f"{total / max(1, len(sample)) * 1000:.1f} ms per report):")
        for stage in stages[:15]:
            print(f"  {stage.seconds / max(1, len(sample)) * 1000:7.2f} ms  {stage.seconds / total:5.1%}  {stage.name}")
        failed = [r for r in runs if r.exit_code not in (0, 1)]
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"corpus kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
