"""Every regular expression of GL3xx/GL5xx (pack YAML and modules) matches adversarial text
in linear-ish time: each single search or match step must finish within a small budget."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from govlint.engine import Engine, Settings

BUDGET = 0.1  # seconds for one search / one match step on ~20 000 characters
HARD_STOP = 2.0  # a catastrophic pattern is interrupted instead of hanging the suite
N = 20_000


class TooSlow(Exception):
    pass


@contextmanager
def hard_stop(seconds: float) -> Iterator[None]:
    """Interrupt the regex engine (it checks signals) after ``seconds``."""

    def stop(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _yaml_patterns(node: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("pattern", "signature_dates"):
                values = value if isinstance(value, list) else [value]
                yield from ((f"{where}.{key}", str(v)) for v in values)
            else:
                yield from _yaml_patterns(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _yaml_patterns(item, f"{where}[{item.get('id', i) if isinstance(item, dict) else i}]")


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for package in ("govlint.checks.references", "govlint.checks.typography"):
        pkg = importlib.import_module(package)
        for info in pkgutil.iter_modules(pkg.__path__):
            module = importlib.import_module(f"{package}.{info.name}")
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    yield f"{module.__name__}.{name}", value


def all_patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = Engine(Settings()).pack.data
    found = [
        (where, re.compile(p, re.MULTILINE))
        for family in ("references", "typography")
        for where, p in _yaml_patterns(data[family], family)
    ]
    return found + list(_module_patterns())


def adversarial() -> list[tuple[str, str]]:
    rnd = random.Random(20231231)
    alphabet = "2０２年度月日《》〔〕考核要点政务公开工作统计期限至起0954—-.．,，。；万元 \t\n号令第492十二〇"
    pieces = {
        "digits": "2" * N,
        "fw-digits": "２" * N,
        "nian": "年" * N,
        "open-title": "《" * N,
        "title-years": "《2022年" * (N // 6),
        "unclosed-title": "《" + "2022年考核指标" * (N // 9),
        "years": "2022 年 " * (N // 7),
        "yaodian": "2022年政务公开工作" * (N // 10),
        "periods": "统计期限" + "2022年1月1日起至" * (N // 11),
        "marks": "。" * N,
        "zeros": "0" * N,
        "dashes": "0954—" * (N // 5),
        "dots": "1." * (N // 2),
        "commas": "1," * (N // 2),
        "decimals": "1.1" * (N // 3) + "万",
        "newlines": "\n" * N,
        "spaces": " " * N + "2024年",
        "cn-dates": "二〇二四年十二月" * (N // 8),
        "random": "".join(rnd.choice(alphabet) for _ in range(N)),
    }
    return list(pieces.items())


PATTERNS = all_patterns()
STRINGS = adversarial()


def test_patterns_were_found() -> None:
    wheres = [w for w, _ in PATTERNS]
    assert any(w.startswith("references.patterns") for w in wheres)
    assert any(w.startswith("typography.") for w in wheres)
    assert any(".signature_dates" in w for w in wheres)
    assert any(w.startswith("govlint.checks.") for w in wheres)


def _worst_step(pattern: re.Pattern[str], text: str) -> float:
    """The longest single ``search`` or ``finditer`` step on ``text``, in seconds."""
    start = time.perf_counter()
    pattern.search(text)
    worst = time.perf_counter() - start
    matches = pattern.finditer(text)
    while True:
        start = time.perf_counter()
        found = next(matches, None)
        worst = max(worst, time.perf_counter() - start)
        if found is None:
            return worst


@pytest.mark.parametrize(("where", "pattern"), PATTERNS, ids=[w for w, _ in PATTERNS])
def test_each_match_is_fast(where: str, pattern: re.Pattern[str]) -> None:
    slow = []
    for name, text in STRINGS:
        try:
            with hard_stop(HARD_STOP):
                worst = _worst_step(pattern, text)
        except TooSlow:
            worst = HARD_STOP
        if worst > BUDGET:
            slow.append(f"{name}: {worst:.3f}s")
    assert slow == [], f"{where} is slow on {slow}"
