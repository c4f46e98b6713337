"""Cross-year checks: what pairing each report with last year's costs a batch, and 内容雷同 on one pair.

Generates ``--organs`` organs with two years each (``--organs 500``: 1,000 reports) from the
seeds, as corpus.py does (numbers scaled by one factor a report, the organ renamed), last
year's report being the same seed with its years moved back; the files stand as
``reports/YEAR/ORGAN.txt`` in a folder with a configuration file (a report repository: its
tree is searched too), so the two reports of a pair are half the run apart. Then times
``govlint check -q --jobs N reports`` as a fresh process with the cross-year rules (all rules,
the default) and without them (``--ignore GL6``: no titles read, nothing paired), in
interleaved rounds (``--runs``), with wall and CPU time and the peak RSS, and the peak RSS of
a corpus a tenth the size (memory must not grow with the corpus). Last, in-process, the prose comparison of
``govlint.crossyear.similarity`` on a pair of 15 KB reports (the largest seed and a copy of
it with every number changed and every third paragraph rewritten), beside rapidfuzz's
edit-distance alignment and datasketch's MinHash on the same masked prose where those are
installed (they are not govlint's dependencies). Targets: at most 1.3 times the time without
the cross-year rules; at most 10 ms for the pair.

    python benchmarks/crossyear.py [--organs 500] [--jobs N] [--runs 3] [--pairs 200]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_throughput import Run, own_cpu_seconds, run_check, show  # sibling scripts, found through the path above
from corpus import NAME_CHARS, _scaled, load_seeds

TARGET_RATIO = 1.3
TARGET_PAIR_MS = 10.0


def organ(i: int) -> str:
    """A made-up county name of its own for each number."""
    a, b, c = i % len(NAME_CHARS), i // len(NAME_CHARS) % len(NAME_CHARS), i // len(NAME_CHARS) ** 2
    return f"{NAME_CHARS[a]}{NAME_CHARS[b]}{NAME_CHARS[c % len(NAME_CHARS)]}县"


def generate(out: Path, organs: int, seed: int = 2021) -> list[Path]:
    """Two years of ``organs`` organs under ``out/reports``, ``out`` holding a configuration
    file as a report repository does (so last year's reports are looked for beside each
    report too); returns the paths, year by year."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "govlint.yaml").write_text("# a report repository of generated reports\n", encoding="utf-8")
    rng = random.Random(seed)
    seeds = [s for s in load_seeds() if s.organ and s.year]
    paths: list[Path] = []
    for i in range(organs):
        base = seeds[i % len(seeds)]
        assert base.organ and base.year
        name = organ(i)
        this_year = _scaled(base, rng.choice((1, 2, 3, 5))).replace(base.organ, name)
        last_year = _scaled(base, rng.choice((1, 2, 3, 5))).replace(base.organ, name)
        last_year = last_year.replace(str(base.year), str(base.year - 1)).replace(str(base.year + 1), str(base.year))
        for year, text in ((base.year - 1, last_year), (base.year, this_year)):
            path = out / "reports" / str(year) / f"{name}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    return sorted(paths)


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, fastest) milliseconds of ``fn``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def pair_of_reports() -> tuple[str, str]:
    """The largest seed (last year's) and this year's: every number changed, every third
    paragraph of more than 40 characters rewritten (reversed)."""
    from corpus import SEEDS

    last = max(SEEDS.glob("*.txt"), key=lambda p: p.stat().st_size).read_text(encoding="utf-8")
    lines = [line[::-1] if i % 3 == 0 and len(line) > 40 else line for i, line in enumerate(last.split("\n"))]
    this = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), "\n".join(lines))
    return last, this


def compare_pair(runs: int) -> float:
    """内容雷同 on a pair of 15 KB reports, and the alternatives on the same masked prose."""
    from govlint.crossyear import overlap
    from govlint.crossyear.similarity import prose
    from govlint.engine import Engine, Settings
    from govlint.model import Context, Report
    from govlint.source import source_from_text

    engine = Engine(Settings())
    last_text, this_text = pair_of_reports()
    lines = this_text.split("\n")
    moved_text = "\n".join(lines[len(lines) // 2 :] + lines[: len(lines) // 2])  # the same text, halves swapped
    last, this, moved = (engine.report(source_from_text(f"{name}.txt", text))
                         for name, text in (("last", last_text), ("this", this_text), ("moved", moved_text)))
    assert isinstance(last, Report) and isinstance(this, Report) and isinstance(moved, Report)
    found, found_moved = (overlap(r, Context("zh", previous=last)) for r in (this, moved))
    assert found is not None and found.share is not None and found_moved is not None
    median, fastest = timed(lambda: overlap(this, Context("zh", previous=last, scratch={})), runs)
    mask_median, _ = timed(lambda: prose(this), runs)
    size = len(this_text.encode("utf-8")) // 1024
    print(f"\n内容雷同 on a pair of {size} KB reports ({runs} runs):")
    print(f"  shingles (govlint)     median {median:6.2f} ms  fastest {fastest:6.2f} ms   share {found.share:.3f}, "
          f"halves swapped {found_moved.share:.3f}   (masking one report: {mask_median:.2f} ms, twice a pair)")
    a, b, swapped = ("\0".join(p.text for p in prose(r)) for r in (last, this, moved))
    try:
        from rapidfuzz.distance import Indel

        def aligned(x: str, y: str) -> float:
            return sum(m.size for m in Indel.opcodes(x, y).as_matching_blocks() if m.size >= 10) / len(y)

        rf_median, rf_fastest = timed(lambda: aligned(a, b), runs)
        print(f"  rapidfuzz Indel blocks median {rf_median:6.2f} ms  fastest {rf_fastest:6.2f} ms   share "
              f"{aligned(a, b):.3f}, halves swapped {aligned(a, swapped):.3f}   (plus the masking)")
    except ImportError:
        print("  rapidfuzz: not installed (pip install rapidfuzz to compare)")
    try:
        from datasketch import MinHash

        def jaccard(x: str, y: str) -> float:
            first, second = MinHash(num_perm=128), MinHash(num_perm=128)
            first.update_batch([x[i : i + 10].encode() for i in range(len(x) - 9)])
            second.update_batch([y[i : i + 10].encode() for i in range(len(y) - 9)])
            return float(second.jaccard(first))

        mh_median, mh_fastest = timed(lambda: jaccard(a, b), max(3, runs // 10))
        print(f"  datasketch MinHash     median {mh_median:6.2f} ms  fastest {mh_fastest:6.2f} ms   "
              f"Jaccard {jaccard(a, b):.3f} (a set similarity, not the share of this year's text)")
    except ImportError:
        print("  datasketch: not installed (pip install datasketch to compare)")
    return median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organs", type=int, default=500, help="organs, two years each")
    parser.add_argument("--jobs", type=int, default=0, help="workers (0: one per CPU)")
    parser.add_argument("--runs", type=int, default=3, help="interleaved rounds of the two batch runs")
    parser.add_argument("--pairs", type=int, default=200, help="runs of the pair comparison")
    parser.add_argument("--keep", metavar="DIR", type=Path, help="write the corpus into DIR and keep it there")
    args = parser.parse_args(argv)
    from govlint.batch import default_jobs

    jobs = str(args.jobs or default_jobs())
    with tempfile.TemporaryDirectory(prefix="govlint-crossyear-") as temporary:
        work = args.keep or Path(temporary)
        count = len(generate(work / "all", args.organs))
        small = len(generate(work / "tenth", max(1, args.organs // 10)))
        print(f"cross-year: {args.organs} organs x 2 years = {count} reports, --jobs {jobs}, {args.runs} rounds")
        rounds: list[tuple[Run, Run]] = []
        cpu: list[tuple[float, float]] = []  # CPU seconds of the whole run (parent and workers)
        for _ in range(max(1, args.runs)):
            spent = own_cpu_seconds()
            without = run_check("without GL6 (--ignore GL6)", work / "all" / "reports", count,
                                ["--jobs", jobs, "--ignore", "GL6"], work)
            middle = own_cpu_seconds()
            with_ = run_check("with GL6", work / "all" / "reports", count, ["--jobs", jobs], work)
            rounds.append((without, with_))
            cpu.append((middle - spent, own_cpu_seconds() - middle))
            show(without)
            show(with_)
        tenth = work / "tenth" / "reports"
        memory = [run_check("with GL6 (a tenth, for memory)", tenth, small, ["--jobs", jobs], work),
                  run_check("without GL6 (a tenth)", tenth, small, ["--jobs", jobs, "--ignore", "GL6"], work)]
        for run in memory:
            show(run)
        ratios = sorted(w.seconds / o.seconds for o, w in rounds)
        ratio = statistics.median(ratios)
        cpu_ratios = sorted(w / o for o, w in cpu)
        print(f"  time with / without the cross-year rules: median {ratio:.2f} [{ratios[0]:.2f}-{ratios[-1]:.2f}] "
              f"(target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'}); CPU time (all processes) "
              f"median {statistics.median(cpu_ratios):.2f} [{cpu_ratios[0]:.2f}-{cpu_ratios[-1]:.2f}]")
        print(f"  peak RSS with them {memory[0].max_rss_kib / 1024:.1f} MiB at {small} reports, "
              f"{max(w.max_rss_kib for _, w in rounds) / 1024:.1f} MiB at {count} "
              f"(without: {memory[1].max_rss_kib / 1024:.1f} and "
              f"{max(o.max_rss_kib for o, _ in rounds) / 1024:.1f} MiB)")
        pair_ms = compare_pair(args.pairs)
        print(f"  target {TARGET_PAIR_MS:.0f} ms a pair: {'met' if pair_ms <= TARGET_PAIR_MS else 'NOT met'}")
        failed = [r for pair in rounds for r in pair if r.exit_code not in (0, 1)]
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
