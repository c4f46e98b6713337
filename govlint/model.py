"""The values that flow through govlint: source spans, documents, aligned reports, diagnostics.

Everything is an immutable NamedTuple so that readers, the aligner and checks can share
values freely (also across processes) and plugins cannot corrupt each other's input.
Positions are always character offsets into ``Source.text``; line and column are derived
only when a diagnostic is printed, so every layer agrees on where a thing is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from decimal import Decimal
from itertools import accumulate, repeat
from operator import add
from typing import Any, Literal, TypeVar, cast

from govlint._infra.records import NamedTuple

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Span(NamedTuple):
    """Half-open range ``[start, end)`` of character offsets into ``Source.text``."""

    start: int
    end: int


class Place(NamedTuple):
    """Where a stretch of a rendered text stands in the original file, so a person holding
    the .pdf, .docx or web page can find a finding: from ``start`` (an offset into
    ``Source.text``) until the next place."""

    start: int
    where: Msg  # "第 3 页第 12 行" / "page 3, line 12"; "表格 2 第 4 行第 3 列"; "第 12 段"
    page: int | None = None  # the PDF page, 1-based
    line: int | None = None  # the line in the original: of the web page's source, of the PDF page


class Source(NamedTuple):
    """Decoded text of one file plus what is needed to write it back unchanged. For a format
    that is not text (.docx, .pdf, a web page), ``text`` is what its reader rendered
    (``govlint text FILE`` prints it), ``rendered`` names the format, and ``places`` map
    offsets back to the original file."""

    path: str
    text: str
    encoding: str
    newline: str  # "\n", "\r\n" or "\r": the file's dominant line ending
    bom: bool
    line_starts: tuple[int, ...]
    rendered: str = ""  # "docx", "pdf", "html" when ``text`` was rendered from that format
    places: tuple[Place, ...] = ()  # in order of ``start``

    @classmethod
    def from_text(
        cls,
        path: str,
        text: str,
        encoding: str = "utf-8",
        newline: str = "\n",
        bom: bool = False,
        rendered: str = "",
        places: tuple[Place, ...] = (),
    ) -> Source:
        """Build a Source from already-normalised text (``\\n`` line ends only)."""
        lines = text.split("\n")
        lines.pop()  # the last line has no "\n": each other line starts past the one before and its "\n"
        starts = tuple(accumulate(map(add, map(len, lines), repeat(1)), initial=0))  # C loops, no Python step a line
        return cls(path, text, encoding, newline, bom, starts, rendered, places)

    def place(self, offset: int) -> Place | None:
        """Where ``offset`` stands in the original file (None for a text file)."""
        i = bisect_right(self.places, offset, key=lambda p: p.start) - 1
        return self.places[i] if i >= 0 else None

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; column counts characters."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of :meth:`position` (1-based line and column)."""
        line = max(1, min(line, len(self.line_starts)))
        return min(self.line_starts[line - 1] + column - 1, len(self.text))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line without its line end."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return self.text[start:end]


# --------------------------------------------------------------------------- documents


class Heading(NamedTuple):
    """A heading candidate: Markdown ``#`` heading or a short numbered line in plain text."""

    level: int  # 1 = title, 2 = section (一、), 3 = sub-section (（一）), 4 = item
    text: str  # the heading text without Markdown markers
    span: Span


class Paragraph(NamedTuple):
    """Running prose; ``text`` is exactly ``source.text[span.start:span.end]``."""

    text: str
    span: Span


class Cell(NamedTuple):
    """One table cell as written; ``text`` is stripped, ``span`` covers it (empty cells
    get a zero-width span where they stand)."""

    text: str
    span: Span


class RawTable(NamedTuple):
    """Rows of cells in reading order, before any knowledge of the format is applied.

    A table whose source has a grid (Word, a web page, a GFM table, PDF rows rebuilt from
    positions) has ``columns`` > 0: every row then has exactly that many cells, a merged
    cell standing (the same Cell) in every position it covers, so each value knows its row
    and column. Text copied out of a PDF has no grid (``columns`` 0): a row is the cells
    of a line, in reading order. A table the reader found but whose cells it could not tell
    apart (a drawn box whose lines do not line up) has no rows and says why in ``unread``."""

    rows: tuple[tuple[Cell, ...], ...]
    span: Span
    columns: int = 0
    marked: bool = False  # a cell per line, each closed by its own mark ("0 |", "|" when empty): none lost
    oneline: bool = False  # cells are the words of a text with no line structure: a number may be several run together
    unread: str = ""  # why its cells could not be read ("box": a drawn box out of line); rows then empty


class Comment(NamedTuple):
    """An HTML comment (``<!-- ... -->``); kept for inline suppressions."""

    text: str  # the inside of the comment, stripped
    span: Span


Block = Heading | Paragraph | RawTable | Comment


class Document(NamedTuple):
    """What a reader makes of a Source: blocks in order of appearance."""

    source: Source
    blocks: tuple[Block, ...]
    reader: str


# --------------------------------------------------------------------------- aligned report


class Msg(NamedTuple):
    """A message in both languages govlint speaks."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Problem(NamedTuple):
    """Something the aligner could not map cleanly; structure checks turn these into
    diagnostics. ``kind`` is one of: ``missing_column``, ``extra_number``, ``empty_cell``,
    ``reworded_row``, ``unknown_row``, ``missing_row``, ``reworded_column``, ``bad_number``,
    ``run_together``, ``unreadable_table``."""

    kind: str
    span: Span
    table: str  # template id, e.g. "三"
    row: str  # template row id ("" for the table as a whole)
    detail: dict[str, str]


class CellValue(NamedTuple):
    """A value cell of a template row. ``value`` is None when the cell is blank or not a
    number (blank is not zero)."""

    column: str  # template column id
    raw: str
    value: Decimal | None
    span: Span


class RowMatch(NamedTuple):
    """A template row found in the report."""

    row: str  # template row id
    label: str  # the label as written in the report
    span: Span  # span of the label (or of the first value when the row has no label)
    cells: tuple[CellValue, ...]  # in template column order; len may be short if broken
    complete: bool  # every template column has a number

    def value(self, column: str) -> Decimal | None:
        for cell in self.cells:
            if cell.column == column:
                return cell.value
        return None

    def cell(self, column: str) -> CellValue | None:
        for cell in self.cells:
            if cell.column == column:
                return cell
        return None


class TableMatch(NamedTuple):
    """A table of the report mapped onto a template of the pack."""

    template: str  # template id, e.g. "二", "三", "四"
    span: Span
    rows: tuple[RowMatch, ...]

    def row(self, row_id: str) -> RowMatch | None:
        for r in self.rows:
            if r.row == row_id:
                return r
        return None


class SectionMatch(NamedTuple):
    """Where a section of the format stands in the report; ``heading`` None = missing."""

    key: str  # section id in the pack, e.g. "六"
    heading: Heading | None
    status: Literal["exact", "variant", "missing"]
    body: Span  # from after the heading to the next section heading


class Report(NamedTuple):
    """The document aligned to the pack: what the checks read. Checks never re-parse text."""

    document: Document
    pack: Pack
    year: int | None
    organ: str | None
    title: Heading | None
    sections: tuple[SectionMatch, ...]
    tables: tuple[TableMatch, ...]
    problems: tuple[Problem, ...]

    @property
    def source(self) -> Source:
        return self.document.source

    def section(self, key: str) -> SectionMatch | None:
        for s in self.sections:
            if s.key == key:
                return s
        return None

    def table(self, template: str) -> TableMatch | None:
        for t in self.tables:
            if t.template == template:
                return t
        return None


class Pack(NamedTuple):
    """A resolved rule pack: plain data (dicts and lists from YAML) plus where it came from."""

    id: str
    version: str
    title: str
    data: dict[str, Any]  # YAML data: its shape is checked when the pack is loaded
    origin: str  # file path or "distribution:NAME"
    chain: tuple[str, ...]  # ids of the packs it was built from, base first


T = TypeVar("T")


def moved(value: T, by: int) -> T:
    """``value`` with every Span in it (at any depth of tuples and records) moved by ``by``
    characters: what was read from a piece of text, placed where the piece stands in the
    whole. Plain ints (positions within the piece) stay as they are."""
    return value if not by else cast(T, _move(value, by))


_ATOMS = frozenset({str, int, bool, float, Decimal, type(None)})


def _move(value: Any, by: int) -> Any:
    cls = type(value)
    if cls is Span:
        return Span(value[0] + by, value[1] + by)
    if cls in _ATOMS or not isinstance(value, tuple):
        return value
    # Atoms are most fields: skipped here without a call (this runs for every block and
    # fact of a document an editor changes).
    items = [item if type(item) in _ATOMS else _move(item, by) for item in value]
    return tuple(items) if cls is tuple else cls._make(items)  # a record: rebuilt, fields moved


# --------------------------------------------------------------------------- diagnostics


class Edit(NamedTuple):
    """Replace ``source.text[span.start:span.end]`` with ``new_text``."""

    span: Span
    new_text: str


class Fix(NamedTuple):
    """A fix a rule offers; only ``safe`` fixes are applied by a plain ``--fix``."""

    title: Msg
    edits: tuple[Edit, ...]
    safe: bool


class Diagnostic(NamedTuple):
    """One finding. Checks build it with :meth:`Check.finding`, so code and name are the
    rule's own and written once."""

    code: str
    severity: Severity
    message: Msg
    span: Span
    rule: str  # the rule's one name (``Check.name``), e.g. "table-row-total"
    fix: Fix | None = None
    entry: str = ""  # the pack entry or identity that fired, where a rule has several ("row-total")


class OutputOptions(NamedTuple):
    """What a formatter is told about the run besides the results."""

    color: bool = False  # standard output is a terminal that takes colour
    quiet: bool = False  # only the problems: no summary line
    fixed: int = 0  # problems ``--fix`` repaired, for the summary line
    fail_level: Severity = "info"  # what fails a JUnit testcase (the CLI passes its --fail-level)
    checks: tuple[Check, ...] = ()  # rule metadata for SARIF, when the caller has it
    skipped: tuple[str, ...] = ()  # files of the folders checked that no reader takes
    verbose: bool = False  # name the skipped files, not only count them


class Context(NamedTuple):
    """What a check or formatter may consult besides the report: the language, the output
    options, during one lint a scratch dict where what several checks derive from the
    same report is kept (see :func:`govlint._infra.memo.per_lint`), and the same organ's
    report for the year before when one was found (cross-year rules; its path is
    ``previous.source.path``)."""

    lang: str
    options: OutputOptions = OutputOptions()
    scratch: dict[object, object] | None = None
    previous: Report | None = None


CheckFn = Callable[[Report, Context], Iterable[Diagnostic]]


class Check(NamedTuple):
    """A rule: its identity, its documentation and the function that runs it."""

    code: str  # "GL201"
    name: str  # "table-row-sum"
    severity: Severity  # default severity
    summary: Msg  # one line
    doc: str  # Markdown: what it checks, why, example that fires, example that passes, fix
    run: CheckFn

    @property
    def family(self) -> str:
        return self.code[:3] + "xx"

    def finding(
        self, message: Msg, span: Span, *, severity: Severity | None = None, fix: Fix | None = None, entry: str = ""
    ) -> Diagnostic:
        """A diagnostic of this rule: its code and name, its default severity unless the pack
        says otherwise, and the pack entry that fired where the rule has several."""
        return Diagnostic(self.code, severity or self.severity, message, span, self.name, fix, entry)


class Reader(NamedTuple):
    """Turns a Source into a Document; chosen by file suffix. A format that is not text
    (Word, PDF, a web page) has ``read_bytes``: the file's bytes and path to the Document
    they are read as, over the text its reader rendered (its Source has ``rendered`` and
    ``places``); it raises ``govlint.source.DecodeError`` with a message for the user when
    the file cannot be read at all. Its ``read`` then reads a rendered text as plain text.
    ``read_head``, where the format can be read in part for less (a PDF's first pages), is
    what a report's title is read from when only its organ and year are wanted."""

    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Source], Document]
    read_bytes: Callable[[bytes, str], Document] | None = None
    read_head: Callable[[bytes, str], Document] | None = None


class ReportFacts(NamedTuple):
    """What a view of many reports shows of one besides its findings (a province's review
    page, the tables' roll-up): whose report it is, and how it stands to last year's."""

    organ: str | None
    year: int | None
    previous: str | None = None  # the path of the same organ's report for the year before, when found
    copied: float | None = None  # the share of its prose found in that report (内容雷同), 0 to 1


class FileResult(NamedTuple):
    """Everything govlint found for one file; ``error`` set when it could not be read."""

    path: str
    source: Source | None
    diagnostics: tuple[Diagnostic, ...]
    error: str | None = None
    facts: ReportFacts | None = None  # None when the file was not read or aligned


class CodeCount(NamedTuple):
    """How often one code was reported and how many of those a plain ``--fix`` would fix."""

    code: str
    rule: str
    total: int
    fixable: int


class Tally(NamedTuple):
    """What the end of the output needs of the files printed before it (summary line,
    ``--statistics``, SARIF rules and notifications): a streamed run keeps this, not results."""

    files: int = 0
    counts: tuple[CodeCount, ...] = ()  # one per code, in order of first appearance
    errors: tuple[tuple[str, str], ...] = ()  # (path, message) of files that could not be read
    # Files by status (see ``govlint.output.streaming.status_of``), for the per-file summary of a
    # run over many reports; the counts alone cannot tell a file with two errors from two files.
    statuses: tuple[tuple[str, int], ...] = ()


class Stream(NamedTuple):
    """A formatter that prints file by file, so a batch's memory does not grow with it: the
    output is ``begin``, then each file's non-empty piece joined by ``sep``, then ``end`` of the
    tally of all files. ``file`` may run in a pool worker, next to the file's whole text."""

    begin: Callable[[Context], str]
    file: Callable[[FileResult, Context], str]
    end: Callable[[Tally, Context], str]
    sep: str = ""


class Formatter(NamedTuple):
    """Renders results for one output format (``--format NAME``); with ``stream`` the batch
    prints each file as it is linted instead of calling ``render`` on all of them."""

    name: str
    render: Callable[[list[FileResult], Context], str]
    stream: Stream | None = None
