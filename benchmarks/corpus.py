"""A province-sized corpus made from the seed reports, for the batch and cache benchmarks.

Each generated report is a seed with its organ renamed and every table number multiplied
by one factor (which keeps the table identities true, so a clean seed stays clean), and
about one in five gets one defect injected (a table cell off by one, a doubled 。, a
section heading deleted, last year's 工作要点 cited). The corpus is written into a folder
the caller chooses (a temporary one) and is never committed.

    python benchmarks/corpus.py OUT_DIR --reports 1000
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"

#: Pieces for made-up organ names: ``{A}{B}县`` and ``{A}{B}市{C}区``.
NAME_CHARS = "安宁平和兴东西南北长永丰福泰清河山川阳明新华中"
NAME_SUFFIXES = ("县", "市", "区", "县人民政府", "市人民政府办公室")


class Seed(NamedTuple):
    """A seed report and what the generator varies in it."""

    name: str
    text: str
    organ: str | None
    year: int | None
    cells: tuple[tuple[int, int, int], ...]  # (start, end, integer value) of table numbers


def load_seeds(folder: Path = SEEDS) -> list[Seed]:
    """Read and align the seeds once, with govlint itself, to find their table numbers."""
    from govlint.align import align
    from govlint.engine import Engine, Settings
    from govlint.source import read_source

    engine = Engine(Settings())
    seeds = []
    for path in sorted(folder.glob("*.txt")):
        source = read_source(str(path))
        reader = engine.reader_for(str(path))
        assert reader is not None
        report = align(reader.read(source), engine.pack, None)
        cells = tuple(
            (c.span.start, c.span.end, int(c.value))
            for t in report.tables
            for row in t.rows
            for c in row.cells
            if c.value is not None and c.value == int(c.value) and c.span.end > c.span.start
        )
        seeds.append(Seed(path.stem, source.text, report.organ, report.year, cells))
    return seeds


def organ_name(rng: random.Random, old: str) -> str:
    """A made-up organ of the same kind (a 乡 stays a 乡, a 县 a 县 or a 市)."""
    base = "".join(rng.choice(NAME_CHARS) for _ in range(2))
    if old.endswith("人民政府") and "乡" in old:
        return f"{base}县{rng.choice(NAME_CHARS)}{rng.choice(NAME_CHARS)}乡人民政府"
    return base + rng.choice(NAME_SUFFIXES[:3])


def _scaled(seed: Seed, factor: int) -> str:
    text = seed.text
    for start, end, value in sorted(seed.cells, reverse=True):
        text = text[:start] + str(value * factor) + text[end:]
    return text


def _inject(text: str, seed: Seed, rng: random.Random) -> str:
    """One defect of a kind govlint reports."""
    kind = rng.randrange(4)
    if kind == 0 and seed.cells:  # a table number off by one
        start, end, value = rng.choice(seed.cells)
        return text[:start] + str(value + 1) + text[end:]  # text is the unscaled seed here
    if kind == 1 and "。" in text:
        at = rng.choice([i for i, ch in enumerate(text) if ch == "。"])
        return text[:at] + "。" + text[at:]
    if kind == 2:
        lines = text.split("\n")
        headings = [i for i, line in enumerate(lines) if line.lstrip().startswith(("三、", "四、", "五、"))]
        if headings:
            del lines[rng.choice(headings)]
            return "\n".join(lines)
    year = seed.year or 2023
    return text.replace(f"{year}年政务公开工作要点", f"{year - 1}年政务公开工作要点", 1) + (
        f"\n本年度依据《{year - 1}年政务公开工作要点》开展工作。\n"
    )


def variant(seed: Seed, rng: random.Random, defect: bool) -> str:
    """One generated report from ``seed``."""
    factor = rng.choice((1, 2, 3, 5))
    text = _scaled(seed, factor) if not defect else seed.text
    if defect:
        text = _inject(text, seed, rng)
    if seed.organ:
        text = text.replace(seed.organ, organ_name(rng, seed.organ))
    return text


def generate(out: Path, reports: int, seed: int = 2021, defect_rate: float = 0.2) -> list[Path]:
    """Write ``reports`` generated reports into ``out``; returns their paths."""
    rng = random.Random(seed)
    seeds = load_seeds()
    out.mkdir(parents=True, exist_ok=True)
    width = len(str(reports))
    paths = []
    for i in range(reports):
        base = seeds[i % len(seeds)]
        path = out / f"r{i:0{width}d}_{base.name[:3]}.txt"
        path.write_text(variant(base, rng, rng.random() < defect_rate), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args(argv)
    paths = generate(args.out, args.reports, args.seed)
    print(f"wrote {len(paths)} reports to {args.out}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
