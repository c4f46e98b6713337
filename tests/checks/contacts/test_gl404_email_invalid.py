"""GL404 email-invalid: an e-mail address that is not well formed."""

from __future__ import annotations

from conftest import FindFn

HEAD = "同心县 2023 年政府信息公开工作年度报告\n\n"


def test_a_full_width_at_and_a_missing_top_level_domain(found: FindFn) -> None:
    text = HEAD + (
        "（地址：同心县新区行政中心；联系电话：0953-8637408；电子邮箱：txxzfbgs2021＠163.com）"
        "如需邮件联系，亦可发送至 tx2021@163。\n"
    )
    got = found(text, "GL404", "GL900", path="report.txt")
    assert [(f.code, f.line, f.column, f.severity) for f in got] == [
        ("GL404", 3, 38, "warning"),
        ("GL404", 3, 72, "warning"),
    ]
    assert got[0].message.startswith("电子邮箱“txxzfbgs2021＠163.com”格式无效")
    assert got[1].en.startswith("e-mail address “tx2021@163” is invalid: ")


def test_well_formed_addresses_stay_quiet(found: FindFn) -> None:
    text = HEAD + (
        "（地址：同心县新区行政中心；联系电话：0953-8637408；电子邮箱：txxzfbgs2021@163.com。"
        "E-mail: tx.office@tongxin.gov.cn）也可通过电子邮件、信函申请。\n"
    )
    assert found(text, "GL404", "GL900", path="report.txt") == []
