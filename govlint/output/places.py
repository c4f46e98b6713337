"""Where a finding stands in the original file, for a report read from a .pdf, .docx or web
page: its line and column count in the text govlint rendered (``govlint text FILE``), and
the place a person holding the original can find (the PDF page and line, the Word paragraph
or table cell, the line of the page's source)."""

from __future__ import annotations

from typing import Any

from govlint.model import Source


def place_fields(source: Source, offset: int, lang: str) -> dict[str, Any]:
    """The optional JSON fields of a finding's place in the original (none for a text file):
    ``where`` (said for a person), ``page`` (PDF) and ``original_line`` (the line on that PDF
    page, or in the web page's source)."""
    place = source.place(offset) if source.rendered else None
    if place is None:
        return {}
    fields: dict[str, Any] = {"where": place.where.get(lang)}
    if place.page is not None:
        fields["page"] = place.page
    if place.line is not None:
        fields["original_line"] = place.line
    return fields


def where_text(source: Source, offset: int, lang: str) -> str:
    """`` (第 3 页第 12 行)`` after a finding's position, or nothing for a text file."""
    place = source.place(offset) if source.rendered else None
    if place is None or not place.where.get(lang):
        return ""
    return f" ({place.where.get(lang)})" if lang == "en" else f"（{place.where.get(lang)}）"
