"""govlint.packs.schema: the built-in validator agrees with jsonschema; problems named at file:line:col."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.packs.national import rules_dir
from govlint.packs.read import read_file
from govlint.packs.schema import SCHEMA_FILE, pack_schema, validate
from tests.packs.common import error_of, resolve, write


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
