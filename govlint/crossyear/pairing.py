"""Finding last year's report: the same organ's report for the year before.

Among the files being checked and, in a repository, the files beside a report (its folder
tree up to the folder holding its configuration file or the git root, whichever is nearer;
pre-commit passes only the changed files, so the predecessor is looked up here). Outside a
repository only the files checked are candidates: govlint does not go through a folder of
downloads. The
configuration's ``previous`` names it explicitly where titles do not tell. A pairing is plain
data (:class:`Pair`): the batch, its cache, pre-commit and the editor all make the same.
Every candidate's title is read once (:class:`Index`); last year's report is aligned only
when a report pairs with it, and its full reading must confirm what its title said.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from govlint._infra.records import NamedTuple
from govlint.align import align
from govlint.config import Config, absolute, find_config
from govlint.crossyear.organs import organ_key
from govlint.crossyear.titles import Title, read_title
from govlint.model import Document, Report
from govlint.source import DecodeError

if TYPE_CHECKING:
    from govlint.engine import Engine

#: (organ key, year) -> the files whose title says so
Keyed = dict[tuple[str, int], list[str]]


class Pair(NamedTuple):
    """A report and the report it follows."""

    path: str
    previous: str
    explicit: bool  # named by the configuration's ``previous``: their titles need not agree


class Index:
    """The organ and year of the reports a run may pair, each read once (:func:`read_title`):
    the files checked, and the files beside each (read when a report first looks there).
    ``engine_for`` gives the engine that reads a file, or None for a file not to pair with
    (excluded by its configuration, or under a configuration that cannot be used). The
    language server keeps one across lints: a file read before is read again only when its
    size or time changed, and :meth:`forget` drops the folder walks when files come or go."""

    def __init__(self, engine_for: Callable[[str], Engine | None], checked: Iterable[str] = (),
                 jobs: int | None = 1) -> None:
        self.engine_for = engine_for
        self.jobs = jobs  # worker processes that may read the titles of rendered files
        self._titles: dict[str, tuple[tuple[int, int], Title | None]] = {}
        checked = list(checked)
        self._read_ahead(checked)
        self._checked = self._keyed(checked)
        self._roots: dict[str, Path | None] = {}  # by folder
        self._trees: dict[Path, Keyed] = {}

    def title(self, path: str) -> Title | None:
        """What the file's title says (None: not a report, or unreadable)."""
        stamp = _stamp(path)
        if stamp is None:
            return None
        key = os.path.abspath(path)
        known = self._titles.get(key)
        if known is None or known[0] != stamp:
            known = self._titles[key] = (stamp, self._read(path))
        return known[1]

    def _read(self, path: str) -> Title | None:
        engine = self.engine_for(path)
        return read_title(engine, path) if engine is not None else None

    def _stamped(self, path: str) -> tuple[tuple[int, int], Title | None] | None:
        stamp = _stamp(path)
        return None if stamp is None else (stamp, self._read(path))

    def _read_ahead(self, paths: list[str]) -> None:
        """Read the titles of the Word, PDF and web-page files among ``paths`` in worker
        processes (``jobs``): each is rendered to find its title (10–30 ms a file), which
        one process would otherwise spend file after file before any report is linted. A text
        file's title costs its first 2 KB and is read when asked."""
        if self.jobs == 1:
            return
        from govlint.batch import map_paths

        rendered = [p for p in paths if os.path.abspath(p) not in self._titles and _rendered(self.engine_for(p), p)]
        for path, known in zip(rendered, map_paths(self._stamped, rendered, self.jobs, None), strict=True):
            if known is None:  # gone, or its worker died on it: not read again here, and no title
                stamp = _stamp(path)
                if stamp is None:
                    continue
                known = (stamp, None)
            self._titles[os.path.abspath(path)] = known

    def forget(self) -> None:
        """Look for roots and walk the folders again (files were added or removed)."""
        self._roots.clear()
        self._trees.clear()

    def previous(self, path: str, organ: str, year: int) -> str | None:
        """The file of ``organ``'s report for ``year - 1``: among those checked, then those
        beside ``path``; where several are (the same report as .md and .pdf), the one of the
        same kind nearest to ``path``."""
        key = (organ, year - 1)
        own = os.path.abspath(path)
        found: dict[str, str] = {}  # by absolute path: one file named two ways counts once
        for candidate in [*self._checked.get(key, ()), *self._tree(own).get(key, ())]:
            found.setdefault(os.path.abspath(candidate), candidate)
        found.pop(own, None)
        if len(found) <= 1:
            return next(iter(found.values()), None)
        suffix, parts = Path(path).suffix.lower(), Path(own).parts
        return min(
            found.items(), key=lambda c: (Path(c[1]).suffix.lower() != suffix, -_shared(Path(c[0]).parts, parts), c[1])
        )[1]

    def _keyed(self, paths: Iterable[str]) -> Keyed:
        keyed: Keyed = {}
        for path in paths:
            title = self.title(path)
            if title is not None and title.organ and title.year is not None:
                keyed.setdefault((title.organ, title.year), []).append(path)
        return keyed

    def _tree(self, path: str) -> Keyed:
        folder = os.path.dirname(path)
        if folder not in self._roots:
            self._roots[folder] = root_of(path)
        root = self._roots[folder]
        if root is None:
            return {}
        tree = self._trees.get(root)
        if tree is None:
            engine = self.engine_for(path)
            found = _walk(root, engine.suffixes()) if engine is not None else []
            self._read_ahead(found)
            tree = self._trees[root] = self._keyed(found)
        return tree


def _stamp(path: str) -> tuple[int, int] | None:
    """A file's size and modification time: its title is read again when they change."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _rendered(engine: Engine | None, path: str) -> bool:
    """Whether a file's reader renders it whole (Word, PDF, web pages), not read as text."""
    reader = engine.reader_for(path) if engine is not None else None
    return reader is not None and reader.read_bytes is not None


def _shared(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many leading folders two paths share."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def root_of(path: str) -> Path | None:
    """The folder tree a report's predecessor may stand in: up to the folder holding its
    configuration file or the git root, whichever is nearer; None outside a repository."""
    folder = absolute(path).parent
    config = find_config(folder)
    for here in (folder, *folder.parents):
        if (config is not None and config.parent == here) or (here / ".git").exists():
            return here
    return None


def _walk(root: Path, suffixes: set[str]) -> list[str]:
    """The report files under ``root`` as ``govlint check ROOT`` finds them, named relative
    to the current folder when they are in it (as a user names them)."""
    from govlint.commands import collect_files

    return [_shown(Path(f)) for f in collect_files([str(root)], suffixes).files]


def pair(path: str, reading: Title, index: Index, config: Config) -> Pair | None:
    """The report ``path`` follows, given what its title says (``reading``) and its
    configuration; None when there is none."""
    named = dict(config.previous).get(absolute(path))
    if named is not None:
        return Pair(path, _shown(named), True)
    if not reading.organ or reading.year is None:
        return None
    found = index.previous(path, reading.organ, reading.year)
    return Pair(path, found, False) if found is not None else None


def _shown(path: Path) -> str:
    """An absolute path as a user names it: relative to the current folder when it is in it."""
    cwd = Path.cwd()
    return str(path.relative_to(cwd)) if path.is_relative_to(cwd) else str(path)


def read_previous(engine: Engine, path: str) -> Report | None:
    """Last year's report read and aligned as ``engine`` reads reports, with the year its own
    title gives (a configured report year names the checked report's year, not this one's);
    None when it cannot be read. Its own problems are its own run's business."""
    try:
        loaded = engine.load_path(path)
    except DecodeError:
        return None
    document = loaded if isinstance(loaded, Document) else engine.document(loaded)
    if not isinstance(document, Document):
        return None
    try:
        return align(document, engine.pack)
    except Exception:  # the aligner failing on it is reported when it is checked itself
        return None


def previous_for(engine: Engine, report: Report, pairing: Pair, known: Report | None = None) -> Report | None:
    """Last year's report as ``pairing`` names it (``known`` when read already), when its full
    reading bears the pairing out (:func:`follows`)."""
    previous = known if known is not None else read_previous(engine, pairing.previous)
    return previous if previous is not None and follows(report, previous, pairing) else None


def follows(report: Report, previous: Report, pairing: Pair) -> bool:
    """Whether the two full readings bear the pairing out: named by the configuration, or the
    same organ and the year before (a title read from a file's first lines said so)."""
    if pairing.explicit:
        return True
    organ = organ_key(report.organ)
    return bool(organ) and organ == organ_key(previous.organ) and report.year is not None and (
        previous.year == report.year - 1
    )
