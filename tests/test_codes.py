"""The codes govlint knows (:mod:`govlint.codes`): what a selector may name, the closest code to a
typo, and which rule a pack entry belongs to."""

from __future__ import annotations

import pytest

from govlint.codes import Known, closest, entries, is_known, known_to, nearest, unknown
from govlint.engine import Engine, Settings
from govlint.model import Pack
from govlint.plugins import PluginError


@pytest.fixture(scope="module")
def known() -> Known:
    return known_to(Engine(Settings()))


@pytest.mark.parametrize("selector", ["GL", "GL2", "GL20", "GL201", "G", "ALL", "GL900", "GL001"])
def test_codes_prefixes_all_and_internal_are_known(known: Known, selector: str) -> None:
    assert is_known(selector, known) and unknown(selector, known) is None


@pytest.mark.parametrize(
    ("selector", "near"),
    [
        ("GL2O1", "GL201"),  # letter O for a zero
        ("GL2001", "GL201"),  # as like GL001 by difflib's count: the shared start decides
        ("GL1O9", "GL109"),
        ("TABLE-ROW-TOTAL", "GL201"),  # a rule's name for its code
        ("ROW-TOTAL", "GL201"),  # a pack entry's id for its rule's code
        ("GL3O5", "GL305"),
    ],
)
def test_unknown_codes_name_the_closest(known: Known, selector: str, near: str) -> None:
    assert not is_known(selector, known)
    assert closest(selector, known) == near
    message = unknown(selector, known)
    assert message is not None
    assert message.zh == f"未知的规则代码 {selector!r}（是否为 {near}？）"
    assert message.en == f"unknown rule code {selector!r} (did you mean {near}?)"


def test_nothing_near(known: Known) -> None:
    message = unknown("XYZ", known)
    assert message is not None and message.en == "unknown rule code 'XYZ' (govlint rules lists them all)"


def test_gl900_prefixes_are_not_codes(known: Known) -> None:
    """GL900 is reported whatever is selected: GL9 would select nothing else."""
    assert not is_known("GL9", known) and not is_known("GL90", known)


def test_a_code_the_pack_declares_is_known(known: Known) -> None:
    assert not is_known("GL110", known)  # not in the national pack
    national = known.pack()
    statement = {"id": "hotline", "code": "GL110", "pattern": "12345"}
    county = national._replace(id="county", data={**national.data, "extra": [statement]})
    assert is_known("GL110", known._replace(pack=lambda: county))
    assert is_known("GL11", known._replace(pack=lambda: county))
    assert not is_known("GL111", known._replace(pack=lambda: county))


def test_the_pack_is_not_loaded_for_a_check_code() -> None:
    def never() -> Pack:
        raise AssertionError("loaded")

    assert is_known("GL201", Known(tuple(Engine(Settings()).all_checks), never))


def test_nothing_is_refused_when_a_plugin_failed_to_load() -> None:
    engine = Engine(Settings())
    engine.plugin_errors = (PluginError("broken", "ImportError: x"),)
    assert is_known("GL990", known_to(engine))


def test_nothing_is_refused_when_an_installed_plugin_is_blocked() -> None:
    assert not is_known("GL990", known_to(Engine(Settings(blocked=("no-such-plugin",)))))
    assert is_known("GL990", known_to(Engine(Settings(blocked=("typography",)))))


def test_nearest_prefers_a_candidate_that_starts_with_the_word() -> None:
    assert nearest("GL2", ["GL102", "GL201"]) == "GL201"
    assert nearest("QQQ", ["GL102", "GL201"]) is None


def test_entries_of_the_national_pack(known: Known) -> None:
    found = entries(known.pack().data)
    # own code, examples' code, a sibling's code, the enclosing entry's code
    assert found["row-total"] == ("GL201",)
    assert found["yaodian-earlier-year"] == ("GL301",)
    assert found["address"] == ("GL401",) and found["phone"] == ("GL401",)
    assert found["applications"] == ("GL207",)
    assert found["qizhong"] == ("GL205",)
    assert "一" not in found  # a section: no code anywhere around it
