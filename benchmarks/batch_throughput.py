"""Batch: a province-sized generated corpus checked in one command, with and without ``--jobs``
and ``--cache``.

Generates ``--reports`` reports from the seeds into a temporary folder (see corpus.py), then
times ``govlint check FOLDER`` as a fresh process: one worker, then ``--jobs`` (default: one
per CPU); then ``--cache`` three times (empty cache, unchanged corpus, one report in a hundred
edited). Peak RSS (the largest process: the parent, which holds the results) is shown for the
full corpus and for its first tenth, to show memory does not grow with the corpus. Last, where
the time of one report goes: reader, aligner and each check, measured in-process.
Target: at least 300 reports/s on 2 cores.

    python benchmarks/batch_throughput.py [--reports 1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
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

    @property
    def per_second(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("GOVLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    return env


def run_check(label: str, folder: Path, reports: int, options: Sequence[str], cwd: Path) -> Run:
    argv = [sys.executable, "-c", _RSS_WRAPPER, sys.executable, "-m", "govlint", "check", "-q", *options, str(folder)]
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=environment(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    rss = next((int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("maxrss ")), 0)
    if proc.returncode not in (0, 1):
        print(proc.stderr, file=sys.stderr)
    return Run(label, reports, seconds, rss, proc.returncode)


def show(run: Run) -> None:
    print(f"  {run.label:<38} {run.reports:5d} reports {run.seconds:7.2f} s {run.per_second:8.1f} reports/s"
          f"   peak RSS {run.max_rss_kib / 1024:6.1f} MiB   exit {run.exit_code}")


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
    ctx = Context("zh", {})
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
        runs = [
            run_check("--jobs 1", corpus, len(paths), ["--jobs", "1"], work),
            run_check(f"--jobs {jobs}", corpus, len(paths), par, work),
            run_check(f"--jobs {jobs} (first tenth, for memory)", small, tenth, par, work),
            run_check(f"--jobs {jobs} --cache (empty cache)", corpus, len(paths), [*par, "--cache"], work),
            run_check(f"--jobs {jobs} --cache (unchanged)", corpus, len(paths), [*par, "--cache"], work),
        ]
        for path in paths[::100]:
            path.write_text(path.read_text(encoding="utf-8") + "\n补充说明。\n", encoding="utf-8")
        runs.append(run_check(f"--jobs {jobs} --cache (1% edited)", corpus, len(paths), [*par, "--cache"], work))
        for run in runs:
            show(run)
        best = max(runs[0].per_second, runs[1].per_second)
        print(f"  target {TARGET_PER_S:.0f} reports/s without cache: {'met' if best >= TARGET_PER_S else 'NOT met'} "
              f"(best {best:.1f}); peak RSS {runs[2].max_rss_kib / 1024:.1f} MiB at {tenth} reports, "
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
