"""Rule packs: schema validation with file:line:col, extends/merge, hostile packs, pack commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint import packs
from govlint.commands import main
from govlint.commands.pack import run_examples
from govlint.engine import Engine, Settings
from govlint.model import Pack
from govlint.packs.extends import MAX_EXTENDS_DEPTH
from govlint.packs.national import rules_dir
from govlint.packs.read import MAX_FILE_BYTES, read_file
from govlint.packs.schema import SCHEMA_FILE, pack_schema, validate

NATIONAL = packs.PackSource(rules_dir() / "national", "govlint")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def resolve(folder: Path, pack_id: str) -> Pack:
    sources = [packs.PackSource(p, "test") for p in sorted(folder.glob("*.yaml"))]
    return packs.resolve(pack_id, packs.catalog([*sources, NATIONAL]))


def error_of(folder: Path, pack_id: str) -> str:
    with pytest.raises(packs.PackError) as info:
        resolve(folder, pack_id)
    return str(info.value)


# --------------------------------------------------------------------------- the national pack


def test_national_pack_is_valid_for_jsonschema_too() -> None:
    """The schema editors use and the built-in validator agree on the national pack."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((rules_dir() / SCHEMA_FILE).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for file in sorted((rules_dir() / "national").glob("*.yaml")):
        data = read_file(file).data
        assert list(validator.iter_errors(data)) == [], file
        assert validate(data, pack_schema()) == [], file


@pytest.mark.parametrize(
    "fragment",
    [
        {"sections": [{"id": "一", "title": "x", "severty": "error"}]},
        {"sections": [{"id": "一", "title": 3}]},
        {"identities": [{"id": "x", "code": "GL2", "table": "三", "per": "diagonal", "lhs": [], "rhs": []}]},
        {"severity": {"GL101": "fatal"}},
        {"tables": "三"},
        {"extends": 3},
        {"contacts": {"shared_area_codes": {"772": ["广西来宾市"]}}},
        {"contacts": {"shared_area_codes": {"0772": "广西来宾市"}}},
    ],
)
def test_builtin_validator_agrees_with_jsonschema(fragment: dict[str, object]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(pack_schema())
    assert list(validator.iter_errors(fragment)), "jsonschema accepts it"
    assert validate(fragment, pack_schema()), "govlint accepts it"


def test_national_examples_all_behave() -> None:
    outcomes = run_examples(packs.resolve("national", packs.catalog([NATIONAL])))
    assert outcomes, "the national pack carries examples"
    assert [o.example.where for o in outcomes if not o.ok] == []
    codes = {o.example.code for o in outcomes}
    assert {"GL109", "GL201", "GL301", "GL501"} <= codes


# --------------------------------------------------------------------------- errors with locations


def test_unknown_key_names_file_line_col(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nextends: national\nsections:\n  - id: 六\n    titel: x\n")
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:5:5: sections[六].titel: 未知键 'titel'")
    assert "unknown key 'titel'" in message


def test_wrong_type(tmp_path: Path) -> None:
    text = "id: county\nextends: national\nsections:\n  - id: 六\n    required: yes-please\n"
    path = write(tmp_path, "county.yaml", text)
    assert error_of(tmp_path, "county").startswith(f"{path}:5:15: sections[六].required: 类型错误")


def test_bad_regex(tmp_path: Path) -> None:
    text = "id: county\nextends: national\nsections:\n  - id: 六\n    statements:\n      - {id: x, pattern: '(open'}\n"
    path = write(tmp_path, "county.yaml", text)
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:6:26: sections[六].statements[x].pattern: 正则表达式无效")
    assert "invalid regular expression: missing )" in message


def test_huge_regex_is_refused(tmp_path: Path) -> None:
    pattern = "(a|b)" * 1000
    write(tmp_path, "county.yaml", f"id: county\nextends: national\nsections:\n  - id: 六\n    statements:\n"
                                   f"      - id: x\n        pattern: '{pattern}'\n")
    assert "too long (5000 characters, at most 2000)" in error_of(tmp_path, "county")


def test_unquoted_area_code_is_named_at_its_key(tmp_path: Path) -> None:
    """YAML reads an unquoted 0772 as the number 772: the error says so, at the key."""
    text = "id: county\nextends: national\ncontacts:\n  shared_area_codes:\n    0772: [广西来宾市]\n"
    path = write(tmp_path, "county.yaml", text)
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:5:5: contacts.shared_area_codes[772]: 类型错误：应为字符串，实为 integer 772")
    write(tmp_path, "county.yaml", text.replace("0772", '"0772"'))
    assert resolve(tmp_path, "county").data["contacts"]["shared_area_codes"]["0772"][-1] == "广西来宾市"


def test_reference_to_unknown_row_after_extends(tmp_path: Path) -> None:
    text = ("id: county\nextends: national\nidentities:\n  - id: county-sum\n    code: GL201\n    table: 三\n"
            "    per: column\n    lhs: [一]\n    rhs: [（一）, （九）]\n")
    path = write(tmp_path, "county.yaml", text)
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:9:16: identities[county-sum].rhs[1]: 引用了不存在的行 '（九）'")


def test_reference_to_unknown_table_and_section(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: national\nidentities:\n  - {id: z, code: GL201, table: 九, per: row, "
                              "lhs: [x], rhs: [y]}\n")
    assert "refers to unknown table '九'" in error_of(tmp_path, "a")
    write(tmp_path, "b.yaml", "id: b\nextends: national\ntables:\n  - {id: 二, section: 七}\n")
    assert "refers to unknown section '七'" in error_of(tmp_path, "b")


def test_missing_required_key_in_a_new_entry(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nextends: national\nsections:\n  - id: 七\n    required: true\n")
    assert error_of(tmp_path, "county").startswith(f"{path}:4:5: sections[七]: 缺少必需的键 'title'")


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nsections: [\n")
    with pytest.raises(packs.PackError) as info:
        packs.read_pack(packs.PackSource(path, "test"))
    assert str(info.value).startswith(f"{path}:3:1: YAML 语法错误")


def test_unknown_base(tmp_path: Path) -> None:
    path = write(tmp_path, "county.yaml", "id: county\nextends: [national, nowhere]\n")
    message = error_of(tmp_path, "county")
    assert message.startswith(f"{path}:2:10: 找不到规则包 'nowhere'")


def test_dropping_an_unknown_entry_is_an_error(tmp_path: Path) -> None:
    text = "id: county\nextends: national\nidentities:\n  - id: row-totl\n    drop: true\n"
    path = write(tmp_path, "county.yaml", text)
    assert error_of(tmp_path, "county").startswith(
        f"{path}:4:9: identities[row-totl].id: drop: 基础规则包中没有 id 'row-totl'")


# --------------------------------------------------------------------------- hostile packs


def test_extends_cycle_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: b\n")
    write(tmp_path, "b.yaml", "id: b\nextends: [national, a]\n")
    assert "extends cycle: a -> b -> a" in error_of(tmp_path, "a")


def test_deep_extends_chain_is_refused(tmp_path: Path) -> None:
    for i in range(20):
        write(tmp_path, f"p{i}.yaml", f"id: p{i}\nextends: p{i + 1}\n")
    write(tmp_path, "p20.yaml", "id: p20\nextends: national\n")
    assert f"extends chain deeper than {MAX_EXTENDS_DEPTH}" in error_of(tmp_path, "p0")


def test_diamond_extends_is_built_once(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "id: a\nextends: [b, c]\n")
    write(tmp_path, "b.yaml", "id: b\nextends: national\n")
    write(tmp_path, "c.yaml", "id: c\nextends: national\n")
    assert resolve(tmp_path, "a").chain == ("national", "b", "c", "a")


def test_anchor_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["id: bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = write(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    with pytest.raises(packs.PackError, match="alias bomb"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "deep.yaml", "id: deep\nsections: " + "[" * 200 + "]" * 200 + "\n")
    with pytest.raises(packs.PackError, match="nested"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.yaml", "id: big\n# " + "x" * MAX_FILE_BYTES + "\n")
    with pytest.raises(packs.PackError, match="file too large"):
        packs.read_pack(packs.PackSource(path, "test"))


def test_python_tags_do_not_execute(tmp_path: Path) -> None:
    path = write(tmp_path, "evil.yaml", "id: evil\ntitle: !!python/object/apply:os.system ['touch pwned']\n")
    with pytest.raises(packs.PackError):
        packs.read_pack(packs.PackSource(path, "test"))
    assert not Path("pwned").exists()


def test_broken_pack_is_a_usage_error_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "county.yaml", "id: county\nextends: national\nsections:\n  - id: 六\n    titel: x\n")
    write(tmp_path, "govlint.yaml", "pack: county\npacks: [county.yaml]\n")
    report = write(tmp_path, "r.md", (FIXTURES / "clean-minimal.md").read_text("utf-8"))
    assert main(["check", str(report)]) == 2
    err = capsys.readouterr().err
    assert "county.yaml:5:5: sections[六].titel: 未知键 'titel'" in err
    assert "Traceback" not in err


# --------------------------------------------------------------------------- extends semantics


COUNTY = """\
id: county
version: "1"
title: 测试县
extends: national
severity: {GL405: error}
disable: [GL5]
sections:
  - id: 六
    statements:
      - id: fee
        severity: error
      - id: hotline
        code: GL110
        pattern: '12345'
        message: {zh: 须报告12345热线, en: must report the 12345 hotline}
identities:
  - id: litigation-after-review-total
    drop: true
contacts:
  fields:
    - id: postcode
      level: required
"""


def test_extending_pack_adds_changes_drops_and_tightens(tmp_path: Path) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    pack = resolve(tmp_path, "county")
    assert (pack.id, pack.version, pack.chain) == ("county", "1", ("national", "county"))
    six = next(s for s in pack.data["sections"] if s["id"] == "六")
    assert [(s["id"], s.get("severity"), s.get("code")) for s in six["statements"]] == [
        ("fee", "error", "GL109"), ("hotline", None, "GL110")]
    assert "litigation-after-review-total" not in [i["id"] for i in pack.data["identities"]]
    assert len(pack.data["identities"]) == 5
    postcode = next(f for f in pack.data["contacts"]["fields"] if f["id"] == "postcode")
    assert (postcode["level"], postcode["kind"]) == ("required", "postcode")


def test_pack_severity_and_disable_are_applied(tmp_path: Path) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    text = (FIXTURES / "GL109" / "fires.md").read_text("utf-8").replace("邮编：", "邮编：99").replace("。。", "。")
    engine = Engine(Settings(pack="county", packs=(str(tmp_path / "county.yaml"),)))
    found = [(d.code, d.severity) for d in engine.lint_text("r.md", text).diagnostics]
    assert ("GL109", "error") in found and ("GL110", "warning") in found
    assert not [c for c, _ in found if c.startswith("GL5")]
    # the configuration overrides the pack
    engine = Engine(Settings(pack="county", packs=(str(tmp_path / "county.yaml"),), severity=(("GL109", "info"),)))
    assert ("GL109", "info") in [(d.code, d.severity) for d in engine.lint_text("r.md", text).diagnostics]


# --------------------------------------------------------------------------- commands


def test_pack_list_shows_origin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "county.yaml", COUNTY)
    write(tmp_path, "govlint.yaml", "packs: [county.yaml]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["pack", "list", "--format", "json"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["national"]["origin"] == "govlint"
    assert rows["county"]["origin"] == f"configuration {tmp_path / 'govlint.yaml'}"
    assert rows["county"]["extends"] == ["national"]


def test_pack_show_prints_the_resolved_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "county.yaml", COUNTY)
    assert main(["pack", "show", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["chain"] == ["national", "county"]
    assert [s["id"] for s in doc["sections"]] == ["一", "二", "三", "四", "五", "六"]


def test_pack_test_fails_on_a_misbehaving_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = COUNTY.replace("        message: {zh: 须报告12345热线", "        examples:\n"
                          "          fires: ['六、其他需要报告的事项\\n\\n12345热线受理10件。']\n"
                          "          passes: ['六、其他需要报告的事项\\n\\n12345热线受理10件。']\n"
                          "        message: {zh: 须报告12345热线")
    path = write(tmp_path, "county.yaml", text)
    assert main(["pack", "test", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL GL110 sections[六].statements[hotline] [应触发 / must fire]" in out
    assert out.rstrip().endswith(" passed, 1 failed")


def test_pack_test_on_unknown_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "test", "nowhere"]) == 2
    assert "unknown pack 'nowhere'" in capsys.readouterr().err
