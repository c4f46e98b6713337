"""govlint.packs.selftest: the examples packs carry, run by ``govlint pack test``."""

from __future__ import annotations

from pathlib import Path

import pytest

from govlint import packs
from govlint.commands import main
from govlint.commands.pack import run_examples
from tests.packs.common import COUNTY, NATIONAL, write


def test_national_examples_all_behave() -> None:
    outcomes = run_examples(packs.resolve("national", packs.catalog([NATIONAL])))
    assert outcomes, "the national pack carries examples"
    assert [o.example.where for o in outcomes if not o.ok] == []
    codes = {o.example.code for o in outcomes}
    assert {"GL109", "GL201", "GL301", "GL501"} <= codes


def test_pack_test_fails_on_a_misbehaving_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = COUNTY.replace("        message: {zh: 须报告12345热线", "        examples:\n"
                          "          fires: ['六、其他需要报告的事项\\n\\n12345热线受理10件。']\n"
                          "          passes: ['六、其他需要报告的事项\\n\\n12345热线受理10件。']\n"
                          "        message: {zh: 须报告12345热线")
    path = write(tmp_path, "county.yaml", text)
    assert main(["pack", "test", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL GL110 sections[六].statements[hotline] [应触发 / must fire]" in out
    assert out.rstrip().endswith(" passed, 1 failed")


def test_pack_test_on_unknown_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["pack", "test", "nowhere"]) == 2
    assert "unknown pack 'nowhere'" in capsys.readouterr().err
