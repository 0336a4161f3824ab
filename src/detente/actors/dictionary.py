"""Actor dictionaries: data files (plus pycountry's country names) -> phrase table.

Files under ``data/actors/``:

* ``states.tsv``: one row per state (UN members, observers, other territories) with capital,
  adjectives, demonyms, everyday names and seats of power; formal names come from pycountry.
* ``regions.tsv``: regions, breakaway and former states mapped to a state code.
* ``organizations.tsv``: IGOs, NGOs, armed groups, parties, agencies, media, companies.
* ``people.tsv``: office holders with role and tenure, resolved by the article's date.
* ``institutions.tsv``: generic heads ("government", "troops", "foreign minister") that denote
  a state's institution when a state word modifies them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pycountry

from ..datafiles import read_tsv, split_multi
from ..errors import DataFileError

# Phrases that are tokens of ordinary English when not capitalised are matched case-sensitively;
# these all-caps short forms must appear exactly as written.
_MIN_PHRASE_CHARS = 2


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary meaning of a phrase."""

    code: str
    kind: str  # state, adjective, demonym, capital, metonym, region, org, person
    name: str
    sector: str | None = None
    role: str | None = None
    start: str | None = None  # tenure, ISO date prefix
    end: str | None = None
    source: str = ""  # file:line

    def active_on(self, date: str | None) -> bool:
        if date is None or (self.start is None and self.end is None):
            return True
        day = date[:10]
        if self.start and day < self.start[:10]:
            return False
        return not (self.end and day > end_bound(self.end))


def end_bound(end: str) -> str:
    # "2017" ends at 2017-12-31, "2017-01" at 2017-01-31
    if len(end) == 4:
        return end + "-12-31"
    if len(end) == 7:
        return end + "-31"
    return end


@dataclass(frozen=True)
class Institution:
    head: str  # lower-case head phrase, e.g. "foreign minister"
    sector: str | None
    kind: str  # institution, role, group, sports


@dataclass
class ActorDictionary:
    """Phrase table: token tuple -> entries; plus institution heads."""

    phrases: dict[tuple[str, ...], list[ActorEntry]] = field(default_factory=lambda: defaultdict(list))
    institutions: dict[tuple[str, ...], Institution] = field(default_factory=dict)
    max_len: int = 1
    lengths: dict[str, list[int]] = field(
        default_factory=dict
    )  # first token -> phrase lengths, longest first
    state_names: dict[str, str] = field(default_factory=dict)  # code -> display name
    common_words: set[str] = field(default_factory=set)  # names that are ordinary words in lower case
    _name_words: set[str] | None = None
    _name_phrases: dict[str, list[tuple[str, ...]]] | None = None

    def add(self, phrase: str, entry: ActorEntry) -> None:
        tokens = tokenize(phrase)
        if not tokens or len(phrase) < _MIN_PHRASE_CHARS:
            return
        bucket = self.phrases[tokens]
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, len(tokens))
        lengths = self.lengths.setdefault(tokens[0], [])
        if len(tokens) not in lengths:
            lengths.append(len(tokens))
            lengths.sort(reverse=True)

    def lookup(self, tokens: tuple[str, ...]) -> list[ActorEntry]:
        return self.phrases.get(tokens, [])

    def name_words(self) -> set[str]:
        """One-word capitalised dictionary names (kept as written when headlines are re-cased)."""
        if self._name_words is None:
            self._name_words = {key[0] for key in self.phrases if len(key) == 1 and key[0][:1].isupper()}
        return self._name_words

    def name_phrases(self) -> dict[str, list[tuple[str, ...]]]:
        """Multiword capitalised names by first word (alphabetic words only, as headlines split)."""
        if self._name_phrases is None:
            table: dict[str, list[tuple[str, ...]]] = defaultdict(list)
            for key in self.phrases:
                words = tuple(t for t in key if t[:1].isalpha())
                if len(words) > 1 and words[0][:1].isupper():
                    table[words[0]].append(words)
            self._name_phrases = dict(table)
        return self._name_phrases


@lru_cache(maxsize=1)
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


def tokenize(phrase: str) -> tuple[str, ...]:
    """Tokens of a dictionary phrase, split the way spaCy's English tokenizer splits text."""
    return tuple(t.text for t in _tokenizer()(phrase.strip()) if not t.is_space)


def _country_names(code: str) -> list[str]:
    if code == "XKX":
        return ["Kosovo", "Republic of Kosovo"]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return []
    names = [country.name]
    for attr in ("official_name", "common_name"):
        value = getattr(country, attr, None)
        if value:
            names.append(value)
    return [n for n in names if "," not in n]


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """Load every actor data file once per process."""
    d = ActorDictionary()
    _load_states(d)
    for path, line, row in read_tsv("actors/regions.tsv", ("text", "code")):
        d.add(row["text"], ActorEntry(row["code"], "region", row["text"], source=f"{path}:{line}"))
    _load_orgs(d)
    _load_people(d)
    for path, line, row in read_tsv("actors/institutions.tsv", ("head", "sector", "kind")):
        for head in split_multi(row["head"]):
            d.institutions[tuple(head.lower().split())] = Institution(
                head.lower(), row["sector"] or None, row["kind"] or "institution"
            )
        if not row["head"]:
            raise DataFileError(path, line, "empty head")
    for _path, _line, row in read_tsv("actors/common_words.tsv", ("word",)):
        d.common_words.add(row["word"].lower())
    return d


def _load_states(d: ActorDictionary) -> None:
    cols = ("code", "un_status", "capital", "adjectives", "demonyms", "aliases", "metonyms")
    for path, line, row in read_tsv("actors/states.tsv", cols):
        code = row["code"]
        if len(code) != 3 or not code.isupper():
            raise DataFileError(path, line, f"not an ISO 3166-1 alpha-3 code: {code!r}")
        src = f"{path}:{line}"
        names = _country_names(code) + split_multi(row["aliases"])
        if not names:
            raise DataFileError(path, line, f"no name known for {code}")
        display = split_multi(row["aliases"])[:1] or names[:1]
        d.state_names[code] = display[0]
        for name in names:
            d.add(name, ActorEntry(code, "state", display[0], "GOV", source=src))
            if not name.startswith("the "):
                d.add("the " + name, ActorEntry(code, "state", display[0], "GOV", source=src))
        for adj in split_multi(row["adjectives"]):
            d.add(adj, ActorEntry(code, "adjective", display[0], source=src))
        for dem in split_multi(row["demonyms"]):
            d.add(dem, ActorEntry(code, "demonym", display[0], "CVL", source=src))
        for met in split_multi(row["capital"]) + split_multi(row["metonyms"]):
            d.add(met, ActorEntry(code, "metonym", display[0], "GOV", source=src))


def _load_orgs(d: ActorDictionary) -> None:
    for path, line, row in read_tsv("actors/organizations.tsv", ("code", "sector", "name", "aliases")):
        if not row["code"] or not row["name"]:
            raise DataFileError(path, line, "code and name are required")
        entry = ActorEntry(row["code"], "org", row["name"], row["sector"] or None, source=f"{path}:{line}")
        for name in [row["name"], *split_multi(row["aliases"])]:
            d.add(name, entry)


def _load_people(d: ActorDictionary) -> None:
    cols = ("name", "aliases", "code", "sector", "role", "start", "end")
    for path, line, row in read_tsv("actors/people.tsv", cols):
        if not row["name"] or not row["code"]:
            raise DataFileError(path, line, "name and code are required")
        entry = ActorEntry(
            row["code"],
            "person",
            row["name"],
            row["sector"] or "GOV",
            row["role"] or None,
            row["start"] or None,
            row["end"] or None,
            source=f"{path}:{line}",
        )
        for name in [row["name"], *split_multi(row["aliases"])]:
            d.add(name, entry)
            title = name.split(" ", 1)[0]
            if title in TITLES and " " in name:  # "president Bush" as wires often write it
                d.add(title.lower() + name[len(title) :], entry)


TITLES = {"President", "Prime", "King", "Queen", "Chancellor", "Premier", "Secretary", "Foreign", "Minister"}


def choose(entries: list[ActorEntry], date: str | None) -> ActorEntry:
    """The entry for a phrase on ``date``: a person in office then, else the latest tenure."""
    if not entries:
        raise KeyError("no dictionary entry")
    if len(entries) == 1:
        return entries[0]
    active = [e for e in entries if e.active_on(date)]
    pool = active or entries
    # Prefer the most specific kind (people and orgs over states over adjectives).
    rank = {
        "person": 0,
        "org": 1,
        "state": 2,
        "region": 3,
        "metonym": 4,
        "demonym": 5,
        "adjective": 6,
    }
    pool = sorted(pool, key=lambda e: (rank.get(e.kind, 9), -(int((e.start or "0")[:4]))))
    return pool[0]
