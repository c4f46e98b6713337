"""govlint.align.title: the report's organ and year come from its title, wherever a web page or
a PDF put it: a title broken over two lines, and a site's or crawler's metadata around it
(标题：…, 来源：…, 时间：…, 原文链接：…), which is never the title, its organ or its year."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from govlint.align import find_title
from govlint.align.title import of_the_page
from govlint.engine import Engine
from govlint.model import Report
from govlint.source import read_source, source_from_text

LAYOUTS = FIXTURES / "layouts" / "prose"


def organ_and_year(engine: Engine, text: str) -> tuple[str | None, int | None]:
    reader = engine.reader_for("r.txt")
    assert reader is not None
    _, year, organ = find_title(reader.read(source_from_text("r.txt", text)), 10**6)
    return organ, year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title broken over two lines, the organ first or the year first
        ("某某县人民政府\n2023年政府信息公开工作年度报告\n", ("某某县人民政府", 2023)),
        ("2023年某某县\n政府信息公开工作年度报告\n", ("某某县", 2023)),
        ("2023年度某某县教育局\n\n政府信息公开工作年度报告\n", ("某某县教育局", 2023)),
        ("某某县教育局2023年政府信息公开工\n作年度报告\n", ("某某县教育局", 2023)),  # broken inside a word
        # a crawler's or a site's metadata, in either order, above or below the title
        ("标题：某某县2023年政府信息公开工作年度报告\n来源：某某县人民政府\n", ("某某县", 2023)),
        ("来源：某某县人民政府 时间：2024-01-20\n2023年政府信息公开工作年度报告\n", (None, 2023)),
        ("时间：2024-01-20 来源：某某县人民政府\n某某县人民政府\n2023年政府信息公开工作年度报告\n",
         ("某某县人民政府", 2023)),
        ("某某县2023年政府信息公开工作年度报告\n原文链接：http://www.mmx.gov.cn/art_1.html\n", ("某某县", 2023)),
        # a date under a title without its year is when the page was published, not the report's year
        ("某某县政府信息公开工作年度报告\n发布时间：2024年01月20日\n", ("某某县", None)),
        ("某某县政府信息公开工作年度报告\n2024年1月20日\n", ("某某县", None)),
        ("某某县政府信息公开工作年度报告\n（2023年）\n", ("某某县", 2023)),
    ],
)
def test_organ_and_year_from_the_title(engine: Engine, text: str, expected: tuple[str | None, int | None]) -> None:
    assert organ_and_year(engine, text) == expected


@pytest.mark.parametrize(
    ("name", "organ"),
    [
        ("good_site_metadata.txt", "石嘴山市惠农区人民政府"),
        ("bad_site_metadata.txt", "石嘴山市惠农区人民政府"),
        ("good_title_year_first.txt", "石嘴山市惠农区"),
    ],
)
def test_reports_in_web_pages_name_their_organ_and_year(engine: Engine, name: str, organ: str) -> None:
    report = engine.report(read_source(str(LAYOUTS / name)))
    assert isinstance(report, Report)
    assert (report.organ, report.year) == (organ, 2023)


@pytest.mark.parametrize(
    ("line", "url", "page"),
    [
        ("原文链接：http://www.mmx.gov.cn/art_1.html", "http", True),
        ("来源网址： http://www.mmx.gov.cn", "http", True),
        ("主办单位：某某县人民政府办公室　网站标识码：1234567890　http://www.mmx.gov.cn", "http", True),
        ("本报告电子版可在某某县人民政府网站（http://www.mmx.gov.cn）查阅。", "http", False),
        ("网址：http://www.mmx.gov.cn", "http", False),
    ],
)
def test_a_web_address_of_the_page_is_not_the_reports(line: str, url: str, page: bool) -> None:
    text = "前一行\n" + line + "\n后一行"
    assert of_the_page(text, text.index(url)) is page

