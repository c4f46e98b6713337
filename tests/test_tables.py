"""``govlint.tables``: the extraction stands apart from the command line (``tests/commands/test_tables.py``)."""

from __future__ import annotations

import subprocess
import sys

from govlint.tables import COLUMNS, Extracted, to_csv, to_json


def test_the_extraction_does_not_import_the_command_line() -> None:
    code = "import sys, govlint.tables; print(any(m.startswith('govlint.commands') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_file_that_could_not_be_read_has_no_rows() -> None:
    unread = Extracted("a.md", None, None, (), "a.md: unreadable")
    assert to_csv([unread]) == ",".join(COLUMNS) + "\n"
    assert '"error": "a.md: unreadable"' in to_json([unread])
