"""Layout 7 of issue “Never a wrong sum from a doubtful reading”: a crawler's text with no line
breaks, made from govlint's own clean reports (:mod:`tests.align.layouts`) — the whole report on
one line, or a line per section; table cells with a space between them or glued together."""

from __future__ import annotations

import re

#: A Markdown table's rule row (|---|---|): no cells.
RULE_ROW = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$")


def one_line(text: str, sep: str = " ", per_section: bool = False) -> str:
    """The report with its lines joined by a space, each line's cells (tab- or ``|``-separated)
    joined by ``sep`` (``""``: glued, “规章000”); Markdown's heading marks and table rules gone,
    as a crawler's text of the web page would have them. ``per_section``: a line for each of the
    six sections (a few very long lines)."""
    lines = []
    for line in text.split("\n"):
        if RULE_ROW.match(line.strip()):
            continue
        line = re.sub(r"^#+\s*", "", line)
        if line.startswith("|"):
            line = sep.join(cell.strip() for cell in line.strip().strip("|").split("|"))
        lines.append(line.replace("\t", sep))
    if not per_section:
        return " ".join(lines)
    return "".join(("\n" if re.match(r"^[一二三四五六]、", line) and not _table_row_label(line) else " ") + line
                   for line in lines).lstrip()


def _table_row_label(line: str) -> bool:
    """Table 三's rows numbered like sections (一、本年新收…, 四、结转下年度…)."""
    return re.match(r"^[一二三四]、(?:本年|上年|结转)", line) is not None
