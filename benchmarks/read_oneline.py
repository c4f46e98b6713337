"""A report with no line breaks (a crawler's dump, :mod:`govlint.readers.oneline`): how long a
line of ``--size`` characters takes to read, align and check, by shape — a clean report on one
line padded with its own prose, the report repeated, the report with its cells glued repeated,
a table of rows run on, and a table section of words no label of the format (each compared
with every row's label, as on any layout). Target: a 2 MB line in a few seconds (the time
grows with the line, never with its square).

    python benchmarks/read_oneline.py [--size 2000000] [--runs 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govlint.engine import Engine, Settings  # noqa: E402
from govlint.readers import text  # noqa: E402
from govlint.source import source_from_text  # noqa: E402
from tests.align.layouts_oneline import one_line  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seeds-corrected" / "000.txt"
TARGET_S = 5.0


def shapes(size: int) -> dict[str, str]:
    """Lines of about ``size`` characters, each a shape a crawler's text can take."""
    report = SEED.read_text(encoding="utf-8")
    line = one_line(report)
    five, six = line.index("五、存在"), line.index("六、其他")
    prose = line[five + len("五、存在的主要问题及改进情况") : six]
    rows = "规章 0 0 0 行政规范性文件 7 11 20 "
    three = line.index("三、收到")
    pick = random.Random(1)
    letters = [ch for ch in prose if ch.isalpha()]
    words = " ".join("".join(pick.choice(letters) for _ in range(pick.randint(3, 12))) + f" {pick.randint(0, 99)}"
                     for _ in range(max(1, size // 11)))
    return {
        "prose padded": line[:six] + prose * max(1, size // len(prose)) + line[six:],
        "report repeated": line * max(1, size // len(line)),
        "glued, repeated": one_line(report, "") * max(1, size // len(line)),
        "table rows run on": line[:three] + rows * max(1, size // len(rows)) + line[three:],
        "unknown words": line[:three] + words + " " + line[three:],
    }


def _median(runs: int, work: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2_000_000, help="characters on the line")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    engine = Engine(Settings())
    print(f"a report on one line, {args.size:,} characters (median of {args.runs}; target ≤ {TARGET_S:.0f} s lint)")
    print(f"  {'shape':<20} {'chars':>10} {'read s':>8} {'lint s':>8}  findings")
    for name, line in shapes(args.size).items():
        source = source_from_text("report.txt", line)
        read_s = _median(args.runs, lambda source=source: text.read(source))
        lint_s = _median(args.runs, lambda line=line: engine.lint_text("report.txt", line))
        codes = sorted({d.code for d in engine.lint_text("report.txt", line).diagnostics})
        print(f"  {name:<20} {len(line):>10,} {read_s:>8.2f} {lint_s:>8.2f}  {' '.join(codes)}")


if __name__ == "__main__":
    main()
