"""Facts written in prose: counts with units, totals with their parts, percentages, rates,
and counts that repeat a table cell — each with its span in the source.

Part of the align step (see docs/design.md), one module per concern: :mod:`.facts` (the
records), :mod:`.grammar` (the pack's words), :mod:`.scan` (runs of prose and where marks
stand), :mod:`.counts` (counts, percentages, rates, mentions), :mod:`.parts` (totals and
their parts). ``extract_facts(document, grammar)`` reads a
document's facts; the GL2xx prose checks call ``facts_for(report, ctx)``, read once per lint,
instead of re-parsing text.
What the words mean (units, markers, patterns, table cells) comes from the pack's ``prose``
key (``rules/national/prose.yaml``); this module only interprets it. The reading is
deliberately conservative: a fact is produced only when the sentence can be read one way.
"""

from __future__ import annotations

from govlint._infra.memo import per_lint
from govlint.align.prose.counts import mentions, percent_matches, percents, quantities, rate_facts
from govlint.align.prose.facts import (
    NO_FACTS,
    Mention,
    PartsFact,
    Percent,
    ProseFacts,
    Quantity,
    RateFact,
    Run,
    RunFacts,
)
from govlint.align.prose.grammar import Grammar, MentionRule, ProseConfigError, Said, grammar
from govlint.align.prose.parts import parts_facts
from govlint.align.prose.scan import SENTENCE_END, RunParagraph, make_run, run_paragraphs
from govlint.model import Context, Document, Report, moved

__all__ = [
    "SENTENCE_END", "Mention", "MentionRule", "PartsFact", "Percent", "ProseConfigError", "ProseFacts", "Quantity",
    "RateFact", "Said", "extract_facts", "facts_for", "grammar",
]


def _run_facts(paragraphs: tuple[RunParagraph, ...], base: int, g: Grammar) -> RunFacts:
    """The facts of one run standing at ``base``: read there when new (nothing to move),
    moved from where they were read otherwise (most runs hold none: nothing to move). An
    editor's change reads again only the paragraph it touched; a batch meets the same
    boilerplate in report after report."""
    hit = g.runs.get(paragraphs)
    if hit is None:
        hit = g.runs.put(paragraphs, (base, _read_run(make_run(paragraphs, base), g)))
    read_at, facts = hit
    return facts if read_at == base or facts is NO_FACTS else moved(facts, base - read_at)


def _read_run(run: Run, g: Grammar) -> RunFacts:
    """Counts are read only when something could use them: a run without a marker or a
    parenthesis (parts), a percent sign (rates) and what some mention needs has no facts."""
    text = run.text
    rules = [rule for rule in g.mentions if not rule.needs or any(s in text for s in rule.needs)]
    listed = any(w in text for w in g.parts_needs)
    if not (rules or listed or "%" in text):
        return NO_FACTS
    qs = quantities(run, g)
    found = percent_matches(run, g)
    pcts = percents(run, found, g.share_labels)
    parts = tuple(parts_facts(run, g, qs, pcts)) if listed else ()
    facts = parts, tuple(rate_facts(run, g, qs, found)), tuple(mentions(run, g, qs, rules))
    return facts if any(facts) else NO_FACTS


def extract_facts(document: Document, g: Grammar) -> ProseFacts:
    """All prose facts of a document (pure)."""
    parts: list[PartsFact] = []
    rates: list[RateFact] = []
    mentions: list[Mention] = []
    for base, paragraphs in run_paragraphs(document):
        facts = _run_facts(paragraphs, base, g)
        if facts is not NO_FACTS:
            parts.extend(facts[0])
            rates.extend(facts[1])
            mentions.extend(facts[2])
    return ProseFacts(tuple(parts), tuple(rates), tuple(mentions))


def facts_for(report: Report, ctx: Context) -> ProseFacts:
    """What the checks call: the report's facts read with its pack's grammar, read once per
    lint for the three prose checks."""
    return per_lint(ctx, _report_facts, report)


def _report_facts(report: Report, ctx: Context) -> ProseFacts:
    return extract_facts(report.document, grammar(report.pack))
