"""Plugins: found once through entry points, blockable, and isolated when they fail."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from govlint.engine import Engine, Settings
from govlint.hookspecs import hookimpl
from govlint.model import Check, Context, Diagnostic, Msg, Report, Span
from govlint.plugins import find_plugins, load_plugins, path_state

BUILTINS = {"readers", "national-pack", "formatters", "structure", "identities"}


def test_builtins_are_entry_points() -> None:
    names = {p.name for p in find_plugins()}
    assert names >= BUILTINS
    assert find_plugins() is find_plugins()  # scanned once


def test_block_a_plugin_with_p_no() -> None:
    engine = Engine(Settings(blocked=("structure",)))
    codes = {c.code for c in engine.all_checks}
    assert not any(code.startswith("GL10") for code in codes)
    assert any(code.startswith("GL20") for code in codes)


def _raising(report: Report, ctx: Context) -> Iterator[Diagnostic]:
    raise RuntimeError("boom")
    yield  # pragma: no cover


class CrashingPlugin:
    @hookimpl
    def govlint_checks(self) -> list[Check]:
        return [Check("GL999", "always-crashes", "error", Msg("崩溃", "crashes"), "", _raising)]


class BrokenHookPlugin:
    @hookimpl
    def govlint_checks(self) -> list[Check]:
        raise ValueError("cannot list checks")


def test_a_crashing_check_is_one_internal_error_and_others_still_run() -> None:
    plugins = load_plugins()
    plugins.manager.register(CrashingPlugin(), name="crashing")
    engine = Engine(Settings(), plugins)
    result = engine.lint_text("r.md", "没有任何部分的报告\n")
    internal = [d for d in result.diagnostics if d.code == "GL900"]
    assert len(internal) == 1 and "GL999" in internal[0].message.en and "boom" in internal[0].message.en
    assert any(d.code == "GL101" for d in result.diagnostics)


def test_a_plugin_whose_hook_raises_is_reported_by_name() -> None:
    plugins = load_plugins()
    plugins.manager.register(BrokenHookPlugin(), name="broken-hook")
    engine = Engine(Settings(), plugins)
    result = engine.lint_text("r.md", "报告\n")
    messages = [d.message.en for d in result.diagnostics if d.code == "GL900"]
    assert any("broken-hook" in m and "cannot list checks" in m for m in messages)
    assert any(d.code == "GL101" for d in result.diagnostics)
    assert result.diagnostics[0].span == Span(0, 0)


def test_path_state_sees_installs_not_other_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    entries = [str(site), str(tmp_path / "missing"), str(tmp_path / "lib.zip")]
    before = path_state(entries)
    other = tmp_path / "reports"  # ``python -m govlint`` run from another folder
    other.mkdir()
    assert path_state([str(other), *entries]) == before
    (site / "report.md").write_text("x")  # a file saved in the current folder
    assert path_state(entries) == before
    (site / "plugin-1.0.dist-info").mkdir()  # an install
    installed = path_state(entries)
    assert installed != before
    os.utime(site / "plugin-1.0.dist-info", ns=(1, 1))  # reinstalled with the same name
    assert path_state(entries) != installed
    (site / "plugin-1.0.dist-info").rmdir()  # uninstalled
    assert path_state(entries) == before


def test_the_public_api_is_what_init_lists() -> None:
    """Every name of ``govlint.__all__`` resolves; a plugin needs nothing else."""
    import govlint
    from govlint import hookspecs, model

    for name in govlint.__all__:
        assert getattr(govlint, name) is not None
    assert govlint.hookimpl is hookspecs.hookimpl and govlint.Check is model.Check
