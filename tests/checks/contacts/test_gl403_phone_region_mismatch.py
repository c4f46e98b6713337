"""GL403 phone-region-mismatch: a fixed line whose area code belongs to another city than the
organ's (a code several cities share, as the pack lists them, is each one's)."""

from __future__ import annotations

import pytest
from conftest import FindFn

from govlint.align import align
from govlint.checks.contacts import gl403_phone_region_mismatch
from govlint.engine import Engine
from govlint.model import Context
from govlint.packs import merge
from govlint.source import source_from_text


def contact_report(organ: str, phone: str) -> str:
    title = f"{organ}2023年政府信息公开工作年度报告"
    return f"{title}\n\n如有疑问请联系：地址：某某路1号，电话：{phone}，电子邮箱：a@163.com。\n"


def test_an_area_code_of_another_province(found: FindFn) -> None:
    text = (
        "同心县 2023 年政府信息公开工作年度报告\n\n"
        "联系我们：地址：同心县新区行政中心；联系电话：0371-66661234；电子邮箱：tx@163.com。\n"
    )
    got = found(text, "GL403", "GL900", path="report.txt")
    assert [(f.code, f.line, f.column, f.severity) for f in got] == [("GL403", 3, 24, "warning")]
    assert got[0].message == "电话“0371-66661234”的区号 0371 属于河南省郑州市，而同心县在吴忠市"


@pytest.mark.parametrize(
    "text",
    [
        "新源县政府信息公开工作年度报告\n\n(2023 年度)\n\n地址：新源县青年西街 051 号；邮编：835800；"
        "电话：0999-5022803；手机：13912345678；电子邮箱：xinyuan@xinyuan.gov.cn。\n",
        # 朝阳区 is in 北京 and in 长春, 朝阳 …: the organ cannot be placed
        "朝阳区 2023 年政府信息公开工作年度报告\n\n"
        "地址：朝阳区某某路 1 号；电话：0371-66661234；电子邮箱：cy@163.com。\n",
    ],
    ids=["its-own-code", "organ-not-placed"],
)
def test_an_own_or_unplaceable_area_code_stays_quiet(found: FindFn, text: str) -> None:
    assert found(text, "GL403", "GL900", path="report.txt") == []


@pytest.mark.parametrize(
    ("organ", "phone"),
    [
        ("来宾市兴宾区人民政府", "0772-4212345"),  # 0772: 柳州 and 来宾
        ("贺州市八步区人民政府", "0774-5212345"),  # 0774: 梧州 and 贺州
        ("贵港市港北区人民政府", "0775-4212345"),  # 0775: 玉林 and 贵港
        ("崇左市江州区人民政府", "0771-7812345"),  # 0771: 南宁 and 崇左
        ("嘉峪关市统计局", "0937-6212345"),  # 0937: 酒泉 and 嘉峪关
        ("金昌市永昌县人民政府", "0935-7512345"),  # 0935: 武威 and 金昌
        ("亳州市谯城区人民政府", "0558-5512345"),  # 0558: 阜阳 and 亳州
        ("儋州市那大镇人民政府", "0898-23312345"),  # 0898: all of 海南
        ("三沙市人民政府", "0898-65123456"),
        ("琼海市人民政府", "0898-62812345"),
        ("济源市民政局", "0391-6663328"),  # 0391: 焦作 and 济源
        ("神农架林区松柏镇人民政府", "0719-3331234"),  # 0719: 十堰 and 神农架
        ("克拉玛依市独山子区人民政府", "0992-3612345"),  # 0992: 奎屯, 独山子, 乌苏
        ("柳州市城中区人民政府", "0772-4212345"),
    ],
)
def test_area_codes_shared_by_several_prefectures(found: FindFn, organ: str, phone: str) -> None:
    assert found(contact_report(organ, phone), "GL403", path="r.txt") == []


@pytest.mark.parametrize(
    ("organ", "phone", "where"),
    [
        ("南宁市青秀区人民政府", "0772-4212345", "0772 属于广西柳州市、广西来宾市，而南宁市青秀区人民政府在南宁市"),
        ("武汉市江岸区人民政府", "0719-8612345", "0719 属于湖北省十堰市、湖北省神农架林区，而武汉市江岸区"),
        ("郑州市金水区人民政府", "0391-6663328", "0391 属于河南省焦作市、河南省济源市"),
        ("南宁市青秀区人民政府", "0898-65123456", "0898 属于海南省，而南宁市青秀区人民政府在南宁市"),
        ("酒泉市肃州区人民政府", "0935-7512345", "0935 属于甘肃省武威市、甘肃省金昌市"),
    ],
)
def test_a_shared_code_outside_its_places_still_fires(found: FindFn, organ: str, phone: str, where: str) -> None:
    (got,) = found(contact_report(organ, phone), "GL403", path="r.txt")
    assert where in got.message
    assert "serves" in got.en


def region_findings(engine: Engine, pack_extra: dict[str, object], organ: str, phone: str) -> list[str]:
    pack = engine.pack._replace(data=merge(engine.pack.data, pack_extra))
    reader = engine.reader_for("r.txt")
    assert reader is not None
    report = align(reader.read(source_from_text("r.txt", contact_report(organ, phone))), pack, None)
    return [d.message.zh for d in gl403_phone_region_mismatch.run(report, Context("zh"))]


def test_a_province_pack_adds_shared_codes_and_places(engine: Engine) -> None:
    assert region_findings(engine, {}, "开封市鼓楼区人民政府", "0371-22812345")
    more = {"contacts": {"shared_area_codes": {"0371": ["河南省郑州市", "河南省开封市"]}}}
    assert region_findings(engine, more, "开封市鼓楼区人民政府", "0371-22812345") == []
    # a place added to a national code's list (lists are appended to)
    assert region_findings(engine, {}, "南宁市青秀区人民政府", "0772-4212345")
    wider = {"contacts": {"shared_area_codes": {"0772": ["广西南宁市"]}}}
    assert region_findings(engine, wider, "南宁市青秀区人民政府", "0772-4212345") == []
    # a place that cannot be placed puts the code in doubt: quiet rather than wrong
    unknown = {"contacts": {"shared_area_codes": {"0371": ["河南省某某市"]}}}
    assert region_findings(engine, unknown, "开封市鼓楼区人民政府", "0371-22812345") == []
