"""GL402 phone-invalid: a phone number that cannot be dialled as written."""

from __future__ import annotations

from conftest import FindFn

BAD = """同心县 2023 年政府信息公开工作年度报告

如有疑问，请联系（地址：同心县新区行政中心；联系电话：0953-863740；手机：1391234567；电子邮箱：tx@163.com）。咨询电话 8637408。
"""  # noqa: E501

GOOD = """彭阳县新集乡人民政府

2023 年政府信息公开工作年度报告

地址：彭阳县新集乡街道(邮编：756500)，电话：0954—7731010，（０９５４）７７３１０１１，服务热线电话12345，电子邮箱：xj@163.com。受理电话 2023 年共接听 120 次。
"""  # noqa: E501


def test_each_bad_number_says_which_digits(found: FindFn) -> None:
    got = found(BAD, "GL402", "GL900", path="report.txt")
    assert [(f.code, f.line, f.column, f.severity) for f in got] == [
        ("GL402", 3, 28, "warning"),
        ("GL402", 3, 43, "warning"),
        ("GL402", 3, 76, "warning"),
    ]
    assert [f.en for f in got] == [
        "phone number “0953-863740” is invalid: area code 0953 takes 7 more digits, this has 6",
        "phone number “1391234567” is invalid: a mobile number has 11 digits, this has 10",
        "phone number “8637408” is invalid: the area code is missing",
    ]


def test_dashes_full_width_digits_and_hotlines_stay_quiet(found: FindFn) -> None:
    assert found(GOOD, "GL402", "GL900", path="report.txt") == []
