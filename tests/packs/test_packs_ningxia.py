"""The 宁夏 pack as a county would use it: pip-installed as its own distribution.

pip installs ``plugins/govlint-pack-ningxia`` into a temporary folder (``--target``), which
is put on the import path of a govlint subprocess: the project's environment is left as
it was, and the test needs no network (the build backend, hatchling, is a test extra).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = ROOT / "plugins" / "govlint-pack-ningxia"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    offline = importlib.util.find_spec("hatchling") is not None
    cmd = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--disable-pip-version-check",
           "--target", str(target), str(PLUGIN)]
    if offline:
        cmd.insert(4, "--no-build-isolation")
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert any(target.glob("govlint_pack_ningxia-*.dist-info"))
    return target


def govlint(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GOVLINT_DISABLE_PLUGIN_AUTOLOAD", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")  # a fresh start-up memo: the install must be seen
    return subprocess.run([sys.executable, "-m", "govlint", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120)


def test_pack_list_shows_the_distribution(installed: Path, tmp_path: Path) -> None:
    done = govlint(installed, tmp_path, "pack", "list", "--format", "json")
    assert done.returncode == 0, done.stderr
    rows = {r["id"]: r for r in json.loads(done.stdout)}
    assert rows["ningxia"]["origin"] == "distribution govlint-pack-ningxia (ningxia-pack)"
    assert rows["ningxia"]["extends"] == ["national"]
    assert rows["national"]["origin"] == "govlint"


def test_ningxia_examples_pass(installed: Path, tmp_path: Path) -> None:
    done = govlint(installed, tmp_path, "pack", "test", "ningxia")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.rstrip().endswith(" 0 failed")


def test_ningxia_requirements_fire(installed: Path, tmp_path: Path) -> None:
    text = (FIXTURES / "clean-minimal.md").read_text("utf-8").replace("邮编：753400；", "")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.md").write_text(text, encoding="utf-8")
    (tmp_path / "govlint.yaml").write_text("pack: ningxia\n", encoding="utf-8")
    done = govlint(installed, tmp_path, "check", "reports", "--format", "json")
    assert done.returncode == 1, done.stderr
    found = [(d["code"], d["severity"], d["message"]) for f in json.loads(done.stdout)["files"]
             for d in f["diagnostics"]]
    assert ("GL109", "warning", "第六部分须报告本年度政务公开工作要点落实情况，此处未找到") in found
    assert ("GL109", "warning", "第六部分须报告12345政务服务便民热线的受理、办理数字，此处未找到") in found
    postcode = [f for f in found if f[0] == "GL401"]
    assert len(postcode) == 1 and postcode[0][1] == "warning" and "邮政编码" in postcode[0][2]
    # the national pack alone: the same report is clean (邮编 only recommended, reported as info)
    done = govlint(installed, tmp_path, "check", "reports", "--pack", "national", "--format", "json")
    national = [(d["code"], d["severity"]) for f in json.loads(done.stdout)["files"] for d in f["diagnostics"]]
    assert done.returncode == 0, national
    assert ("GL401", "info") in national
