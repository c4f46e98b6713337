"""Web pages (govlint.readers.html) and HTML tables as grids, also in Markdown.

The pages are this file's own (tests/readers/html/): a site's page around a report
(site.html, the report put in by :func:`published`), a Word page saved as GB2312
(word-gb2312.html) and the format's table 三 with its merged cells (table-three.html)."""

from __future__ import annotations

import codecs
import json
import random
import re
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

import pytest
from conftest import CLEAN, CLEAN_PATH, FIXTURES, clean_with
from markdown_it import MarkdownIt

from govlint.engine import Engine
from govlint.model import Document, FileResult, Msg, RawTable, Report
from govlint.readers import markdown
from govlint.readers.html import _declared
from govlint.readers.html_table import collapse
from govlint.source import DecodeError, source_from_text

PAGES = Path(__file__).resolve().parent / "html"
THREE_MD = "## 三、收到和处理政府信息公开申请情况\n\n" + (PAGES / "table-three.html").read_text(encoding="utf-8")
CHECK = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def texts(table: RawTable) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def assert_table_three(table: RawTable) -> None:
    """The format's table 三 (tests/readers/html/table-three.html): three header rows under a
    cell merged over three rows and columns, row labels merged over their group's rows,
    line breaks inside cells (``<br>``, ``<p>``) and ``&nbsp;``."""
    assert table.columns == 10  # three label columns, seven of numbers
    assert len(table.rows) == 28
    rows = texts(table)
    assert rows[0] == [CHECK] * 3 + ["申请人情况"] * 7
    assert rows[1] == [CHECK] * 3 + ["自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert rows[2] == [CHECK] * 3 + ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    assert rows[3] == ["一、本年新收政府信息公开申请数量"] * 3 + ["10", "1", "0", "0", "1", "0", "12"]
    assert rows[5] == ["三、本年度办理结果"] + ["（一）予以公开"] * 2 + ["6", "1", "0", "0", "0", "0", "7"]
    assert rows[7] == ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"] + ["0"] * 7
    assert rows[14] == ["三、本年度办理结果", "（三）不予公开", "8.属于行政查询事项"] + ["0"] * 7
    assert rows[15][:3] == ["三、本年度办理结果", "（四）无法提供", "1.本机关不掌握相关政府信息"]
    assert rows[26] == ["三、本年度办理结果"] + ["（七）总计"] * 2 + ["10", "1", "0", "0", "1", "0", "12"]
    assert rows[27] == ["四、结转下年度继续办理"] * 3 + ["1", "0", "0", "0", "0", "0", "1"]
    assert table.rows[5][0] is table.rows[26][0]  # one merged cell, in every row it covers


# --------------------------------------------------------------------------- cell text


def test_line_breaks_join_chinese_without_a_space_and_other_words_with_one() -> None:
    assert collapse(["政府", "\n", "信息"])[0] == "政府信息"
    assert collapse(["政府\n  信息公开"])[0] == "政府信息公开"
    assert collapse(["2023", "\n", "年"])[0] == "2023 年"
    assert collapse(["Times\nNew Roman"])[0] == "Times New Roman"
    assert collapse(["平罗县", "2023", "年"])[0] == "平罗县2023年"  # adjacent pieces: no space


def test_typed_spaces_stay_spaces() -> None:
    assert collapse(["主办：某县\xa0\xa0\xa0承办：某局"])[0] == "主办：某县 承办：某局"
    assert collapse(["主办：某县\u3000\n承办"])[0] == "主办：某县 承办"
    assert collapse(["一、 总体情况"])[0] == "一、 总体情况"
    assert collapse(["\xa0", "\n"]) == ("", [])


def test_words_know_their_piece() -> None:
    text, words = collapse(["  行政", "\n", "许可 ", "3000"])
    assert text == "行政许可 3000"
    assert [(w.at, w.piece, w.offset, w.length) for w in words] == [(0, 0, 2, 2), (2, 2, 0, 2), (5, 3, 0, 4)]


# --------------------------------------------------------------------------- Markdown's <table>


def test_markdown_table_three_is_a_grid_with_spans_into_the_markdown() -> None:
    document = markdown.read(source_from_text("r.md", THREE_MD))
    tables = [b for b in document.blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    assert_table_three(tables[0])
    for row in tables[0].rows:
        for cell in row:
            written = THREE_MD[cell.span.start : cell.span.end]
            assert cell.text in written or "<" in written, (cell, written)
    value, spaced = tables[0].rows[3][3], tables[0].rows[7][9]  # 10, and &nbsp;0&nbsp;
    assert THREE_MD[value.span.start : value.span.end] == "10"
    assert THREE_MD[spaced.span.start : spaced.span.end] == "0"


def test_markdown_reads_only_the_innermost_tables() -> None:
    text = ("<table><tr><td>布局</td><td>\n<table><tr><td>规章</td><td>0</td></tr></table>\n</td></tr></table>\n\n"
            "<table><tr><td>行政许可</td><td>3000</td></tr></table>\n")
    tables = [b for b in markdown.read(source_from_text("r.md", text)).blocks if isinstance(b, RawTable)]
    assert [texts(t) for t in tables] == [[["规章", "0"]], [["行政许可", "3000"]]]
    assert all(t.columns == 2 for t in tables)


def test_markdown_table_cut_by_a_blank_line_still_reads() -> None:
    text = "<table>\n<tr><td>规章</td><td>0</td></tr>\n\n<tr><td>行政规范性文件</td><td>5</td></tr>\n</table>\n"
    tables = [b for b in markdown.read(source_from_text("r.md", text)).blocks if isinstance(b, RawTable)]
    assert [texts(t) for t in tables] == [[["规章", "0"]], [["行政规范性文件", "5"]]]


# --------------------------------------------------------------------------- web pages

SITE = (PAGES / "site.html").read_text(encoding="utf-8")
WORD = (PAGES / "word-gb2312.html").read_text(encoding="utf-8")
TITLE = "平罗县2023年政府信息公开工作年度报告"
CLEAN_WITH_DOUBLED = clean_with("编制本报告。", "编制本报告。。")
#: What only the site's own pages hold: navigation, breadcrumb, search box, sidebar, article
#: information, tools, footer, and what its <head>, scripts, styles and attributes say.
CHROME = ("网站首页", "政务动态", "当前位置", "站内搜索", "请输入关键字", "全部栏目", "2022年政府信息公开", "索 引 号",
          "发布时间", "字号", "浏览次数", "打印本页", "上一篇", "分享到", "网站标识码", "ICP", "公网安备", "承办",
          "0952-600000", "webmaster", "浏览器不支持脚本", "document", "float", "SiteName", "t20240120_4321",
          "jiucuo", "访问统计框架", "；；", ";;", "_平罗县人民政府")


def published(report: str, body: str | None = None) -> str:
    """A Markdown report as its site publishes it: the title in the article's <h1>, the rest
    (markdown-it's HTML, or ``body``) in the editor's <div>, inside tests/readers/html/site.html."""
    title, rest = report.split("\n", 1)
    html = MarkdownIt("commonmark").enable("table").render(rest) if body is None else body
    return SITE.replace("<!--TITLE-->", title.lstrip("#").strip()).replace("<!--REPORT-->", html)


def page(engine: Engine, html: str | bytes, path: str = "report.html") -> Document:
    loaded = engine.load(html.encode("utf-8") if isinstance(html, str) else html, path)
    assert isinstance(loaded, Document)
    return loaded


def codes(result: FileResult) -> list[str]:
    return sorted(d.code for d in result.diagnostics)


def test_web_pages_are_read_by_the_html_reader(engine: Engine) -> None:
    readers = {engine.reader_for(name) for name in ("年报.html", "NDBG.HTM")}
    assert [reader.name if reader else None for reader in readers] == ["html"]
    document = page(engine, published(CLEAN))
    assert document.reader == "html" and document.source.rendered == "html"


def test_the_site_around_the_report_is_no_report_text(engine: Engine) -> None:
    document = page(engine, published(CLEAN))
    text = document.source.text
    assert text.startswith(TITLE + "\n根据《中华人民共和国政府信息公开条例》")
    assert text.endswith("平罗县人民政府办公室\n2024年1月20日\n")
    assert [word for word in CHROME if word in text] == []
    assert codes(engine.lint(document)) == []  # the footer's phone, e-mail and ;; and the <meta> URL: nothing
    report = engine.report(document)
    assert isinstance(report, Report) and report.title is not None
    assert report.title.text == TITLE  # the article's <h1>, not the <title> with the site's name
    assert (report.organ, report.year) == ("平罗县", 2023)
    assert all(section.status == "exact" for section in report.sections)


def test_a_title_inside_the_content_is_the_title_once(engine: Engine) -> None:
    body = MarkdownIt("commonmark").enable("table").render(CLEAN)  # the content repeats the <h1>
    text = page(engine, published(CLEAN, body)).source.text
    assert text.startswith(TITLE + "\n") and text.count(TITLE) == 1


REPORTS = sorted([CLEAN_PATH, *FIXTURES.glob("reports/*.md")])


@pytest.mark.parametrize("path", [p for p in REPORTS if "pingjiang" not in p.name or "clean" in p.name],
                         ids=lambda p: p.name)
def test_a_report_as_a_page_gives_the_findings_it_gives_as_markdown(engine: Engine, path: Path) -> None:
    """The clean reports draw none either way; the planted defects draw the same codes. (Not
    defects-pingjiang.md: its short table row is a row with a cell missing in Markdown, GL104,
    but in a page an empty cell of the grid, GL105.)"""
    report = path.read_text(encoding="utf-8")
    assert codes(engine.lint(page(engine, published(report)))) == codes(engine.lint_text(path.name, report))


def test_a_word_page_in_gb2312(engine: Engine) -> None:
    """Word's "save as web page" in GB2312: decoded as GB18030; its markup (o:p, MsoNormal,
    the list numbering in <![if !supportLists]>, hidden text, its <xml> and <style> in
    comments) is no text; every section and table is found."""
    document = page(engine, WORD.encode("gb18030"), "ndbg.htm")
    text = document.source.text
    assert "\ufffd" not in text and text.startswith(TITLE + "\n")
    assert "五、 存在的主要问题及改进情况\n" in text  # Word's list number, then its &nbsp; spacing
    assert [word for word in ("隐藏文字", "；；", "mso", "Times", "宋体", "办公室</o:Author>") if word in text] == []
    report = engine.report(document)
    assert isinstance(report, Report)
    assert [(s.key, s.status) for s in report.sections] == [(k, "exact") for k in "一二三四五六"]
    assert [t.template for t in report.tables] == ["二", "三", "四"]
    assert (report.organ, report.year) == ("平罗县", 2023)
    tables = [b for b in document.blocks if isinstance(b, RawTable)]
    assert [t.columns for t in tables] == [4, 10, 15]
    assert_table_three(tables[1])


def test_a_word_page_draws_no_finding_outside_its_tables(engine: Engine) -> None:
    result = engine.lint(page(engine, WORD.encode("gb18030"), "ndbg.htm"))
    assert [c for c in codes(result) if not c.startswith("GL1")] == []


def test_a_word_page_gives_the_findings_it_gives_as_markdown(engine: Engine) -> None:
    """Table 二's merged value cells (行政许可 3000 over three columns) stand in each column of
    the grid: read once, by the grid column its header names."""
    document = page(engine, WORD.encode("gb18030"), "ndbg.htm")
    assert codes(engine.lint(document)) == codes(engine.lint_text("r.md", CLEAN))


def test_table_three_in_a_page_is_a_grid(engine: Engine) -> None:
    three = (PAGES / "table-three.html").read_text(encoding="utf-8")
    html = published(CLEAN, f"<p><strong>三、收到和处理政府信息公开申请情况</strong></p>\n{three}")
    document = page(engine, html)
    tables = [b for b in document.blocks if isinstance(b, RawTable)]
    assert len(tables) == 1
    assert_table_three(tables[0])
    source = html.split("\n")
    for row in tables[0].rows:
        for cell in row:
            place = document.source.place(cell.span.start)
            assert place is not None and place.line is not None
            assert cell.text[:2] in source[place.line - 1] or "<br" in source[place.line - 1], (cell, place)


# --------------------------------------------------------------------------- places


def assert_placed(document: Document, html: str) -> None:
    """Every place names the source line its text starts on."""
    lines = html.split("\n")
    text, places = document.source.text, document.source.places
    assert places
    for place, after in zip(places, [*places[1:], None], strict=True):
        stretch = text[place.start : after.start if after else len(text)].split()
        assert place.line is not None and place.page is None
        assert place.where == Msg(f"网页源代码第 {place.line} 行", f"line {place.line} of the page source")
        if stretch:
            assert stretch[0][0] in unescape(lines[place.line - 1]), (place, stretch[0])


@pytest.mark.parametrize("which", ["site", "word"])
def test_every_place_is_the_line_of_its_text(engine: Engine, which: str) -> None:
    html = published(CLEAN) if which == "site" else WORD
    assert_placed(page(engine, html), html)


def test_a_finding_in_a_long_paragraph_names_its_own_source_line(engine: Engine) -> None:
    """Word wraps a paragraph over many source lines: the finding names the one it is on."""
    html = WORD.replace("号要求，编制本报告。", "号要求，编制本报告。。", 1)
    document = page(engine, html)
    [doubled] = [d for d in engine.lint(document).diagnostics if d.code == "GL501"]
    line = next(i for i, text in enumerate(html.split("\n"), 1) if "。。" in text)
    paragraph = next(i for i, text in enumerate(html.split("\n"), 1) if "根据《" in text)
    place = document.source.place(doubled.span.start)
    assert place is not None and place.line == line and line > paragraph


# --------------------------------------------------------------------------- what a page holds


def lines_of(engine: Engine, body: str) -> list[str]:
    return page(engine, published(CLEAN, body)).source.text.splitlines()


def test_line_breaks_paragraphs_and_spaces(engine: Engine) -> None:
    body = ("<p>一、总体情况</p><p>本年度，<b>平罗县</b>政府\n    信息公开工作<br>取得新进展。<br/>\n第二行。</p>"
            "<div>二、主动公开政府信息情况<div>正文&nbsp;&nbsp;有空格，\u3000全角空格。</div></div>"
            "<pre>三、收到和处理政府信息公开申请情况\n  预排版的一行\n</pre>")
    assert lines_of(engine, body)[1:] == ["一、总体情况", "本年度，平罗县政府信息公开工作", "取得新进展。", "第二行。",
                                          "二、主动公开政府信息情况", "正文 有空格， 全角空格。",
                                          "三、收到和处理政府信息公开申请情况", "预排版的一行"]


def test_a_page_laid_out_with_tables(engine: Engine) -> None:
    """Only the innermost tables are the report's; the tables around them are the page's
    layout, whose cells are lines like any block."""
    html = """<html><head><meta charset="utf-8"><title>某县人民政府</title></head><body>
<table width="1000"><tr><td colspan="2"><img src="logo.gif">某县人民政府门户网站</td></tr>
<tr><td width="200"><table><tr><td><a href="/">首页</a></td></tr>
<tr><td><a href="/gk/">政务公开</a></td></tr></table></td>
<td><table width="100%"><tr><td>
<p>某县2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>本机关依法公开政府信息。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>
</td></tr></table></td></tr>
<tr><td colspan="2">版权所有：某县人民政府　电话：0000-1234567</td></tr></table>
</body></html>"""
    document = page(engine, html)
    assert document.source.text.splitlines() == ["某县2023年政府信息公开工作年度报告", "一、总体情况",
                                                 "本机关依法公开政府信息。", "二、主动公开政府信息情况",
                                                 "信息内容\t本年制发件数", "规章\t0"]
    [table] = [b for b in document.blocks if isinstance(b, RawTable)]
    assert table.columns == 2 and texts(table) == [["信息内容", "本年制发件数"], ["规章", "0"]]


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(("data", "why"), [
    (published(CLEAN).encode("utf-8"), "UTF-8 as declared"),
    (published(CLEAN).replace("charset=utf-8", "charset=gb2312").encode("utf-8"), "UTF-8 under a gb2312 <meta>"),
    (published(CLEAN).replace("charset=utf-8", "charset=GBK").encode("gb18030"), "GBK as declared"),
    (published(CLEAN).replace('<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
                              '<meta charset="gb2312">').encode("gb18030"), "GB2312 in <meta charset>"),
    (re.sub(r"<meta [^>]*charset[^>]*>", "", published(CLEAN)).encode("gb18030"), "GBK, undeclared"),
    (codecs.BOM_UTF16_LE + published(CLEAN).encode("utf-16-le"), "UTF-16 with its BOM"),
    (codecs.BOM_UTF8 + published(CLEAN).replace("\n", "\r\n").encode("utf-8"), "a BOM and CRLF"),
], ids=lambda v: v if isinstance(v, str) else "")
def test_encodings(engine: Engine, data: bytes, why: str) -> None:
    document = page(engine, data)
    assert document.source.text.startswith(TITLE + "\n根据《中华人民共和国政府信息公开条例》"), why
    assert document.source.text.endswith("2024年1月20日\n"), why


@pytest.mark.parametrize(("head", "codec"), [
    (b'<meta http-equiv=Content-Type content="text/html; charset=gb2312">', "gb18030"),
    (b"<META CHARSET='GBK'>", "gb18030"),
    (b'<meta charset="x-gbk"/>', "gb18030"),
    (b'<meta charset="big5">', "big5"),
    (b'<meta charset="utf-16">', "utf-8"),  # a declaration read in ASCII is no UTF-16
    (b'<meta charset="ISO-8859-1">', "cp1252"),
    (b'<meta charset="no-such-thing">', None),
    (b'<p>charset=gbk</p>', None),
])
def test_declared_encodings(head: bytes, codec: str | None) -> None:
    assert _declared(b"<html><head>" + head) == codec


# --------------------------------------------------------------------------- bad input


def load_error(engine: Engine, data: bytes, seconds: float = 10.0) -> str:
    started = time.perf_counter()
    with pytest.raises(DecodeError) as caught:
        engine.load(data, "bad.html")
    assert time.perf_counter() - started < seconds
    return str(caught.value)


def test_deeply_nested_elements_are_one_error(engine: Engine) -> None:
    html = "<html><body>" + "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000 + "</body></html>"
    assert "Excessive depth" in load_error(engine, html.encode())


def test_binary_junk_is_one_error(engine: Engine) -> None:
    junk = random.Random(0).randbytes(1_000_000)
    assert "bad.html: " in load_error(engine, junk)
    assert "binary" in load_error(engine, b'<meta charset="gbk">' + junk)


@pytest.mark.parametrize("html", [
    b"",
    b"   \n",
    "<html><body><div class='nav'><a href='/'>首页</a></div><p>关于做好春节期间安全生产工作的通知</p></body></html>"
    .encode(),
    published(CLEAN, "<p>本报告见附件：<a href='/ndbg.pdf'>平罗县2023年政府信息公开工作年度报告.pdf</a></p>").encode(),
], ids=["empty", "blank", "news", "attachment"])
def test_a_page_without_a_report_is_one_error(engine: Engine, html: bytes) -> None:
    assert "no report text in the page" in load_error(engine, html)


def test_a_20_mb_page(engine: Engine) -> None:
    """Pictures written into the page and a long script: read as the report, in seconds."""
    picture = '<p><img src="data:image/png;base64,' + "iVBORw0K" * 2_500_000 + '"></p>'
    script = '<script>var s = "' + "一、总体情况<p>" * 200_000 + '";</script>'
    data = published(CLEAN, MarkdownIt("commonmark").enable("table").render(CLEAN.split("\n", 1)[1]) + picture + script)
    assert len(data) > 20_000_000
    started = time.perf_counter()
    result = engine.lint(page(engine, data))
    assert time.perf_counter() - started < 30
    assert codes(result) == []


@pytest.mark.parametrize("body", [
    "<p>" + "本机关共收到政府信息公开申请12件，" * 70_000 + "</p>",
    "".join(f"<p>第{i}段。</p>\n" for i in range(60_000)),
], ids=["long-text", "many-lines"])
def test_a_page_with_more_text_than_a_report_is_one_error(engine: Engine, body: str) -> None:
    html = published(CLEAN, MarkdownIt("commonmark").enable("table").render(CLEAN.split("\n", 1)[1]) + body)
    assert "no annual report" in load_error(engine, html.encode())


def test_through_the_command(tmp_path: Path) -> None:
    """``govlint check`` on pages: the report's findings, and one error for a page it cannot read."""
    (tmp_path / "report.html").write_text(published(CLEAN_WITH_DOUBLED), encoding="utf-8")
    (tmp_path / "junk.htm").write_bytes(random.Random(1).randbytes(50_000))
    proc = subprocess.run([sys.executable, "-m", "govlint", "check", "--format", "json", str(tmp_path)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode in (1, 2) and "Traceback" not in proc.stderr, proc.stderr
    files = {Path(f["path"]).name: f for f in json.loads(proc.stdout)["files"]}
    assert [d["code"] for d in files["report.html"]["diagnostics"]] == ["GL501"]
    assert files["junk.htm"]["error"]


def test_a_markdown_run_imports_no_html_parser(tmp_path: Path) -> None:
    """Only a page loads the web-page reader and lxml (``python -X importtime``)."""
    report = tmp_path / "report.md"
    report.write_text(CLEAN + "\n<table><tr><td>规章</td><td>0</td></tr></table>\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govlint", "check", str(report)],
                          capture_output=True, text=True, timeout=120, check=False)
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "govlint.readers.markdown" in imported and "govlint.readers.html_table" in imported
    assert not {name for name in imported if name == "govlint.readers.html" or name.startswith("lxml")}
