"""Box-drawing tables (issue “Never a wrong sum from a doubtful reading”, layout 6): a clean
report whose tables are the boxes a text browser drew for its web page
(``tests/fixtures/boxes``, made by ``tools/make_box_fixtures.py``), and small changes to
those boxes: row rules left out, a column cut out, a bar out of line.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.align.layouts import corrected

BOXES = Path(__file__).parents[1] / "fixtures" / "boxes"
#: A line of a drawn box: it starts with a corner, a bar or a junction.
BOX_LINE = re.compile(r"^[┌├└│┏┣┗┃╔╠╚║+|]")


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
    drawn = boxes(dump(name))
    assert len(drawn) == 3, len(drawn)
    lines = corrected(seed).split("\n")
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
