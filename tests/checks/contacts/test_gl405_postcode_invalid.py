"""GL405 postcode-invalid: a postcode that is not six digits, or of another province."""

from __future__ import annotations

from conftest import FindFn

HEAD = "彭阳县新集乡人民政府\n\n2023 年政府信息公开工作年度报告\n\n"


def test_five_digits_and_another_provinces_postcode(found: FindFn) -> None:
    text = HEAD + "地址：彭阳县新集乡街道(邮编：75650)，电话：0954-7731010，电子邮箱：xj@163.com。另设办事处，邮政编码：835800。\n"  # noqa: E501
    got = found(text, "GL405", "GL900", path="report.txt")
    assert [(f.code, f.line, f.column, f.severity) for f in got] == [
        ("GL405", 5, 16, "warning"),
        ("GL405", 5, 66, "warning"),
    ]
    assert got[0].message == "邮政编码“75650”应为 6 位数字，这里是 5 位"
    assert got[1].message == "邮政编码 835800 以 83 开头，而彭阳县新集乡人民政府在宁夏回族自治区，邮编应以 75 开头"


def test_a_postcode_of_the_organs_province_stays_quiet(found: FindFn) -> None:
    text = HEAD + "地址：彭阳县新集乡街道(邮编：756500)，电话：0954-7731010，电子邮箱：xj@163.com。\n"
    assert found(text, "GL405", "GL900", path="report.txt") == []
