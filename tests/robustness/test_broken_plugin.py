"""A broken third-party plugin, really installed: it fails on import, in its hook and inside a
check (tests/plugins/govlint-broken). Each failure is one GL900 diagnostic naming the plugin
a user would block with ``-p no:NAME``, and everything else still runs.

The distribution is pip-installed into a temporary ``--target`` folder put on PYTHONPATH, so
the project's environment is never changed and nothing needs uninstalling.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import seed_paths

PLUGIN = Path(__file__).resolve().parents[1] / "plugins" / "govlint-broken"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    # With hatchling at hand (as after a development install) no build environment is needed.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", *isolation, "--target", str(target), str(PLUGIN)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def _check(site: Path, *extra: str) -> tuple[int, list[dict[str, object]], str]:
    env = {k: v for k, v in os.environ.items() if k != "GOVLINT_DISABLE_PLUGIN_AUTOLOAD"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH", "")]))
    seeds = [str(p) for p in seed_paths()[:2]]
    proc = subprocess.run(
        [sys.executable, "-m", "govlint", "check", "--format", "json", *extra, *seeds],
        capture_output=True, text=True, env=env, check=False, timeout=300,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc.returncode, json.loads(proc.stdout)["files"], proc.stderr


def _internal(file: dict[str, object]) -> list[str]:
    diagnostics = file["diagnostics"]
    assert isinstance(diagnostics, list)
    return [str(d["message"]) for d in diagnostics if d["code"] == "GL900"]


@pytest.mark.seeds
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_failure_is_one_diagnostic_naming_the_plugin(site: Path, jobs: str) -> None:
    code, files, _ = _check(site, "--jobs", jobs, "--lang", "en")
    assert code == 1
    for file in files:
        internal = _internal(file)
        assert len(internal) == 3, internal
        assert sum("broken-import" in m and "ImportError" in m for m in internal) == 1
        assert sum("broken-hook" in m and "hook exploded" in m for m in internal) == 1
        assert sum("broken-check" in m and "GL990" in m and "ZeroDivisionError" in m for m in internal) == 1
        diagnostics = file["diagnostics"]
        assert isinstance(diagnostics, list)
        assert any(str(d["code"]).startswith(("GL1", "GL2")) for d in diagnostics)  # the rest ran


@pytest.mark.seeds
def test_blocking_the_broken_plugins_silences_them(site: Path) -> None:
    _, files, _ = _check(site, "-p", "no:broken-import", "-p", "no:broken-hook", "-p", "no:broken-check")
    assert all(not _internal(f) for f in files)
