"""The aligner: how it reads tables' rows, and its label comparisons, kept across processes,
which never change what a report reads to."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import seed_paths

from govlint import align
from govlint._infra.memo import DiskMemo, TextMemo
from govlint.align import labels, reading, sections
from govlint.align.templates import templates
from govlint.engine import Engine
from govlint.readers import markdown, numbering
from govlint.readers import text as plain
from govlint.readers.cells import parse_number
from govlint.source import source_from_text


def _alignment(engine: Engine, path: Path) -> list[tuple[str, int, int]]:
    """What the aligner and the checks make of ``path`` when no comparison is known in-process."""
    sections._section_score.cache_clear()
    for template in templates(engine.pack):
        template._candidates = TextMemo()
    result = engine.lint_path(str(path))
    return [(d.code, d.span.start, d.span.end) for d in result.diagnostics]


@pytest.mark.seeds
def test_stored_comparisons_read_back_or_spoilt_give_the_same_findings(
    engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GOVLINT_NO_STARTUP_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(labels, "COMPARED", DiskMemo("labels-test", lambda: "stamp", limit=100_000))
    seeds = seed_paths()
    fresh = [_alignment(engine, p) for p in seeds]
    assert labels.COMPARED.data()  # the comparisons were kept
    labels.COMPARED.save()

    monkeypatch.setattr(labels, "COMPARED", DiskMemo("labels-test", lambda: "stamp", limit=100_000))  # a later process
    assert [_alignment(engine, p) for p in seeds] == fresh

    spoilt = labels.COMPARED.data()
    for key in spoilt:
        spoilt[key] = ((10_000, "x"),) if key[0] == "rows" else "x"
    assert [_alignment(engine, p) for p in seeds] == fresh


CLEAN = Path(__file__).parents[1] / "fixtures" / "clean-minimal.md"
T3_HEADER = "| 类别 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" + "|---" * 8 + "|"


def table_values(engine: Engine, text: str, table: str, path: str = "report.md") -> dict[str, list[str]]:
    reader = plain.read if path.endswith(".txt") else markdown.read
    report = align.align(reader(source_from_text(path, text)), engine.pack)
    found = report.table(table)
    assert found is not None
    return {row.row: [c.raw for c in row.cells] for row in found.rows}


def captioned_table_three(text: str, group_six: str = "（六）其他处理") -> str:
    """The clean report's table 三 written as some sites convert it: a Markdown heading over
    each row or group (the row's own label, as a caption), then a small table whose row
    repeats the label without its numbering; ``group_six`` is the heading over group （六）."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("| 一、"))
    last = next(i for i, line in enumerate(lines) if line.startswith("| 四、"))
    out: list[str] = []
    for line in lines[first : last + 1]:
        head, sub, *numbers = (cell.strip() for cell in line.strip("|").split("|"))
        captions = [c for c in (head, sub) if c and not c[0].isdigit()]
        for caption in captions:
            out.extend(["", f"### {group_six if caption.startswith('（六）') else caption}", ""])
        if captions:
            out.append(T3_HEADER)
        label = sub or head
        own = numbering.LABEL.match(label)
        words = label if label[0].isdigit() or own is None else label[own.end() :]
        out.append(f"| {words} | {' | '.join(numbers)} |")
    return "\n".join([*lines[: first - 2], *out, *lines[last + 1 :]])


def findings(engine: Engine, text: str, path: str = "report.md") -> list[tuple[str, str, str]]:
    return [(d.code, d.severity, d.message.zh) for d in engine.lint_text(path, text).diagnostics]


def test_a_heading_that_repeats_the_row_label_below_it_is_a_caption(engine: Engine) -> None:
    """“### 一、本年新收…” over a table whose row is “本年新收…” and its numbers: the heading
    is the row's caption, not a row of its own without numbers (GL105 and, with that row
    empty, GL201/GL203); “### （六）其他” over group （六）'s rows is the group in other words
    (GL106 info), not its row “3.其他” (which then was no row of the format, GL107)."""
    clean = CLEAN.read_text(encoding="utf-8")
    text = captioned_table_three(clean, group_six="（六）其他")
    assert "### 一、本年新收政府信息公开申请数量" in text and "| 本年新收政府信息公开申请数量 | 10 |" in text
    assert table_values(engine, text, "三") == table_values(engine, clean, "三")
    (reworded,) = [f for f in findings(engine, text) if f[0].startswith(("GL1", "GL2"))]
    assert reworded[:2] == ("GL106", "info") and "（六）其他”" in reworded[2]
    assert findings(engine, captioned_table_three(clean)) == findings(engine, clean)


def test_a_label_alone_followed_by_another_row_is_still_an_empty_row(engine: Engine) -> None:
    """Only the same row's label right below makes a caption: a label without numbers before
    another row is a row left empty (GL105); and “（六）3.其他” in one cell is row 3 of （六）."""
    clean = CLEAN.read_text(encoding="utf-8")
    text = captioned_table_three(clean).replace("| 上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n", "")
    empty = [f for f in findings(engine, text) if f[0] == "GL105"]
    assert len(empty) == 1 and "二、上年结转政府信息公开申请数量”行没有填写数字" in empty[0][2]
    whole = clean.replace("| | 3.其他 |", "| | （六）3.其他 |")
    assert whole != clean and findings(engine, whole) == findings(engine, clean)


def test_labels_that_differ_by_a_negation_are_never_alike() -> None:
    """予以公开 shares three of four characters with 不予公开 and means the opposite; a piece
    of a label (the PDF broke “（三）不” off “予公开”; a long label cut before its “不计…”) is not."""
    assert labels.similarity("予以公开", "不予公开") == 0.0
    assert labels.similarity("本法提供", "无法提供") == 0.0
    assert labels.similarity("予公开", "不予公开") > reading.ROW_SIM
    cut = "部分公开区分处理的只计这一情"
    assert labels.similarity(cut, cut + "形不计其他情形") > reading.ROW_SIM
    assert labels.similarity("不予以公开", "不予公开") > reading.ROW_SIM  # both negated: a wording variant
    assert labels.similarity("本机关未掌握相关政府信息", "本机关不掌握相关政府信息") > reading.ROW_SIM


def test_a_header_line_among_rows_names_columns_not_rows(engine: Engine) -> None:
    """A header repeated inside table 三 with words of its own (“项目 | 予以公开 | 不予公开 |
    … | 总计”): its words are no rows (予以公开 was read as row （三）不予公开 reworded, GL106),
    and a word close to a row's alone on a line is not read as its opposite."""
    clean = CLEAN.read_text(encoding="utf-8")
    first = "| （六）其他处理 | 1.申请人"
    header = "| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 | |\n"
    assert first in clean
    assert findings(engine, clean.replace(first, header + first)) == findings(engine, clean)
    alone = clean.replace("| （四）无法提供 |", "| 予以公开 | | | | | | | | |\n| （四）无法提供 |")
    assert findings(engine, alone) == findings(engine, clean)
    typo = clean.replace(first, header.replace("总计", "总计 | 社会公益组识") + first)
    assert [f[:2] for f in findings(engine, typo)] == [("GL106", "warning")]  # a misspelt column is still one


def test_label_and_number_lines_beside_a_pipe_table_are_rows(engine: Engine) -> None:
    """Table 二 half as lines (“行政许可 3000”, header words apart by two spaces), half as a
    pipe table: each line is split into its label and its number as it would be without the
    pipe table (the whole line was read as the label of a row without numbers: GL105, GL106)."""
    clean = CLEAN.read_text(encoding="utf-8")
    start, end = clean.index("| 第二十条第（五）项"), clean.index("\n\n## 三、")
    rows = [[c.strip() for c in row.strip("|").split("|") if c.strip()] for row in clean[start:end].split("\n")]
    lines = [" ".join(cells) if parse_number(cells[-1]) is not None else "  ".join(cells) for cells in rows]
    pipes = clean[clean.index("| 第二十条第（一）项") : start]
    text = clean[: clean.index("| 第二十条第（一）项")] + "\n".join(lines) + "\n" + pipes + clean[end:]
    assert "\n行政许可 3000\n" in text and "| 规章 | 0 | 0 | 0 |" in text
    assert table_values(engine, text, "二", "report.txt") == table_values(engine, clean, "二")
    assert findings(engine, text, "report.txt") == findings(engine, clean)
