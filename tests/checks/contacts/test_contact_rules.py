"""GL401–GL406 on fixture reports (``tests/fixtures/GL40N/``) and on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.align.contacts import contact_spec
from govlint.engine import Engine
from tests.conftest import FIXTURES, SEEDS

Found = set[tuple[str, int, int, str]]  # (code, line, column, severity)


def found(engine: Engine, path: Path, codes: tuple[str, ...] = ("GL4",)) -> Found:
    result = engine.lint_path(str(path))
    assert result.source is not None
    return {
        (d.code, *result.source.position(d.span.start), d.severity)
        for d in result.diagnostics
        if d.code.startswith(codes) or d.code == "GL900"
    }


def messages(engine: Engine, path: Path, code: str, lang: str = "en") -> list[str]:
    return [d.message.get(lang) for d in engine.lint_path(str(path)).diagnostics if d.code == code]


# fixture -> what the rule under test reports there (other GL4 codes are ignored)
FIRES: dict[str, Found] = {
    "GL401/fires.txt": {
        ("GL401", 5, 21, "warning"),  # no e-mail, at the contact sentence
        ("GL401", 5, 21, "info"),  # no postcode, no URL (same position: one entry in the set)
    },
    "GL401/none.md": {("GL401", 1, 1, "warning"), ("GL401", 1, 1, "info")},  # at the title
    "GL402/fires.txt": {("GL402", 3, 28, "warning"), ("GL402", 3, 43, "warning"), ("GL402", 3, 76, "warning")},
    "GL403/fires.txt": {("GL403", 3, 24, "warning")},
    "GL404/fires.txt": {("GL404", 3, 38, "warning"), ("GL404", 3, 72, "warning")},
    "GL405/fires.txt": {("GL405", 5, 16, "warning"), ("GL405", 5, 66, "warning")},
    "GL406/fires.txt": {("GL406", 3, 11, "warning"), ("GL406", 3, 40, "warning")},
}

QUIET: dict[str, str] = {
    "GL401/passes.txt": "GL401",
    "GL402/passes.txt": "GL402",
    "GL403/passes.txt": "GL403",
    "GL403/ambiguous.txt": "GL403",
    "GL404/passes.txt": "GL404",
    "GL405/passes.txt": "GL405",
    "GL406/passes.md": "GL406",
}


@pytest.mark.parametrize("name", sorted(FIRES))
def test_rule_fires(engine: Engine, name: str) -> None:
    code = name.split("/")[0]
    assert found(engine, FIXTURES / name, (code,)) == FIRES[name]


@pytest.mark.parametrize("name", sorted(QUIET))
def test_rule_stays_quiet(engine: Engine, name: str) -> None:
    assert found(engine, FIXTURES / name, (QUIET[name],)) == set()


def test_passes_fixture_has_every_detail(engine: Engine) -> None:
    assert found(engine, FIXTURES / "GL401/passes.txt") == set()


def test_missing_messages_name_what_is_there(engine: Engine) -> None:
    msgs = messages(engine, FIXTURES / "GL401/fires.txt", "GL401")
    assert "the contact details give the phone number, address but no e-mail address (required)" in msgs
    zh = messages(engine, FIXTURES / "GL401/none.md", "GL401", "zh")
    assert "报告中找不到任何联系方式：没有联系电话（须写明）" in zh


def test_phone_messages_say_which_digits(engine: Engine) -> None:
    msgs = messages(engine, FIXTURES / "GL402/fires.txt", "GL402")
    assert msgs == [
        "phone number “0953-863740” is invalid: area code 0953 takes 7 more digits, this has 6",
        "phone number “1391234567” is invalid: a mobile number has 11 digits, this has 10",
        "phone number “8637408” is invalid: the area code is missing",
    ]


def test_region_message_names_both_places(engine: Engine) -> None:
    (zh,) = messages(engine, FIXTURES / "GL403/fires.txt", "GL403", "zh")
    assert zh == "电话“0371-66661234”的区号 0371 属于河南省郑州市，而同心县在吴忠市"


def contact_report(organ: str, phone: str) -> str:
    title = f"{organ}2023年政府信息公开工作年度报告"
    return f"{title}\n\n如有疑问请联系：地址：某某路1号，电话：{phone}，电子邮箱：a@163.com。\n"


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
def test_area_codes_shared_by_several_prefectures(engine: Engine, organ: str, phone: str) -> None:
    result = engine.lint_text("r.txt", contact_report(organ, phone))
    assert [d.message.zh for d in result.diagnostics if d.code == "GL403"] == []


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
def test_a_shared_code_outside_its_places_still_fires(engine: Engine, organ: str, phone: str, where: str) -> None:
    result = engine.lint_text("r.txt", contact_report(organ, phone))
    (diag,) = [d for d in result.diagnostics if d.code == "GL403"]
    assert where in diag.message.zh
    assert "serves" in diag.message.en


def region_findings(engine: Engine, pack_extra: dict[str, object], organ: str, phone: str) -> list[str]:
    from govlint.align import align
    from govlint.checks.contacts import gl403_phone_region_mismatch
    from govlint.model import Context
    from govlint.packs import merge
    from govlint.source import source_from_text

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


def test_postcode_message_names_the_province(engine: Engine) -> None:
    msgs = messages(engine, FIXTURES / "GL405/fires.txt", "GL405", "zh")
    assert msgs[1] == "邮政编码 835800 以 83 开头，而彭阳县新集乡人民政府在宁夏回族自治区，邮编应以 75 开头"


# ----------------------------------------------------------------------------- the seeds

# seed -> the contact fields reported missing at warning (seeds/README.md); no other GL4
# finding at warning or error (info for a missing 邮编 or 网址 is fine)
SEED_EXPECTED: dict[str, set[str]] = {
    "000": set(),
    "001": set(),
    "002": {"phone", "address", "email"},
    "003": {"email"},
    "004": set(),
}


@pytest.mark.parametrize("seed", sorted(SEED_EXPECTED))
def test_seed_contact_findings(engine: Engine, seed: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    result = engine.lint_path(str(path))
    serious = [d for d in result.diagnostics if d.code.startswith("GL4") and d.severity != "info"]
    assert all(d.code == "GL401" and d.severity == "warning" for d in serious), serious
    names = {f.id: f.name.en for f in contact_spec(engine.pack).fields}
    reported = {fid for fid, name in names.items() for d in serious if f"no {name} (" in d.message.en}
    assert len(serious) == len(reported)
    assert reported == SEED_EXPECTED[seed]


def test_seed_003_reads_the_em_dash_phone(engine: Engine) -> None:
    (path,) = SEEDS.glob("003_*.txt")
    assert not [d for d in engine.lint_path(str(path)).diagnostics if d.code in ("GL402", "GL403")]


# ----------------------------------------------------------------------------- robustness

PIECES = [
    "地址：", "电话：", "联系电话", "联系方式", "电子邮箱：", "邮箱", "邮编：", "网址：", "网站", "E-mail:",
    "0953-8637408", "0954—7731010", "（0953）", "0371-6666", "00", "+86", "@", "＠", "163.com", "http://",
    "http//", "www.", "．", "[", "]", "(", ")", "（", "）", "；", "。", "\n", "\n\n", " ", "\t", "|", "同心县",
    "朝阳区", "12345", "2023 年", "756500", "835800", "x", "中", "-", "%", "<", ">",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30), st.sampled_from(["r.txt", "r.md"]))
def test_never_an_internal_error(engine: Engine, parts: list[str], path: str) -> None:
    text = "同心县 2023 年政府信息公开工作年度报告\n\n" + "".join(parts)
    result = engine.lint_text(path, text)
    assert not [d for d in result.diagnostics if d.code == "GL900" and " GL4" in d.message.en]
    for d in result.diagnostics:
        if d.code.startswith("GL4"):
            assert 0 <= d.span.start <= d.span.end <= len(text)


def test_a_province_pack_can_require_the_postcode(engine: Engine) -> None:
    from govlint.align import align
    from govlint.checks.contacts import gl401_missing_contact
    from govlint.model import Context
    from govlint.packs import merge
    from govlint.source import read_source

    path = str(FIXTURES / "GL401/fires.txt")
    reader = engine.reader_for(path)
    assert reader is not None
    province = {"contacts": {"fields": [{"id": "postcode", "level": "required"}]}}
    pack = engine.pack._replace(data=merge(engine.pack.data, province))
    report = align(reader.read(read_source(path)), pack, None)
    found = {d.message.en: d.severity for d in gl401_missing_contact.run(report, Context("en"))}
    assert found["the contact details give the phone number, address but no postcode (required)"] == "warning"
