"""The web-page reader: how long a report page takes to read, where the time goes, and how it
grows with the page.

A report page is built the way most are published: a Markdown report written out as Word
writes a web page (a ``<span>`` with inline styles for each run of Chinese or Latin text, the
source wrapped near 76 columns inside tags, each cell a styled ``<p>``), put in a site's page
(tests/readers/html/site.html: navigation, sidebar, footer, scripts). Each page is read
``--runs`` times; the median and the fastest are shown, beside lxml's parse alone and, with
``--parsers``, the other parsers considered where installed (html5lib, selectolax,
``html.parser``'s tokenizer). Then larger pages: pictures written into the page, and a page
with more lines than any report (one clear error). Target: a report page in at most 20 ms.

    python benchmarks/read_html.py [--runs 30] [--parsers] [--report FILE.md ...]
"""

from __future__ import annotations

import argparse
import gc
import html
import re
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govlint.readers.html import read_bytes  # noqa: E402
from govlint.source import DecodeError  # noqa: E402

SITE = ROOT / "tests" / "readers" / "html" / "site.html"
FIXTURES = ROOT / "tests" / "fixtures"
REPORTS = [FIXTURES / "clean-minimal.md", *sorted((FIXTURES / "reports").glob("clean-*.md"))]
TARGET_MS = 20.0
STYLE = "font-size:{size}pt;font-family:{font};mso-hansi-font-family:\"Times New Roman\";mso-bidi-font-family:宋体"


def _wrap(text: str, width: int = 76) -> str:
    """Word's line wrapping: near ``width`` columns, at a space inside a tag."""
    out: list[str] = []
    column, inside = 0, False
    for ch in text:
        inside = (inside or ch == "<") and ch != ">"
        if ch == " " and inside and column >= width:
            out.append("\n")
            column = 0
        else:
            out.append(ch)
            column = 0 if ch == "\n" else column + 1
    return "".join(out)


def _runs(text: str, size: float = 16.0) -> str:
    spans = []
    for run in re.finditer(r"[\x21-\x7e]+|[^\x21-\x7e]+", text):
        latin = run.group()[0].isascii()
        style = STYLE.format(size=size, font='"Times New Roman",serif' if latin else "仿宋_GB2312")
        spans.append(f"<span{' lang=EN-US' if latin else ''} style='{style}'>{html.escape(run.group(), False)}</span>")
    return "".join(spans)


def word_html(report: str) -> str:
    """The body Word writes for a Markdown report: paragraphs, headings and tables."""
    out: list[str] = []
    rows: list[list[str]] = []
    for line in [*report.split("\n"), ""]:
        if line.startswith("|"):
            if not re.fullmatch(r"\|[-|: ]+\|", line.strip()):
                rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
            continue
        if rows:
            out.append("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:"
                       "collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>")
            for row in rows:
                cells = "".join(
                    _wrap(f" <td valign=top style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext "
                          f".5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:"
                          f"center'>{_runs(cell, 10.5) if cell else '<span lang=EN-US><o:p>&nbsp;</o:p></span>'}"
                          "</p></td>\n")
                    for cell in row)
                out.append(f"<tr style='mso-yfti-irow:1;height:20.0pt'>\n{cells}</tr>")
            out.append("</table>")
            rows = []
        if line.strip():
            text = line.lstrip("#").strip()
            bold = line.startswith("#")
            inner = f"<b>{_runs(text)}</b>" if bold else _runs(text)
            out.append(_wrap(f"<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:"
                             f"exactly'>{inner}<span lang=EN-US><o:p></o:p></span></p>"))
    return "\n\n".join(out)


def report_page(report: str) -> bytes:
    title, body = report.split("\n", 1)
    page = SITE.read_text(encoding="utf-8").replace("<!--TITLE-->", title.lstrip("#").strip())
    return page.replace("<!--REPORT-->", f"<div class=WordSection1>\n{word_html(body)}\n</div>").encode("utf-8")


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, fastest) in ms; the garbage collector runs between runs, not inside them."""
    samples = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), min(samples)


def parsers(text: str) -> dict[str, Callable[[], object]]:
    """The parsers considered, those installed: each parses the page once."""
    from html.parser import HTMLParser

    from lxml import etree

    found: dict[str, Callable[[], object]] = {
        "lxml (chosen)": lambda: etree.fromstring(text.encode(), etree.HTMLParser(encoding="utf-8", huge_tree=True)),
        "html.parser (tokens only)": lambda: HTMLParser().feed(text),
    }
    try:
        from selectolax.lexbor import LexborHTMLParser
    except ImportError:
        pass
    else:
        found["selectolax lexbor (no positions)"] = lambda: LexborHTMLParser(text)
    try:
        import html5lib
    except ImportError:
        pass
    else:
        found["html5lib"] = lambda: html5lib.parse(text)
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--parsers", action="store_true", help="also time the other parsers, where installed")
    parser.add_argument("--report", type=Path, nargs="*", default=REPORTS, help="Markdown reports to publish")
    args = parser.parse_args(argv)

    print(f"report pages (median / fastest of {args.runs}; target ≤ {TARGET_MS:.0f} ms)")
    within = 0
    for path in args.report:
        data = report_page(path.read_text(encoding="utf-8"))
        read_bytes(data, "page.html")  # imports, compiled patterns
        median, fastest = timed(partial(read_bytes, data, "page.html"), args.runs)
        within += median <= TARGET_MS
        print(f"  {path.name:32} {len(data) / 1000:7.0f} KB  read {median:6.1f} / {fastest:5.1f} ms")
        if args.parsers:
            for name, parse in parsers(data.decode("utf-8")).items():
                runs = max(1, args.runs // 5) if name == "html5lib" else args.runs
                median, fastest = timed(parse, runs)
                print(f"  {'':32} {'':10} {name:34} {median:6.1f} / {fastest:5.1f} ms")
    print(f"  {within} of {len(args.report)} pages within the target")

    base = report_page(args.report[0].read_text(encoding="utf-8")).decode("utf-8")
    picture = '<img src="data:image/png;base64,' + "iVBORw0K" * 2_500_000 + '">'
    larger = {
        "pictures written in (20 MB)": base.replace("<div class=WordSection1>", "<div class=WordSection1>" + picture),
        "60,000 paragraphs (error)": base.replace("</body>", "".join(f"<p>第{i}段。</p>\n" for i in range(60_000))),
        "100,000 nested <div>s (error)": "<body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000,
    }
    print("larger pages (one run each)")
    for name, page in larger.items():
        data = page.encode("utf-8")
        started = time.perf_counter()
        try:
            read_bytes(data, "page.html")
            outcome = "read"
        except DecodeError as exc:
            outcome = str(exc).split(" / ")[-1]
        print(f"  {name:32} {len(data) / 1e6:6.1f} MB  {(time.perf_counter() - started) * 1000:7.0f} ms  {outcome}")


if __name__ == "__main__":
    main()
