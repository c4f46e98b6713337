"""Dicts kept across processes: read at first use, written back at exit when added to."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint._infra.stored import Stored


@pytest.fixture
def path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE", raising=False)
    return tmp_path / "kind-1" / "file.marshal"


def test_what_one_process_adds_the_next_reads(path: Path) -> None:
    first = Stored(lambda: str(path), limit=10)
    assert first.get(("a", 1)) is None
    first.add(("a", 1), 0.5)
    first.save()
    later = Stored(lambda: str(path), limit=10)
    assert later.get(("a", 1)) == 0.5


def test_nothing_added_nothing_written_and_the_limit_holds(path: Path) -> None:
    store = Stored(lambda: str(path), limit=2)
    store.get("x")
    store.save()
    assert not path.exists()
    for i in range(5):
        store.add(i, i)
    assert len(store.data()) == 2


def test_an_unreadable_file_is_an_empty_dict_and_forget_removes_it(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00 not marshal")
    store = Stored(lambda: str(path), limit=10)
    assert store.data() == {}
    store.add("k", "v")
    store.save()
    assert Stored(lambda: str(path), limit=10).get("k") == "v"
    store.forget()
    assert not path.exists() and store.data() == {}


def test_the_startup_cache_switch_turns_reading_and_writing_off(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    writer = Stored(lambda: str(path), limit=10)
    writer.add("k", "v")
    writer.save()
    monkeypatch.setenv("GOVLINT_NO_STARTUP_CACHE", "1")
    assert Stored(lambda: str(path), limit=10).get("k") is None
    off = Stored(lambda: str(path), limit=10)
    off.add("other", 1)
    off.save()
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE")
    assert Stored(lambda: str(path), limit=10).data() == {"k": "v"}
