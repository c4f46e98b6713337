"""GL406 url-invalid: a web address that does not parse or has no plausible host."""

from __future__ import annotations

from conftest import FIXTURES, FindFn

LAYOUTS = FIXTURES / "layouts" / "prose"


def test_a_missing_colon_and_a_full_width_dot(found: FindFn) -> None:
    text = (
        "同心县 2023 年政府信息公开工作年度报告\n\n"
        "本报告电子版见网址：http//www.tongxin.gov.cn，或网站：www.tongxin．gov.cn。"
        "地址：同心县新区；电话：0953-8637408；电子邮箱：tx@163.com。\n"
    )
    got = found(text, "GL406", "GL900", path="report.txt")
    assert [(f.code, f.line, f.column, f.severity) for f in got] == [
        ("GL406", 3, 11, "warning"),
        ("GL406", 3, 40, "warning"),
    ]
    assert got[0].message == "网址“http//www.tongxin.gov.cn”无效：协议名后缺少冒号（应为 http:// 或 https://）"
    assert "不是有效的域名" in got[1].message


def test_links_and_bare_hosts_stay_quiet(found: FindFn) -> None:
    text = (
        "# 新源县政府信息公开工作年度报告\n\n"
        "本报告的电子版可在新源县人民政府门户网站（<http://www.xinyuan.gov.cn/>）下载，"
        "或见 [彭阳县](https://www.pengyang.gov.cn/xxgk/index.html)、(www.pengyang.gov.cn)。政府网站 2594 条。\n"
    )
    assert found(text, "GL406", "GL900") == []


def test_the_web_pages_own_addresses_are_not_the_reports(found: FindFn) -> None:
    """Layout 8: a crawler's 原文链接 and the site's footer give http://localhost:8080/…, which is
    the page's address, not the report's 网址: nothing to report. The report's own line still counts."""
    page = (LAYOUTS / "good_site_metadata.txt").read_text(encoding="utf-8")
    assert "原文链接：http://localhost:8080/" in page and "网站标识码" in page
    assert found(page, "GL406", path="report.txt") == []
    own = page.replace("网站（http://www.huinong.gov.cn）", "网站（http://localhost:8080/huinong）")
    got = found(own, "GL406", path="report.txt")
    assert [(f.code, f.line) for f in got] == [("GL406", 9)]
    assert "主机名“localhost”不是有效的域名" in got[0].message
