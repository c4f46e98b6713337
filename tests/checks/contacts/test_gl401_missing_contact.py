"""GL401 missing-contact: a contact detail the pack asks for is not in the report: a warning for
a required one, a note for a recommended one, at the contact sentence (else the title). The
pack's contact field is the finding's entry."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, FindFn

from govlint.align import align
from govlint.checks.contacts import gl401_missing_contact
from govlint.engine import Engine
from govlint.model import Context
from govlint.packs import merge
from govlint.source import source_from_text

NO_EMAIL = """同心县 2023 年政府信息公开工作年度报告

一、总体情况

如有疑问，请与同心县人民政府办公室联系。地址：同心县新区行政中心 326 室，电话：0953-8637408。
"""

EVERY_DETAIL = """同心县 2023 年政府信息公开工作年度报告

一、总体情况

本报告电子版可在同心县人民政府网站（http://www.tongxin.gov.cn/）查阅。如有疑问，请与同心县人民政府办公室联系（地址：同心县新区行政中心 326 室；邮编：751300；联系电话：0953-8637408；电子邮箱：txxzfbgs2021@163.com）。
"""  # noqa: E501


def test_a_missing_detail_is_named_beside_those_given(found: FindFn) -> None:
    got = found(NO_EMAIL, "GL401", "GL900", path="report.txt")
    assert {(f.code, f.line, f.column, f.severity) for f in got} == {
        ("GL401", 5, 21, "warning"),  # no e-mail, at the contact sentence
        ("GL401", 5, 21, "info"),  # no postcode, no URL
    }
    assert [(f.severity, f.entry) for f in got] == [("warning", "email"), ("info", "postcode"), ("info", "url")]
    assert "the contact details give the phone number, address but no e-mail address (required)" in [f.en for f in got]


def test_no_details_at_all_are_reported_at_the_title(found: FindFn) -> None:
    text = (
        "# 文水县 2023 年政府信息公开工作年度报告\n\n## 一、总体情况\n\n"
        "2023年，文水县持续维护和更新各单位办公地址、联系方式等信息，开通县长热线电话、12345 市民热线。\n"
    )
    got = found(text, "GL401", "GL900")
    assert {(f.code, f.line, f.column, f.severity) for f in got} == {
        ("GL401", 1, 1, "warning"),
        ("GL401", 1, 1, "info"),
    }
    assert "报告中找不到任何联系方式：没有联系电话（须写明）" in [f.message for f in got]


def test_every_detail_given_stays_quiet(found: FindFn) -> None:
    assert found(EVERY_DETAIL, "GL4", "GL900", path="report.txt") == []  # and no other contact rule fires


def test_a_province_pack_can_require_the_postcode(engine: Engine) -> None:
    reader = engine.reader_for("report.txt")
    assert reader is not None
    province = {"contacts": {"fields": [{"id": "postcode", "level": "required"}]}}
    pack = engine.pack._replace(data=merge(engine.pack.data, province))
    report = align(reader.read(source_from_text("report.txt", NO_EMAIL)), pack, None)
    found = {d.message.en: d.severity for d in gl401_missing_contact.run(report, Context("en"))}
    assert found["the contact details give the phone number, address but no postcode (required)"] == "warning"


@pytest.mark.parametrize(
    ("path", "address"),
    [
        ("report.md", "地址：同\n心县新区行政中心 326 室"),  # a soft line break inside the value
        ("report.txt", "地址：同\n心县新区行政中心 326 室"),  # a PDF's line break: each line a paragraph
        ("report.txt", "地 址： 同 \n  心县新区行政中心 326 室"),  # spaces around it
        ("report.txt", "地址：\n同心县新区行政中心 326 室"),  # the value all on the next line
    ],
)
def test_an_address_broken_by_a_line_break_is_an_address(found: FindFn, path: str, address: str) -> None:
    text = EVERY_DETAIL.replace("地址：同心县新区行政中心 326 室", address)
    assert found(text, "GL401", path=path) == []


def test_a_label_whose_next_line_is_another_label_gives_no_address(found: FindFn) -> None:
    text = EVERY_DETAIL.replace("（地址：同心县新区行政中心 326 室；", "（地址：无\n")
    assert [f.entry for f in found(text, "GL401")] == ["address"]


def test_a_web_pages_own_address_is_not_where_the_report_can_be_read(found: FindFn) -> None:
    """Layout 8: the report gives no 网址 of its own; the page's 原文链接 and footer do not stand in."""
    layouts = FIXTURES / "layouts" / "prose"
    got = found((layouts / "bad_site_metadata.txt").read_text(encoding="utf-8"), "GL401", path="report.txt")
    assert [(f.severity, f.entry) for f in got] == [("info", "url")]
    assert found((layouts / "good_site_metadata.txt").read_text(encoding="utf-8"), "GL401", path="report.txt") == []
