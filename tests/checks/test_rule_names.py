"""One name per rule: each registered rule has its own code and kebab-case name, each
``checks/<family>/glNNN_<name>.py`` module declares code GLNNN and name ``<name>`` (ruff's
convention), and every output names a finding by its rule's name — the pack entry that
fired, where a rule has several, is the finding's ``entry``, never a second name."""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from govlint import packs
from govlint.engine import Engine, Settings
from govlint.model import Check, Context, FileResult, OutputOptions
from govlint.output import json_format, sarif

KEBAB = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MODULES = sorted((ROOT / "govlint" / "checks").glob("*/gl[0-9][0-9][0-9]_*.py"))
REPORTS = sorted(p for p in [*(FIXTURES / "reports").iterdir(), *(ROOT / "examples").rglob("*.md")] if p.is_file())

#: The rules whose findings name the pack entry that fired, and where the entries are.
ENTRIES = {
    "GL109": "sections[].statements[].id",
    "GL201": "identities[].id",
    "GL202": "identities[].id",
    "GL203": "identities[].id",
    "GL204": "identities[].id",
    "GL206": "prose.rates[].id (a rate; a share beside a listed part has none)",
    "GL207": "prose.mentions[].id",
    "GL301": "references.patterns[].id",
    "GL302": "references.patterns[].id, references.layout_2019_rows[].id",
    "GL303": "references.patterns[].id",
    "GL304": "references.patterns[].id",
    "GL401": "contacts.fields[].id",
}


def by_code(engine: Engine) -> dict[str, Check]:
    return {c.code: c for c in engine.all_checks}


def test_codes_and_names_are_unique_and_names_kebab_case(engine: Engine) -> None:
    codes = [c.code for c in engine.all_checks]
    names = [c.name for c in engine.all_checks]
    assert len(set(codes)) == len(codes), codes
    assert len(set(names)) == len(names), names
    assert [n for n in names if not KEBAB.fullmatch(n)] == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.stem)
def test_a_rule_module_declares_its_own_code_and_name(engine: Engine, path: Path) -> None:
    module = importlib.import_module(f"govlint.checks.{path.parent.name}.{path.stem}")
    number, _, name = path.stem.partition("_")
    assert (module.CHECK.code, module.CHECK.name) == (number.upper(), name.replace("_", "-"))
    assert module.CHECK in engine.all_checks  # and its family registers it


def test_every_rule_lives_in_its_own_module(engine: Engine) -> None:
    """A rule's run is in its ``glNNN_*`` module; the table identities (GL201–GL204) are one
    module evaluating the pack's ``identities``, one rule per code."""
    for check in engine.all_checks:
        module = check.run.__module__.rpartition(".")[2]
        assert module.startswith(check.code.lower() + "_") or module == "table_identities", (check.code, module)


def test_every_rule_has_its_own_test_file(engine: Engine) -> None:
    """``tests/checks/<family>/test_glNNN_<name>.py`` beside the rule's module (GL201–GL204,
    whose module is table_identities, under identities/)."""
    tests = ROOT / "tests" / "checks"
    for check in engine.all_checks:
        module = check.run.__module__.split(".")
        family = module[2]  # govlint.checks.<family>.<module>
        name = f"test_{check.code.lower()}_{check.name.replace('-', '_')}.py"
        assert (tests / family / name).is_file(), (check.code, f"tests/checks/{family}/{name}")


def test_every_rule_has_docs_in_both_languages(engine: Engine) -> None:
    for check in engine.all_checks:
        assert check.summary.zh and check.summary.en, check.code
        for heading in ("检查什么", "为什么", "触发示例", "通过示例", "如何修复"):
            assert heading in check.doc, (check.code, heading)


def test_the_national_packs_codes_are_all_rules(engine: Engine) -> None:
    """The national pack gives no entry a code of its own: each code it names is a rule's."""
    assert packs.codes(engine.pack.data) <= set(by_code(engine))


def test_every_finding_carries_its_rules_name(engine: Engine) -> None:
    checks = by_code(engine)
    results = [engine.lint_path(str(p)) for p in REPORTS]
    found = [d for r in results for d in r.diagnostics]
    assert {d.code for d in found} >= {"GL201", "GL203", "GL301", "GL302", "GL401"}  # entries among them
    for d in found:
        assert d.rule == checks[d.code].name, d
        assert bool(d.entry) <= (d.code in ENTRIES), d
        if d.code in ("GL201", "GL203", "GL301", "GL302", "GL401"):
            assert d.entry, d


def rendered(engine: Engine, results: list[FileResult]) -> tuple[list[dict[str, object]], dict[str, str]]:
    """The JSON diagnostics and the SARIF rule names (by id) of ``results``."""
    ctx = Context("en", OutputOptions(checks=tuple(engine.all_checks)))
    diags = [d for f in json.loads(json_format.render(results, ctx))["files"] for d in f["diagnostics"]]
    run = json.loads(sarif.render(results, ctx))["runs"][0]
    return diags, {rule["id"]: rule["name"] for rule in run["tool"]["driver"]["rules"]}


def test_json_statistics_and_sarif_name_a_rule_as_govlint_rules_does(engine: Engine) -> None:
    results = [engine.lint_path(str(p)) for p in REPORTS]
    diags, sarif_names = rendered(engine, results)
    names = {c.code: c.name for c in engine.all_checks}
    assert {d["code"]: d["rule"] for d in diags}.items() <= names.items()
    statistics = json.loads(json_format.render_statistics(results, Context("en")))["statistics"]
    assert {row["code"]: row["rule"] for row in statistics}.items() <= names.items()
    assert sarif_names == names
    assert all(d["entry"] for d in diags if "entry" in d)  # present only when there is one
    row_total = next(d for d in diags if d["code"] == "GL201")
    assert (row_total["rule"], row_total["entry"]) == ("table-row-total", "row-total")
    assert not any("entry" in d for d in diags if d["code"] == "GL101")


COUNTY = """\
id: county
version: "1"
title: 某县要求
extends: national
sections:
  - id: 六
    statements:
      - id: hotline-12345
        code: GL110
        severity: error
        pattern: '12345[^。\\n]{0,40}?\\d+\\s*件'
        message: {zh: 第六部分须报告12345热线的办理数字, en: section 六 must report the 12345 hotline figures}
"""


def test_a_pack_only_code_is_reported_as_the_rule_that_reports_it(tmp_path: Path) -> None:
    """A province's statement with a code of its own (GL110, docs/packs.md) is found by
    GL109: its findings carry that code, GL109's one name and the statement as ``entry``;
    SARIF describes GL110 as that rule; the code selects and ignores like any other."""
    (tmp_path / "county.yaml").write_text(COUNTY, "utf-8")
    text = (FIXTURES / "clean-minimal.md").read_text("utf-8")

    def lint(**settings: tuple[str, ...]) -> tuple[Engine, FileResult]:
        engine = Engine(Settings(pack="county", packs=(str(tmp_path / "county.yaml"),), **settings))
        return engine, engine.lint_text("report.md", text)

    engine, result = lint()
    (d,) = result.diagnostics
    assert (d.code, d.rule, d.entry, d.severity) == ("GL110", "required-statement", "hotline-12345", "error")
    diags, sarif_names = rendered(engine, [result])
    assert (diags[0]["rule"], diags[0]["entry"]) == ("required-statement", "hotline-12345")
    assert sarif_names["GL110"] == sarif_names["GL109"] == "required-statement"
    assert [d.code for d in lint(select=("GL110",))[1].diagnostics] == ["GL110"]
    assert lint(ignore=("GL110",))[1].diagnostics == ()
    assert lint(select=("GL109",))[1].diagnostics == ()  # the national fee statement is there
