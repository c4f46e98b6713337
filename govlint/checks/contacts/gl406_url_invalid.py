"""GL406: a web address that does not parse or has no plausible host."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from urllib.parse import urlsplit

from govlint._infra import regex
from govlint.align.contacts import contacts_of_kind
from govlint.model import Check, Context, Diagnostic, Msg, Report

HOST_LABEL = regex.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
MISSING_COLON = regex.compile(r"(?i)https?/")
TLD = regex.compile(r"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{2,59})$")

DOC = """
## 检查什么 / What it checks
联系方式和正文中的网址（如电子版的查阅地址）须能解析（urllib.parse），协议为 http/https，主机名合理：
由字母、数字、连字符组成的多段域名（如 www.xinyuan.gov.cn）或 IP 地址。
Each web address must parse, use http or https, and have a plausible host name or IP address.
网页自身的地址不是报告的网址，不检查：网站或采集工具写在报告周围的元数据（“原文链接：”“来源网址：”）
和网站页脚（有“网站标识码”“ICP备”等的一行）中的网址。A web page's own address is not the report's:
one given by the page's metadata (原文链接：, 来源网址：) or on the site's footer line is not checked.

## 为什么 / Why
写错的网址（缺冒号、全角句点、多余空格）让读者找不到报告电子版。

## 触发示例 / Example that fires
    网址：http//www.xinyuan.gov.cn        （缺少冒号）
    网址：www.pengyang．gov.cn            （全角句点）

## 通过示例 / Example that passes
    门户网站（<http://www.xinyuan.gov.cn/>）
    (www.pengyang.gov.cn)

## 如何修复 / How to fix
改正网址，写成浏览器可以打开的形式，如 http://www.xinyuan.gov.cn/ 。
"""


def url_problem(url: str) -> Msg | None:
    """Why ``url`` is not a usable web address, or None."""
    if MISSING_COLON.match(url):
        return Msg(
            "协议名后缺少冒号（应为 http:// 或 https://）",
            "the colon after the scheme is missing (http:// or https://)",
        )
    full = url if "://" in url else "http://" + url
    try:
        parts = urlsplit(full)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return Msg(f"无法解析（{exc}）", f"does not parse ({exc})")
    if parts.scheme.lower() not in ("http", "https"):
        return Msg(f"协议“{parts.scheme}”不是 http 或 https", f"scheme “{parts.scheme}” is not http or https")
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2 or not all(HOST_LABEL.match(x) for x in labels) or not TLD.match(labels[-1]):
        return Msg(f"主机名“{host}”不是有效的域名", f"host “{host}” is not a valid domain name")
    return None


def run(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    for contact in contacts_of_kind(report, ctx, "url"):
        problem = url_problem(contact.text)
        if problem is not None:
            yield CHECK.finding(
                Msg(
                    f"网址“{contact.text}”无效：{problem.zh}", f"web address “{contact.text}” is invalid: {problem.en}"
                ),
                contact.span,
            )


CHECK = Check("GL406", "url-invalid", "warning", Msg("网址无效", "invalid web address"), DOC, run)
