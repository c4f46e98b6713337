"""Where an organ is and where a phone's area code is, as China's administrative divisions.

The division table is cpca's ``resources/adcodes.csv`` (12-digit codes and names of every
province, prefecture and county). It is read with the csv module, once, when a report has
something to compare: importing cpca itself would import pandas, which takes about a second.
Places are compared by a *region key*: the first 4 digits of the code (the prefecture), or
the first 2 (the province) where there is no prefecture (直辖市, 省直辖县级市). Every lookup
answers None when in doubt (a name in two provinces, a renamed city), so a mismatch is only
ever reported between two places that are both known for certain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TypeVar

from govlint._infra import regex
from govlint._infra.records import NamedTuple

T = TypeVar("T")

#: Rows of the table that are groupings, not places.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
PROVINCE_SUFFIX = regex.compile(r"(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$")
PLACE_SUFFIX = regex.compile(r"(?:地区|自治州|自治县|盟|市|县|区|旗)$")
PROVINCE_LEFTOVER = regex.compile(r"^(?:省|市|自治区)")


class Place(NamedTuple):
    code: str  # 12-digit administrative division code
    name: str
    level: int  # 1 province, 2 prefecture, 3 county

    @property
    def prefix(self) -> str:
        """The significant digits: 2 for a province, 4 for a prefecture, 6 for a county."""
        return self.code[: 2 * self.level]


Row = tuple[str, str, int]  # a Place as stored: (code, name, level)


class Divisions(NamedTuple):
    """The table as plain rows, so that it is memoised on disk whole: building ~3,000
    Places on every run cost more than all the lookups a report makes."""

    by_name: dict[str, tuple[Row, ...]]
    by_prefix: dict[str, Row]
    provinces: tuple[Row, ...]


@lru_cache(maxsize=1)
def _adcodes_path() -> Path | None:
    """cpca's data file, located without importing cpca (and pandas)."""
    try:
        spec = find_spec("cpca")
    except (ImportError, ValueError):
        return None
    for location in (spec.submodule_search_locations or []) if spec else []:
        path = Path(location) / "resources" / "adcodes.csv"
        if path.is_file():
            return path
    return None


def _level(code: str) -> int:
    if code[2:] == "0" * 10:
        return 1
    return 2 if code[4:] == "0" * 8 else 3


def _read_divisions(path: Path) -> tuple[dict[str, tuple[Row, ...]], dict[str, Row], tuple[Row, ...]]:
    """The fields of :class:`Divisions` from the CSV file, as a plain tuple marshal can store."""
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        raw = [(row.get("adcode") or "", row.get("name") or "") for row in csv.DictReader(fh)]
    rows: list[Row] = [
        (code, name, _level(code))
        for code, name in raw
        if len(code) == 12 and code.isdigit() and name and name not in PLACEHOLDERS
    ]
    by_name: dict[str, list[Row]] = {}
    for row in rows:
        by_name.setdefault(row[1], []).append(row)
    return (
        {k: tuple(v) for k, v in by_name.items()},
        {Place._make(row).prefix: row for row in rows},
        tuple(row for row in rows if row[2] == 1),
    )


@lru_cache(maxsize=1)
def divisions() -> Divisions:
    """The division table, read once (and memoised on disk as plain data); empty without cpca."""
    from govlint._infra.memo import parsed_file

    path = _adcodes_path()
    if path is None:
        return Divisions({}, {}, ())
    return Divisions(*parsed_file(path, _read_divisions, __file__))


def _places(rows: Iterable[Row]) -> tuple[Place, ...]:
    return tuple(map(Place._make, rows))


def region_key(place: Place) -> str:
    """The prefecture's 4 digits, or the province's 2 where there is no prefecture."""
    if place.level == 1:
        return place.prefix
    return place.code[:4] if place.code[:4] in divisions().by_prefix else place.code[:2]


def _answer(question: Callable[[], str], compute: Callable[[], T]) -> T:
    """``compute()``, which reads the division table, or the answer an earlier process stored
    for the same question, cpca version and this file: a report re-linted (pre-commit, an
    editor) never loads the ~3,000 rows (~5 ms). Once the table is loaded (a batch, the
    language server) asking it is cheaper than the disk."""
    from govlint._infra.memo import library_answer

    if divisions.cache_info().currsize:
        return compute()
    return library_answer("cpca", __file__, question(), compute)


def region_name(key: str) -> str:
    return _answer(lambda: f"region_name\0{key}", lambda: _region_name(key))


def _region_name(key: str) -> str:
    row = divisions().by_prefix.get(key)
    return row[1] if row else key


def province_short(name: str) -> str:
    """宁夏回族自治区 -> 宁夏, 湖南省 -> 湖南."""
    return PROVINCE_SUFFIX.sub("", name)


def _within(place: Place, outer: Place) -> bool:
    return place.code.startswith(outer.prefix)


@lru_cache(maxsize=1)
def _name_index() -> tuple[tuple[int, ...], dict[str, int]]:
    """The lengths division names have (ascending), and each name's place in the table."""
    names = divisions().by_name
    return tuple(sorted({len(name) for name in names})), {name: i for i, name in enumerate(names)}


@lru_cache(maxsize=256)
def organ_places(organ: str) -> tuple[Place, ...]:
    """The places an organ's name may refer to, at the finest level it names.

    "彭阳县新集乡人民政府" -> (彭阳县,); "北京市朝阳区" -> (北京市朝阳区,) but "朝阳区" alone
    -> two places (Beijing and Changchun). A name inside a longer one (和县 in 南和县) is ignored.
    """
    div = divisions()
    lengths, order = _name_index()
    first: dict[str, int] = {}  # each division name found in the organ -> its first position
    for at in range(len(organ)):  # the organ's substrings, not the ~3,000 names: far fewer
        for length in lengths:
            name = organ[at : at + length]
            if len(name) < length:
                break
            if name in div.by_name and name not in first:
                first[name] = at
    hits = sorted(((at, at + len(name), name) for name, at in first.items()), key=lambda h: order[h[2]])
    hits = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and o != h for o in hits)]
    if not hits:
        return ()
    groups = [_places(div.by_name[name]) for _, _, name in hits]
    finest = max(p.level for group in groups for p in group)
    candidates = [p for group in groups for p in group if p.level == finest]
    return tuple(
        p
        for p in candidates
        if all(any(_within(p, q) for q in group) for group in groups if all(q.level < finest for q in group))
    )


def organ_region(organ: str) -> str | None:
    """The organ's region key, when its name points to one region only."""
    return _answer(lambda: f"organ_region\0{organ}", lambda: _organ_region(organ))


def _organ_region(organ: str) -> str | None:
    keys = {region_key(p) for p in organ_places(organ)}
    return keys.pop() if len(keys) == 1 else None


def organ_province(organ: str) -> Place | None:
    """The organ's province, when its name points to one province only."""
    row = _answer(lambda: f"organ_province\0{organ}", lambda: _organ_province(organ))
    return Place._make(row) if row else None


def _organ_province(organ: str) -> Row | None:
    codes = {p.code[:2] for p in organ_places(organ)}
    return divisions().by_prefix.get(codes.pop()) if len(codes) == 1 else None


def _fine_key(place: Place) -> str:
    """:func:`region_key`, except that a county-level place directly under its province
    (济源市, 神农架林区, 儋州's neighbours 琼海市 …) is its own region rather than the
    whole province: naming one must not admit every prefecture of the province."""
    key = region_key(place)
    return place.prefix if place.level == 3 and len(key) == 2 else key


def _resolve(name: str, province: Place | None, key: Callable[[Place], str] = region_key) -> set[str] | None:
    """Region keys a place name of the geocoder may mean: exact name first, then a
    name that starts with its stem (内蒙古呼伦贝尔 -> 呼伦贝尔市, 贵州黔南 -> 黔南布依族苗族自治州)."""
    div = divisions()

    def inside(p: Place) -> bool:
        return province is None or _within(p, province)

    exact = [p for p in _places(div.by_name.get(name, ())) if inside(p)]
    if exact:
        return {key(p) for p in exact}
    stem = PLACE_SUFFIX.sub("", name)
    if len(stem) < 2:
        return None
    found = {
        key(p)
        for rows in div.by_name.values()
        for p in _places(row for row in rows if row[2] > 1 and row[1].startswith(stem))
        if inside(p)
    }
    return found or None


def phone_regions(description: str, aliases: dict[str, str]) -> set[str] | None:
    """Region keys of a geocoder description ("山西省晋中市、吕梁市", "内蒙古呼伦贝尔");
    None when any part cannot be placed for certain."""
    def question() -> str:
        return f"phone_regions\0{description}\0{sorted(aliases.items())!r}"

    return _answer(question, lambda: _phone_regions(description, aliases))


def _phone_regions(
    description: str, aliases: dict[str, str], key: Callable[[Place], str] = region_key
) -> set[str] | None:
    parts = [p.strip() for p in description.split("、") if p.strip()]
    if not parts:
        return None
    province: Place | None = None
    first = parts[0]
    for p in _places(divisions().provinces):
        for prefix in (p.name, province_short(p.name)):
            if prefix and first.startswith(prefix):
                province = p
                first = PROVINCE_LEFTOVER.sub("", first[len(prefix) :])
                break
        if province is not None:
            break
    keys: set[str] = set()
    names = [first, *parts[1:]] if first else parts[1:]
    if not names and province is not None:
        return {province.prefix}
    for name in names:
        found = _resolve(aliases.get(name, name), province, key)
        if found is None or len(found) != 1:
            return None
        keys |= found
    return keys or None


def served_regions(places: tuple[str, ...], aliases: dict[str, str]) -> set[str] | None:
    """Region keys of the places an area code serves, as the pack lists them
    (``contacts.shared_area_codes``: "广西来宾市", "海南省"); each is read like a geocoder
    description. A county-level city under its province counts as its own region. None
    when any of them cannot be placed for certain (then the code's region is in doubt)."""

    def question() -> str:
        return f"served_regions\0{places!r}\0{sorted(aliases.items())!r}"

    return _answer(question, lambda: _served_regions(places, aliases))


def _served_regions(places: tuple[str, ...], aliases: dict[str, str]) -> set[str] | None:
    keys: set[str] = set()
    for place in places:
        found = _phone_regions(place, aliases, _fine_key)
        if found is None:
            return None
        keys |= found
    return keys or None


def same_region(organ_key: str, phone_keys: set[str]) -> bool:
    """A province-level key contains its prefectures, so either may be the coarser."""
    return any(k.startswith(organ_key) or organ_key.startswith(k) for k in phone_keys)
