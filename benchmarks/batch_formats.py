"""Batch throughput per format: the same generated reports as text, Word files, web pages and
PDFs, each folder checked in one command.

Reports are published as .docx, .html and .pdf far more often than as text, and each reader
costs more than decoding text (the Word reader unzips and walks XML, the web-page reader parses
a site's page, the PDF reader asks PDFium for every character and rebuilds lines and grids), so
batch_throughput.py's figure says little about a real folder until it is measured per format.

The corpus is corpus.py's (seeds renamed, numbers scaled, a defect in about one report in
five). Each report is written as a .docx and a site's .html page by
tools/make_format_fixtures.py, the functions that make the committed fixtures (the official
merged tables, the report's own numbers); a report whose tables the tool cannot find (a defect
deleted their heading) is left out of every folder, so all folders hold the same reports. PDFs
cannot be made without LibreOffice: by default (``--pdf copies``) the committed fixture PDFs of
tests/fixtures/formats (five reports through LibreOffice) are copied under as many names; with
``--pdf soffice`` the corpus's own .docx files go through LibreOffice (``soffice``), one run for
all. Then ``govlint check -q --jobs N FOLDER`` runs as a fresh process on each folder, the
formats interleaved in each of ``--runs`` rounds (so a change in the machine's load meets all of
them), and each format shows its median reports/s and peak RSS beside text's.

    python benchmarks/batch_formats.py [--reports 200] [--jobs N] [--runs 3] [--pdf copies|soffice]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tools"))
import make_format_fixtures as fixtures  # noqa: E402  (a script of tools/, found through the path above)
from batch_throughput import Run, run_check  # noqa: E402  (sibling scripts)
from corpus import generate  # noqa: E402

FORMATS = ("txt", "docx", "html", "pdf")
#: The committed PDFs the default run copies: the fixture tool's reports that have one.
FIXTURE_PDFS = tuple(fixtures.OUT / f"{job.stem}.pdf" for job in fixtures.JOBS if job.pdf)


def publish(texts: Sequence[Path], work: Path) -> list[Path]:
    """Each text report as ``work/docx/NAME.docx`` and ``work/html/NAME.html``, in the style
    the fixture tool gives its seed; returns the texts written, deleting the others."""
    from govlint.engine import Engine, Settings

    engine = Engine(Settings())
    styles = {job.stem.removeprefix("seed"): job for job in fixtures.JOBS if job.stem.startswith("seed")}
    for folder in ("docx", "html"):
        (work / folder).mkdir()
    kept = []
    for path in texts:
        job = styles[path.stem.rsplit("_", 1)[1]]._replace(stem=path.stem, source=str(path))
        try:
            doc = fixtures.document(engine, job)
        except SystemExit:  # the tool found no table 二, 三 or 四 to draw
            path.unlink()
            continue
        (work / "docx" / f"{path.stem}.docx").write_bytes(fixtures.docx_bytes(doc, job))
        (work / "html" / f"{path.stem}.html").write_bytes(fixtures.site_page(doc, job))
        kept.append(path)
    return kept


def make_pdfs(texts: Sequence[Path], work: Path, how: str) -> None:
    """``work/pdf``: the corpus's .docx through LibreOffice, or the fixture PDFs copied."""
    out = work / "pdf"
    out.mkdir()
    if how == "soffice":
        fixtures.to_pdf([work / "docx" / f"{path.stem}.docx" for path in texts], out)
        return
    for i, path in enumerate(texts):
        shutil.copy(FIXTURE_PDFS[i % len(FIXTURE_PDFS)], out / f"{path.stem}.pdf")


def megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.iterdir()) / 1e6


def median_run(runs: Sequence[Run]) -> Run:
    return sorted(runs, key=lambda r: r.seconds)[len(runs) // 2]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=0, help="workers (0: one per CPU)")
    parser.add_argument("--runs", type=int, default=1, help="rounds over the formats (median, spread)")
    parser.add_argument("--pdf", choices=("copies", "soffice"), default="copies",
                        help="PDFs: the committed fixture PDFs copied, or the corpus's .docx through LibreOffice")
    parser.add_argument("--keep", action="store_true", help="keep the folders")
    args = parser.parse_args(argv)
    if args.pdf == "soffice" and not shutil.which("soffice"):
        print("soffice not found: use --pdf copies", file=sys.stderr)
        return 2
    from govlint.batch import default_jobs

    jobs = args.jobs or default_jobs()
    work = Path(tempfile.mkdtemp(prefix="govlint-bench-formats-"))
    try:
        started = time.perf_counter()
        texts = generate(work / "txt", args.reports)
        generated = time.perf_counter()
        texts = publish(texts, work)
        published = time.perf_counter()
        make_pdfs(texts, work, args.pdf)
        print(f"batch per format: {len(texts)} reports ({args.reports - len(texts)} left out: no table to draw), "
              f"{os.cpu_count()} CPUs, --jobs {jobs}; made in {generated - started:.1f} s (text), "
              f"{published - generated:.1f} s (.docx, .html), {time.perf_counter() - published:.1f} s (.pdf)")
        print("  pdf: " + ("the corpus's .docx through LibreOffice" if args.pdf == "soffice" else
                           f"{len(FIXTURE_PDFS)} committed fixture PDFs copied under the corpus's names"))
        runs: dict[str, list[Run]] = {fmt: [] for fmt in FORMATS}
        for _ in range(max(1, args.runs)):
            for fmt in FORMATS:
                runs[fmt].append(run_check(fmt, work / fmt, len(texts), ["--jobs", str(jobs)], work))
        text = median_run(runs["txt"])
        print(f"\n  {'format':<7} {'MB':>6} {'s':>7} {'reports/s':>10} {'[min-max]':>15} {'peak RSS':>10} "
              f"{'vs text':>8}  exit")
        for fmt in FORMATS:
            run = median_run(runs[fmt])
            rates = sorted(r.per_second for r in runs[fmt])
            spread = f"[{rates[0]:.1f}-{rates[-1]:.1f}]" if len(rates) > 1 else ""
            print(f"  {fmt:<7} {megabytes(work / fmt):6.1f} {run.seconds:7.2f} {run.per_second:10.1f} {spread:>15} "
                  f"{run.max_rss_kib / 1024:6.1f} MiB {run.per_second / text.per_second if text.seconds else 0:7.2f}x"
                  f"  {run.exit_code}" + ("" if run.others is None else f"   others {run.others:4.2f} cores"))
        failed = [r for rs in runs.values() for r in rs if r.exit_code not in (0, 1)]
        print(f"\n  median of {len(runs['txt'])} run(s) a format; peak RSS: the largest process, parent or worker")
        return 1 if failed else 0
    finally:
        if args.keep:
            print(f"folders kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
