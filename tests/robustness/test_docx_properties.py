"""Property tests of the Word reader: whatever the bytes of a .docx (.doc, .wps) file, govlint
reads them or refuses them with one DecodeError, and what it read lints soundly."""

from __future__ import annotations

from conftest import CLEAN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.engine import Engine, Settings
from govlint.model import FileResult
from govlint.readers import docx
from govlint.source import DecodeError
from tests.readers.docx import build
from tests.robustness.fuzzing import PROPERTY_EXAMPLES, assert_sound

ENGINE = Engine(Settings())
QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
REPORT = build.save(build.report(CLEAN))
SUFFIXES = st.sampled_from([".docx", ".doc", ".wps"])
#: WordprocessingML pieces the reader handles, put together in any order and depth.
PIECES = st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "一、总体情况", "（一）", "12", "<w:tbl>", "</w:tbl>",
    "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:tcPr><w:gridSpan w:val='3'/><w:vMerge/></w:tcPr>",
    "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>", "<w:trPr><w:gridBefore w:val='99999'/></w:trPr>",
    "<w:pPr><w:numPr><w:ilvl w:val='-1'/><w:numId w:val='1'/></w:numPr></w:pPr>", "<w:pPr><w:pStyle w:val='Heading1'/>"
    "<w:outlineLvl w:val='x'/></w:pPr>", "<w:ins>", "</w:ins>", "<w:del>", "</w:del>", "<w:sdt><w:sdtContent>",
    "</w:sdtContent></w:sdt>", "<w:br/>", "<w:tab/>", "&amp;", "&lt;", "<", "&bogus;",
])


def _lint(data: bytes, path: str) -> FileResult:
    """The reader called itself (the engine would turn any exception into a DecodeError):
    only a DecodeError may come out of it."""
    read = docx.read_bytes if path.endswith(".docx") else docx.read_legacy
    try:
        document = read(data, path)
    except DecodeError as exc:
        return FileResult(path, None, (), str(exc))
    return ENGINE.lint(document)


#: Where the clean report as Word is cut, and which of its bytes are changed to what (drawn
#: as numbers, so a failing case prints short).
cuts = st.one_of(st.just(len(REPORT)), st.integers(0, len(REPORT)))
changes = st.lists(st.tuples(st.integers(0, len(REPORT) - 1), st.integers(0, 255)), max_size=8)


def damaged(cut: int, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(REPORT)
    for at, value in edits:
        data[at] = value
    return bytes(data[:cut])


@st.composite
def body_soup(draw: st.DrawFn) -> bytes:
    """A Word file whose body is WordprocessingML pieces in any order (mostly not well-formed)."""
    return build.with_body(REPORT, "".join(draw(st.lists(PIECES, max_size=120))))


PARAGRAPH_PROPS = st.sampled_from([
    "", "<w:pPr><w:pStyle w:val='Heading1'/></w:pPr>", "<w:pPr><w:pStyle w:val='Title'/></w:pPr>",
    "<w:pPr><w:outlineLvl w:val='1'/></w:pPr>",
    "<w:pPr><w:numPr><w:ilvl w:val='3'/><w:numId w:val='1'/></w:numPr></w:pPr>",
])
CELL_PROPS = st.sampled_from([
    "", "<w:tcPr><w:gridSpan w:val='2'/></w:tcPr>", "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>",
    "<w:tcPr><w:vMerge/></w:tcPr>", "<w:tcPr><w:hMerge/></w:tcPr>",
    "<w:tcPr><w:gridSpan w:val='999'/><w:vMerge/></w:tcPr>",
])
TEXTS = st.sampled_from(["一、总体情况", "（一）予以公开", "12", "", "行政许可", "Total", "<w:br/>", "<w:tab/>"])


def _paragraph(props: str, texts: list[str]) -> str:
    return f"<w:p>{props}" + "".join(t if t.startswith("<") else f"<w:r><w:t>{t}</w:t></w:r>" for t in texts) + "</w:p>"


def _table(rows: list[list[tuple[str, list[str]]]]) -> str:
    return "<w:tbl>" + "".join(
        "<w:tr>" + "".join(f"<w:tc>{props}{''.join(blocks) or '<w:p/>'}</w:tc>" for props, blocks in row) + "</w:tr>"
        for row in rows) + "</w:tbl>"


paragraphs = st.builds(_paragraph, PARAGRAPH_PROPS, st.lists(TEXTS, max_size=4))
blocks = st.recursive(paragraphs, lambda inner: st.one_of(
    st.builds(_table, st.lists(st.lists(st.tuples(CELL_PROPS, st.lists(inner, max_size=2)), min_size=1, max_size=4),
                               min_size=1, max_size=4)),
    inner.map(lambda b: f"<w:sdt><w:sdtContent>{b}</w:sdtContent></w:sdt>"),
    inner.map(lambda b: f"<w:ins>{b}</w:ins>"),
), max_leaves=30)


@QUICK
@given(st.lists(blocks, max_size=8))
def test_any_well_formed_body_reads_to_sound_grids(body: list[str]) -> None:
    result = _lint(build.with_body(REPORT, "".join(body)), "report.docx")
    assert result.error is None
    assert_sound(result)


@QUICK
@given(st.binary(max_size=3000), SUFFIXES)
def test_random_bytes_as_word_never_raise(data: bytes, suffix: str) -> None:
    assert_sound(_lint(data, f"report{suffix}"))


@QUICK
@given(cuts, changes)
def test_a_damaged_word_file_never_raises(cut: int, edits: list[tuple[int, int]]) -> None:
    assert_sound(_lint(damaged(cut, edits), "report.docx"))


@QUICK
@given(body_soup())
def test_any_body_never_raises(data: bytes) -> None:
    assert_sound(_lint(data, "report.docx"))
