"""Finding the format's six sections by their numbered titles (and aliases)."""

from __future__ import annotations

from functools import lru_cache

from govlint._infra.memo import per_pack
from govlint.align import labels
from govlint.align.labels import best_similarity, norm, split_label
from govlint.model import Document, Heading, Pack, Paragraph, SectionMatch, Span

SECTION_SIM = 0.6  # enough with the right numeral
SECTION_SIM_BARE = 0.85  # a heading without the right numeral must be close
SHORT_HEADING = 30


@lru_cache(maxsize=4096)  # pure; headings (and keys) recur from report to report
def _section_score(text: str, number: str, keys: tuple[str, ...]) -> float:
    key = ("section", text, number, keys)
    score = labels.COMPARED.get(key)
    if not isinstance(score, float):
        score = _score_section(text, number, keys)
        labels.COMPARED.add(key, score)
    return score


def _score_section(text: str, number: str, keys: tuple[str, ...]) -> float:
    """How well a heading reads as a section, in tiers: the right numeral and the section's
    words; a section heading numbered otherwise but in the section's words (a report that
    numbered sub-headings 二、… itself, or skipped a part); the right numeral with words only
    loosely alike; an unnumbered line in the section's words (a caption such as “表二：…”)."""
    label = split_label(text)
    if label.kind in ("paren", "ar"):
        return 0.0  # （一）… and 1.… are sub-headings, never sections
    best = best_similarity(label.core, keys, min(SECTION_SIM, SECTION_SIM_BARE))
    close = best >= SECTION_SIM_BARE
    if label.kind == "cn" and label.number == number:
        return best + (3.0 if close else 1.0) if best >= SECTION_SIM else 0.0
    if not close:
        return 0.0
    return best + 2.0 if label.kind == "cn" else best


def find_sections(document: Document, pack: Pack) -> tuple[SectionMatch, ...]:
    """Where each section of the format stands in the document (missing ones too), each
    heading given to the section it reads as best."""
    # A heading whose numeral was lost reads as a short paragraph: it stays a candidate,
    # held to the strict similarity of an unnumbered heading by _section_score. Sub-headings
    # (（一）…, 1.…) are never sections: left out before they are compared with any.
    headings = []
    for b in document.blocks:
        if isinstance(b, Heading):
            h = b
        elif isinstance(b, Paragraph) and len(b.text) <= SHORT_HEADING:
            h = Heading(2, b.text.strip(), b.span)
        else:
            continue
        if split_label(h.text).kind not in ("paren", "ar"):
            headings.append(h)
    chosen: dict[str, tuple[Heading, str]] = {}
    used: set[int] = set()
    specs = _section_keys(pack)
    for key, title_key, keys in specs:
        best: tuple[float, Heading] | None = None
        for h in headings:
            if h.span.start in used:
                continue
            score = _section_score(h.text, key, keys)
            if score > 0 and (best is None or score > best[0]):
                best = (score, h)
        if best is not None:
            h = best[1]
            used.add(h.span.start)
            label = split_label(h.text)
            # Exact means the right numeral and the official words; anything else is a variant.
            status = "exact" if label.core == title_key and label.number == key else "variant"
            chosen[key] = (h, status)
    starts = sorted(h.span.start for h, _ in chosen.values())
    end_of_text = len(document.source.text)
    out = []
    for key, _, _ in specs:
        if key in chosen:
            h, status = chosen[key]
            nxt = next((s for s in starts if s > h.span.start), end_of_text)
            out.append(SectionMatch(key, h, status, Span(h.span.end, nxt)))  # type: ignore[arg-type]
        else:
            out.append(SectionMatch(key, None, "missing", Span(0, 0)))
    return tuple(out)


def _section_keys(pack: Pack) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """Each section's id, normalised title, and title and aliases normalised: once per pack."""
    return per_pack(pack, _build_section_keys)


def _build_section_keys(pack: Pack) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    out = []
    for spec in pack.data.get("sections", []) or []:
        title_key = norm(str(spec["title"]))
        out.append((str(spec["id"]), title_key, (title_key, *(norm(str(a)) for a in spec.get("aliases", [])))))
    return tuple(out)
