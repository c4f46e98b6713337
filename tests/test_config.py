"""Configuration: discovery, extends, per-file overrides, errors, and a report repository end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint import config
from govlint.commands import main
from govlint.config import ConfigError, Overrides, resolve_for, settings_for

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CLEAN = (FIXTURES / "clean-minimal.md").read_text("utf-8")


@pytest.fixture(autouse=True)
def fresh() -> None:
    config.clear_caches()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- discovery


def test_no_configuration_gives_defaults(tmp_path: Path) -> None:
    fc = resolve_for(tmp_path / "r.md")
    assert (fc.settings.pack, fc.settings.select, fc.fail_level, fc.config.files) == ("national", (), "warning", ())


def test_nearest_file_wins(tmp_path: Path) -> None:
    write(tmp_path / "govlint.yaml", "ignore: [GL5]\nlang: en\n")
    write(tmp_path / "a" / "b" / "govlint.yaml", "ignore: [GL3]\n")
    assert settings_for(tmp_path / "a" / "b" / "c" / "r.md").ignore == ("GL3",)
    assert settings_for(tmp_path / "a" / "b" / "c" / "r.md").lang == "zh"  # no inheritance without extends
    assert settings_for(tmp_path / "a" / "r.md").ignore == ("GL5",)


def test_pyproject_tool_section(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.govlint]\nselect = ["GL1", "gl2"]\nreport_year = 2023\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.govlint]: skipped
    s = settings_for(tmp_path / "sub" / "r.md")
    assert (s.select, s.report_year) == (("GL1", "GL2"), 2023)


def test_extends_inherits_and_overrides(tmp_path: Path) -> None:
    write(tmp_path / "base.yaml", "severity: {GL109: error}\nignore: [GL5]\nfail-level: error\n"
                                  "per-file: {'*.txt': {ignore: [GL1]}}\n")
    write(tmp_path / "repo" / "govlint.yaml", "extends: ../base.yaml\nignore: [GL4]\n"
                                              "per-file: {'drafts/**': {select: [GL2]}}\n")
    fc = resolve_for(tmp_path / "repo" / "drafts" / "r.txt")
    assert fc.settings.ignore == ("GL4", "GL1")
    assert fc.settings.select == ("GL2",)
    assert fc.settings.severity == (("GL109", "error"),)
    assert fc.fail_level == "error"
    assert fc.config.files == (tmp_path / "repo" / "govlint.yaml", tmp_path / "base.yaml")


def test_extends_cycle(tmp_path: Path) -> None:
    write(tmp_path / "a.yaml", "extends: b.yaml\n")
    write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(ConfigError, match="extends cycle"):
        config.load_config(tmp_path / "a.yaml")


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    write(tmp_path / "govlint.yaml", "select: [GL1]\npack: county\nfail-level: error\nreport-year: 2022\n")
    fc = resolve_for(tmp_path / "r.md", Overrides(select=("GL2",), pack="national", fail_level="info",
                                                  report_year=2023))
    assert (fc.settings.select, fc.settings.pack, fc.fail_level, fc.settings.report_year) == (
        ("GL2",), "national", "info", 2023)


@pytest.mark.parametrize(
    ("glob", "path", "hit"),
    [
        ("drafts", "drafts/x/r.md", True),
        ("drafts/", "a/drafts/r.md", True),
        ("*.txt", "a/b/r.txt", True),
        ("reports/*.md", "reports/r.md", True),
        ("reports/*.md", "reports/2023/r.md", False),
        ("reports/**/*.md", "reports/2023/q4/r.md", True),
        ("reports/**/*.md", "reports/r.md", True),
        ("/old", "old/r.md", True),
        ("/old", "x/old/r.md", False),
    ],
)
def test_globs(tmp_path: Path, glob: str, path: str, hit: bool) -> None:
    assert config.matches(tmp_path, glob, tmp_path / path) is hit


# --------------------------------------------------------------------------- errors


def test_unknown_key_has_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "govlint.yaml", "select: [GL1]\nignroe: [GL5]\n")
    with pytest.raises(ConfigError) as info:
        settings_for(tmp_path / "r.md")
    assert str(info.value).startswith(f"{path}:2:1: ignroe: 未知配置项 'ignroe'")


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("fail-level: fatal\n", "1:13: fail-level", "invalid value 'fatal'"),
        ("select: [GL1, 'x y']\n", "1:15: select.1", "not a rule code 'x y'"),
        ("severity: {GL101: loud}\n", "1:19: severity.GL101", "invalid value 'loud'"),
        ("severity: {'G 1': info}\n", "1:12: severity.G 1", "not a rule code 'G 1'"),
        ("report-year: twenty\n", "1:14: report-year", "expected a year"),
        ("per-file: {'*.md': {ignor: [GL1]}}\n", "1:21: per-file.*.md.ignor", "unknown setting 'ignor'"),
        ("packs: 3\n", "1:8: packs", "expected a list of strings"),
    ],
)
def test_bad_values(tmp_path: Path, text: str, where: str, what: str) -> None:
    path = write(tmp_path / "govlint.yaml", text)
    with pytest.raises(ConfigError) as info:
        settings_for(tmp_path / "r.md")
    assert str(info.value).startswith(f"{path}:{where}:"), str(info.value)
    assert what in str(info.value)


def test_toml_error_names_the_key(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.govlint]\nlang = "fr"\n')
    with pytest.raises(ConfigError) as info:
        settings_for(tmp_path / "r.md")
    assert str(info.value).startswith(f"{path}: [tool.govlint] lang: ")


def test_broken_configuration_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "govlint.yaml", "select: [GL1\n")
    report = write(tmp_path / "r.md", CLEAN)
    assert main(["check", str(report)]) == 2
    err = capsys.readouterr().err
    assert "govlint.yaml:2:1: YAML 语法错误" in err and "Traceback" not in err


# --------------------------------------------------------------------------- unknown codes


def refused(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What ``govlint check`` says, exiting 2, when it refuses its configuration or options."""
    assert main(["check", *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1, err
    return err


GL2O1 = "未知的规则代码 'GL2O1'（是否为 GL201？）/ unknown rule code 'GL2O1' (did you mean GL201?)"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("select: [GL1, GL2O1]\n", "1:15: select.1"),
        ("ignore: GL2O1\n", "1:9: ignore"),
        ("severity: {GL101: info, gl2o1: error}\n", "1:25: severity.gl2o1"),
        ("per-file:\n  '*.txt': {ignore: [GL2O1]}\n", "2:22: per-file.*.txt.ignore.0"),  # matches no file here
        ("per-file:\n  '*.md':\n    severity: {GL2O1: info}\n", "3:16: per-file.*.md.severity.GL2O1"),
    ],
)
def test_unknown_code_in_the_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str,
                                           where: str) -> None:
    path = write(tmp_path / "govlint.yaml", text)
    report = write(tmp_path / "r.md", CLEAN)
    assert refused(capsys, str(report)) == f"govlint: {path}:{where}: {GL2O1}\n"


def test_unknown_code_in_an_extended_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = write(tmp_path / "base.yaml", "fail-level: error\nignore: [GL9]\n")
    write(tmp_path / "repo" / "govlint.yaml", "extends: ../base.yaml\n")
    report = write(tmp_path / "repo" / "r.md", CLEAN)
    assert refused(capsys, str(report)) == (
        f"govlint: {base}:2:10: ignore.0: 未知的规则代码 'GL9'（是否为 GL109？）/ "
        "unknown rule code 'GL9' (did you mean GL109?)\n")


def test_unknown_code_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "pyproject.toml", '[tool.govlint]\nignore = ["GL5", "row-total"]\n')
    report = write(tmp_path / "r.md", CLEAN)
    assert refused(capsys, str(report)) == (
        f"govlint: {path}: [tool.govlint] ignore.1: 未知的规则代码 'ROW-TOTAL'（是否为 GL201？）/ "
        "unknown rule code 'ROW-TOTAL' (did you mean GL201?)\n")


def test_prefixes_all_and_internal_codes_are_accepted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "govlint.yaml", "select: [ALL]\nignore: [GL, gl2, GL20, GL201, GL900]\n"
                                     "severity: {GL5: error}\nper-file: {'*.md': {ignore: [GL001]}}\n")
    report = write(tmp_path / "r.md", CLEAN)
    assert main(["check", str(report), "--select", "GL1,ALL", "--ignore", "gl900"]) == 0


def test_config_command_refuses_an_unknown_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "govlint.yaml", "select: [GL1, GL2O1]\n")
    assert main(["config", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"govlint: {path}:1:15: select.1: {GL2O1}\n"


# --------------------------------------------------------------------------- a report repository


COUNTY_PACK = """\
id: county
version: "1"
title: 某县
extends: national
sections:
  - id: 六
    statements:
      - id: hotline
        code: GL110
        pattern: '12345'
        message: {zh: 第六部分须报告12345热线, en: section 六 must report the 12345 hotline}
contacts:
  fields:
    - {id: postcode, level: required}
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A county's report repository: configuration, a local pack, reports in folders."""
    write(tmp_path / "govlint.yaml", "pack: county\npacks: [packs/county.yaml]\nseverity: {GL109: error}\n"
                                     "fail-level: error\nexclude: [drafts]\n"
                                     "per-file:\n  'reports/2022/*.md': {ignore: [GL110], report-year: 2023}\n")
    write(tmp_path / "packs" / "county.yaml", COUNTY_PACK)
    no_fee = CLEAN.replace("本机关2023年未收取信息处理费。", "无。")
    write(tmp_path / "reports" / "2023" / "a.md", no_fee.replace("邮编：753400；", ""))
    untitled = CLEAN.replace("# 平罗县2023年政府信息公开工作年度报告", "# 平罗县政府信息公开工作年度报告")
    write(tmp_path / "reports" / "2022" / "b.md", untitled.replace("12345", "67890"))
    write(tmp_path / "reports" / "drafts" / "c.md", "草稿")
    write(tmp_path / "towns" / "govlint.yaml", "extends: ../govlint.yaml\nignore: [GL4]\n")
    write(tmp_path / "towns" / "d.md", no_fee)
    return tmp_path


def diagnostics(capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str, str]]:
    data = json.loads(capsys.readouterr().out)
    return [(f["path"], d["line"], d["code"], d["severity"]) for f in data["files"] for d in f["diagnostics"]]


def test_repository_end_to_end(repo: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert "12345" in CLEAN and "本机关2023年未收取信息处理费。" in CLEAN
    assert main(["check", ".", "--format", "json"]) == 1
    line = CLEAN.splitlines().index("本机关2023年未收取信息处理费。") + 1
    assert diagnostics(capsys) == [
        ("reports/2023/a.md", 3, "GL401", "warning"),  # 邮编 required by the county pack
        ("reports/2023/a.md", line, "GL109", "error"),  # severity raised by the configuration
        ("reports/2023/a.md", line, "GL110", "warning"),  # the county pack's own statement
        # b.md: no 12345, but GL110 is ignored for reports/2022, and its year comes from
        # the configuration; drafts/ is excluded
        ("towns/d.md", line, "GL109", "error"),  # towns/ extends the root configuration, ignores GL4
        ("towns/d.md", line, "GL110", "warning"),
    ]


def test_repository_command_line_and_explicit_files(repo: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    # an excluded file named on the command line is checked; --select overrides the file
    assert main(["check", "reports/drafts/c.md", "reports/2022/b.md", "--select", "GL110", "--format", "json"]) == 0
    assert diagnostics(capsys) == []
    # warnings only: below the configured fail level (error), so exit 0
    assert main(["check", "towns/d.md", "--ignore", "GL109", "--format", "json"]) == 0
    assert [d[2] for d in diagnostics(capsys)] == ["GL110"]


def test_config_command(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo)
    assert main(["config", "reports/2022/b.md", "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["config-files"] == [str(repo / "govlint.yaml")]
    assert (shown["pack"], shown["ignore"], shown["report-year"], shown["fail-level"]) == (
        "county", ["GL110"], 2023, "error")
    assert shown["packs"] == [str(repo / "packs" / "county.yaml")]
    assert main(["config", "towns/d.md", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["config-files"] == [
        str(repo / "towns" / "govlint.yaml"), str(repo / "govlint.yaml")]
