"""``govlint tables``: every seed's numbers come out as the reader tests wrote them down, in a CSV
Excel reads on a Chinese Windows, or a workbook; from many processes as from one."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from govlint.commands import main

EXPECTED = Path(__file__).parent.parent / "readers" / "expected"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command's exit code, standard output as text (its CSV's byte-order mark dropped) and errors."""
    code = main(["tables", *args])
    out, err = capsys.readouterr()
    return code, out.removeprefix("\ufeff"), err


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



@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """The seeds twice over: ten reports, enough for two processes."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for copy in ("a", "b"):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, folder / f"{copy}_{seed.name}")
    return folder


@pytest.mark.seeds
def test_csv_is_utf8_with_a_byte_order_mark_or_gb18030(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    seed = str(next(SEEDS.glob("000_*.txt")))
    assert main(["tables", seed]) == 0
    utf8 = capsysbinary.readouterr().out
    assert utf8.startswith(b"\xef\xbb\xbfpath,organ,year,") and "同心县".encode() in utf8
    assert main(["tables", "--encoding", "gb18030", seed]) == 0
    gb = capsysbinary.readouterr().out
    assert gb.startswith(b"path,organ,year,") and "同心县".encode("gb18030") in gb
    assert gb.decode("gb18030") == utf8.decode("utf-8-sig")


@pytest.mark.seeds
def test_output_file_and_jobs(capsys: pytest.CaptureFixture[str], reports: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert run(capsys, "--jobs", "1", "-o", str(one), str(reports)) == (0, "", "")
    assert run(capsys, "--jobs", "2", "-o", str(two), str(reports)) == (0, "", "")
    assert one.read_bytes() == two.read_bytes() and one.read_bytes().startswith(b"\xef\xbb\xbf")
    paths = {row["path"] for row in csv.DictReader(io.StringIO(one.read_text(encoding="utf-8-sig")))}
    assert len(paths) == 10


@pytest.mark.seeds
def test_xlsx_has_a_sheet_a_table_and_a_row_a_report(capsys: pytest.CaptureFixture[str], reports: Path,
                                                     tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book_path, csv_path = tmp_path / "tables.xlsx", tmp_path / "tables.csv"
    assert run(capsys, "--format", "xlsx", "--jobs", "2", "-o", str(book_path), str(reports)) == (0, "", "")
    assert run(capsys, "-o", str(csv_path), str(reports))[0] == 0
    cells = list(csv.DictReader(io.StringIO(csv_path.read_text(encoding="utf-8-sig"))))
    book = openpyxl.load_workbook(book_path, read_only=True)
    assert book.sheetnames == ["二", "三", "四"]
    for table in book.sheetnames:
        rows = list(book[table].iter_rows(values_only=True))
        titles, columns, body = rows[0], rows[1], rows[2:]
        assert columns[:3] == ("path", "organ", "year")
        assert {r[0] for r in body} == {c["path"] for c in cells if c["table"] == table}
        for r in body:  # organ and year on every row
            mine = next(c for c in cells if c["path"] == r[0])
            assert (r[1], str(r[2])) == (mine["organ"], mine["year"])
        # a column adds up to the province's figure: the sum of that cell over the reports
        for col in range(3, len(columns)):
            want = [c for c in cells if c["table"] == table and (c["row_title"], c["column_title"])
                    == (titles[col] or "", columns[col]) and c["value"]]
            assert sum(r[col] or 0 for r in body) == pytest.approx(sum(float(c["value"]) for c in want))
    book.close()


def test_xlsx_needs_an_output_file_and_xlsxwriter(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run(capsys, "--format", "xlsx", str(tmp_path))
    assert code == 2 and out == "" and "needs -o FILE" in err
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if not installed
    code, out, err = run(capsys, "--format", "xlsx", "-o", str(tmp_path / "t.xlsx"), str(tmp_path))
    assert code == 2 and "pip install 'govlint[xlsx]'" in err and not (tmp_path / "t.xlsx").exists()
