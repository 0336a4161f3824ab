"""Sub-national regions (regions.tsv): first-level subdivisions resolve to their state, and none of
the generated rows shadows a state's own name."""

from __future__ import annotations

from pathlib import Path

from detente.actors.dictionary import choose, load_dictionary, tokenize
from detente.actors.resolver import DocActors
from detente.datafiles import data_paths, read_tsv

from .conftest import make_doc

SECTION = "# == First-level subdivisions (ISO 3166-2 via pycountry, filtered; scripts/build_regions.py)"
STATE_KINDS = ("state", "adjective", "demonym", "metonym")


def _code(phrase: str) -> str | None:
    entries = load_dictionary().lookup(tokenize(phrase))
    return choose(entries, None).code if entries else None


def _section_rows() -> list[tuple[int, str, str]]:
    """(line, text, code) of the generated section of the packaged regions.tsv."""
    path = Path(data_paths("actors/regions.tsv")[0])
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(SECTION)
    rows = []
    for number, line in enumerate(lines[start + 1 :], start=start + 2):
        if line and not line.startswith("#"):
            text, code = line.split("\t")[:2]
            rows.append((number, text, code))
    return rows


def test_first_level_subdivisions_resolve_to_their_state() -> None:
    for phrase, code in [
        ("Maine", "USA"),
        ("Texas", "USA"),
        ("Washington state", "USA"),
        ("British Columbia", "CAN"),
        ("B.C.", "CAN"),
        ("Ontario", "CAN"),
        ("Queensland", "AUS"),
        ("Sichuan", "CHN"),
        ("Szechuan", "CHN"),
        ("Uttar Pradesh", "IND"),
        ("Kharkiv region", "UKR"),
        ("Bashkortostan", "RUS"),
        ("Minas Gerais", "BRA"),
        ("Sinaloa", "MEX"),
        ("Borno", "NGA"),
        ("Niger State", "NGA"),
        ("Sindh", "PAK"),
        ("Helmand", "AFG"),
        ("Anbar", "IRQ"),
        ("Idlib", "SYR"),
        ("Lower Saxony", "DEU"),
        ("Andalusia", "ESP"),
        ("Lombardy", "ITA"),
        ("Normandy", "FRA"),
        ("KwaZulu-Natal", "ZAF"),
        ("Hodeidah", "YEM"),
        ("Rakhine State", "MMR"),
    ]:
        assert _code(phrase) == code, phrase


def test_ambiguous_names_keep_their_state_meaning_or_stay_out() -> None:
    # state names and capitals are not shadowed by a subdivision of the same name
    for phrase, code in [
        ("Georgia", "GEO"),
        ("Niger", "NER"),
        ("Washington", "USA"),
        ("Mexico", "MEX"),
        ("Taiwan", "TWN"),
        ("Hong Kong", "HKG"),
        ("Formosa", "TWN"),
        ("Luxembourg", "LUX"),
    ]:
        entries = load_dictionary().lookup(tokenize(phrase))
        assert entries and all(e.kind != "region" for e in entries), phrase
        assert choose(entries, None).code == code, phrase
    # names of several states, first names, words: left out
    for phrase in ("Punjab", "Victoria", "Amazonas", "Santa Cruz", "Córdoba", "Distrito Federal", "Northern"):
        assert all(e.kind != "region" for e in load_dictionary().lookup(tokenize(phrase))), phrase


def test_generated_rows_collide_with_no_state_name_and_use_known_codes() -> None:
    d = load_dictionary()
    rows = _section_rows()
    assert len(rows) > 800
    texts = [text for _, text, _ in rows]
    assert len(texts) == len(set(texts))
    hand = {row["text"] for path, line, row in read_tsv("actors/regions.tsv") if line < rows[0][0]}
    for line, text, code in rows:
        assert code in d.state_names, (line, code)
        assert text not in hand, (line, text)
        kinds = {(e.kind, e.code) for e in d.lookup(tokenize(text))}
        assert kinds == {("region", code)}, (line, text, kinds)


def test_a_province_places_a_story_in_its_state() -> None:
    doc = make_doc(
        [
            ("Police", "police", "NOUN", "NNS", "nsubj", 4),
            ("in", "in", "ADP", "IN", "prep", 0),
            ("British", "British", "PROPN", "NNP", "compound", 3),
            ("Columbia", "Columbia", "PROPN", "NNP", "pobj", 1),
            ("arrested", "arrest", "VERB", "VBD", "ROOT", 4),
            ("protesters", "protester", "NOUN", "NNS", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 4),
        ]
    )
    actors = DocActors(doc, "2020-01-01")
    codes = {m.entry.code for m in actors.mentions}
    assert codes == {"CAN"}, codes  # not GBR through "British"
    assert actors.place_state("Ontario").code == "CAN"  # not Ontario, California (gazetteer)
    assert actors.place_state("Sichuan").code == "CHN"
