"""``govlint check`` options end to end: formats, exit codes, stdin, statistics, fixes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import SEEDS
from fixplugin import plugins_with_fixes

from govlint.commands import main

# Long and varied enough for the encoding to be recognised as GBK (short GBK input is not).
GBK_TEXT = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息1234条。。\n"
DOUBLED = "一、总体情况\n本年共收到申请5件。。\n本年共制发规范性文件5+1件【草稿】\n"


@pytest.fixture(autouse=True)
def fix_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every engine the CLI builds also has the test-only fix plugin (codes GL597–GL599)."""
    monkeypatch.setattr("govlint.engine.load_plugins", plugins_with_fixes)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.md"
    path.write_text(DOUBLED, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))


# --------------------------------------------------------------------------- exit codes


def test_findings_exit_1_and_nothing_is_written(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    before = (report.read_bytes(), report.stat().st_mtime_ns)
    code, out, _ = run(capsys, "--select", "GL59", str(report))
    assert code == 1
    assert f"{report}:2:10: GL597 警告 发现“。。” [*]" in out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert out.splitlines()[-1] == "共发现 3 个问题，检查了 1 个文件。 [*] 其中 1 个可用 --fix 自动修复。"
    assert (report.read_bytes(), report.stat().st_mtime_ns) == before


def test_exit_zero_and_fail_level(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    assert run(capsys, "--select", "GL59", "--exit-zero", str(report))[0] == 0
    assert run(capsys, "--select", "GL59", "--fail-level", "error", str(report))[0] == 0
    assert run(capsys, "--select", "GL597", "--fail-level", "warning", str(report))[0] == 1


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "ok.md"
    path.write_text("一、总体情况\n好。\n", encoding="utf-8")
    code, out, _ = run(capsys, "--select", "GL59", str(path))
    assert code == 0 and out == "共发现 0 个问题，检查了 1 个文件。\n"


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "nope"],
        ["--statistics", "--format", "sarif"],
        ["--fix", "--diff"],
        ["-p", "oops"],
        ["--stdin-filename", "x.md", "other.md"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], report: Path, args: list[str]) -> None:
    code, out, err = run(capsys, *args, str(report))
    assert code == 2 and out == ""
    assert err.startswith("govlint: ")


def test_unreadable_file_exits_2_but_others_are_checked(
    capsys: pytest.CaptureFixture[str], report: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "--select", "GL59", str(binary), str(report), str(tmp_path / "missing.md"))
    assert code == 2
    assert "GL597" in out
    assert "broken.txt" in err and "missing.md" in err


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_code_is_a_usage_error(capsys: pytest.CaptureFixture[str], report: Path, option: str) -> None:
    code, out, err = run(capsys, option, "GL59,gl2o1", str(report))
    assert (code, out) == (2, "")
    assert err == (f"govlint: {option}: 未知的规则代码 'GL2O1'（是否为 GL201？）/ "
                   "unknown rule code 'GL2O1' (did you mean GL201?)\n")


def test_unknown_code_is_refused_without_any_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A pre-commit hook whose ``args`` name a typo fails even when it is given no report."""
    code, out, err = run(capsys, str(tmp_path), "--ignore", "GL5,GL2O1")
    assert (code, out) == (2, "") and err.startswith("govlint: --ignore: 未知的规则代码 'GL2O1'")


def test_a_plugins_codes_are_known(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    assert run(capsys, "--select", "GL597", "--ignore", "GL59", str(report))[0] == 0


# --------------------------------------------------------------------------- output options


def test_quiet_and_english(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    _, out, _ = run(capsys, "--select", "GL597", "--quiet", "--lang", "en", str(report))
    assert out.splitlines()[0] == f"{report}:2:10: GL597 warning found '。。' [*]"
    assert "Found" not in out


def test_statistics(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    _, out, _ = run(capsys, "--select", "GL59", "--statistics", str(report))
    assert [line.split()[:2] for line in out.splitlines()[:3]] == [["1", "GL597"], ["1", "GL598"], ["1", "GL599"]]
    _, out, _ = run(capsys, "--select", "GL59", "--statistics", "--format", "json", str(report))
    assert json.loads(out)["statistics"][0] == {"code": "GL597", "rule": "test-doubled-stop", "count": 1, "fixable": 1}


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_machine_formats_print_only_their_format(
    capsys: pytest.CaptureFixture[str], report: Path, fmt: str
) -> None:
    code, out, _ = run(capsys, "--select", "GL59", "--format", fmt, str(report))
    assert code == 1
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "github":
        assert all(line.startswith("::warning file=") for line in out.splitlines())
    else:
        assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')


def test_stdin_filename(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, DOUBLED.encode("gbk"))
    code, out, _ = run(capsys, "--select", "GL597", "--format", "json", "--stdin-filename", "dir/r.md")
    assert code == 1
    data = json.loads(out)
    assert data["files"][0]["path"] == "dir/r.md"
    assert data["files"][0]["diagnostics"][0]["code"] == "GL597"


@pytest.mark.parametrize(("name", "reader"), [("r.md", "markdown"), ("r.txt", "text"), ("no-suffix", "text")])
def test_stdin_reader_follows_the_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, reader: str
) -> None:
    feed_stdin(monkeypatch, "一、总体情况\n".encode())
    code, out, _ = run(capsys, "--select", "GL580", "-q", "--stdin-filename", name)
    assert code == 0 and out == f"{name}:1:1: GL580 提示 {reader}\n    一、总体情况\n    ^\n"


def test_stdin_dash_without_a_name(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, "好。。\n".encode())
    code, out, _ = run(capsys, "--select", "GL597", "-q", "-")
    assert code == 1 and out.startswith("-:1:2: GL597")


def test_stdin_fix_prints_the_fixed_text(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, (GBK_TEXT * 3).replace("\n", "\r\n").encode("gbk"))
    code = main(["check", "--select", "GL597", "--fix", "--stdin-filename", "r.txt"])
    out, err = capsysbinary.readouterr()
    assert code == 0
    assert out == (GBK_TEXT * 3).replace("。。", "。").replace("\n", "\r\n").encode("gbk")
    assert "已修复 3 个问题".encode() in err


def test_stdin_fix_echoes_input_it_cannot_read(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, b"\x00\x01binary" * 50)
    code = main(["check", "--fix", "--stdin-filename", "r.txt"])
    out, err = capsysbinary.readouterr()
    assert code == 2 and out == b"\x00\x01binary" * 50
    assert b"r.txt" in err


# --------------------------------------------------------------------------- fixes


def test_fix_that_cannot_be_written_reports_the_file_as_it_is(
    capsys: pytest.CaptureFixture[str], report: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("os.access", lambda path, mode: False)
    code, out, err = run(capsys, "--select", "GL597", "--fix", str(report))
    assert code == 2
    assert "GL597" in out and "已修复" not in out
    assert "Permission denied" in err
    assert report.read_text(encoding="utf-8") == DOUBLED


def test_fix_on_gbk_crlf_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    text = GBK_TEXT * 3
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    code, out, _ = run(capsys, "--select", "GL597", "--fix", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "共发现 0 个问题，检查了 1 个文件。 已修复 3 个问题。"
    fixed = text.replace("。。", "。").replace("\n", "\r\n").encode("gbk")
    assert path.read_bytes() == fixed
    mtime = path.stat().st_mtime_ns
    code, out, _ = run(capsys, "--select", "GL597", "--fix", str(path))
    assert code == 0 and "已修复" not in out
    assert path.read_bytes() == fixed and path.stat().st_mtime_ns == mtime


def test_fix_reports_what_remains(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    code, out, _ = run(capsys, "--select", "GL59", "--fix", "--lang", "en", str(report))
    assert code == 1
    assert "GL597" not in out and "GL598" in out and "GL599" in out
    assert out.splitlines()[-1] == "Found 2 problem(s) in 1 file(s). Fixed 1 problem(s)."
    assert report.read_text(encoding="utf-8") == DOUBLED.replace("。。", "。")


def test_a_file_named_twice_is_checked_and_fixed_once(
    capsys: pytest.CaptureFixture[str], report: Path, tmp_path: Path
) -> None:
    other = tmp_path / "b.md"
    other.write_text("好。。\n", encoding="utf-8")
    again = str(report.parent / "." / report.name)
    code, out, _ = run(capsys, "--select", "GL597", "--fix", str(report), str(other), again, str(tmp_path))
    assert code == 0
    assert out.splitlines()[-1] == "共发现 0 个问题，检查了 2 个文件。 已修复 2 个问题。"


def test_unsafe_fixes(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    code, _, _ = run(capsys, "--select", "GL59", "--fix", "--unsafe-fixes", str(report))
    assert code == 0
    assert report.read_text(encoding="utf-8") == "一、总体情况\n本年共收到申请5件。\n本年共制发规范性文件6件\n"


def test_fix_with_machine_format_keeps_stdout_clean(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    code, out, _ = run(capsys, "--select", "GL597", "--fix", "--format", "json", str(report))
    assert code == 0 and json.loads(out)["files"][0]["diagnostics"] == []


def test_diff_writes_nothing(capsys: pytest.CaptureFixture[str], report: Path) -> None:
    before = report.read_bytes()
    code, out, err = run(capsys, "--select", "GL59", "--diff", str(report))
    assert code == 1
    assert out.splitlines() == [
        f"--- a/{str(report).lstrip('/')}",
        f"+++ b/{str(report).lstrip('/')}",
        "@@ -1,3 +1,3 @@",
        " 一、总体情况",
        "-本年共收到申请5件。。",
        "+本年共收到申请5件。",
        " 本年共制发规范性文件5+1件【草稿】",
    ]
    assert "would fix 1 problem(s) in 1 file(s)" in err
    assert report.read_bytes() == before
    code, out, _ = run(capsys, "--select", "GL598", "--diff", str(report))
    assert code == 0 and out == ""


# --------------------------------------------------------------------------- real rules' fixes


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("seed", "code", "old", "new"),
    [
        ("001_f827ae0e78b185da.txt", "GL501", "不规范情况。。", "不规范情况。"),  # doubled punctuation
        ("002_06aa47d0dcf0473e.txt", "GL106", "本年度止件数", "本年废止件数"),  # misspelt column header
    ],
)
def test_real_fix_on_a_seed_saved_as_gbk_crlf(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed: str, code: str, old: str, new: str
) -> None:
    """A real rule's safe fix on a seed re-encoded as GBK with CRLF: --diff writes nothing;
    --fix changes only that text and keeps GBK and CRLF; every other finding stays; a second
    --fix changes nothing."""
    source = SEEDS / seed
    text = source.read_text(encoding="utf-8")
    path = tmp_path / seed
    original = text.replace("\n", "\r\n").encode("gbk")
    path.write_bytes(original)

    def codes() -> list[str]:  # govlint's own rules only: the test plugin is blocked
        _, out, _ = run(capsys, "-p", "no:test-fixes", "--format", "json", str(path))
        return [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]]

    before = codes()
    assert code in before and "GL597" not in before
    _, out, _ = run(capsys, "--select", code, "--diff", str(path))
    line = next(line for line in text.splitlines() if old in line)
    assert f"-{line}" in out.splitlines() and f"+{line.replace(old, new)}" in out.splitlines()
    assert path.read_bytes() == original

    _, out, _ = run(capsys, "--select", code, "--fix", "--lang", "en", str(path))
    assert "Fixed 1 problem(s)." in out.splitlines()[-1]
    assert path.read_bytes() == text.replace(old, new).replace("\n", "\r\n").encode("gbk")
    after = codes()
    assert sorted([*after, code]) == sorted(before)

    fixed = path.read_bytes()
    _, out, _ = run(capsys, "--select", code, "--fix", "--lang", "en", str(path))
    assert "Fixed" not in out and path.read_bytes() == fixed


def test_only_a_process_of_its_own_has_its_collector_tuned(
    report: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``main()`` with the process's own command line freezes what the run built and
    collects less often; ``main(argv)`` (a library caller, these tests) changes nothing."""
    import gc

    threshold = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    run(capsys, str(report))
    assert (gc.get_freeze_count(), gc.get_threshold()) == (0, threshold)
    monkeypatch.setattr("sys.argv", ["govlint", "check", str(report)])
    try:
        assert main() == 1
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (10_000, *threshold[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


# --------------------------------------------------------------------------- -o FILE


@pytest.mark.parametrize("fmt", ["text", "json", "junit"])
def test_output_file_holds_what_stdout_would(capsys: pytest.CaptureFixture[str], report: Path, tmp_path: Path,
                                             fmt: str) -> None:
    code, printed, _ = run(capsys, "--format", fmt, str(report))
    target = tmp_path / "out" / "review.txt"
    target.parent.mkdir()
    code_to_file, out, _ = run(capsys, "--format", fmt, "-o", str(target), str(report))
    assert (code_to_file, out) == (code, "")
    assert target.read_text(encoding="utf-8") == printed


def test_output_file_is_not_replaced_by_a_usage_error(capsys: pytest.CaptureFixture[str], report: Path,
                                                      tmp_path: Path) -> None:
    target = tmp_path / "review.html"
    target.write_text("last week's page", encoding="utf-8")
    code, _, err = run(capsys, "--format", "nope", "-o", str(target), str(report))
    assert code == 2 and "unknown format" in err
    assert target.read_text(encoding="utf-8") == "last week's page"


def test_output_file_that_cannot_be_written_is_an_error(capsys: pytest.CaptureFixture[str], report: Path,
                                                        tmp_path: Path) -> None:
    code, out, err = run(capsys, "-o", str(tmp_path / "no-such-folder" / "out.txt"), str(report))
    assert code == 2 and out == "" and "cannot write" in err


def test_review_page_of_a_folder(capsys: pytest.CaptureFixture[str], report: Path, tmp_path: Path) -> None:
    (tmp_path / "clean.md").write_text("一、总体情况\n好。\n", encoding="utf-8")
    (tmp_path / "table.xls").write_bytes(b"\xd0\xcf")
    page = tmp_path / "out" / "review.html"
    page.parent.mkdir()
    code, out, _ = run(capsys, "--format", "html", "--select", "GL59", "-o", str(page), str(tmp_path))
    assert code == 1 and out == ""
    written = page.read_text(encoding="utf-8")
    assert written.startswith("<!DOCTYPE html>") and written.endswith("</html>\n")
    assert f'data-path="{tmp_path / "clean.md"}"' in written and 'data-state="clean"' in written
    assert f'data-path="{report}"' in written and 'data-state="warnings"' in written
    assert "<code>" + str(tmp_path / "table.xls") + "</code>" in written  # skipped, named in the totals
