"""``govlint tables``: every seed's numbers come out as the reader tests wrote them down."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SEEDS

from govlint.commands import main

EXPECTED = Path(__file__).parent.parent / "readers" / "expected"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["tables", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_csv_holds_every_number_the_aligner_read(capsys: pytest.CaptureFixture[str], name: str) -> None:
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    code, out, err = run(capsys, str(seed))
    assert code == 0 and err == ""
    expected = json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))
    got: dict[str, dict[str, list[str | None]]] = {}
    for row in csv.DictReader(io.StringIO(out)):
        assert row["path"] == str(seed) and row["organ"] == expected["organ"] and row["year"] == str(expected["year"])
        got.setdefault(row["table"], {}).setdefault(row["row"], []).append(row["value"] or None)
    doubtful = {table for kind, _, table, _ in expected["problems"] if kind == "doubtful_table"}
    want = {t: {r: v["values"] for r, v in rows.items()} for t, rows in expected["tables"].items() if t not in doubtful}
    assert got == want  # a table whose reading is doubtful gives no numbers at all: never guessed


@pytest.mark.seeds
def test_json_gives_lines_titles_and_blank_as_null(capsys: pytest.CaptureFixture[str]) -> None:
    seed = next(SEEDS.glob("004_*.txt"))
    code, out, _ = run(capsys, "--format", "json", str(seed))
    data = json.loads(out)
    assert code == 0 and len(data["files"]) == 1
    tables = data["files"][0]["tables"]
    four = tables["四"]
    row = next(iter(four.values()))
    assert row["complete"] is False and None in row["values"].values()  # 004's blank 复议 cells
    short = tables["三"]["（一）"]  # 6 numbers for 7 columns: none is guessed into a column
    assert short["complete"] is False and set(short["values"].values()) == {None}
    applications = tables["三"]["一"]
    assert applications["title"] == "一、本年新收政府信息公开申请数量" and isinstance(applications["line"], int)
    assert all(isinstance(v, (int, float)) for v in applications["values"].values())


@pytest.mark.seeds
def test_unreadable_files_are_errors_and_the_rest_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    seed = next(SEEDS.glob("000_*.txt"))
    code, out, err = run(capsys, str(binary), str(seed), str(tmp_path / "missing.md"))
    assert code == 2
    assert "junk.txt" in err and "missing.md" in err
    assert {row["path"] for row in csv.DictReader(io.StringIO(out))} == {str(seed)}
