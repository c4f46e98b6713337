"""govlint: a linter for 政府信息公开工作年度报告 (government information-disclosure annual reports).

The public plugin API is what :data:`__all__` lists: the hook specifications and marker
(:mod:`govlint.hookspecs`) and the values plugins receive and return (:mod:`govlint.model`).
Everything else is govlint's own and may change between versions.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

#: Where each public name is defined; imported on first use, so ``import govlint`` costs
#: nothing more (every command imports the package before anything else).
_PUBLIC = {
    "API_VERSION": "govlint.hookspecs",
    "hookimpl": "govlint.hookspecs",
    "hookspec": "govlint.hookspecs",
    **dict.fromkeys(
        (
            "Cell", "Check", "CheckFn", "Comment", "Context", "Diagnostic", "Document", "Edit", "FileResult", "Fix",
            "Formatter", "Heading", "Msg", "OutputOptions", "Pack", "Paragraph", "RawTable", "Reader", "Report",
            "Severity", "Source", "Span", "Stream", "Tally",
        ),
        "govlint.model",
    ),
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    return getattr(importlib.import_module(module), name)
