"""Finding contact details in prose, and placing organs and area codes."""

from __future__ import annotations

import pytest

from govlint.align.contacts import ContactSpec, contact_spec, extract
from govlint.checks.contacts import regions
from govlint.checks.contacts.phones import read_phone
from govlint.engine import Engine


@pytest.fixture(scope="module")
def fields(engine: Engine) -> ContactSpec:
    return contact_spec(engine.pack)


def values(text: str, fields: ContactSpec) -> list[tuple[str, str]]:
    return [(c.field, c.text) for c in extract(text, 0, fields)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "（地址：同心县新区行政中心 326 室；联系电话：0953-8637408；电子邮箱：txxzfbgs2021@163.com）",
            [("address", "同心县新区行政中心 326 室"), ("phone", "0953-8637408"), ("email", "txxzfbgs2021@163.com")],
        ),
        (
            "地址：彭阳县新集乡街道(邮编：756500)，电话：0954—7731010。",
            [("address", "彭阳县新集乡街道"), ("postcode", "756500"), ("phone", "0954—7731010")],
        ),
        ("统计数据从2023年1月1日至12月31日，联系方式0954-7731010。", [("phone", "0954-7731010")]),
        ("门户网站（<http://www.xinyuan.gov.cn/>）“政务公开”栏目", [("url", "http://www.xinyuan.gov.cn/")]),
        ("电子版可在“彭阳县人民政府”门户(www.pengyang.gov.cn)查阅", [("url", "www.pengyang.gov.cn")]),
        ("电子邮箱地址：ab@cd.gov.cn", [("email", "ab@cd.gov.cn")]),
        ("网站地址：https://x.gov.cn/nb", [("url", "https://x.gov.cn/nb")]),
        ("咨询请拨打（0953）8637408。", [("phone", "（0953）8637408")]),
        ("地 址：同心县新区；电 话：0953 - 8637408 转 801", [("address", "同心县新区"), ("phone", "0953 - 8637408")]),
        ("手机：139 1234 5678；电话：0953 8637408 8637409", [("phone", "139 1234 5678"), ("phone", "0953 8637408")]),
        ("电话（传真）：0745-8858009", [("phone", "0745-8858009")]),
        ("**地址**：同心县新区；**电话**：0953-8637408", [("address", "同心县新区"), ("phone", "0953-8637408")]),
        ("邮编 756500 0954-7731010", [("postcode", "756500"), ("phone", "0954-7731010")]),
        # a line break right after the value's first character does not end it, unless a label follows
        ("地址：同 \n 心县新区，电话：0953-8637408", [("address", "同 \n 心县新区"), ("phone", "0953-8637408")]),
        ("地址：无\n电话：0953-8637408", [("phone", "0953-8637408")]),
    ],
)
def test_finds_details(fields: ContactSpec, text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, fields) == expected


@pytest.mark.parametrize(
    "text",
    [
        "持续维护和更新各单位机关职能、办公地址、办公时间、联系方式、负责人姓名等信息",
        "通过县长热线电话、12345 市民热线、政府网站受理诉求",
        "在收到申请第一时间向联络员进行电话提醒",
        "受理电话 2023 年共 300 个，政府网站 2594 条",
        "可通过电子邮件、信函等方式提出申请",
    ],
)
def test_prose_mentions_are_not_details(fields: ContactSpec, text: str) -> None:
    assert values(text, fields) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an address right after its label, among other details written the same way
            "电话0953-8637408，电子信箱tx@163.com，邮编751300，地址同心县新区行政中心326室。",
            [("phone", "0953-8637408"), ("email", "tx@163.com"), ("postcode", "751300"),
             ("address", "同心县新区行政中心326室")],
        ),
        (  # up to the next label
            "电话0953-8637408，地址和平路18号电话0953-8637409",
            [("phone", "0953-8637408"), ("address", "和平路18号"), ("phone", "0953-8637409")],
        ),
        ("联系电话：0953-8637408，办公地址 人民路18号", [("phone", "0953-8637408"), ("address", "人民路18号")]),
        ("联系电话：0953-8637408，地址位于县政府大楼三楼", [("phone", "0953-8637408"), ("address", "县政府大楼三楼")]),
        ("邮编751300 地址迁安市人民路1号", [("postcode", "751300"), ("address", "迁安市人民路1号")]),
    ],
)
def test_address_without_colon_in_a_run_of_details(
    fields: ContactSpec, text: str, expected: list[tuple[str, str]]
) -> None:
    assert values(text, fields) == expected


@pytest.mark.parametrize(
    "text",
    [
        "地址同心县新区行政中心326室。",  # no other detail in the sentence
        "电话0953-8637408。地址同心县新区行政中心326室。",  # another sentence
        "电话0953-8637408，在浏览器地址栏输入网址查阅。",
        "电话0953-8637408，办公地址变更为人民路1号。",
        "电话0953-8637408，地址所在区政务服务中心。",
        "公开了办公地址和联系电话0953-8637408。",
        "如需了解办公地址调整情况请拨打电话0953-8637408。",
        "办公地址、办公时间、联系电话0953-8637408等信息。",
    ],
)
def test_words_after_an_address_label_that_are_no_address(fields: ContactSpec, text: str) -> None:
    assert "address" not in [field for field, _ in values(text, fields)]


def test_a_url_label_holding_address_is_a_url(fields: ContactSpec) -> None:
    text = "电话0953-8637408，网站地址www.tongxin.gov.cn。"
    assert values(text, fields) == [("phone", "0953-8637408"), ("url", "www.tongxin.gov.cn")]


def test_offsets_and_sentence(fields: ContactSpec) -> None:
    text = "本报告电子版见网站。如有疑问请联系，电话：0953-8637408。谢谢。"
    (c,) = extract(text, 100, fields)
    assert text[c.span.start - 100 : c.span.end - 100] == "0953-8637408"
    assert text[c.sentence.start - 100 : c.sentence.end - 100] == "如有疑问请联系，电话：0953-8637408。"


@pytest.mark.parametrize(
    ("organ", "region"),
    [
        ("同心县", "吴忠市"),
        ("彭阳县新集乡人民政府", "固原市"),
        ("会同县", "怀化市"),
        ("新源县", "伊犁哈萨克自治州"),
        ("文水县", "吕梁市"),
        ("北京市朝阳区", "北京市"),
        ("南和县", "邢台市"),  # not 和县 (安徽)
        ("宁夏回族自治区人民政府", "宁夏回族自治区"),
    ],
)
def test_organ_region(organ: str, region: str) -> None:
    key = regions.organ_region(organ)
    assert key is not None
    assert regions.region_name(key) == region


@pytest.mark.parametrize("organ", ["朝阳区", "城区人民政府", "某某单位"])
def test_ambiguous_or_unknown_organ_is_not_placed(organ: str) -> None:
    assert regions.organ_region(organ) is None


@pytest.mark.parametrize(
    ("description", "names"),
    [
        ("宁夏吴忠市", {"吴忠市"}),
        ("山西省晋中市、吕梁市", {"晋中市", "吕梁市"}),
        ("内蒙古呼伦贝尔", {"呼伦贝尔市"}),
        ("贵州黔南", {"黔南布依族苗族自治州"}),
        ("贵州省铜仁地区", {"铜仁市"}),
        ("吉林省延边朝鲜族自治州、珲春市、延吉市", {"延边朝鲜族自治州"}),
        ("北京市", {"北京市"}),
        ("湖北省仙桃市、潜江市、天门市", {"湖北省"}),
        ("湖南省长沙市、湘潭市、株州市", {"长沙市", "湘潭市", "株洲市"}),
    ],
)
def test_phone_regions(description: str, names: set[str]) -> None:
    keys = regions.phone_regions(description, {"株州市": "株洲市"})
    assert keys is not None
    assert {regions.region_name(k) for k in keys} == names


def test_shared_area_codes_of_the_national_pack_are_all_placed(engine: Engine) -> None:
    """Every place the pack lists for a shared area code is one region for certain (a name
    that cannot be placed would silence GL403 for the whole code)."""
    spec = contact_spec(engine.pack)
    assert {"0772", "0774", "0775", "0898", "0935", "0937", "0391", "0719"} <= set(spec.shared_area_codes)
    for code, places in spec.shared_area_codes.items():
        keys = regions.served_regions(places, spec.geocoder_aliases)
        assert keys is not None, code
        assert len(keys) == len(places), code  # one region each, none the same


@pytest.mark.parametrize(
    ("places", "names"),
    [
        (("广西柳州市", "广西来宾市"), {"柳州市", "来宾市"}),
        (("海南省",), {"海南省"}),
        (("河南省焦作市", "河南省济源市"), {"焦作市", "济源市"}),  # 济源 as itself, not all of 河南
    ],
)
def test_served_regions(places: tuple[str, ...], names: set[str]) -> None:
    keys = regions.served_regions(places, {})
    assert keys is not None
    assert {regions.region_name(k) if len(k) < 6 else regions.divisions().by_prefix[k][1] for k in keys} == names


def test_a_place_that_cannot_be_placed_puts_the_code_in_doubt() -> None:
    assert regions.served_regions(("广西柳州市", "某某市"), {}) is None


@pytest.mark.parametrize("description", ["中国", "", "湖南省长沙市、株州市"])
def test_unplaceable_descriptions(description: str) -> None:
    assert regions.phone_regions(description, {}) is None


@pytest.mark.parametrize("raw", ["0953-8637408", "0954—7731010", "（０９５４）７７３１０１０", "13912345678", "12345"])
def test_phones_that_read(raw: str) -> None:
    assert read_phone(raw).problem is None


@pytest.mark.parametrize("raw", ["0953-8637408", "0358-3221234", "0898-65321234", "010-66661234", "0999-5022803"])
def test_cached_geodata_agrees_with_the_geocoder(raw: str) -> None:
    import phonenumbers
    from phonenumbers import geocoder

    from govlint.checks.contacts.phones import describe

    number = phonenumbers.parse(raw, "CN")
    for lang in ("zh", "en"):
        assert describe(number, lang) == geocoder.description_for_number(number, lang)
