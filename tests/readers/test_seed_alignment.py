"""Each seed reads to the numbers written in it (expected values checked by hand against
the files), so a reader or aligner regression shows as a failing test."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS

from govlint.align import align
from govlint.align.tables import read_table, table_pieces
from govlint.align.templates import templates
from govlint.engine import Engine
from govlint.model import Report, TableMatch
from govlint.source import read_source, source_from_text

EXPECTED = Path(__file__).parent / "expected"


def values(tables: dict[str, Any]) -> dict[str, dict[str, list[str | None]]]:
    """The numbers of aligned tables, without their line numbers."""
    return {t: {r: v["values"] for r, v in rows.items()} for t, rows in tables.items()}


def aligned(engine: Engine, path: Path) -> Report:
    source = read_source(str(path))
    reader = engine.reader_for(str(path))
    assert reader is not None
    return align(reader.read(source), engine.pack)


def read_tables(report: Report) -> list[TableMatch]:
    """Each table as read, before the aligner judges whether its reading can be trusted
    (a doubtful one is then dropped from the Report): what a reader or aligner change moves."""
    used: set[int] = set()
    found = []
    for t in templates(report.pack):
        raw = table_pieces(report.document, t, report.section(t.section), used)
        used.update(piece.span.start for piece in raw)
        if raw:
            found.append(read_table(t, raw).match)
    return [t for t in found if t.rows]


def summary(report: Report) -> dict[str, Any]:
    pos = report.source.position
    return {
        "year": report.year,
        "organ": report.organ,
        "sections": {s.key: [pos(s.heading.span.start)[0], s.status] if s.heading else None for s in report.sections},
        "tables": {
            t.template: {
                row.row: {
                    "line": pos(row.span.start)[0],
                    "values": [None if c.value is None else str(c.value) for c in row.cells],
                }
                for row in t.rows
            }
            for t in read_tables(report)
        },
        "problems": sorted([p.kind, pos(p.span.start)[0], p.table, p.row] for p in report.problems),
    }


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_reads_to_its_numbers(engine: Engine, name: str) -> None:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    expected = json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))
    assert summary(aligned(engine, path)) == expected


@pytest.mark.seeds
def test_seed000_identities_hold(engine: Engine) -> None:
    """Spot checks written out by hand from seed 000's table 三 and 四."""
    report = aligned(engine, next(SEEDS.glob("000_*.txt")))
    three = report.table("三")
    assert three is not None
    assert [str(c.value) for c in three.row("（二）").cells] == ["21", "1", "0", "0", "0", "0", "22"]  # type: ignore[union-attr]
    assert three.row("（六）1").value("总计") == 1  # type: ignore[union-attr]
    four = report.table("四")
    assert four is not None and four.row("全部").value("复议总计") == 8  # type: ignore[union-attr]


@pytest.mark.seeds
def test_markdown_conversion_of_seed000_reads_the_same_tables(engine: Engine) -> None:
    md = Path(__file__).parent.parent / "fixtures" / "reports" / "seed000.md"
    text_tables = summary(aligned(engine, next(SEEDS.glob("000_*.txt"))))["tables"]
    md_tables = summary(aligned(engine, md))["tables"]
    assert values(md_tables) == values(text_tables)


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "002", "003", "004"])
def test_tables_flattened_to_single_spaces_read_the_same(engine: Engine, tmp_path: Path, name: str) -> None:
    """pdftotext without -layout joins cells with one space; the numbers must not change."""
    import re

    seed = next(SEEDS.glob(f"{name}_*.txt"))
    flat = tmp_path / seed.name
    flat.write_text(re.sub(r"\t+", " ", seed.read_text(encoding="utf-8")), encoding="utf-8")
    expected = json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))
    got = summary(aligned(engine, flat))
    if name == "004":  # its blank table 四 cells vanish when flattened: only a column count remains
        del got["tables"]["四"], expected["tables"]["四"]
    assert values(got["tables"]) == values(expected["tables"])


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "002", "003"])
def test_prose_broken_off_before_a_flattened_table_stays_prose(engine: Engine, tmp_path: Path, name: str) -> None:
    """A PDF breaks a sentence at a comma; a piece holding a number (a year) just before a
    table flattened to single spaces is prose, never the table's first values."""
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    flat = re.sub(r"\t+", " ", seed.read_text(encoding="utf-8"))
    pieces = r"\g<1>2023 年,本机关依法依规做好相关工作,\n未出现超期答复的情况。\n"
    broken = re.sub(r"^([三四]、[^\n]*情况\n)", pieces, flat, flags=re.M)
    assert broken.count("2023 年,本机关") == 2  # after the headings of sections 三 and 四
    got = {}
    for label, text in (("flat", flat), ("broken", broken)):
        path = tmp_path / f"{label}.txt"
        path.write_text(text, encoding="utf-8")
        got[label] = summary(aligned(engine, path))
    expected = json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))
    assert values(got["broken"]["tables"]) == values(expected["tables"])
    kinds = lambda problems: sorted((kind, table, row) for kind, _, table, row in problems)  # noqa: E731
    assert kinds(got["broken"]["problems"]) == kinds(got["flat"]["problems"])


@pytest.mark.seeds
def test_row_labels_on_their_own_lines_read_the_same(engine: Engine, tmp_path: Path) -> None:
    """Some PDF extractions put a row's label on one line and its numbers on the next."""
    seed = next(SEEDS.glob("000_*.txt"))
    lines = seed.read_text(encoding="utf-8").split("\n")
    out = []
    for number, line in enumerate(lines, 1):
        if 49 <= number <= 71:  # table 三's result rows
            cells = [c.strip() for c in line.split("\t") if c.strip()]
            out.append(" ".join(c for c in cells if not c.isdigit()))
            out.append("\t".join(c for c in cells if c.isdigit()))
        else:
            out.append(line)
    split = tmp_path / "split.txt"
    split.write_text("\n".join(out), encoding="utf-8")
    expected = json.loads((EXPECTED / "seed000.json").read_text(encoding="utf-8"))
    got = summary(aligned(engine, split))
    assert values(got["tables"]) == values(expected["tables"])
    assert got["problems"] == []


def cell_per_line(text: str) -> str:
    """What plain ``pdftotext`` or copying from a PDF viewer gives: every table cell on a
    line of its own, with no separator at all (empty cells vanish)."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" in line or line.rstrip().endswith("|"):
            out.extend(cell.strip() for cell in re.split(r"[\t|]", line) if cell.strip())
        else:
            out.append(line)
    return "\n".join(out)


def space_aligned(text: str) -> str:
    """What ``pdftotext -layout`` gives: columns separated by runs of spaces, header lines
    without numbers, empty cells as more spaces."""
    return "\n".join(
        "    ".join(cell.strip() or " " for cell in line.split("\t")) if "\t" in line else line
        for line in text.split("\n")
    )


def cell_per_line_with_pipes(text: str, label_blanks: bool = False) -> str:
    """What copying a Word table out of some government sites gives: every cell on a line of
    its own closed by “ |”, an empty cell among the numbers as a lone “|”, and “||” where a
    row ends; the empty cells that merged labels leave in a tab row only with ``label_blanks``."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = [cell.strip() for cell in line.strip("\t").split("\t")]
        first = next((i for i, cell in enumerate(cells) if cell.isdigit()), len(cells))
        out.extend(f"{cell} |" if cell else "|" for cell in cells[:first] if cell or label_blanks)
        out.extend(f"{cell} |" if cell else "|" for cell in cells[first:])
        out.append("||")
    return "\n".join(out)


def reads_like_seed(engine: Engine, path: Path, name: str, problems: bool = True) -> None:
    """``path`` reads to seed ``name``'s numbers and (with ``problems``) the same problems,
    wherever they are."""
    expected = json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))
    got = summary(aligned(engine, path))
    assert values(got["tables"]) == values(expected["tables"])
    if problems:
        kinds = lambda found: sorted((kind, table, row) for kind, _, table, row in found)  # noqa: E731
        assert kinds(got["problems"]) == kinds(expected["problems"])


# 004's blank 复议 cells cannot survive these layouts (they become a short row instead). In
# cell_per_line_with_pipes a lone “|” among cells closed by their own “|” is an empty cell:
# the cells after it stay in their columns (a 总计 is not read as 自然人), and a row with
# empty cells is reported as such, not as a short row whose missing columns cannot be told.
@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
@pytest.mark.parametrize("layout", [cell_per_line, space_aligned, cell_per_line_with_pipes])
def test_pdf_text_layouts_read_the_same(engine: Engine, tmp_path: Path, name: str, layout: Any) -> None:
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    converted = tmp_path / seed.name
    converted.write_text(layout(seed.read_text(encoding="utf-8")), encoding="utf-8")
    reads_like_seed(engine, converted, name)


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_plain_text_saved_as_markdown_reads_the_same(engine: Engine, tmp_path: Path, name: str) -> None:
    """A report pasted into a .md file: no blank lines, tab rows, headings without #."""
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    md = tmp_path / f"{seed.stem}.md"
    md.write_bytes(seed.read_bytes())
    assert summary(aligned(engine, md)) == json.loads((EXPECTED / f"seed{name}.json").read_text(encoding="utf-8"))


def grid_tables(markdown: str) -> str:
    """Pandoc's grid tables (``+---+`` rules, ``|`` rows) in place of pipe tables."""
    out: list[str] = []
    lines = markdown.split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("|"):
            out.append(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and lines[i].startswith("|"):
            if not re.fullmatch(r"\|[-|: ]+\|", lines[i]):
                rows.append([c.strip() for c in lines[i].strip().strip("|").split("|")])
            i += 1
        width = max(len(r) for r in rows)
        rule = "+" + "+".join(["------"] * width) + "+"
        out.append(rule)
        for number, row in enumerate(rows):
            out.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
            out.append(rule.replace("-", "=") if number == 0 else rule)
    return "\n".join(out)


def test_pandoc_grid_tables_read_the_same(engine: Engine, tmp_path: Path) -> None:
    md = Path(__file__).parent.parent / "fixtures" / "reports" / "seed000.md"
    grid = tmp_path / "grid.md"
    grid.write_text(grid_tables(md.read_text(encoding="utf-8")), encoding="utf-8")
    assert "+======" in grid.read_text(encoding="utf-8")
    assert values(summary(aligned(engine, grid))["tables"]) == values(summary(aligned(engine, md))["tables"])


@pytest.mark.seeds
def test_a_lone_pipe_between_bare_cells_is_a_separator(engine: Engine, tmp_path: Path) -> None:
    """Where cells carry no “|” of their own, a lone “|” separates them and is no cell."""
    seed = next(SEEDS.glob("000_*.txt"))
    text = cell_per_line(seed.read_text(encoding="utf-8"))
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("二、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("三、"))
    separated = [*lines[: start + 1], *(x for line in lines[start + 1 : end] for x in (line, "|")), *lines[end:]]
    converted = tmp_path / seed.name
    converted.write_text("\n".join(separated), encoding="utf-8")
    reads_like_seed(engine, converted, "000", problems=False)


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["000", "001", "002", "003"])
def test_a_sentence_before_a_cell_per_line_table_stays_prose(engine: Engine, tmp_path: Path, name: str) -> None:
    """“本年度未收到政府信息公开申请。” after 三's heading is close to row 一's label, but a
    sentence is never a row label (it was read as row 一, without numbers)."""
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    lines = cell_per_line(seed.read_text(encoding="utf-8")).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("三、")) + 1
    converted = tmp_path / seed.name
    converted.write_text("\n".join([*lines[:at], "本年度未收到政府信息公开申请。", *lines[at:]]), encoding="utf-8")
    reads_like_seed(engine, converted, name)


def test_an_empty_cell_inside_pipes_is_an_empty_cell(engine: Engine) -> None:
    """“| 规章 | 0 | 0 | |”: the row has all its cells, the last one empty (GL105 naming
    现行有效件数), not a row short of a column nobody can tell (GL104)."""
    clean = (Path(__file__).parent.parent / "fixtures" / "clean-minimal.md").read_text(encoding="utf-8")
    text = clean.replace("| 规章 | 0 | 0 | 0 |", "| 规章 | 0 | 0 | |")
    result = engine.lint_text("report.md", text)
    found = [(d.code, d.message) for d in result.diagnostics if d.code.startswith("GL10")]
    assert len(found) == 1 and found[0][0] == "GL105" and "现行有效件数" in found[0][1].zh


@pytest.mark.seeds
def test_empty_cells_a_merged_label_left_before_a_full_row_are_not_values(engine: Engine, tmp_path: Path) -> None:
    """“一、本年新收…数量 |”, “|”, then seven numbers: the lone “|” is what the label's
    merged cell left, not an empty 自然人 that would push 总计 out of the row."""
    seed = next(SEEDS.glob("000_*.txt"))
    converted = tmp_path / seed.name
    converted.write_text(cell_per_line_with_pipes(seed.read_text(encoding="utf-8"), label_blanks=True), "utf-8")
    assert "数量 |\n|\n69 |" in converted.read_text(encoding="utf-8")
    expected = json.loads((EXPECTED / "seed000.json").read_text(encoding="utf-8"))
    got = summary(aligned(engine, converted))
    assert values(got["tables"]) == values(expected["tables"])
    assert got["problems"] == []


def test_blank_marks_one_per_line_are_the_rows_empty_cells(engine: Engine) -> None:
    """“规章 |” then “/ |” three times: a row of three empty cells (reported, and exported with
    its empty cells), as the same row written on one line is."""
    head = ("平罗县2023年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
            "信息内容 |\n本年制发件数 |\n本年废止件数 |\n现行有效件数 |\n")
    tail = "行政规范性文件 |\n1 |\n0 |\n5 |\n"
    for rows in ("规章 |\n/ |\n/ |\n/ |\n", "规章 | / | / | / |\n"):
        report = align(engine.reader_for("r.txt").read(source_from_text("r.txt", head + rows + tail)), engine.pack)
        table = next(t for t in report.tables if t.template == "二")
        row = next(r for r in table.rows if r.row == "规章")
        assert [c.raw for c in row.cells] == ["/", "/", "/"]
        assert [p.kind for p in report.problems if p.row == "规章"] == ["empty_cell"] * 3


@pytest.mark.seeds
def test_a_group_numbering_broken_from_its_words_is_no_unknown_row(engine: Engine, tmp_path: Path) -> None:
    """“(三)” on a line, its words “不予公开” on the next (a PDF's narrow column): the rows
    under it read as before, and the bare numbering is not “a row the format lacks”."""
    seed = next(SEEDS.glob("000_*.txt"))
    text = cell_per_line(seed.read_text(encoding="utf-8"))
    assert "\n(三) 不予公开\n" in text
    converted = tmp_path / seed.name
    converted.write_text(text.replace("\n(三) 不予公开\n", "\n(三)\n\n不予公开\n"), encoding="utf-8")
    reads_like_seed(engine, converted, "000")
