"""govlint.crossyear.pairing: which file is last year's report, among the files checked and
beside them, or as the configuration names it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES

from crossyear.years import SECOND, git, report, write
from govlint.config import Config, load_config
from govlint.crossyear import Index, Pair, Title, pair, pairing, root_of
from govlint.engine import Engine

THREE_YEARS = {
    "reports/2021/平罗县.md": report(2021),
    "reports/2022/平罗县.md": report(2022, SECOND),
    "reports/2023/平罗县.md": report(2023),
    "reports/2022/惠农区.md": report(2022, organ="惠农区"),
    "reports/2023/惠农区.md": report(2023, organ="惠农区"),
}


def _pair(engine: Engine, path: Path, checked: list[Path], config: Config | None = None) -> Pair | None:
    index = Index(lambda _: engine, [str(p) for p in checked])
    return pair(str(path), index.title(str(path)) or Title("", None), index, config or Config())


def test_each_report_pairs_with_its_own_organs_year_before(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, THREE_YEARS)
    files = sorted(tmp_path.rglob("*.md"))
    found = {p.relative_to(tmp_path).as_posix(): _pair(engine, p, files) for p in files}
    assert {k: Path(v.previous).relative_to(tmp_path).as_posix() if v else None for k, v in found.items()} == {
        "reports/2021/平罗县.md": None,
        "reports/2022/平罗县.md": "reports/2021/平罗县.md",
        "reports/2023/平罗县.md": "reports/2022/平罗县.md",
        "reports/2022/惠农区.md": None,
        "reports/2023/惠农区.md": "reports/2022/惠农区.md",
    }
    assert not any(p.explicit for p in found.values() if p)


def test_two_organs_in_one_folder(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, {"平罗县2022.md": report(2022), "惠农区2022.md": report(2022, organ="惠农区"),
                     "平罗县2023.md": report(2023), "惠农区2023.md": report(2023, organ="惠农区")})
    checked = sorted(tmp_path.iterdir())
    assert Path(_pair(engine, tmp_path / "平罗县2023.md", checked).previous).name == "平罗县2022.md"  # type: ignore[union-attr]
    assert Path(_pair(engine, tmp_path / "惠农区2023.md", checked).previous).name == "惠农区2022.md"  # type: ignore[union-attr]


def test_last_years_report_beside_in_the_repository(engine: Engine, tmp_path: Path) -> None:
    """Only this year's report is checked (pre-commit passes the changed files): last year's
    is found in the git repository; outside one, only in the report's own folder."""
    write(tmp_path, THREE_YEARS)
    this_year = tmp_path / "reports/2023/平罗县.md"
    assert _pair(engine, this_year, [this_year]) is None  # no repository: the files checked only
    git(tmp_path, "init", "-q")
    found = _pair(engine, this_year, [this_year])
    assert found is not None and Path(found.previous) == tmp_path / "reports/2022/平罗县.md"


def test_the_nearer_of_the_configuration_and_the_git_root_bounds_the_search(tmp_path: Path) -> None:
    write(tmp_path, {"a/govlint.yaml": "select: [GL6]\n", "a/b/c/r.md": ""})
    (tmp_path / "a/b/.git").mkdir()
    assert root_of(str(tmp_path / "a/b/c/r.md")) == tmp_path / "a/b"
    shutil.rmtree(tmp_path / "a/b/.git")
    (tmp_path / ".git").mkdir()
    assert root_of(str(tmp_path / "a/b/c/r.md")) == tmp_path / "a"
    assert root_of(str(tmp_path / "x/r.md")) == tmp_path
    shutil.rmtree(tmp_path / ".git")
    assert root_of(str(tmp_path / "x/r.md")) is None


def test_the_same_report_in_two_formats_pairs_with_the_one_of_its_own_kind(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, {"2022/平罗县.txt": report(2022), "2022/平罗县.md": report(2022), "2023/平罗县.md": report(2023)})
    git(tmp_path, "init", "-q")
    this_year = tmp_path / "2023/平罗县.md"
    assert Path(_pair(engine, this_year, [this_year]).previous).name == "平罗县.md"  # type: ignore[union-attr]


def test_the_configuration_names_last_years_report_where_titles_do_not_tell(engine: Engine, tmp_path: Path) -> None:
    """An organ renamed in a reorganisation (机构改革): its titles name two organs."""
    write(tmp_path, {
        "govlint.yaml": "previous:\n  reports/新.md: reports/旧.md\n",
        "reports/旧.md": report(2022, organ="平罗县经济和信息化局"),
        "reports/新.md": report(2023, organ="平罗县发展和改革局"),
    })
    config = load_config(tmp_path / "govlint.yaml")
    new, old = tmp_path / "reports/新.md", tmp_path / "reports/旧.md"
    assert _pair(engine, new, [new, old]) is None  # by the titles, two organs
    found = _pair(engine, new, [new], config)
    assert found is not None and found.explicit and Path(found.previous) == old
    assert _pair(engine, old, [new, old], config) is None


def test_a_malformed_previous_setting_is_a_configuration_error(tmp_path: Path) -> None:
    from govlint.config import ConfigError

    write(tmp_path, {"govlint.yaml": "previous: [reports/旧.md]\n"})
    with pytest.raises(ConfigError, match="previous"):
        load_config(tmp_path / "govlint.yaml")


def test_no_organ_or_no_last_year_no_pair(engine: Engine, tmp_path: Path) -> None:
    write(tmp_path, {"2022.md": report(2022, organ="惠农区"), "2023.md": report(2023),
                     "untitled.md": "本报告没有标题。\n"})
    checked = sorted(tmp_path.iterdir())
    assert _pair(engine, tmp_path / "2023.md", checked) is None
    assert _pair(engine, tmp_path / "untitled.md", checked) is None


def test_a_file_not_to_pair_with_is_no_candidate(engine: Engine, tmp_path: Path) -> None:
    """The engine for a file may say None: excluded by its configuration, for one."""
    write(tmp_path, {"2022.md": report(2022), "2023.md": report(2023)})
    index = Index(lambda path: None if path.endswith("2022.md") else engine, [str(tmp_path / "2023.md")])
    assert pair(str(tmp_path / "2023.md"), Title("平罗县", 2023), index, Config()) is None


def test_titles_of_rendered_files_are_read_in_workers_alike(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """With jobs, the titles of Word, PDF and web-page files (each rendered whole to find it)
    are read in worker processes before any lint, not one after another here: the same titles."""
    files = sorted(str(p) for p in (FIXTURES / "formats").iterdir() if p.suffix in (".docx", ".pdf", ".html", ".htm"))
    here = Index(lambda _: engine, files)
    titles = [here.title(f) for f in files]
    assert sum(t is not None and bool(t.organ) and t.year is not None for t in titles) >= 10
    read_here: list[str] = []
    real = pairing.read_title
    monkeypatch.setattr(pairing, "read_title", lambda e, p: read_here.append(p) or real(e, p))
    there = Index(lambda _: engine, files, jobs=2)
    assert [there.title(f) for f in files] == titles
    assert read_here == []  # every one read in a worker
