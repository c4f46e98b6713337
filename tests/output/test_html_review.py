"""``--format html``, the review page, as markup (its script runs in ``test_html_browser.py``)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from govlint.model import Context, Diagnostic, FileResult, Msg, OutputOptions, ReportFacts, Source, Span
from govlint.output import html
from govlint.output.streaming import added, tally_of

TEXT = "某某县2023年报告\n一、总体情况\n申请5件。。<script>alert(1)</script>\x0c\n"
SOURCE = Source.from_text("a.md", TEXT)
STOPS = TEXT.index("。。")
DOUBLED = Diagnostic("GL501", "info", Msg("重复“。。”<b>", "doubled '。。' <b>"), Span(STOPS, STOPS + 2), "doubled")
WRONG = Diagnostic("GL201", "error", Msg("合计不符", "total wrong"), Span(0, 2), "table-row-total")
RESULTS = [
    FileResult("r/2023/a.md", SOURCE, (DOUBLED, WRONG), facts=ReportFacts("某某县", 2023, "r/2022/./a.md", 0.634)),
    FileResult("r/2022/a.md", SOURCE, (), facts=ReportFacts("某某县", 2022)),
    FileResult('r/"quoted".md', None, (), 'r/"quoted".md: 无法读取 <x> / cannot read'),
    FileResult("r/none.md", SOURCE, (DOUBLED,)),  # no facts: not aligned, or before they are filled in
]


def render(lang: str = "zh", **options: object) -> str:
    return html.render(RESULTS, Context(lang, OutputOptions(**options)))  # type: ignore[arg-type]


class Elements(HTMLParser):
    """Every start tag with its attributes, and whether each opened element was closed."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "input", "br"):  # void elements: never closed
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def elements(page: str) -> Elements:
    parser = Elements()
    parser.feed(page)
    parser.close()
    assert parser.open == []
    return parser


def test_the_page_is_well_nested_and_self_contained() -> None:
    page = render()
    tags = elements(page).tags
    assert [t for t, _ in tags].count("script") == 2  # the class that hides findings, and the page's own
    assert all(not attrs.get("src") and not attrs.get("href", "#").startswith(("http", "//")) for _, attrs in tags)
    assert not any(t in ("link", "img", "iframe", "object") for t, _ in tags)
    assert "url(" not in page and "@import" not in page
    csp = next(a["content"] for t, a in tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None and csp.startswith("default-src 'none'")


def test_everything_from_a_report_is_escaped() -> None:
    page = render()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>" not in page and "重复“。。”&lt;b&gt;" in page
    assert 'data-path="r/&quot;quoted&quot;.md"' in page and "无法读取 &lt;x&gt;" in page
    assert "\x0c" not in page and "\\x0c" in page  # a control character shown, as the text output does


def test_one_row_per_report_with_status_counts_and_facts() -> None:
    tags = elements(render()).tags
    rows = [a for t, a in tags if t == "tbody"]
    assert [r["data-path"] for r in rows] == [r.path for r in RESULTS]
    first, last_year, broken, no_facts = rows
    assert (first["data-organ"], first["data-year"], first["data-state"]) == ("某某县", "2023", "errors")
    assert (first["data-errors"], first["data-notes"], first["data-gl2xx"], first["data-gl5xx"]) == ("1", "1", "1", "1")
    assert first["data-copied"] == "0.6340"
    assert last_year["data-state"] == "clean" and last_year["data-copied"] == ""
    assert broken["data-state"] == "unreadable"
    assert (no_facts["data-organ"], no_facts["data-year"], no_facts["data-state"]) == ("", "", "notes")


def test_a_finding_shows_its_line_with_the_span_marked_between_its_neighbours() -> None:
    page = render()
    assert '<span class="n">    3 </span>申请5件<mark>。。</mark>&lt;script&gt;' in page
    assert '<span class="n">    2 </span><span class="other">一、总体情况</span>' in page
    head = '<span class="pos">3:5</span> <span class="code" title="doubled">GL501</span> <span class="sev">提示</span>'
    assert head in page


def test_pairs_link_this_year_to_last_years_report() -> None:
    page = render()
    assert html.report_id("r/2022/./a.md") == html.report_id("r/2022/a.md")
    link = f'<a class="pair-link" href="#{html.report_id("r/2022/a.md")}">r/2022/./a.md</a>'
    assert link in page and f'<tbody id="{html.report_id("r/2022/a.md")}"' in page
    assert "内容与上年雷同 63%" in page and page.count('<p class="pair">') == 1  # only where last year's is known


def test_english_and_the_totals() -> None:
    page = render("en", skipped=("x.xls",))
    assert '<html lang="en">' in page and "Last year&#x27;s report" in page and "63% of its text copied" in page
    totals = re.search(r'<section id="totals">(.*?)</section>', page)
    assert totals is not None
    assert "4 reports" in totals.group(1) and "GL2xx 1 · GL5xx 2" in totals.group(1)
    assert "with errors</span> 1" in totals.group(1) and "<code>x.xls</code>" in totals.group(1)
    assert "共 4 份报告" in render()


def test_streamed_pieces_make_the_whole_page() -> None:
    ctx = Context("zh", OutputOptions())
    stream = html.STREAM
    pieces = "".join(stream.file(r, ctx) for r in RESULTS)
    tally = added(tally_of(r) for r in RESULTS)
    assert stream.begin(ctx) + pieces + stream.end(tally, ctx) == html.render(RESULTS, ctx)
