"""Verb, noun and modality patterns: data files -> lookup tables.

``data/events/verbs.tsv``: lemma, particle, object, target, xcomp, cameo, symmetric, comment.
``data/events/nouns.tsv``: lemma, cameo, symmetric, source, target, comment.
``data/events/modality.tsv``: cue, kind, scope, comment.
See ``data/events/README.md`` for the meaning of each column.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..datafiles import read_tsv, split_multi
from ..errors import DataFileError
from .ontology import root_of

XCOMP_MODES = {"", "pass", "hyp", "neg", "own", "only"}


@dataclass(frozen=True)
class VerbPattern:
    lemma: str
    particle: str | None
    objects: tuple[str, ...]
    targets: tuple[str, ...]
    xcomp: str  # "", pass, hyp, neg, own, only
    cameo: str | None
    symmetric: bool
    id: str  # "verbs.tsv:LINE"

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + (1 if self.particle else 0)

    def describe(self) -> str:
        parts = [self.lemma]
        if self.particle:
            parts.append(self.particle)
        if self.objects:
            parts.append("+" + "|".join(self.objects))
        return f"{self.id} {' '.join(parts)} -> {self.cameo or 'control:' + self.xcomp}"


@dataclass(frozen=True)
class NounPattern:
    lemma: str
    cameo: str
    symmetric: bool
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    id: str

    def describe(self) -> str:
        return f"{self.id} noun {self.lemma} -> {self.cameo}"


@dataclass
class Cues:
    """Modality cue words by kind (lower-case; multiword cues as token tuples)."""

    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    phrases: dict[str, set[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(set))

    def has(self, kind: str, word: str) -> bool:
        return word.lower() in self.words.get(kind, set())


@dataclass
class Patterns:
    verbs: dict[str, list[VerbPattern]]
    nouns: dict[str, NounPattern]
    cues: Cues
    # context word -> (filter kind, roots it vetoes): sports results, market moves, disasters
    filters: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    # evaluative adjective in reported speech -> CAMEO code ("said the resolution was unfair")
    evaluatives: dict[str, str] = field(default_factory=dict)
    # (trigger lemma, root) -> (source sectors, replacement code or None for no event)
    senses: dict[tuple[str, str], tuple[frozenset[str], str | None]] = field(default_factory=dict)
    # (verb lemma, particle or None) whose announced non-performance is a refusal (refusables.tsv)
    refusables: frozenset[tuple[str, str | None]] = frozenset()

    def sense(self, lemma: str, root: str) -> tuple[frozenset[str], str | None] | None:
        """The senses.tsv reading of a trigger with a given root: its own row, else the row for
        every trigger of that root (lemma ``*``)."""
        return self.senses.get((lemma, root)) or self.senses.get(("*", root))


def _check_code(path: str, line: int, code: str) -> str:
    try:
        root_of(code)
    except ValueError as exc:
        raise DataFileError(path, line, str(exc)) from exc
    if not code.isdigit() or not 2 <= len(code) <= 4:
        raise DataFileError(path, line, f"CAMEO code must be 2-4 digits: {code!r}")
    return code


def _name(path: str) -> str:
    return Path(path).name


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    verbs: dict[str, list[VerbPattern]] = defaultdict(list)
    cols = ("lemma", "particle", "object", "target", "xcomp", "cameo", "symmetric")
    for path, line, row in read_tsv("events/verbs.tsv", cols):
        if not row["lemma"]:
            raise DataFileError(path, line, "empty lemma")
        mode = row["xcomp"].lower()
        if mode not in XCOMP_MODES:
            raise DataFileError(path, line, f"xcomp must be one of pass/hyp/neg/own/only/-, got {mode!r}")
        cameo = _check_code(path, line, row["cameo"]) if row["cameo"] else None
        if cameo is None and not mode:
            raise DataFileError(path, line, "a row needs a cameo code or an xcomp behaviour")
        pattern = VerbPattern(
            lemma=row["lemma"].lower(),
            particle=row["particle"].lower() or None,
            objects=tuple(o.lower() for o in split_multi(row["object"])),
            targets=tuple(t.lower() for t in split_multi(row["target"])) or ("dobj",),
            xcomp=mode,
            cameo=cameo,
            symmetric=row["symmetric"] == "1",
            id=f"{_name(path)}:{line}",
        )
        verbs[pattern.lemma].append(pattern)
    for rows in verbs.values():
        rows.sort(key=lambda p: -p.specificity)
    nouns: dict[str, NounPattern] = {}
    for path, line, row in read_tsv("events/nouns.tsv", ("lemma", "cameo", "symmetric", "source", "target")):
        for lemma in split_multi(row["lemma"]):
            nouns[lemma.lower()] = NounPattern(
                lemma=lemma.lower(),
                cameo=_check_code(path, line, row["cameo"]),
                symmetric=row["symmetric"] == "1",
                sources=tuple(s.lower() for s in split_multi(row["source"])),
                targets=tuple(t.lower() for t in split_multi(row["target"])),
                id=f"{_name(path)}:{line}",
            )
    cues = Cues()
    for _path, _line, row in read_tsv("events/modality.tsv", ("cue", "kind")):
        for cue in split_multi(row["cue"]):
            words = tuple(cue.lower().split())
            if len(words) == 1:
                cues.words[row["kind"]].add(words[0])
            else:
                cues.phrases[row["kind"]].add(words)
    filters: dict[str, tuple[str, frozenset[str]]] = {}
    for path, line, row in read_tsv("events/filters.tsv", ("word", "kind", "roots")):
        roots = frozenset(split_multi(row["roots"]))
        for root in roots:
            _check_code(path, line, root)
        for word in split_multi(row["word"]):
            filters[word.lower()] = (row["kind"], roots)
    evaluatives: dict[str, str] = {}
    for path, line, row in read_tsv("events/evaluatives.tsv", ("adjective", "cameo")):
        code = _check_code(path, line, row["cameo"])
        for word in split_multi(row["adjective"]):
            evaluatives[word.lower()] = code
    senses: dict[tuple[str, str], tuple[frozenset[str], str | None]] = {}
    for path, line, row in read_tsv("events/senses.tsv", ("lemma", "root", "sectors", "cameo")):
        reading = _check_code(path, line, row["cameo"]) if row["cameo"] else None  # "-": no event
        root = _check_code(path, line, row["root"])
        senses[(row["lemma"].lower(), root)] = (frozenset(split_multi(row["sectors"])), reading)
    refusables: set[tuple[str, str | None]] = set()
    for _path, _line, row in read_tsv("events/refusables.tsv", ("lemma", "particle")):
        refusables.add((row["lemma"].lower(), row["particle"].lower() or None))
    return Patterns(dict(verbs), nouns, cues, filters, evaluatives, senses, frozenset(refusables))
