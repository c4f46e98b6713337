"""``govlint config PATH``: the resolved configuration of a path (:func:`govlint.config.describe`)."""

from __future__ import annotations

import argparse
import sys

from govlint.commands import ExitStatus, Subcommand, print_json, print_yaml


def config_arguments(config: argparse.ArgumentParser) -> None:
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--format", choices=("yaml", "json"), default="yaml")


def cmd_config(args: argparse.Namespace) -> int:
    from pathlib import Path

    from govlint.config import ConfigError, Overrides, describe
    from govlint.packs import PackError
    from govlint.routing import Router

    if not Path(args.path).exists():  # a typo would otherwise show the configuration of its folder
        print(f"govlint: {args.path}: 文件不存在 / no such file or directory", file=sys.stderr)
        return ExitStatus.ERROR
    try:
        doc = describe(args.path, Overrides())
        Router().engine(args.path)  # what check refuses, this refuses too: a broken pack, an unknown code
    except (ConfigError, PackError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return ExitStatus.ERROR
    if args.format == "json":
        print_json(doc)
    else:
        print_yaml(doc)
    return ExitStatus.SUCCESS


COMMANDS = {
    "config": Subcommand("某路径的最终配置 / the resolved configuration for a path", config_arguments, cmd_config),
}
