"""Contact details of a report (地址, 电话, 电子邮箱, 邮编, 网址), found where they are written.

What counts as a contact detail is pack data (``contacts.fields`` in ``contacts.yaml``):
labels, the shape of the value after a label, and shapes found without a label. Python
only runs those patterns over the document's prose, so a province pack can add a field
or tighten a level without code. The GL4xx checks share one extraction per report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import per_pack
from govlint._infra.records import NamedTuple, by_identity
from govlint.align.texts import distinct_texts, placed
from govlint.model import (
    PER_TEXT_CACHE,
    Msg,
    Pack,
    Report,
    Span,
    moved,
    per_object,
)

SENTENCE_END = regex.compile(r"[。！？!?]")
SPACE = regex.compile(r"\s")
EMPHASIS = "*_"  # Markdown emphasis closing a label: **地址**：…
TRAILING = ".,;:!?。，；：．"


@by_identity  # built once per pack; keys the per-text caches
class ContactField(NamedTuple):
    """One kind of contact detail as the pack describes it."""

    id: str
    name: Msg
    level: str  # "required", "recommended" or "optional"
    kind: str  # "phone", "email", "postcode", "url" or "text"
    labels: tuple[str, ...]
    value: re.Pattern[str] | None  # matched right after a label; group "v" is the value
    bare: tuple[re.Pattern[str], ...]
    run_value: re.Pattern[str] | None  # tried where ``value`` is not, among other contact details


class Contact(NamedTuple):
    """A contact detail found in the report."""

    field: str  # ContactField.id
    kind: str
    text: str  # the value as written
    span: Span
    sentence: Span  # the sentence it stands in (where a missing detail is reported)


class ContactSpec(NamedTuple):
    """The ``contacts`` key of a pack, interpreted."""

    fields: tuple[ContactField, ...]
    severity: dict[str, str]  # level -> severity of a missing field
    postcode_prefixes: dict[str, tuple[str, ...]]  # province short name -> first two digits
    geocoder_aliases: dict[str, str]  # geocoder's place name -> official name
    shared_area_codes: dict[str, tuple[str, ...]]  # area code -> every place it serves


def _msg(raw: Any, default: str) -> Msg:
    if isinstance(raw, dict):
        return Msg(str(raw.get("zh", default)), str(raw.get("en", raw.get("zh", default))))
    return Msg(str(raw or default), str(raw or default))


def _field(raw: dict[str, Any]) -> ContactField:
    fid = str(raw["id"])
    value = raw.get("value")
    return ContactField(
        id=fid,
        name=_msg(raw.get("name"), fid),
        level=str(raw.get("level", "optional")),
        kind=str(raw.get("kind", "text")),
        labels=tuple(str(label) for label in raw.get("labels") or ()),
        value=regex.compile(str(value)) if value else None,
        bare=tuple(regex.compile(str(p)) for p in raw.get("bare") or ()),
        run_value=regex.compile(str(raw["run_value"])) if raw.get("run_value") else None,
    )


def contact_spec(pack: Pack) -> ContactSpec:
    """The pack's contact requirements, read once per pack."""
    return per_pack(pack, _read_spec)


def _read_spec(pack: Pack) -> ContactSpec:
    """Read ``contacts`` from the pack; a malformed entry raises with the field's id."""
    data = pack.data.get("contacts")
    section: dict[str, Any] = data if isinstance(data, dict) else {}
    fields = []
    for raw in section.get("fields") or ():
        try:
            fields.append(_field(raw))
        except (KeyError, TypeError, re.error) as exc:
            where = raw.get("id", "?") if isinstance(raw, dict) else "?"
            raise ValueError(f"contacts.yaml: field {where}: {exc}") from None
    prefixes = section.get("postcode_prefixes") or {}
    return ContactSpec(
        fields=tuple(fields),
        severity={str(k): str(v) for k, v in (section.get("missing_severity") or {}).items()},
        postcode_prefixes={str(k): tuple(str(p) for p in v) for k, v in prefixes.items()},
        geocoder_aliases={str(k): str(v) for k, v in (section.get("geocoder_aliases") or {}).items()},
        shared_area_codes={
            str(k): tuple(str(p) for p in v or ()) for k, v in (section.get("shared_area_codes") or {}).items()
        },
    )


# --------------------------------------------------------------------------- extraction


def _sentence(text: str, offset: int, pos: int) -> Span:
    """The sentence of ``text`` (which begins at ``offset``) around relative ``pos``."""
    begin = 0
    for m in SENTENCE_END.finditer(text, 0, pos):
        begin = m.end()
    end_match = SENTENCE_END.search(text, pos)
    end = end_match.end() if end_match else len(text)
    while begin < end and text[begin].isspace():
        begin += 1
    return Span(offset + begin, offset + max(end, begin))


@lru_cache(maxsize=8)  # built once per pack, not once per paragraph
def _label_pattern(fields: tuple[ContactField, ...]) -> tuple[re.Pattern[str], dict[str, ContactField]]:
    """One pattern for every label, longest first (so 电子邮箱地址 is not read as 地址);
    PDF text often spreads a label out (“地 址：”), so a space may stand between letters."""
    owner = {label: f for f in fields for label in f.labels}
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = "|".join(r"\s?".join(map(re.escape, a)) for a in alternatives) or r"(?!)"
    return regex.compile(pattern), owner


def _clean(value: str) -> str:
    return value.rstrip().rstrip(TRAILING)


def extract(text: str, offset: int, fields: tuple[ContactField, ...]) -> list[Contact]:
    """Contact details in one unit of prose starting at ``offset`` of the source."""
    labels, owner = _label_pattern(fields)
    found: list[Contact] = []
    taken: list[tuple[int, int]] = []
    pending: list[tuple[ContactField, int, int]] = []  # (field, where its value would start, label start)

    def add(f: ContactField, start: int, value: str) -> None:
        value = _clean(value)
        if not value:
            return
        end = start + len(value)
        taken.append((start, end))
        sentence = _sentence(text, offset, start)
        found.append(Contact(f.id, f.kind, value, Span(offset + start, offset + end), sentence))

    for m in labels.finditer(text):
        f = owner[SPACE.sub("", m.group())]
        if f.value is None or any(s <= m.start() < e for s, e in taken):
            continue
        after = m.end()
        while after < len(text) and text[after] in EMPHASIS:
            after += 1
        v = f.value.match(text, after)
        if v is not None and v.group("v"):
            add(f, v.start("v"), v.group("v"))
        elif f.run_value is not None:
            pending.append((f, after, m.start()))
    for f in fields:
        for pattern in f.bare:
            for b in pattern.finditer(text):
                if not any(b.start() < e and s < b.end() for s, e in taken):
                    add(f, b.start(), b.group())
    if pending and found:
        _run_values(text, offset, pending, labels, found, add)
    found.sort(key=lambda c: c.span.start)
    return found


def _run_values(
    text: str,
    offset: int,
    pending: list[tuple[ContactField, int, int]],
    labels: re.Pattern[str],
    found: list[Contact],
    add: Callable[[ContactField, int, str], None],
) -> None:
    """Values written straight after their label with no colon (“邮编751300，地址同心县新区…326室”),
    read with the field's ``run_value`` only in a sentence that gives another contact
    detail (a run of them), and only up to the next label or detail found."""
    details = [(c.field, c.span.start - offset, c.span.end - offset) for c in found]
    for f, after, label_start in pending:
        sentence = _sentence(text, 0, label_start)
        if not any(fid != f.id and sentence.start <= s < sentence.end for fid, s, _ in details):
            continue
        following = labels.search(text, after)
        limit = min([following.start() if following else len(text), *(s for _, s, _ in details if s >= after)])
        v = f.run_value.match(text, after, limit) if f.run_value is not None else None
        if v is None or not v.group("v"):
            continue
        start, end = v.start("v"), v.end("v")
        if any(s < end and start < e for _, s, e in details):
            continue
        add(f, start, v.group("v"))
        details.append((f.id, start, end))


def find_contacts(report: Report) -> tuple[Contact, ...]:
    """All contact details of the report, in order; computed once per report because
    every GL4xx check asks for them."""
    return per_object(report, _find_contacts)


def _find_contacts(report: Report) -> tuple[Contact, ...]:
    fields = contact_spec(report.pack).fields
    # Each distinct paragraph, heading or cell text is read once (a contact line with wide
    # spaces may be read as a table row, so cells count); only those holding details are
    # then placed at every piece that carries them.
    held = {text: c for text in distinct_texts(report) if (c := _unit_contacts(text, fields))}
    if not held:
        return ()
    at = placed(report)
    found = [c for text, contacts in held.items() for start in at[text] for c in moved(contacts, start)]
    found.sort(key=lambda c: c.span.start)  # pieces do not overlap: their order in the report
    return tuple(found)


@lru_cache(maxsize=PER_TEXT_CACHE)
def _unit_contacts(unit: str, fields: tuple[ContactField, ...]) -> tuple[Contact, ...]:
    """The contact details of one paragraph or cell at offset 0, kept by its text: an
    editor's change reads again only what it touched, and table cells ("0", "1"…) and
    set phrases repeat within a report and across a province's reports."""
    if _label_pattern(fields)[0].search(unit) is None and not any(
        regex.may_match(p, unit) and p.search(unit) for f in fields for p in f.bare
    ):
        return ()  # most units (table cells, plain prose): no label, and no bare value's marker
    return tuple(extract(unit, 0, fields))


def contacts_of_kind(report: Report, kind: str) -> list[Contact]:
    return [c for c in find_contacts(report) if c.kind == kind]


def contact_sentence(contacts: tuple[Contact, ...]) -> Span | None:
    """The sentence holding the most contact details (the first of equals)."""
    counts: dict[Span, int] = {}
    for c in contacts:
        counts[c.sentence] = counts.get(c.sentence, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], -s.start))
