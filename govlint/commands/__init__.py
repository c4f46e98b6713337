"""The ``govlint`` command: its parser, :func:`main` and the exit codes of every subcommand.

Each subcommand is a module of this package that declares, in its ``COMMANDS``, its line
of help, what adds its arguments and what runs it: :mod:`~govlint.commands.check`,
:mod:`~govlint.commands.tables`, :mod:`~govlint.commands.text`, :mod:`~govlint.commands.rules` (``rules`` and ``rule``),
:mod:`~govlint.commands.pack`, :mod:`~govlint.commands.config` and
:mod:`~govlint.commands.lsp`. Only the module of the command being run is imported, and
heavy modules are imported inside the commands, so start-up stays cheap. What several
commands share (the exit codes, the walk of folders, printing JSON and YAML) is here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from enum import IntEnum
from importlib import import_module
from pathlib import Path
from typing import Any

from govlint import __version__
from govlint._infra.records import NamedTuple


class ExitStatus(IntEnum):
    """What ``govlint`` exits with, as ruff does."""

    SUCCESS = 0  # done; for ``check``: nothing at or above the fail level
    FAILURE = 1  # findings (``check``), changes to make (``check --diff``), failing examples (``pack test``)
    ERROR = 2  # usage, configuration or read errors


class Subcommand(NamedTuple):
    """One ``govlint`` command, as its module declares it."""

    help: str  # its line in ``govlint -h``
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


#: The module of each command, in the order ``govlint -h`` lists them.
_MODULES = {"check": "check", "tables": "tables", "text": "text", "rules": "rules", "rule": "rules", "pack": "pack",
            "config": "config", "lsp": "lsp"}


def _subcommand(name: str) -> Subcommand:
    command: Subcommand = import_module(f"{__name__}.{_MODULES[name]}").COMMANDS[name]
    return command


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    """The command line. Only the command ``argv`` runs is set up (``govlint -h``, no command
    or an unknown one get every command): argparse makes a parser per command, and setting
    up all seven with their ~50 arguments cost ~4 ms of every start-up."""
    p = argparse.ArgumentParser(
        prog="govlint",
        description="政府信息公开工作年度报告检查工具 / "
        "linter for government information-disclosure annual reports",
    )
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    wanted = next((a for a in argv if not a.startswith("-")), None)
    for name in _MODULES:
        if wanted not in _MODULES or wanted == name:
            command = _subcommand(name)
            command.arguments(sub.add_parser(name, help=command.help))
    return p


class Collected(NamedTuple):
    """The files a run covers, what could not be found, and the files of its folders that
    no reader takes (counted in the summary, named with ``--verbose``)."""

    files: list[str]
    errors: list[str]
    skipped: list[str]


def collect_files(paths: Sequence[str], suffixes: set[str]) -> Collected:
    """Expand folders into report files. Explicit files are always checked whatever their
    suffix; hidden files and folders and Word's lock files (``~$报告.docx``) are passed over."""
    found = Collected([], [], [])
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, names in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(n for n in names if not n.startswith((".", "~$"))):
                    wanted = Path(name).suffix.lower() in suffixes
                    (found.files if wanted else found.skipped).append(str(Path(root) / name))
        elif path.exists() or path.is_symlink():
            found.files.append(raw)
        else:
            found.errors.append(f"{raw}: 文件不存在 / no such file or directory")
    return found


def print_json(doc: object) -> None:
    import json  # not every command prints JSON

    print(json.dumps(doc, ensure_ascii=False, indent=2))


def print_yaml(doc: Any) -> None:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 120
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]  # keep the pack's order
    yaml.dump(doc, sys.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command. Without ``argv`` (the console script, ``python -m govlint``) the
    command line is the process's own, and so is the process: only then does ``check``
    tune the garbage collector for it."""
    own_process = argv is None
    argv = sys.argv[1:] if argv is None else argv
    parser = _parser(argv)
    args = parser.parse_args(argv)
    args.own_process = own_process
    if args.command not in _MODULES:
        parser.print_help()
        return ExitStatus.ERROR
    try:
        return _subcommand(args.command).run(args)
    except KeyboardInterrupt:
        return ExitStatus.ERROR
    except BrokenPipeError:
        return ExitStatus.SUCCESS
