"""The ``govlint`` parser, :func:`govlint.commands.main` and the exit codes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from govlint import commands as cli
from govlint.commands import ExitStatus, main


def test_exit_codes_are_ruffs() -> None:
    assert [(s.name, int(s)) for s in ExitStatus] == [("SUCCESS", 0), ("FAILURE", 1), ("ERROR", 2)]


def test_no_command_prints_the_help_and_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == ExitStatus.ERROR
    assert "COMMAND" in capsys.readouterr().out


def test_the_command_run_gets_its_arguments_and_help_lists_every_command() -> None:
    assert cli._parser(["tables", "x"]).parse_args(["tables", "--format", "json", "x"]).format == "json"
    assert cli._parser(["pack", "list"]).parse_args(["pack", "list", "--format", "json"]).format == "json"
    assert cli._parser(["config"]).parse_args(["config", "--format", "json"]).format == "json"
    assert cli._parser(["check", "-q"]).parse_args(["check", "-q", "a.md"]).quiet
    listing = cli._parser([]).format_help()
    assert all(name in listing for name in ("check", "tables", "rules", "rule", "pack", "config", "lsp"))


def test_only_the_module_of_the_command_run_is_imported() -> None:
    """Each subcommand is a module; setting up ``rule`` imports ``rules`` and no other."""
    code = ("import sys; from govlint.commands import _parser; _parser(['rule', 'GL201']); "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('govlint.commands.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["govlint.commands.rules"]
