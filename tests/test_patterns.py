"""Pattern data files: they load, cover every CAMEO root, and have unique keys."""

from __future__ import annotations

from collections import Counter

from detente.datafiles import read_tsv
from detente.events.ontology import roots
from detente.events.patterns import load_patterns


def test_every_root_has_verbs() -> None:
    patterns = load_patterns()
    covered = {row.cameo[:2] for rows in patterns.verbs.values() for row in rows if row.cameo}
    assert covered == set(roots())


def test_verb_keys_are_unique() -> None:
    keys = Counter(
        (row["lemma"], row["particle"], row["object"]) for _, _, row in read_tsv("events/verbs.tsv")
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_filters_and_cues_load() -> None:
    patterns = load_patterns()
    assert patterns.filters["match"][0] == "sports"
    assert patterns.cues.has("covert", "secretly")
    assert patterns.cues.has("report", "say")
