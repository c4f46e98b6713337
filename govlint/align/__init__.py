"""Aligning a Document with the pack: what the report holds, mapped onto the format.

One module per concern, in the order :func:`align` uses them: :mod:`.sections` (the six
sections by their numbered titles), :mod:`.title` (title, year, organ), :mod:`.tables` (each
table read against its template, :mod:`.templates`, by grid column where the source has a
grid, :mod:`.grid`), :mod:`.trust` (whether a reading can be trusted: a doubtful one is
dropped whole, never summed), with :mod:`.labels` comparing labels.
Facts the checks share are read from the aligned Report once per lint: :mod:`.texts` (the
report's texts and where they stand), :mod:`.prose` (counts, totals and parts, rates in
prose), :mod:`.contacts` (contact details).
"""

from __future__ import annotations

from govlint.align.labels import norm
from govlint.align.sections import find_sections
from govlint.align.tables import read_table, table_pieces
from govlint.align.templates import Template, column_label, row_title, template, templates
from govlint.align.title import find_title
from govlint.align.trust import assess
from govlint.model import Document, Pack, Problem, Report, TableMatch

__all__ = ["Template", "align", "column_label", "find_sections", "find_title", "norm", "row_title", "template",
           "templates"]


def align(document: Document, pack: Pack, year: int | None = None) -> Report:
    """Map a Document onto the pack's sections and table templates."""
    sections = find_sections(document, pack)
    found = [s.heading.span.start for s in sections if s.heading is not None]
    first = min(found) if found else len(document.source.text)
    title, title_year, organ = find_title(document, first)
    tables: list[TableMatch] = []
    problems: list[Problem] = []
    used: set[int] = set()
    for template_ in templates(pack):
        section = next((s for s in sections if s.key == template_.section), None)
        raw = table_pieces(document, template_, section, used)
        if not raw:
            continue
        used.update(t.span.start for t in raw)
        read = read_table(template_, raw)
        if not read.match.rows:
            problems.extend(read.problems or [Problem("unreadable_table", raw[0].span, template_.id, "", {})])
            continue
        trusted, found_problems = assess(template_, read, pack)
        tables.extend([trusted] if trusted is not None else [])
        problems.extend(found_problems)
    return Report(
        document=document,
        pack=pack,
        year=year if year is not None else title_year,
        organ=organ,
        title=title,
        sections=sections,
        tables=tuple(tables),
        problems=tuple(problems),
    )
