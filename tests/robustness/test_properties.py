"""Property tests: whatever the input, govlint never raises, every output format is
well-formed, and ``check`` exits 0, 1 or 2.

Most properties call the engine in-process for speed; a few go through ``govlint.commands.main``.
The dedicated slow test mixes every generator; see tests/robustness/fuzzing.py for the
example counts (CI runs a short version; ``GOVLINT_FUZZ_EXAMPLES=10000`` for the long run).
"""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from conftest import seed_paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.commands import main
from govlint.engine import Engine, Settings
from tests.robustness.fuzzing import FUZZ_EXAMPLES, PROPERTY_EXAMPLES, assert_renders, assert_sound, lint_bytes

ENGINE = Engine(Settings())
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in seed_paths()]
SUFFIXES = st.sampled_from([".txt", ".md", ".markdown", ""])
QUICK = settings(max_examples=PROPERTY_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

# --------------------------------------------------------------------------- generators

seed_text = st.sampled_from(SEED_TEXTS)


@st.composite
def truncated_seed(draw: st.DrawFn) -> bytes:
    """A seed cut anywhere, possibly inside a UTF-8 sequence."""
    data = draw(seed_text).encode("utf-8")
    return data[: draw(st.integers(0, len(data)))]


@st.composite
def shuffled_seed(draw: st.DrawFn) -> bytes:
    lines = draw(seed_text).split("\n")
    return "\n".join(draw(st.permutations(lines))).encode("utf-8")


@st.composite
def mangled_cells(draw: st.DrawFn) -> bytes:
    """A seed with random cells (whitespace-separated tokens) deleted or doubled."""
    rows = [line.split("\t") if "\t" in line else line.split(" ") for line in draw(seed_text).split("\n")]
    for _ in range(draw(st.integers(1, 40))):
        row = rows[draw(st.integers(0, len(rows) - 1))]
        if not row:
            continue
        at = draw(st.integers(0, len(row) - 1))
        if draw(st.booleans()):
            del row[at]
        else:
            row.insert(at, row[at])
    return "\n".join(" ".join(row) for row in rows).encode("utf-8")


@st.composite
def markdown_soup(draw: st.DrawFn) -> bytes:
    """Markdown built from the constructs the reader handles, in random order and depth."""
    pieces = st.sampled_from([
        "# 一、总体情况\n", "## （一）主动公开\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "|", "\n\n", "> ", "- ",
        "1. ", "    ", "<table><tr><td rowspan=2>1</td></tr></table>", "<!-- govlint-disable GL1 -->",
        "**", "`", "[", "](", ")", "一", "（七）总计", "0", "—", "\t", "\r\n", "\u3000", "\ufeff",
    ])
    return "".join(draw(st.lists(pieces, max_size=200))).encode(draw(st.sampled_from(["utf-8", "utf-16", "gb18030"])))


random_bytes = st.binary(max_size=3000)
random_text = st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass"))
any_input = st.one_of(random_bytes, random_text, truncated_seed(), shuffled_seed(), mangled_cells(), markdown_soup())


def _check(data: bytes, suffix: str) -> None:
    result = lint_bytes(ENGINE, data, f"report{suffix}")
    assert_sound(result)
    assert_renders(ENGINE, [result])


# --------------------------------------------------------------------------- quick properties


@QUICK
@given(random_bytes, SUFFIXES)
def test_random_bytes(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@QUICK
@given(random_text, SUFFIXES)
def test_random_unicode(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@pytest.mark.seeds
@QUICK
@given(truncated_seed(), SUFFIXES)
def test_truncated_seeds(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@pytest.mark.seeds
@QUICK
@given(shuffled_seed(), SUFFIXES)
def test_shuffled_seeds(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@pytest.mark.seeds
@QUICK
@given(mangled_cells(), SUFFIXES)
def test_cells_deleted_or_doubled(data: bytes, suffix: str) -> None:
    _check(data, suffix)


@QUICK
@given(markdown_soup())
def test_markdown_soup(data: bytes) -> None:
    _check(data, ".md")


@pytest.mark.seeds
@settings(max_examples=max(3, PROPERTY_EXAMPLES // 5), deadline=None, suppress_health_check=list(HealthCheck))
@given(any_input, SUFFIXES, st.sampled_from(["text", "json", "sarif", "github", "junit"]))
def test_through_the_cli(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str, fmt: str) -> None:
    path = tmp_path_factory.mktemp("cli") / f"r{suffix}"
    path.write_bytes(data)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--format", fmt, str(path)])
    assert code in (0, 1, 2)
    if fmt in ("json", "sarif"):
        json.loads(out.getvalue())


# --------------------------------------------------------------------------- the long run


@pytest.mark.seeds
@pytest.mark.slow
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(any_input, SUFFIXES)
def test_fuzz_everything(data: bytes, suffix: str) -> None:
    """Every generator mixed; ``GOVLINT_FUZZ_EXAMPLES=10000`` for the long run."""
    result = lint_bytes(ENGINE, data, f"report{suffix}")
    assert_sound(result)
    assert_renders(ENGINE, [result])
