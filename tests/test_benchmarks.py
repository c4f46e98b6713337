"""Smoke run of every benchmark script with tiny sizes: they work; no time is asserted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _run(*argv: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DISABLE_PLUGIN_AUTOLOAD"}
    proc = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env, timeout=600, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


@pytest.mark.seeds
def test_corpus(tmp_path: Path) -> None:
    out = _run(str(BENCHMARKS / "corpus.py"), str(tmp_path), "--reports", "12")
    assert "wrote 12 reports" in out
    assert len(list(tmp_path.glob("*.txt"))) == 12


def test_cold_start() -> None:
    out = _run(str(BENCHMARKS / "cold_start.py"), "--runs", "1", "--top", "3")
    assert "govlint check (one report)" in out and "seeds)" in out and "where the time goes" in out


@pytest.mark.seeds
def test_batch_throughput() -> None:
    out = _run(str(BENCHMARKS / "batch_throughput.py"), "--reports", "10", "--jobs", "2", "--profile-reports", "2")
    assert "reports/s" in out and "--cache (unchanged)" in out and "align" in out


@pytest.mark.seeds
def test_batch_formats() -> None:
    out = _run(str(BENCHMARKS / "batch_formats.py"), "--reports", "6", "--jobs", "2")
    assert all(f"\n  {fmt} " in out for fmt in ("txt", "docx", "html", "pdf")) and "reports/s" in out


def test_read_docx() -> None:
    out = _run(str(BENCHMARKS / "read_docx.py"), "--runs", "1", "--copies", "1")
    assert "govlint .docx reader" in out and "target" in out and "refused as a zip bomb" in out


def test_read_pdf() -> None:
    out = _run(str(BENCHMARKS / "read_pdf.py"), "--runs", "1", "--pages", "12")
    assert "read (both)" in out and "12-page PDF" in out


def test_read_html() -> None:
    out = _run(str(BENCHMARKS / "read_html.py"), "--runs", "1", "--parsers", "--report",
               str(BENCHMARKS.parent / "tests" / "fixtures" / "clean-minimal.md"))
    assert "clean-minimal.md" in out and "lxml (chosen)" in out and "nested" in out


def test_read_oneline() -> None:
    out = _run(str(BENCHMARKS / "read_oneline.py"), "--size", "20000", "--runs", "1")
    assert "table rows run on" in out and "GL108" in out


@pytest.mark.seeds
def test_review_page(tmp_path: Path) -> None:
    out = _run(str(BENCHMARKS / "review_page.py"), "--reports", "10", "--jobs", "1", "--keep", str(tmp_path))
    assert "peak RSS" in out and (tmp_path / "review-all.html").read_text(encoding="utf-8").count("<tbody") == 10


@pytest.mark.seeds
def test_crossyear() -> None:
    out = _run(str(BENCHMARKS / "crossyear.py"), "--organs", "4", "--runs", "1", "--pairs", "3")
    assert "time with / without the cross-year rules" in out and "内容雷同 on a pair" in out


def test_every_benchmark_script_is_smoke_tested() -> None:
    scripts = {p.stem for p in BENCHMARKS.glob("*.py")} - {"lsp_latency"}  # tested by its owner
    tested = {"corpus", "cold_start", "batch_throughput", "batch_formats", "read_docx", "read_pdf", "read_html",
              "read_oneline", "review_page", "crossyear"}
    assert scripts <= tested, scripts - tested
