"""Reading a Word report: govlint's .docx reader against python-docx and docx2python (when
installed), the whole lint of the report as Word and as Markdown, and hostile files.

The report is the clean test report made with python-docx (tests/readers/docx/build.py):
Title and Heading styles, runs with fonts, tables 二/三/四 with their label cells merged, each
paragraph of prose ``--copies`` times (12 copies lay out as 12 A4 pages in LibreOffice).
Each reader runs ``--runs`` times in this process; the median and the fastest are shown.
Target: the reader at most 20 ms on a 2-core machine.

    python benchmarks/read_docx.py [--runs 31] [--copies 12]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govlint.engine import Engine, Settings  # noqa: E402
from govlint.readers import docx as reader  # noqa: E402
from govlint.source import DecodeError  # noqa: E402
from tests.readers.docx import build  # noqa: E402

TARGET_MS = 20.0
CLEAN = ROOT / "tests" / "fixtures" / "clean-minimal.md"


def timed(run: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and fastest of ``runs`` calls and the median CPU time of this process, in ms,
    after one to warm up (the CPU time moves less when other work shares the machine)."""
    run()
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(samples), min(samples), statistics.median(cpu)


def python_docx(data: bytes) -> Callable[[], object] | None:
    """python-docx (which the report is made with) reading the body in order: paragraphs
    with their style, tables by row."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def run() -> object:
        document = docx.Document(io.BytesIO(data))
        out: list[object] = []
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                out.append((item.style.name if item.style else "", item.text))
            elif isinstance(item, Table):
                out.extend([cell.text for cell in row.cells] for row in item.rows)
        return out

    return run


def docx2python(data: bytes) -> Callable[[], object] | None:
    try:
        from docx2python import docx2python as read
    except ImportError:
        return None

    def run() -> object:
        with read(io.BytesIO(data)) as result:
            return result.body

    return run


def hostile() -> dict[str, bytes]:
    import docx

    minimal = build.save(docx.Document())
    return {
        "zip bomb (8 MiB of zeros, ratio ~1000)": build.bomb(),
        "declared 3.75 GiB": build.patched(minimal, "word/document.xml", 24, "<I", 0xF0000000),
        "billion laughs": build.with_part(minimal, "word/document.xml", build.LAUGHS),
        "20,000 nested revisions": build.with_body(minimal, "<w:p>" + "<w:ins>" * 20_000 + "</w:ins>" * 20_000
                                                   + "</w:p>"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--copies", type=int, default=12, help="copies of each paragraph of prose")
    args = parser.parse_args(argv)
    text = CLEAN.read_text(encoding="utf-8")
    data = build.save(build.report(text, prose_copies=args.copies))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        sizes = {name: package.getinfo(name).file_size for name in ("word/document.xml", "word/styles.xml")}
    print(f"report: {len(data) / 1024:.0f} KB .docx, document.xml {sizes['word/document.xml'] / 1024:.0f} KB, "
          f"styles.xml {sizes['word/styles.xml'] / 1024:.0f} KB")
    rows: list[tuple[str, tuple[float, float, float] | None]] = [
        ("govlint .docx reader", timed(lambda: reader.read_bytes(data, "report.docx"), args.runs))]
    for label, make in (("python-docx (body in order)", python_docx), ("docx2python (body)", docx2python)):
        run = make(data)
        rows.append((label, timed(run, max(3, args.runs // 4)) if run else None))
    engine = Engine(Settings())
    document = reader.read_bytes(data, "report.docx")
    markdown = engine.load(text.encode("utf-8"), "report.md")
    rows.append(("lint of the report as Word (read + align + checks)",
                 timed(lambda: engine.lint(reader.read_bytes(data, "report.docx")), args.runs)))
    rows.append(("  of which align + checks", timed(lambda: engine.lint(document), args.runs)))
    rows.append(("lint of the clean report as Markdown (shorter)", timed(lambda: engine.lint(markdown), args.runs)))
    print(f"\n{'what':<52} {'median ms':>10} {'fastest':>8} {'CPU ms':>8}")
    for label, found in rows:
        print(f"{label:<52} " + (" ".join(f"{v:>{w}.2f}" for v, w in zip(found, (10, 8, 8), strict=True))
                                 if found else f"{'not installed':>19}"))
    wall, _, cpu = rows[0][1] or (0.0, 0.0, 0.0)
    verdict = "within" if cpu <= TARGET_MS else "OVER"
    print(f"\ngovlint's reader: {wall:.1f} ms ({cpu:.1f} ms CPU), {verdict} the {TARGET_MS:.0f} ms target "
          "(judged on CPU time, which other work on the machine moves less)")
    print(f"\n{'hostile file':<52} {'ms':>10}  refused as")
    for label, bad in hostile().items():
        start = time.perf_counter()
        try:
            reader.read_bytes(bad, "bad.docx")
            outcome = "(read!)"
        except DecodeError as exc:
            outcome = str(exc).split(" / ")[-1]
        print(f"{label:<52} {(time.perf_counter() - start) * 1000:>10.1f}  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
