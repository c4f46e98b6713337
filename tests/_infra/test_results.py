"""The result cache (``check --cache``): hits, and every invalidation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEEDS, seed_paths

import govlint.batch
from govlint._infra import results as results_module
from govlint._infra.results import Cached, ResultCache
from govlint.batch import cache_for, lint_one
from govlint.commands import main
from govlint.config import clear_caches
from govlint.engine import Engine, Settings
from govlint.model import Diagnostic, Edit, FileResult, Fix, Msg, Source, Span

DIAG = Diagnostic(
    "GL501", "warning", Msg("重复标点“。。”", "doubled 。。"), Span(3, 5), "doubled-punctuation",
    Fix(Msg("删去", "drop"), (Edit(Span(4, 5), ""),), True),
)


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Start-up memos go to a fresh folder, so tests neither see nor leave anything."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path, "salt")
    key = cache.key("a.md", b"text")
    assert cache.get(key) is None
    cache.put(key, [DIAG, DIAG._replace(fix=None, severity="info")])
    assert cache.get(key) == Cached((DIAG, DIAG._replace(fix=None, severity="info")), None)
    assert (tmp_path / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_key_depends_on_content_path_salt_and_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResultCache(tmp_path, "salt")
    key = cache.key("a.md", b"text")
    assert key == ResultCache(tmp_path, "salt").key("a.md", b"text")
    assert key != cache.key("a.md", b"text!")  # content
    assert key != cache.key("a.txt", b"text")  # path chooses the reader
    assert key != ResultCache(tmp_path, "other").key("a.md", b"text")  # pack, plugins, settings
    monkeypatch.setattr(results_module, "__version__", "99.0")
    assert key != ResultCache(tmp_path, "salt").key("a.md", b"text")  # govlint version


@pytest.mark.parametrize("garbage", [b"", b"{", b"[[1, 2]]", b'[["GL1", "fatal", ["a", "b"], [0, 0], "r", null]]'])
def test_a_damaged_entry_is_a_miss(tmp_path: Path, garbage: bytes) -> None:
    cache = ResultCache(tmp_path, "salt")
    key = cache.key("a.md", b"x")
    cache.put(key, [DIAG])
    entry = next((tmp_path / "results").rglob("*.json"))
    entry.write_bytes(garbage)
    assert cache.get(key) is None


def test_an_unwritable_cache_folder_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ResultCache(blocker / "cache", "salt")
    cache.put(cache.key("a.md", b"x"), [DIAG])  # no exception
    assert cache.get(cache.key("a.md", b"x")) is None


def _salt(engine: Engine) -> str:
    return cache_for(engine, Path("unused")).salt


def test_salt_changes_with_pack_version_pack_data_settings_and_config() -> None:
    engine = Engine(Settings())
    base = _salt(engine)
    assert base == _salt(Engine(Settings()))
    bumped = Engine(Settings())
    bumped._pack = engine.pack._replace(version=engine.pack.version + ".1")
    assert _salt(bumped) != base
    edited = Engine(Settings())
    edited._pack = engine.pack._replace(data={**engine.pack.data, "extra": [1]})
    assert _salt(edited) != base
    assert _salt(Engine(Settings(ignore=("GL5",)))) != base
    assert _salt(Engine(Settings(report_year=2020))) != base
    assert cache_for(engine, Path("unused"), config="[tool.govlint]\nignore=['GL5']").salt != base


def test_salt_changes_when_plugin_code_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(Settings())
    before = _salt(engine)
    monkeypatch.setattr(govlint.batch, "code_fingerprint", lambda modules: "edited")
    assert _salt(engine) != before


def _count_lints(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = Engine.lint_source

    def counting(self: Engine, source: Source) -> FileResult:
        seen.append(source.path)
        return original(self, source)

    monkeypatch.setattr(Engine, "lint_source", counting)
    return seen


@pytest.mark.seeds
def test_cli_second_run_lints_nothing_and_says_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in seed_paths()[:3]:
        (reports / seed.name).write_bytes(seed.read_bytes())
    cache_dir = tmp_path / "cache"
    argv = ["check", "--jobs", "1", "--format", "json", "--cache-dir", str(cache_dir), str(reports)]
    seen = _count_lints(monkeypatch)
    first_code = main(argv)
    first = json.loads(capsys.readouterr().out)
    assert len(seen) == 3
    second_code = main(argv)
    assert json.loads(capsys.readouterr().out) == first and second_code == first_code
    assert len(seen) == 3  # nothing linted again
    edited = reports / seed_paths()[0].name
    edited.write_bytes(edited.read_bytes() + "\n补充说明。\n".encode())
    main(argv)
    capsys.readouterr()
    assert seen[3:] == [str(edited)]  # content change: only that file
    main([*argv, "--ignore", "GL5"])
    capsys.readouterr()
    assert len(seen) == 7  # configuration change: everything again


@pytest.mark.seeds
def test_default_cache_folder_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    report = tmp_path / "r.txt"
    report.write_bytes(seed_paths()[0].read_bytes())
    main(["check", "--cache", "r.txt"])
    capsys.readouterr()
    assert list((tmp_path / ".govlint_cache" / "results").rglob("*.json"))


@pytest.mark.seeds
def test_lint_one_uses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    engine = Engine(Settings())
    cache = cache_for(engine, tmp_path)
    seed = str(min(SEEDS.glob("*.txt")))
    first = lint_one(engine, cache, seed)
    seen = _count_lints(monkeypatch)
    again = lint_one(engine, cache, seed)
    assert seen == [] and again.diagnostics == first.diagnostics and again.source == first.source


@pytest.mark.seeds
def test_cli_configuration_file_change_invalidates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(seed_paths()[0].read_bytes())
    argv = ["check", "--jobs", "1", "--cache-dir", str(tmp_path / "cache"), str(report)]
    seen = _count_lints(monkeypatch)
    main(argv)
    main(argv)
    assert len(seen) == 1
    (tmp_path / "govlint.yaml").write_text("ignore: [GL5]\n", encoding="utf-8")
    clear_caches()  # a new process would discover it; this one remembers the folder had none
    main(argv)
    capsys.readouterr()
    assert len(seen) == 2  # the configuration changed what is reported: linted again
