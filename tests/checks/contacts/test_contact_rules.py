"""GL401–GL406 on fixture reports (``tests/fixtures/GL40N/``) and on the five seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.contacts import contact_spec
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
    found = {d.message.en: d.severity for d in gl401_missing_contact.run(report, Context("en", {}))}
    assert found["the contact details give the phone number, address but no postcode (required)"] == "warning"
