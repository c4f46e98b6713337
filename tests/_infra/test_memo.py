"""The three memos: per lint, per pack, on disk (read at first use, written back at exit)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from govlint._infra import memo as memo_module
from govlint._infra.memo import DiskMemo, library_answer, parsed_file, per_lint, per_pack
from govlint.engine import Engine, Settings
from govlint.model import Context


@pytest.fixture(autouse=True)
def _own_user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Disk memos go to a fresh folder, so tests neither see nor leave anything."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE", raising=False)
    monkeypatch.setattr(memo_module, "_DISK", {})


def test_per_lint_builds_once_per_lint_and_key() -> None:
    calls: list[str] = []

    def build(key: str, ctx: Context) -> str:
        calls.append(key)
        return key.upper()

    ctx = Context("zh", scratch={})
    key = "report"
    assert per_lint(ctx, build, key) == per_lint(ctx, build, key) == "REPORT"
    assert calls == ["report"]
    assert per_lint(ctx, build, "other") == "OTHER"  # another report: built afresh
    assert per_lint(Context("zh", scratch={}), build, key) == "REPORT"  # the next lint starts empty
    assert per_lint(Context("zh"), build, key) == "REPORT"  # no scratch: simply built
    assert calls == ["report", "other", "report", "report"]


def test_per_pack_builds_once_per_pack() -> None:
    pack = Engine(Settings()).pack
    calls: list[int] = []

    def build(p: object) -> int:
        calls.append(1)
        return len(calls)

    assert per_pack(pack, build) == per_pack(pack, build) == 1
    assert per_pack(pack._replace(data=dict(pack.data)), build) == 2  # another pack's data


def test_what_one_process_adds_the_next_reads() -> None:
    first = DiskMemo("kind", lambda: "stamp", limit=10)
    assert first.get(("a", 1)) is None
    first.add(("a", 1), 0.5)
    first.save()
    assert DiskMemo("kind", lambda: "stamp", limit=10).get(("a", 1)) == 0.5
    assert DiskMemo("kind", lambda: "other stamp", limit=10).get(("a", 1)) is None  # what it depends on changed


def test_nothing_added_nothing_written_and_a_full_memo_takes_no_more() -> None:
    store = DiskMemo("kind", lambda: "s", limit=2)
    store.get("x")
    store.save()
    assert not store.path().exists()
    for i in range(5):
        store.add(i, i)
    assert store.data() == {0: 0, 1: 1}


def test_a_full_memo_of_superseding_keys_drops_the_oldest() -> None:
    """A pack edited a ninth time, a ninth install: the memo keeps serving the new state."""
    store = DiskMemo("kind", lambda: "s", limit=2, newest=True)
    for i in range(5):
        store.add(i, i)
    assert store.data() == {3: 3, 4: 4}
    store.save()
    assert DiskMemo("kind", lambda: "s", limit=2, newest=True).get(4) == 4


def test_two_stamps_side_by_side_and_unused_files_go(tmp_path: Path) -> None:
    old = DiskMemo("kind", lambda: "version 1", limit=10)
    old.add("k", 1)
    old.save()
    new = DiskMemo("kind", lambda: "version 2", limit=10)
    new.add("k", 2)
    new.save()
    assert old.path() != new.path() and old.path().exists()  # another installation's memo stays
    assert DiskMemo("kind", lambda: "version 1", limit=10).get("k") == 1
    os.utime(old.path(), (1, 1))  # unused for decades
    new.add("k2", 3)
    new.save()
    assert not old.path().exists() and new.path().exists()


def test_lookup_computes_once_and_unstorable_values_are_not_kept() -> None:
    calls: list[int] = []

    def compute() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    store = DiskMemo("kind", lambda: "s", limit=10)
    assert store.lookup("k", compute) == store.lookup("k", compute) == {"a": [1, 2]}
    assert len(calls) == 1
    marker = object()
    store.add("obj", marker)  # marshal cannot store it: nothing is written, no error
    store.save()
    assert DiskMemo("kind", lambda: "s", limit=10).data() == {}


def test_an_unreadable_file_is_an_empty_dict_and_forget_removes_it() -> None:
    store = DiskMemo("kind", lambda: "s", limit=10)
    store.path().parent.mkdir(parents=True)
    store.path().write_bytes(b"\x00 not marshal")
    assert store.data() == {}
    store.add("k", "v")
    store.save()
    assert DiskMemo("kind", lambda: "s", limit=10).get("k") == "v"
    store.forget()
    assert not store.path().exists() and store.data() == {}


def test_the_startup_cache_switch_turns_reading_and_writing_off(monkeypatch: pytest.MonkeyPatch) -> None:
    writer = DiskMemo("kind", lambda: "s", limit=10)
    writer.add("k", "v")
    writer.save()
    monkeypatch.setenv("GOVLINT_NO_STARTUP_CACHE", "1")
    assert DiskMemo("kind", lambda: "s", limit=10).get("k") is None
    off = DiskMemo("kind", lambda: "s", limit=10)
    off.add("other", 1)
    off.save()
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE")
    assert DiskMemo("kind", lambda: "s", limit=10).data() == {"k": "v"}


def test_parsed_file_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("a: 1\n")

    def parse(p: Path) -> str:
        return p.read_text()

    assert parsed_file(path, parse, __file__) == "a: 1\n"
    path.write_text("a: 22\n")
    assert parsed_file(path, parse, __file__) == "a: 22\n"
    path.unlink()
    with pytest.raises(FileNotFoundError):  # unreadable: parse reports it its own way
        parsed_file(path, parse, __file__)


def test_library_answers_are_kept_until_the_library_or_its_reader_changes(tmp_path: Path) -> None:
    reader = tmp_path / "reader.py"
    reader.write_text("# reads the answers\n")
    calls: list[int] = []

    def ask() -> int:
        calls.append(1)
        return 42

    assert library_answer("not_a_loaded_library", str(reader), "q", ask) == 42
    assert library_answer("not_a_loaded_library", str(reader), "q", ask) == 42
    assert len(calls) == 1
    memo_module._DISK["lib-not_a_loaded_library"].save()
    memo_module._DISK.clear()  # a later process
    assert library_answer("not_a_loaded_library", str(reader), "q", ask) == 42 and len(calls) == 1
    memo_module._DISK.clear()
    reader.write_text("# reads them otherwise now\n")
    os.utime(reader, ns=(1, 1))
    assert library_answer("not_a_loaded_library", str(reader), "q", ask) == 42 and len(calls) == 2
    assert library_answer("os", str(reader), "q", ask) == 42 and len(calls) == 3  # loaded: asked directly
