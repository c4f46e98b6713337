"""Box-drawing tables (issue “Never a wrong sum from a doubtful reading”, layout 6): a clean
report whose tables are the boxes a text browser drew for its web page
(``tests/fixtures/boxes``, made by ``tools/make_box_fixtures.py``), and small changes to
those boxes: row rules left out, a column cut out, a bar out of line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

from tests.align.layouts import corrected

BOXES = Path(__file__).parents[1] / "fixtures" / "boxes"
#: A line of a drawn box: it starts with a corner, a bar or a junction.
BOX_LINE = re.compile(r"^[┌├└│┏┣┗┃╔╠╚║+|]")
#: What a rule across a whole box is made of.
RULE_CHARS = frozenset("─┼├┤┬┴-+|│")
WALLS = frozenset("│┼├┤┬┴┌┐└┘+|")


TABLE_SECTIONS = ("二、主动公开", "三、收到和处理", "四、政府信息公开行政")


def dump(name: str) -> str:
    return (BOXES / f"{name}.txt").read_text(encoding="utf-8")


def boxes(text: str) -> list[list[str]]:
    """The boxes of a dump, each as its lines, in order."""
    out: list[list[str]] = []
    previous = False
    for line in text.split("\n"):
        box = bool(BOX_LINE.match(line))
        if box and not previous:
            out.append([])
        if box:
            out[-1].append(line)
        previous = box
    return out


def boxed(seed: str, name: str) -> str:
    """The corrected seed report ``seed`` with the bodies of sections 二, 三 and 四 (their
    tables) replaced by the boxes of dump ``name`` (the same report's web page): the report as
    a text browser draws its tables, its prose as the clean text has it."""
    return with_boxes(corrected(seed), name)


def with_boxes(text: str, name: str) -> str:
    """A text report with the bodies of its sections 二, 三 and 四 replaced by the boxes of
    dump ``name`` (the report's own web page)."""
    drawn = boxes(dump(name))
    assert len(drawn) == 3, len(drawn)
    lines = text.split("\n")
    out: list[str] = []
    skipping = False
    for line in lines:
        if line.startswith(TABLE_SECTIONS):
            out.extend([line, "", *drawn.pop(0), ""])
            skipping = True
            continue
        skipping = skipping and not line.startswith("五、存在")
        if not skipping:
            out.append(line)
    assert not drawn
    return "\n".join(out)


def _columns(line: str, wide: bool) -> list[int]:
    """The display column each character of a line starts at (box lines and “” two columns
    wide where the dump drew them so)."""
    out, x = [], 0
    for char in line:
        out.append(x)
        x += 2 if unicodedata.east_asian_width(char) in (("W", "F", "A") if wide else ("W", "F")) else 1
    return out


def _box_lines(text: str, table: int) -> range:
    """The lines of the ``table``-th box (0: 表二) in ``text``'s lines."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if BOX_LINE.match(line) and not BOX_LINE.match(lines[i - 1])]
    i = starts[table]
    j = i
    while j < len(lines) and BOX_LINE.match(lines[j]):
        j += 1
    return range(i, j)


def rules(text: str, partial: bool = False) -> list[int]:
    """The lines of the boxes that are rules across the whole box, in order; ``partial``: also
    those that leave a box open under a cell spanning rows (“│      ├────┼”)."""
    lines = text.split("\n")
    inner = [i for table in range(3) for i in list(_box_lines(text, table))[1:-1]]
    chars = RULE_CHARS | {" "} if partial else RULE_CHARS
    return [i for i in inner if set(lines[i]) <= chars]


def without_rules(text: str, drop: Collection[int] | None = None, partial: bool = False) -> str:
    """Every box without its rules (:func:`rules`), or without those of them at ``drop``:
    rows told apart by nothing."""
    gone = set(rules(text, partial) if drop is None else drop)
    return "\n".join(line for i, line in enumerate(text.split("\n")) if i not in gone)


def cut_column(text: str, table: int, header: str, rows: str = "all", wide: bool = False) -> str:
    """Box ``table`` without the column under the header word ``header`` (its box's display
    columns cut out): from every line (``all``: a well-formed box without it), from the lines
    holding numbers only (``numbers``: those lines shorter than the others), or from those
    lines with the box's right edge kept where it was (``padded``: their bars out of line)."""
    lines = text.split("\n")
    box = _box_lines(text, table)
    row = next(i for i in box if header in lines[i])
    x = _columns(lines[row], wide)[lines[row].index(header)]
    data = next(i for i in box if re.search(r"[│|]\d", lines[i]))
    bars = [c for c, char in zip(_columns(lines[data], wide), lines[data], strict=True) if char in "│|"]
    left = max(b for b in bars if b < x)
    right = min(b for b in bars if b > x)
    for i in box:
        if rows != "all" and not re.search(r"[│|]\d", lines[i]):
            continue
        columns = _columns(lines[i], wide)
        if lines[i][columns.index(left)] in RULE_CHARS | WALLS:
            kept = "".join(char for c, char in zip(columns, lines[i], strict=True) if not left <= c < right)
        else:  # a merged cell over the column: as much narrower, its words kept
            end = next(k for k, c in enumerate(columns) if c > left and lines[i][k] in WALLS)
            cell = lines[i][columns.index(left) : end]
            if cell.rstrip(" ─-") == cell:
                continue
            keep = len(cell) - (right - left)
            kept = lines[i][: columns.index(left)] + cell[:keep] + lines[i][end:]
        lines[i] = kept[:-1] + " " * (right - left) + kept[-1] if rows == "padded" else kept
    return "\n".join(lines)


def shift_bar(text: str, label: str) -> str:
    """In the box line of row ``label``, the bar after its first number one column to the
    right (the next cell one column narrower): one bar out of line."""
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if label in line and BOX_LINE.match(line))
    line = lines[i]
    bar = re.search(r"[│|]\d+ *([│|])", line)
    assert bar, line
    at = bar.start(1)
    line = line[:at] + " " + line[at:]
    narrower = line.index(" " + line[at + 1], at + 2)
    lines[i] = line[:narrower] + line[narrower + 1 :]
    return "\n".join(lines)


#: The characters a box is drawn with, which :func:`damage` may damage.
DRAWING = frozenset("─│├┼┤┬┴-+|")


def drawing(text: str, table: int) -> list[tuple[int, int]]:
    """Where box ``table`` (0: 表二) is drawn inside its edges: (line, character) pairs."""
    lines = text.split("\n")
    return [(i, k) for i in list(_box_lines(text, table))[1:-1] for k in range(1, len(lines[i]) - 1)
            if lines[i][k] in DRAWING]


def damage(text: str, line: int, at: int, how: str) -> str:
    """One box character at (``line``, ``at``) blanked (``blank``), deleted (``delete``) or
    pushed right by a space (``push``)."""
    lines = text.split("\n")
    row = lines[line]
    lines[line] = {"blank": row[:at] + " " + row[at + 1 :], "delete": row[:at] + row[at + 1 :],
                   "push": row[:at] + " " + row[at:]}[how]
    return "\n".join(lines)
