"""A real editor: headless Neovim with exactly the configuration docs/editors.md gives.

tests/test_lsp.py speaks the protocol with a test client; this test takes the path a user
takes: Neovim starts ``govlint lsp`` from the documented snippet, shows the findings of an
opened report, applies a quick fix picked from the code-action menu and then fix all (the
documented command for the running Neovim version), and saves. The snippet and the fix-all
command are read out of the Markdown, so the documentation cannot drift from what is tested.
The Lua side (neovim_driver.lua) bounds each wait and always quits; this side kills Neovim's
process group if it has not finished in time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

#: The Neovim to test: GOVLINT_TEST_NVIM (to try another version), else ``nvim`` on PATH.
NVIM = os.environ.get("GOVLINT_TEST_NVIM") or shutil.which("nvim")
pytestmark = pytest.mark.skipif(
    NVIM is None, reason="nvim not found: install Neovim (apt-get install neovim) to test the editor setup"
)

DOC = ROOT / "docs" / "editors.md"
DRIVER = Path(__file__).with_name("neovim_driver.lua")
MARKER = "<!-- tests/editors/test_neovim.py runs this block, unchanged, as Neovim's init.lua -->"
CLEAN = (ROOT / "tests" / "fixtures" / "clean-minimal.md").read_text(encoding="utf-8")
#: A misspelt column label of table 二 (GL106, warning) and a doubled 。 (GL501, info).
DEFECTIVE = CLEAN.replace("本年废止件数", "本年度止件数").replace("推进政务公开。全年", "推进政务公开。。全年")
WAIT_MS = 30_000  # each wait inside Neovim
RUN_SECONDS = 150  # the whole Neovim run (a handful of waits at most)


def documented_init() -> str:
    """The Lua block right after the marker comment in docs/editors.md."""
    text = DOC.read_text(encoding="utf-8")
    assert text.count(MARKER) == 1, f"{DOC}: the marker comment before the Neovim snippet is missing"
    found = re.match(r"\n```lua\n(.*?\n)```\n", text.split(MARKER, 1)[1], re.S)
    assert found, f"{DOC}: no ```lua block right after the marker comment"
    return found.group(1)


def documented_fix_all() -> dict[str, str]:
    """The fix-all command of each row of the doc's table, by Neovim version ("0.7", "0.8 and later")."""
    rows = re.findall(r"^\| (0\.\d+[^|]*?) \| `(:lua [^`]+)`", DOC.read_text(encoding="utf-8"), re.M)
    return dict(rows)


def govlint_bin() -> Path:
    """The folder of the ``govlint`` command of the Python running the tests (the venv's bin/)."""
    here = Path(sys.executable).parent
    if (here / "govlint").exists():
        return here
    found = shutil.which("govlint")
    assert found, f"no govlint command beside {sys.executable} or on PATH: pip install -e . first"
    return Path(found).parent


def run_neovim(tmp_path: Path, report: Path, wait_ms: int = WAIT_MS) -> tuple[dict[str, object], str]:
    """Run Neovim on ``report`` (each wait inside at most ``wait_ms``); returns what the driver
    recorded and Neovim's and the LSP client's logs (for failure messages)."""
    init = tmp_path / "init.lua"
    init.write_text(documented_init(), encoding="utf-8")
    fix_all = documented_fix_all()
    result = tmp_path / "result.json"
    xdg = tmp_path / "xdg"
    env = {k: v for k, v in os.environ.items() if k not in {"VIMINIT", "MYVIMRC", "NVIM", "NVIM_LISTEN_ADDRESS"}}
    env.update(
        PATH=f"{govlint_bin()}{os.pathsep}{env.get('PATH', '')}",  # as the doc says: govlint on PATH
        # no user configuration, plugins, shada or logs from the machine running the tests
        XDG_CONFIG_HOME=str(xdg / "config"),
        XDG_DATA_HOME=str(xdg / "data"),
        XDG_STATE_HOME=str(xdg / "state"),
        XDG_CACHE_HOME=str(xdg / "cache"),
        NVIM_LOG_FILE=str(tmp_path / "nvim.log"),
        GOVLINT_NVIM_RESULT=str(result),
        GOVLINT_NVIM_WAIT_MS=str(wait_ms),
        GOVLINT_FIX_ALL_07=fix_all["0.7"],
        GOVLINT_FIX_ALL_08=fix_all["0.8 and later"],
    )
    command = [NVIM, "--headless", "-u", str(init), "-i", "NONE", "-n", str(report), f"+luafile {DRIVER}"]
    with subprocess.Popen(
        command,
        cwd=report.parent,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # Neovim and the server it started, to kill together
    ) as nvim:
        try:
            output, _ = nvim.communicate(timeout=RUN_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(nvim.pid, signal.SIGKILL)
            output, _ = nvim.communicate()
            pytest.fail(f"Neovim did not finish in {RUN_SECONDS} s:\n{logs(tmp_path, output)}")
    if not result.exists():
        pytest.fail(f"Neovim exited ({nvim.returncode}) without a result:\n{logs(tmp_path, output)}")
    return json.loads(result.read_text(encoding="utf-8")), logs(tmp_path, output)


def logs(tmp_path: Path, output: bytes) -> str:
    parts = [f"--- nvim output\n{output.decode(errors='replace')}"]
    for log in [tmp_path / "nvim.log", *sorted((tmp_path / "xdg").rglob("lsp.log"))]:
        if log.exists():
            parts.append(f"--- {log.name}\n{log.read_text(errors='replace')[-4000:]}")
    return "\n".join(parts)


def test_documented_commands_cover_every_neovim_version() -> None:
    assert set(documented_fix_all()) == {"0.7", "0.8 and later"}
    assert "vim.lsp.start_client" in documented_init() and "vim.lsp.start(" in documented_init()


@pytest.mark.parametrize(
    ("name", "wait_ms"),
    [
        ("pingluo-2023.md", WAIT_MS),
        pytest.param("平罗县2023年政府信息公开工作年度报告.md", WAIT_MS, id="chinese-name"),
    ],
)
def test_neovim_fixes_and_saves_a_report(tmp_path: Path, name: str, wait_ms: int) -> None:
    folder = tmp_path / "reports" / "2023"
    folder.mkdir(parents=True)
    report = folder / name
    report.write_text(DEFECTIVE, encoding="utf-8")
    seen, log = run_neovim(tmp_path, report, wait_ms)
    context = f"{json.dumps(seen, ensure_ascii=False, indent=1)}\n{log}"
    assert "error" not in seen, context
    assert seen["clients"] == ["govlint"], context
    assert seen["opened"] == ["GL106", "GL501"], context
    # the menu at the misspelt label: its fix (preferred, picked), then "disable for this table"
    menu = seen["menu"]
    assert isinstance(menu, list) and "本年废止件数" in menu[0] and any("GL106" in t for t in menu[1:]), context
    assert seen["after_quick_fix"] == ["GL501"], context
    assert seen["after_fix_all"] == [], context
    assert seen["disk_before_save"] == DEFECTIVE.rstrip("\n"), context  # edits stay in the buffer until :write
    assert seen["after_save"] == [] and seen["modified"] is False, context
    assert report.read_text(encoding="utf-8") == CLEAN, context
