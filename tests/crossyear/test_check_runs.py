"""``govlint check`` pairing reports across years: over a folder, in a repository, with
``--jobs``, ``--cache``, ``--fix`` and the configuration's ``previous``; the batch keeps the facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossyear.years import FIRST, SECOND, copying, git, report, write
from govlint.batch import cache_for, lint_files
from govlint.commands import main
from govlint.engine import Engine
from govlint.model import FileResult, Report, Source

#: One organ over three years: 2022 a clean pair with 2021 (a fifth of its prose reused),
#: 2023 carrying 1 application in where 2022 carried 2 out, and copying 80 % of 2022's prose.
PINGLUO = {
    "reports/2021/平罗县.md": report(2021, FIRST, rules=(4, 1, 27), carried_out=1),
    "reports/2022/平罗县.md": report(2022, copying(2, FIRST, SECOND), rules=(5, 2, 30), carried_out=2),
    "reports/2023/平罗县.md": report(2023, copying(8, copying(2, FIRST, SECOND), FIRST), rules=(3, 0, 33)),
}
#: A second organ in the same folders: a clean pair of its own.
HUINONG = {
    "reports/2022/惠农区.md": report(2022, FIRST, organ="惠农区", rules=(4, 1, 27)),
    "reports/2023/惠农区.md": report(2023, SECOND, organ="惠农区"),
}


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, str, int]]]:
    """Exit code and (file, code, line) of each GL6 finding of ``govlint check --select GL6``."""
    code = main(["check", "--select", "GL6", "--format", "json", *args])
    out = json.loads(capsys.readouterr().out)
    return code, [(f["path"], d["code"], d["line"]) for f in out["files"] for d in f["diagnostics"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write(tmp_path, {**PINGLUO, **HUINONG})


def test_a_folder_pairs_each_report_with_its_organs_year_before(capsys: pytest.CaptureFixture[str],
                                                                 repo: Path) -> None:
    code, got = findings(capsys, "reports")
    assert code == 1
    assert got == [("reports/2023/平罗县.md", "GL603", 9), ("reports/2023/平罗县.md", "GL601", 48)]


def test_in_a_repository_a_report_checked_alone_finds_last_years_beside_it(capsys: pytest.CaptureFixture[str],
                                                                            repo: Path) -> None:
    """As pre-commit runs it: only the changed report is passed."""
    assert findings(capsys, "reports/2023/平罗县.md") == (0, [])  # no repository: the files checked only
    git(repo, "init", "-q")
    code, got = findings(capsys, "reports/2023/平罗县.md")
    assert code == 1 and got == [("reports/2023/平罗县.md", "GL603", 9), ("reports/2023/平罗县.md", "GL601", 48)]
    main(["check", "--select", "GL601", "reports/2023/平罗县.md"])
    assert "上年报告（reports/2022/平罗县.md）" in capsys.readouterr().out


def test_jobs_give_what_one_process_gives(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    """Enough organs for two workers; pairs far apart in the run still come back in order."""
    write(repo, {f"reports/{year}/{name}.md": report(year, FIRST if year == 2022 else copying(9), organ=name)
                 for name in ("石嘴山市", "大武口区", "惠农县", "贺兰县") for year in (2022, 2023)})
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", "--jobs", jobs, "--format", "json", "reports"]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    files = json.loads(outputs[0])["files"]
    copied = sorted(f["path"] for f in files if any(d["code"] == "GL603" for d in f["diagnostics"]))
    assert copied == ["reports/2023/大武口区.md", "reports/2023/平罗县.md", "reports/2023/惠农县.md",
                      "reports/2023/石嘴山市.md", "reports/2023/贺兰县.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_last_years_report_checked_in_the_same_run_is_read_once(
    capsys: pytest.CaptureFixture[str], repo: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """Its aligned Report serves its own lint and next year's: never read again."""
    write(repo, {f"reports/{year}/{name}{year}.md": report(year, organ=name)
                 for name in ("石嘴山市", "大武口区", "贺兰县") for year in (2022, 2023)})

    def read_again(*args: object) -> None:
        raise AssertionError("last year's report read again")

    monkeypatch.setattr("govlint.crossyear.pairing.read_previous", read_again)
    assert main(["check", "--jobs", jobs, "--select", "GL6", "-q", "reports"]) == 1
    assert capsys.readouterr().out.count("GL603") == 4  # the three, and 平罗县 2023


def test_ignoring_the_cross_year_rules_pairs_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def no_pairing(*args: object) -> None:
        raise AssertionError("paired with the cross-year rules off")

    monkeypatch.setattr("govlint.crossyear.Index.__init__", no_pairing)
    assert main(["check", "--ignore", "GL6", "-q", "reports"]) == 0
    capsys.readouterr()


def test_a_report_without_last_years_says_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"reports/2023/平罗县.md": PINGLUO["reports/2023/平罗县.md"]})
    git(tmp_path, "init", "-q")
    assert findings(capsys, "reports") == (0, [])


def test_the_configuration_names_last_years_report(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A renamed organ: titles cannot pair the two; ``previous`` does."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {
        "reports/old.md": report(2022, FIRST, organ="平罗县经济和信息化局", carried_out=2),
        "reports/new.md": report(2023, copying(8), organ="平罗县发展和改革局", carried_in=1, rules=(0, 0, 30)),
    })
    assert findings(capsys, "reports") == (0, [])
    write(tmp_path, {"govlint.yaml": "previous:\n  reports/new.md: reports/old.md\n"})
    from govlint.config import clear_caches

    clear_caches()
    assert findings(capsys, "reports") == (1, [("reports/new.md", "GL603", 9), ("reports/new.md", "GL601", 48)])


def test_fix_reports_the_cross_year_findings_too(capsys: pytest.CaptureFixture[str], repo: Path) -> None:
    this_year = repo / "reports/2023/平罗县.md"
    this_year.write_text(this_year.read_text(encoding="utf-8").replace("推进政务公开。", "推进政务公开。。"),
                         encoding="utf-8")
    assert main(["check", "--fix", "--select", "GL5,GL6", "reports/2023/平罗县.md", "reports/2022/平罗县.md"]) == 1
    out = capsys.readouterr().out
    assert "GL501" not in out and "GL601" in out and "GL603" in out
    assert "推进政务公开。。" not in this_year.read_text(encoding="utf-8")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = Engine.lint_report

    def counting(self: Engine, source: Source, report: Report | None, previous: Report | None = None) -> FileResult:
        seen.append(source.path)
        return original(self, source, report, previous)

    monkeypatch.setattr(Engine, "lint_report", counting)
    return seen


def test_the_cache_key_holds_last_years_report(capsys: pytest.CaptureFixture[str], repo: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    argv = ["check", "--jobs", "1", "--cache", "--select", "GL6", "-q", "reports/2023/平罗县.md",
            "reports/2022/平罗县.md"]
    seen = _counting(monkeypatch)
    assert main(argv) == 1
    first = capsys.readouterr().out
    assert main(argv) == 1  # unchanged: nothing linted again, the same findings
    assert seen == ["reports/2022/平罗县.md", "reports/2023/平罗县.md"]  # last year's first, aligned once
    assert capsys.readouterr().out == first and "GL601" in first
    last_year = repo / "reports/2022/平罗县.md"  # last year's corrected: this year's result changes
    last_year.write_text(report(2022, copying(2, FIRST, SECOND), rules=(5, 2, 30), carried_out=1), encoding="utf-8")
    seen.clear()
    assert main(argv) == 1
    assert seen == ["reports/2022/平罗县.md", "reports/2023/平罗县.md"]
    assert "GL601" not in capsys.readouterr().out


def test_the_batch_and_its_cache_keep_the_facts(engine: Engine, repo: Path) -> None:
    from govlint.commands.check import _pairs
    from govlint.routing import Router

    paths = sorted(str(p.relative_to(repo)) for p in repo.rglob("*.md"))
    pairs = _pairs(Router(), paths, 1)
    cache = cache_for(engine, repo / ".cache")
    linted = lint_files(engine, paths, jobs=1, cache=cache, pairs=pairs)
    cached = lint_files(engine, paths, jobs=1, cache=cache, pairs=pairs)
    facts = {r.path: r.facts for r in linted}
    assert facts == {r.path: r.facts for r in cached}
    this_year = facts["reports/2023/平罗县.md"]
    assert this_year is not None and this_year.previous == "reports/2022/平罗县.md"
    assert this_year.copied is not None and this_year.copied > 0.7
    first = facts["reports/2021/平罗县.md"]
    assert first is not None and (first.organ, first.year, first.previous, first.copied) == ("平罗县", 2021, None, None)
