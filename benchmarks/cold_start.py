"""Cold start: ``govlint check`` on one report (and on all seeds), against ``python -c pass`` and
``import govlint.commands``.

Each command runs ``--runs`` times as a fresh process, in interleaved rounds (one run of each
command per round, so all meet the same changes of this machine's speed); the median, the
10th and 90th percentiles and the fastest are shown, and how many checks were within the
target. Bytecode is written (``PYTHONDONTWRITEBYTECODE`` is removed, as on a user's machine) and one
warm-up run fills ``__pycache__`` and govlint's start-up memos first. Then ``python -X
importtime`` shows which imports cost the most, and a run with the start-up memos off shows
what they save. Target: at most 150 ms for one report on a 2-core machine.

    python benchmarks/cold_start.py [--runs 21] [--report FILE]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
TARGET_MS = 150.0


class Timing(NamedTuple):
    label: str
    samples: tuple[float, ...]  # ms, one per round

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples)

    def quantile_ms(self, q: float) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("GOVLINT_DISABLE_PLUGIN_AUTOLOAD", None)
    env.update(extra)
    return env


class Command(NamedTuple):
    label: str
    argv: Sequence[str]
    env: dict[str, str]


def run_ms(command: Command) -> float:
    start = time.perf_counter()
    subprocess.run(command.argv, env=command.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - start) * 1000


def time_interleaved(commands: Sequence[Command], runs: int) -> list[Timing]:
    """Each command once per round, round after round: this machine's speed changes from one
    second to the next, and interleaving makes every command meet the same changes."""
    for command in commands:
        run_ms(command)  # warm-up: bytecode and start-up memos written
    rounds = [[run_ms(command) for command in commands] for _ in range(runs)]
    return [Timing(c.label, tuple(r[i] for r in rounds)) for i, c in enumerate(commands)]


#: Run in a fresh process: the phases of one ``check``, each timed once.
_PHASES = """
import json, sys, time
t0 = time.perf_counter()
import govlint.commands
t1 = time.perf_counter()
from govlint.engine import Engine, Settings
engine = Engine(Settings())
t2 = time.perf_counter()
engine.pack
t3 = time.perf_counter()
before = set(sys.modules)
engine.lint_path(sys.argv[1])
t4 = time.perf_counter()
lazy = sorted({m.partition(".")[0] for m in set(sys.modules) - before})
engine.lint_path(sys.argv[1])
t5 = time.perf_counter()
print(json.dumps([["import govlint.commands", t1 - t0], ["plugins: scan, import, register", t2 - t1],
                  ["rule pack", t3 - t2], ["first lint, importing " + ", ".join(lazy), t4 - t3],
                  ["same lint again (warm)", t5 - t4]]))
"""


def phases(report: str, env: dict[str, str]) -> list[tuple[str, float]]:
    """Where one check's own time goes, phase by phase, in a fresh process."""
    import json

    proc = subprocess.run([sys.executable, "-c", _PHASES, report], env=env, capture_output=True, text=True,
                          check=False)
    return [(str(name), float(seconds)) for name, seconds in json.loads(proc.stdout or "[]")]


def instructions(argv: Sequence[str], env: dict[str, str]) -> int | None:
    """Instructions one run executes, counted by valgrind's callgrind: unlike the time it is
    the same whatever else the machine is doing, so two versions can be compared on a busy
    machine. None without valgrind."""
    import re
    import shutil
    import tempfile

    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out", *argv],
            env=env, capture_output=True, text=True, check=False,
        )
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    return int(found.group(1).replace(",", "")) if found else None


class Import(NamedTuple):
    module: str
    self_us: int
    cumulative_us: int


def import_times(report: str, env: dict[str, str]) -> list[Import]:
    """``-X importtime`` of one check, top-level imports first by cumulative time."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "govlint", "check", report],
        env=env, capture_output=True, text=True, check=False,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        # Nesting is shown by indentation; keep the imports govlint's own code asked for.
        depth = (len(line.split("|")[2]) - len(line.split("|")[2].lstrip())) // 2
        if depth <= 1:
            rows.append(Import(name, int(self_us), int(cumulative)))
    return sorted(rows, key=lambda r: -r.cumulative_us)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--report", default=str(min(SEEDS.glob("*.txt"), default="")))
    parser.add_argument("--top", type=int, default=15, help="imports to show")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions under valgrind (slow, but independent of the machine's load)")
    args = parser.parse_args(argv)
    py = sys.executable
    env = environment()
    check = [py, "-m", "govlint", "check", "-q", args.report]
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt")) or [args.report]
    timings = time_interleaved([
        Command("python -c pass", [py, "-c", "pass"], env),
        Command("python -c 'import govlint.commands'", [py, "-c", "import govlint.commands"], env),
        Command("govlint check (one report)", check, env),
        Command("  … start-up memos off", check, environment(GOVLINT_NO_STARTUP_CACHE="1")),
        Command(f"govlint check (all {len(seeds)} seeds)", [py, "-m", "govlint", "check", "-q", *seeds], env),
    ], args.runs)
    print(f"cold start, {args.runs} interleaved rounds, report {Path(args.report).name} "
          f"(python {sys.version.split()[0]})")
    for t in timings:
        print(f"  {t.label:<36} median {t.median_ms:7.1f} ms   p10 {t.quantile_ms(0.1):7.1f}   "
              f"p90 {t.quantile_ms(0.9):7.1f}   best {min(t.samples):7.1f} ms")
    checked = timings[2]
    verdict = "within" if checked.median_ms <= TARGET_MS else "OVER"
    under = sum(1 for ms in checked.samples if ms <= TARGET_MS)
    own = statistics.median(c - p for c, p in zip(checked.samples, timings[0].samples, strict=True))
    print(f"  target {TARGET_MS:.0f} ms: {verdict} ({under} of {len(checked.samples)} runs within; "
          f"check minus interpreter start, per round: median {own:.1f} ms)")
    if args.instructions:
        print("\ninstructions (valgrind callgrind, one run each; the same on a busy machine):")
        commands = (
            ("python -c pass", [py, "-c", "pass"]),
            ("import govlint.commands", [py, "-c", "import govlint.commands"]),
            ("govlint check (one report)", check),
        )
        for label, argv in commands:
            count = instructions(argv, env)
            print(f"  {label:<36} {'valgrind not found' if count is None else f'{count / 1e6:8.1f} M'}")
    print("\nphases of one check, in a fresh process:")
    for name, seconds in phases(args.report, env):
        print(f"  {seconds * 1000:7.1f} ms  {name}")
    print(f"\nwhere the time goes (python -X importtime, top {args.top} imports by cumulative time):")
    for row in import_times(args.report, env)[: args.top]:
        print(f"  {row.cumulative_us / 1000:7.1f} ms  (self {row.self_us / 1000:5.1f} ms)  {row.module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
