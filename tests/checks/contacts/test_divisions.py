"""govlint's own division table (``divisions.tsv``) and the script that makes it.

The table replaced cpca's adcodes.csv so that installing govlint no longer pulls in pandas
and numpy; these tests pin a few of its places and that nothing heavy is imported to read it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govlint.checks.contacts import regions
from tests.conftest import ROOT

MAKE_DIVISIONS = ROOT / "tools" / "make_divisions.py"


@pytest.mark.parametrize(
    ("code", "name", "level", "key"),
    [
        ("640300", "吴忠市", 2, "6403"),
        ("431200", "怀化市", 2, "4312"),
        ("640324", "同心县", 3, "6403"),  # a county: its prefecture's region
        ("110000", "北京市", 1, "11"),
        ("110105", "朝阳区", 3, "11"),  # a district of a 直辖市: the whole city's region
        ("419001", "济源市", 3, "41"),  # 省直辖县级市: its province's region
    ],
)
def test_known_places(code: str, name: str, level: int, key: str) -> None:
    place = regions.Place._make(regions.divisions().by_prefix[code[: 2 * level]])
    assert place == regions.Place(code, name, level)
    assert regions.region_key(place) == key


def test_table_shape() -> None:
    lines = [line for line in regions.TABLE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    codes = [line.split("\t")[0] for line in lines]
    assert all(len(line.split("\t")) == 2 and line.split("\t")[1] for line in lines)
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert codes == sorted(set(codes))
    assert len(regions.divisions().provinces) == 34  # 23 省, 5 自治区, 4 直辖市, 2 特别行政区
    assert "市辖区" not in regions.divisions().by_name


def test_checking_a_report_imports_no_heavy_library(tmp_path: Path) -> None:
    """The table is read (memos off) while GL403 checks a report, and neither cpca nor pandas is imported."""
    report = tmp_path / "report.txt"
    report.write_text(
        "同心县 2023 年政府信息公开工作年度报告\n\n联系我们：地址：同心县新区行政中心；联系电话：0371-66661234。\n",
        encoding="utf-8",
    )
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['govlint', 'check', '-q', {str(report)!r}]\n"
        "try:\n"
        "    runpy.run_module('govlint', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "from govlint.checks.contacts import regions\n"
        "assert regions.divisions.cache_info().currsize, 'the table was not read'\n"
        "print(sorted(m for m in ('cpca', 'pandas', 'numpy') if m in sys.modules))\n"
    )
    env = dict(os.environ, GOVLINT_NO_STARTUP_CACHE="1")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_make_divisions(tmp_path: Path) -> None:
    """The script keeps places, drops groupings, writes 6-digit codes in code order."""
    source = tmp_path / "adcodes.csv"
    source.write_text(
        "adcode,name,longitude,latitude\n"
        "640300000000,吴忠市,106.2,38.0\n"
        "640000000000,宁夏回族自治区,106.3,38.5\n"
        "640301000000,市辖区,0,0\n"
        "640324000000,同心县,105.9,36.98\n",
        encoding="utf-8",
    )
    output = tmp_path / "divisions.tsv"
    done = subprocess.run(
        [sys.executable, str(MAKE_DIVISIONS), "--source", str(source), "--output", str(output)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if not line.startswith("#")] == [
        "640000\t宁夏回族自治区",
        "640300\t吴忠市",
        "640324\t同心县",
    ]
    assert "adcodes.csv" in lines[1] and "3 places" in lines[1]
