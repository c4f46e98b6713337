"""Property tests of the PDF reader: random bytes named .pdf and damaged copies of a real PDF
are read or refused with one clear error, never a traceback (a reader that raises anything
but DecodeError shows as the engine's "the pdf reader could not read this file")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.engine import Engine, Settings
from govlint.model import Document
from govlint.source import DecodeError
from tests.robustness.fuzzing import PROPERTY_EXAMPLES, assert_renders, assert_sound

ENGINE = Engine(Settings())
CLEAN = (Path(__file__).resolve().parent.parent / "readers" / "pdf" / "break.pdf").read_bytes()
QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@st.composite
def damaged_pdf(draw: st.DrawFn) -> bytes:
    """The clean PDF with a few stretches overwritten, cut out or doubled, or cut short."""
    data = bytearray(CLEAN)
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(data) - 1))
        size = draw(st.integers(1, 2000))
        how = draw(st.sampled_from(["overwrite", "cut", "double", "truncate"]))
        if how == "overwrite":
            data[at : at + size] = draw(st.binary(min_size=size, max_size=size))
        elif how == "cut":
            del data[at : at + size]
        elif how == "double":
            data[at:at] = data[at : at + size]
        else:
            del data[at:]
        if not data:
            break
    return bytes(data)


def _check(data: bytes) -> None:
    try:
        loaded = ENGINE.load(data, "report.pdf")
    except DecodeError as exc:
        assert str(exc).startswith("report.pdf: ") and "reader could not read" not in str(exc), exc
        return
    assert isinstance(loaded, Document) and loaded.source.rendered == "pdf"
    result = ENGINE.lint(loaded)
    assert_sound(result)
    assert_renders(ENGINE, [result])


@QUICK
@given(st.binary(max_size=3000))
def test_random_bytes_named_pdf(data: bytes) -> None:
    _check(data)


@QUICK
@given(st.binary(max_size=3000).map(lambda tail: b"%PDF-1.7\n" + tail))
def test_random_bytes_after_a_pdf_header(data: bytes) -> None:
    _check(data)


@QUICK
@given(damaged_pdf())
def test_damaged_pdfs(data: bytes) -> None:
    _check(data)
