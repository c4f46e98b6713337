"""Contact details of a report (地址, 电话, 电子邮箱, 邮编, 网址), found where they are written.

What counts as a contact detail is pack data (``contacts.fields`` in ``contacts.yaml``):
labels, the shape of the value after a label, and shapes found without a label. Python
only runs those patterns over the document's prose, so a province pack can add a field
or tighten a level without code. The GL4xx checks share one extraction per report.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import Any

from govlint._infra import regex
from govlint._infra.memo import TextMemo, per_lint, per_pack
from govlint._infra.records import NamedTuple
from govlint.align.prose import SENTENCE_END
from govlint.align.texts import report_texts
from govlint.align.title import of_the_page
from govlint.model import Context, Msg, Pack, Paragraph, Report, Span, moved

SENTENCE_ENDS = regex.compile(f"[{SENTENCE_END}]")
SPACE = regex.compile(r"\s")
EMPHASIS = "*_"  # Markdown emphasis closing a label: **地址**：…
TRAILING = ".,;:!?。，；：．"


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
    """The ``contacts`` key of a pack, interpreted (once per pack)."""

    fields: tuple[ContactField, ...]
    severity: dict[str, str]  # level -> severity of a missing field
    postcode_prefixes: dict[str, tuple[str, ...]]  # province short name -> first two digits
    geocoder_aliases: dict[str, str]  # geocoder's place name -> official name
    shared_area_codes: dict[str, tuple[str, ...]]  # area code -> every place it serves
    labels: re.Pattern[str]  # every field's labels in one pattern (see _label_pattern)
    owner: dict[str, ContactField]  # a label without spaces -> its field
    read: TextMemo[tuple[Contact, ...]]  # the details of a paragraph or cell, by its text


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
    labels, owner = _label_pattern(fields)
    return ContactSpec(
        fields=tuple(fields),
        severity={str(k): str(v) for k, v in (section.get("missing_severity") or {}).items()},
        postcode_prefixes={str(k): tuple(str(p) for p in v) for k, v in prefixes.items()},
        geocoder_aliases={str(k): str(v) for k, v in (section.get("geocoder_aliases") or {}).items()},
        shared_area_codes={
            str(k): tuple(str(p) for p in v or ()) for k, v in (section.get("shared_area_codes") or {}).items()
        },
        labels=labels,
        owner=owner,
        read=TextMemo(),
    )


# --------------------------------------------------------------------------- extraction


def _sentence(text: str, offset: int, pos: int) -> Span:
    """The sentence of ``text`` (which begins at ``offset``) around relative ``pos``."""
    begin = 0
    for m in SENTENCE_ENDS.finditer(text, 0, pos):
        begin = m.end()
    end_match = SENTENCE_ENDS.search(text, pos)
    end = end_match.end() if end_match else len(text)
    while begin < end and text[begin].isspace():
        begin += 1
    return Span(offset + begin, offset + max(end, begin))


def _label_pattern(fields: list[ContactField]) -> tuple[re.Pattern[str], dict[str, ContactField]]:
    """One pattern for every label, longest first (so 电子邮箱地址 is not read as 地址);
    PDF text often spreads a label out (“地 址：”), so a space may stand between letters."""
    owner = {label: f for f in fields for label in f.labels}
    alternatives = sorted(owner, key=len, reverse=True)
    pattern = "|".join(r"\s?".join(map(re.escape, a)) for a in alternatives) or r"(?!)"
    return regex.compile(pattern), owner


def _clean(value: str) -> str:
    return value.rstrip().rstrip(TRAILING)


def extract(text: str, offset: int, spec: ContactSpec) -> list[Contact]:
    """Contact details in one unit of prose starting at ``offset`` of the source."""
    labels, owner, fields = spec.labels, spec.owner, spec.fields
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
        if v is not None and v.group("v") and not _runs_into_a_label(text, v, labels):
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
    # A web page's own address (原文链接：…, the site's footer) is not where the report says
    # it can be read; read above all the same, so no other field takes it.
    return [c for c in found if c.kind != "url" or not of_the_page(text, c.span.start - offset)]


def _runs_into_a_label(text: str, value: re.Match[str], labels: re.Pattern[str]) -> bool:
    """A value that goes on past a line break into the next line's label (“地址：无⏎电话：…”)
    is no value: the break ended it before it had two characters."""
    end = value.group("v").find("\n")
    if end < 0:
        return False
    after = value.start("v") + end + 1
    while after < len(text) and text[after] in " \t\u3000":
        after += 1
    return labels.match(text, after) is not None


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


def find_contacts(report: Report, ctx: Context) -> tuple[Contact, ...]:
    """All contact details of the report, in order, found once per lint (every GL4xx check
    asks for them)."""
    return per_lint(ctx, _find_contacts, report)


def contacts_of_kind(report: Report, ctx: Context, kind: str) -> list[Contact]:
    return [c for c in find_contacts(report, ctx) if c.kind == kind]


def _find_contacts(report: Report, ctx: Context) -> tuple[Contact, ...]:
    spec = contact_spec(report.pack)
    # Each distinct paragraph, heading or cell text is read once (a contact line with wide
    # spaces may be read as a table row, so cells count); only those holding details are
    # then placed at every place that carries them.
    index = report_texts(report, ctx).every
    held = {text: c for text in index.texts if (c := _text_contacts(text, spec))}
    found = [c for text, contacts in held.items() for start in index.placed[text] for c in moved(contacts, start)]
    found.extend(_broken_off(report, spec))
    found.sort(key=lambda c: c.span.start)  # texts do not overlap: their order in the report
    return tuple(found)


def _broken_off(report: Report, spec: ContactSpec) -> list[Contact]:
    """Values a line break cut off from their label where each line is a paragraph (plain
    text out of a PDF: “地址：某⏎市…”): a line ending in a label it holds no value for is read
    on into the next line, and the values that cross the break are kept."""
    text = report.source.text
    lines = [b.span for b in report.document.blocks if isinstance(b, Paragraph)]
    out: list[Contact] = []
    for line, following in pairwise(lines):
        label = _open_label(text[line.start : line.end], spec)
        gap = text[line.end : following.start]
        if label is None or gap.count("\n") != 1 or gap.strip():
            continue
        start = line.start + label.start()
        value = next(iter(extract(text[start : following.end], start, spec)), None)
        field = spec.owner[SPACE.sub("", label.group())].id
        if value is not None and value.field == field and value.span.end > line.end:
            out.append(value)  # the label's own value, which this line alone did not give
    return out


def _open_label(line: str, spec: ContactSpec) -> re.Match[str] | None:
    """The last label of ``line`` when at most one character follows it (its value goes on
    in the next line), else None."""
    if spec.labels.search(line, max(0, len(line) - 16)) is None:
        return None  # most lines: no label near their end
    *_, last = spec.labels.finditer(line)  # from the start: the longest label wins, as in extract
    return None if len(line[last.end() :].strip(" \t\u3000*_:：为")) > 1 else last


def _text_contacts(text: str, spec: ContactSpec) -> tuple[Contact, ...]:
    """The contact details of one paragraph or cell at offset 0, kept by its text (see
    :class:`TextMemo`)."""
    found = spec.read.get(text)
    if found is None:
        found = spec.read.put(text, _read_text(text, spec))
    return found


def _read_text(text: str, spec: ContactSpec) -> tuple[Contact, ...]:
    if spec.labels.search(text) is None and not any(
        regex.may_match(p, text) and p.search(text) for f in spec.fields for p in f.bare
    ):
        return ()  # most texts (table cells, plain prose): no label, and no bare value's marker
    return tuple(extract(text, 0, spec))


def contact_sentence(contacts: tuple[Contact, ...]) -> Span | None:
    """The sentence holding the most contact details (the first of equals)."""
    counts: dict[Span, int] = {}
    for c in contacts:
        counts[c.sentence] = counts.get(c.sentence, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], -s.start))
