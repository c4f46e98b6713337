"""The PDF reader's time: the 6-page fixture report (tests/readers/pdf/report.pdf) read
``--runs`` times (median and fastest), split into PDFium's characters and rules and the
layout rebuilt from them, then linted whole; a ``--pages``-page PDF (the report's pages over
and over) read to the page cap, with the peak memory of this process. With pdfplumber
installed (it is not a dependency), its characters and tables of the same report, the
alternative measured when the library was chosen. Target: at most 100 ms for the report.

    python benchmarks/read_pdf.py [--runs 11] [--pages 500]
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "tests" / "readers" / "pdf" / "report.pdf"
TARGET_MS = 100.0


def timed(runs: int, work: Callable[[], object]) -> tuple[float, float, float]:
    """Median and fastest wall time of ``runs`` calls, and their median CPU time, in ms: on a
    machine that others load, the CPU time is what this process spent."""
    wall, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        work()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    return statistics.median(wall), min(wall), statistics.median(cpu)


def long_pdf(pages: int) -> bytes:
    import pypdfium2

    source = pypdfium2.PdfDocument(REPORT)
    out = pypdfium2.PdfDocument.new()
    while len(out) < pages:
        out.import_pages(source, list(range(min(len(source), pages - len(out)))))
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--pages", type=int, default=500)
    args = parser.parse_args()

    started = time.perf_counter()
    import pypdfium2.raw  # noqa: F401  (what the first PDF of a run pays once)

    print(f"import pypdfium2: {(time.perf_counter() - started) * 1000:.0f} ms (once a process)")
    from govlint.engine import Engine, Settings
    from govlint.readers import pdf

    data = REPORT.read_bytes()
    pages = list(pdf.pages(data, "report.pdf"))
    rows = [
        ("PDFium: characters and rules", lambda: list(pdf.pages(data, "report.pdf"))),
        ("layout: lines, paragraphs, grids", lambda: pdf.render("report.pdf", pages)),
        ("read (both)", lambda: pdf.read_bytes(data, "report.pdf")),
    ]
    engine = Engine(Settings())
    engine.lint(engine.load(data, "report.pdf"))  # warm: packs, memos
    rows.append(("read and lint", lambda: engine.lint(engine.load(data, "report.pdf"))))
    print(f"{REPORT.name}: {len(pages)} pages, {sum(len(p.glyphs) for p in pages)} characters, "
          f"{sum(len(p.rules) for p in pages)} rules; median / fastest / median CPU of {args.runs} runs")
    for label, work in rows:
        median, fastest, cpu = timed(args.runs, work)
        mark = f"  (target ≤ {TARGET_MS:.0f} ms)" if label == "read (both)" else ""
        print(f"  {label:<34} {median:7.1f} ms  {fastest:7.1f} ms  {cpu:7.1f} ms{mark}")

    big = long_pdf(args.pages)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, used = time.perf_counter(), time.process_time()
    doc = pdf.read_bytes(big, "long.pdf")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - used
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    read = max((place.page or 0 for place in doc.source.places), default=0)
    print(f"{args.pages}-page PDF ({len(big) // 1024} KB): {elapsed * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU), "
          f"{read} pages read (cap {pdf.MAX_PAGES}), peak RSS {peak // 1024} MB ({(peak - before) // 1024} MB more)")

    try:
        import pdfplumber
    except ImportError:
        print("pdfplumber: not installed, not compared")
        return

    def plumber() -> None:
        with pdfplumber.open(io.BytesIO(data)) as opened:
            for page in opened.pages:
                page.extract_tables()

    median, fastest, cpu = timed(max(1, args.runs // 4), plumber)
    print(f"  {'pdfplumber: characters and tables':<34} {median:7.1f} ms  {fastest:7.1f} ms  {cpu:7.1f} ms")


if __name__ == "__main__":
    main()
