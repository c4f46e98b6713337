"""The review page for a province: ``govlint check --format html -o PAGE FOLDER`` on a generated
corpus (see corpus.py), as a fresh process, for all ``--reports`` and for a tenth of them.

Shows the time, the page's size and the peak RSS (the largest process, parent or worker) of
each, so that a page of 1,000 reports can be judged before anyone mails it and that memory is
seen not to grow with the corpus. With ``--screenshot PNG`` headless Chromium takes a picture of
the page as a person first sees it, sorted by errors with the first report opened, for a person
to look at.

    python benchmarks/review_page.py [--reports 500] [--jobs N] [--screenshot review.png] [--keep DIR]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_throughput import _RSS_WRAPPER, environment  # sibling scripts, found through the path above
from corpus import generate

#: A headless browser that reaches nothing outside the page it is given.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars")


class Page(NamedTuple):
    reports: int
    seconds: float
    size: int  # bytes
    max_rss_kib: int
    exit_code: int


def write_page(folder: Path, page: Path, jobs: int | None) -> Page:
    """``govlint check --format html -o page folder`` as a fresh process, timed."""
    command = [sys.executable, "-m", "govlint", "check", "--format", "html", "-o", str(page), str(folder)]
    command += ["--jobs", str(jobs)] if jobs else []
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RSS_WRAPPER, *command], capture_output=True, text=True,
                          env=environment(), check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1) or not page.exists():  # 1: findings, as a corpus has
        raise SystemExit(f"govlint check failed ({done.returncode}):\n{done.stderr}")
    rss = int(re.findall(r"maxrss (\d+)", done.stderr)[-1])
    reports = len(list(folder.glob("*.txt")))
    return Page(reports, seconds, page.stat().st_size, rss, done.returncode)


def screenshot(page: Path, png: Path, size: str = "1400,1000") -> None:
    """The page sorted by errors with the first report opened, as headless Chromium draws it."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("--screenshot needs Chromium (apt-get install chromium)")
    rows = re.findall(r'<tbody id="(r-[0-9a-f]+)" [^>]*data-path="([^"]*)"[^>]*data-errors="(\d+)"',
                      page.read_text(encoding="utf-8"))
    # The report the sorted page shows first (most errors, then by path, as the page's script sorts).
    first = min(rows, key=lambda row: (-int(row[2]), row[1]), default=None)
    fragment = "#sort=-errors" + (f"&open={first[0]}" if first else "")
    with tempfile.TemporaryDirectory(prefix="govlint-chromium-") as profile:
        subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
                        f"--screenshot={png.resolve()}", page.resolve().as_uri() + fragment],
                       capture_output=True, check=True, timeout=300)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=None, help="govlint check --jobs (default: one per CPU)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG", help="a picture of the full corpus's page")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="keep the pages in DIR")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="govlint-review-") as tmp:
        root = Path(tmp)
        full, tenth = root / "all", root / "tenth"
        paths = generate(full, args.reports)
        tenth.mkdir()
        for path in paths[: max(1, args.reports // 10)]:
            shutil.copy(path, tenth / path.name)
        out = args.keep or root
        out.mkdir(parents=True, exist_ok=True)
        print(f"{'reports':>8} {'seconds':>8} {'reports/s':>10} {'page':>10} {'per report':>11} {'peak RSS':>10}")
        for folder in (tenth, full):
            page = out / f"review-{folder.name}.html"
            run = write_page(folder, page, args.jobs)
            print(f"{run.reports:>8} {run.seconds:>8.2f} {run.reports / run.seconds:>10.1f} "
                  f"{run.size / 1024:>7.0f} KB {run.size / run.reports / 1024:>8.1f} KB "
                  f"{run.max_rss_kib / 1024:>6.1f} MiB")
        if args.screenshot:
            screenshot(out / "review-all.html", args.screenshot)
            print(f"screenshot: {args.screenshot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
