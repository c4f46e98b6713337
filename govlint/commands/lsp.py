"""``govlint lsp``: the language server over stdio; the server itself is :mod:`govlint.lsp`."""

from __future__ import annotations

import argparse

from govlint.commands import Subcommand


def lsp_arguments(lsp: argparse.ArgumentParser) -> None:
    lsp.add_argument("--lang", choices=("zh", "en"), default=None, help="message language (default: config, else zh)")
    lsp.add_argument("--debounce", type=float, default=None, metavar="MS", help="ms between runs while typing (200)")


def cmd_lsp(args: argparse.Namespace) -> int:
    from govlint.lsp.server import serve

    return serve(args.lang, args.debounce)


COMMANDS = {"lsp": Subcommand("语言服务器（标准输入输出） / language server over stdio", lsp_arguments, cmd_lsp)}
