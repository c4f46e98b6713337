"""The result cache of ``check --cache``: each file's findings and facts, kept in ``.govlint_cache/``.

Keyed by the file's bytes and path, govlint's version, the pack and the configuration, and
for a report paired with last year's, that report's path and bytes too, so a pre-commit run
over an unchanged repository lints nothing. Stored as JSON, because a
repository (and so its cache folder) may come from someone else and JSON cannot execute
anything. A cache that cannot be read or written is silently skipped: it never changes what
govlint reports, only how fast.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from govlint import __version__
from govlint._infra.fs import write_atomic
from govlint._infra.memo import FORMAT
from govlint._infra.records import NamedTuple
from govlint.model import Diagnostic, Edit, Fix, Msg, ReportFacts, Span

#: Default result-cache folder, relative to the current folder (``--cache-dir`` overrides).
DEFAULT_DIR = ".govlint_cache"
CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# govlint cache; see https://bford.info/cachedir/\n"
#: The shape of a stored result: an entry of another shape is a miss, never misread.
RESULT_FORMAT = "facts-1"


def digest(*parts: bytes | str) -> str:
    """A stable hex key for the given parts (lengths included, so parts cannot run together)."""
    from hashlib import blake2b  # only with --cache: not on the start-up path

    h = blake2b(digest_size=20)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def code_fingerprint(modules: Iterable[str]) -> str:
    """Size and mtime of every ``.py`` file of the top-level packages of ``modules``: a
    plugin upgraded or edited in place (an editable install) changes it."""
    import sys

    roots = set()
    for name in modules:
        module = sys.modules.get(name.partition(".")[0])
        file = getattr(module, "__file__", None)
        if file:
            roots.add(os.path.dirname(file) if file.endswith("__init__.py") else file)
    stamps = []
    for root in sorted(roots):
        for folder, dirs, files in os.walk(root) if os.path.isdir(root) else [("", [], [root])]:
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(f for f in files if f.endswith(".py")):
                with suppress(OSError):
                    st = os.stat(os.path.join(folder, name))
                    stamps.append(f"{folder}/{name}\0{st.st_size}\0{st.st_mtime_ns}")
    return digest(*stamps)


def _encode(d: Diagnostic) -> list[Any]:
    fix = None
    if d.fix is not None:
        fix = [list(d.fix.title), [[e.span.start, e.span.end, e.new_text] for e in d.fix.edits], d.fix.safe]
    return [d.code, d.severity, list(d.message), [d.span.start, d.span.end], d.rule, fix, d.entry]


def _decode(row: list[Any]) -> Diagnostic:
    code, severity, message, span, rule, fix, entry = row
    decoded_fix = None
    if fix is not None:
        title, edits, safe = fix
        decoded_fix = Fix(Msg(*title), tuple(Edit(Span(s, e), str(t)) for s, e, t in edits), bool(safe))
    if severity not in ("error", "warning", "info"):
        raise ValueError(severity)
    return Diagnostic(str(code), severity, Msg(*message), Span(*span), str(rule), decoded_fix, str(entry))


class Cached(NamedTuple):
    """What the cache keeps of a file's result: its findings and its facts."""

    diagnostics: tuple[Diagnostic, ...]
    facts: ReportFacts | None


def _encode_facts(facts: ReportFacts | None) -> list[Any] | None:
    return None if facts is None else list(facts)


def _decode_facts(row: list[Any] | None) -> ReportFacts | None:
    if row is None:
        return None
    organ, year, previous, copied = row
    return ReportFacts(
        None if organ is None else str(organ),
        None if year is None else int(year),
        None if previous is None else str(previous),
        None if copied is None else float(copied),
    )


class ResultCache:
    """Findings and facts per file, keyed by everything they depend on.

    ``salt`` holds what is the same for every file of a run (govlint's version, the pack's
    id, version and content, the plugins and the settings); :meth:`key` adds the file's path
    (it chooses the reader) and its bytes, and what of last year's report its result
    depends on (``previous``: its path and bytes, for a report paired with it)."""

    def __init__(self, root: Path, salt: str) -> None:
        self.root = root
        self.salt = digest(FORMAT, RESULT_FORMAT, __version__, salt)

    def key(self, path: str, data: bytes, previous: tuple[str | bytes, ...] = ()) -> str:
        return digest(self.salt, path, data, *previous)

    def _file(self, key: str) -> Path:
        return self.root / "results" / key[:2] / f"{key}.json"

    def get(self, key: str) -> Cached | None:
        """The stored findings and facts, or None when absent or unreadable."""
        import json  # the result cache only: not on the start-up path

        try:
            stored = json.loads(self._file(key).read_bytes())
            return Cached(tuple(_decode(row) for row in stored["diagnostics"]), _decode_facts(stored["facts"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, diagnostics: Iterable[Diagnostic], facts: ReportFacts | None = None) -> None:
        import json

        stored = {"diagnostics": [_encode(d) for d in diagnostics], "facts": _encode_facts(facts)}
        data = json.dumps(stored, ensure_ascii=False).encode("utf-8")
        with suppress(OSError):
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(tag, CACHEDIR_TAG.encode(), durable=False)
            entry = self._file(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(entry, data, durable=False)
