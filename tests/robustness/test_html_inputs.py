"""Web pages that are anything but: random bytes, random tags and report pages cut anywhere,
with a .html suffix, are read as a report or are one clear error (``DecodeError``), never
any other exception: the web-page reader is called directly, not through the engine (which
would turn a crash into an error too). What is read lints soundly and renders in every format.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from govlint.commands import main
from govlint.engine import Engine, Settings
from govlint.model import FileResult
from govlint.readers.html import read_bytes
from govlint.source import DecodeError
from tests.robustness.fuzzing import PROPERTY_EXAMPLES, assert_renders, assert_sound

ROOT = Path(__file__).resolve().parents[2]
ENGINE = Engine(Settings())
QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
REPORT = (ROOT / "tests" / "fixtures" / "clean-minimal.md").read_text(encoding="utf-8")
PAGE = (ROOT / "tests" / "readers" / "html" / "site.html").read_text(encoding="utf-8").replace(
    "<!--REPORT-->", MarkdownIt("commonmark").enable("table").render(REPORT))
WORD = (ROOT / "tests" / "readers" / "html" / "word-gb2312.html").read_text(encoding="utf-8")

TAGS = st.sampled_from([
    "<html>", "</html>", "<head>", "</head>", "<body>", "<div>", "</div>", "<p>", "</p>", "<br>", "<br/>", "<h1>",
    "</h1>", "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", '<td rowspan="3">', "<td colspan=0>",
    '<td colspan="99999" rowspan="-2">', "<pre>", "</pre>", "<script>", "</script>", "<style>", "<a href='/'>", "</a>",
    "<!--", "-->", "<![if !supportLists]>", "<![endif]>", "<o:p>", "<span style='display:none'>", "</span>",
    "<meta charset=gb2312>", "<meta charset=utf-16>", '<meta http-equiv="Content-Type" content="charset=x-bogus">',
    "&nbsp;", "&#x4e00;", "&#0;", "&bogus;", "一、总体情况", "二、主动公开政府信息情况", "（一）予以公开", "年度报告",
    "2023年", "0", "\n", "\r\n", "\r", " ", "\u3000", "\xa0", "\ufeff", "\x00", "<", ">", "&", "'", '"',
])


@st.composite
def tag_soup(draw: st.DrawFn) -> bytes:
    text = "".join(draw(st.lists(TAGS, max_size=300)))
    return text.encode(draw(st.sampled_from(["utf-8", "utf-16", "gb18030"])), "surrogatepass")


@st.composite
def cut_page(draw: st.DrawFn) -> bytes:
    """A report page (the site's, or Word's in GB2312) cut anywhere, maybe inside a character."""
    data = draw(st.sampled_from([PAGE.encode("utf-8"), WORD.encode("gb18030")]))
    return data[: draw(st.integers(0, len(data)))]


def _check(data: bytes) -> None:
    try:
        document = read_bytes(data, "report.html")
    except DecodeError as exc:
        assert str(exc).startswith("report.html: ")
        result = FileResult("report.html", None, (), str(exc))
    else:
        source = document.source
        starts = [place.start for place in source.places]
        assert starts == sorted(starts) and all(0 <= s <= len(source.text) for s in starts)
        assert all(place.line and place.line > 0 for place in source.places)
        result = ENGINE.lint(document)
    assert_sound(result)
    assert_renders(ENGINE, [result])


@QUICK
@given(st.binary(max_size=3000))
def test_random_bytes(data: bytes) -> None:
    _check(data)


@QUICK
@given(tag_soup())
def test_random_tags(data: bytes) -> None:
    _check(data)


@QUICK
@given(cut_page())
def test_cut_pages(data: bytes) -> None:
    _check(data)


@settings(max_examples=max(3, PROPERTY_EXAMPLES // 5), deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.binary(max_size=3000), tag_soup(), cut_page()), st.sampled_from([".html", ".htm"]))
def test_through_the_cli(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("cli") / f"r{suffix}"
    path.write_bytes(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--format", "json", str(path)])
    assert code in (0, 1, 2)
    assert all(d["code"] != "GL900" for f in json.loads(out.getvalue())["files"] for d in f["diagnostics"])
