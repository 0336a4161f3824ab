"""Actor dictionaries: data-file consistency and resolution by name, role and date."""

from __future__ import annotations

import re
from collections import defaultdict

import pycountry

from detente.actors.dictionary import choose, load_dictionary, tokenize
from detente.actors.resolver import DocActors
from detente.datafiles import read_tsv, split_multi

from .conftest import make_doc

IGO = {
    "UN",
    "NATO",
    "EU",
    "AU",
    "ARL",
    "IAEA",
    "OPEC",
    "WTO",
    "IMF",
    "WB",
    "ASEAN",
    "GCC",
    "OAS",
    "ICC",
    "OSCE",
    "ICRC",
    "P5+1",
}


def _resolve(phrase: str, date: str | None = None):  # type: ignore[no-untyped-def]
    return choose(load_dictionary().lookup(tokenize(phrase)), date)


def test_every_un_member_and_observer_is_present() -> None:
    rows = [row for _, _, row in read_tsv("actors/states.tsv")]
    members = [r["code"] for r in rows if r["un_status"] == "member"]
    observers = {r["code"] for r in rows if r["un_status"] == "observer"}
    assert len(members) == len(set(members)) == 193
    assert observers == {"VAT", "PSE"}
    for r in rows:
        assert r["code"] == "XKX" or pycountry.countries.get(alpha_3=r["code"]) is not None, r["code"]


def test_states_names_adjectives_and_metonyms() -> None:
    assert _resolve("Iran").code == "IRN"
    assert _resolve("Iranian").code == "IRN"
    assert _resolve("Tehran").code == "IRN"
    assert _resolve("Washington").code == "USA"
    assert _resolve("Kremlin").code == "RUS"
    assert _resolve("United States").code == "USA"


def test_organisations_from_format_md() -> None:
    for name, code in [
        ("Islamic State", "IS"),
        ("ISIL", "IS"),
        ("al-Qaeda", "AQ"),
        ("Hamas", "PSE"),
        ("Hezbollah", "LBN"),
        ("Taliban", "AFG"),
        ("Security Council", "UN"),
        ("Amnesty International", "NGO"),
        ("NATO", "NATO"),
        ("Arab League", "ARL"),
    ]:
        assert _resolve(name).code == code, name


def test_people_resolve_by_date() -> None:
    kerry = _resolve("John Kerry", "2014-09-25")
    assert (kerry.code, kerry.role) == ("USA", "Secretary of State")
    assert kerry.start is not None and kerry.start.startswith("2013")


def test_people_tenures_are_consistent() -> None:
    single = {
        "President",
        "Prime Minister",
        "Foreign Minister",
        "Secretary of State",
        "Chancellor",
        "Supreme Leader",
    }
    holders: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for path, line, row in read_tsv("actors/people.tsv"):
        code = row["code"]
        assert code in IGO | {"IS", "AQ", "XKX"} or pycountry.countries.get(alpha_3=code), f"{path}:{line}"
        if row["end"]:
            assert row["start"] <= row["end"], f"{path}:{line}"
        if row["role"] in single and "acting" not in row.get("note", "").lower():
            holders[(code, row["role"])].append((row["start"], row["end"] or "9999", row["name"]))
    overlaps = []
    for (code, role), spans in holders.items():
        spans.sort()
        for (_s1, e1, n1), (s2, _e2, n2) in zip(spans, spans[1:], strict=False):
            if s2[:7] < e1[:7] and n1 != n2:
                overlaps.append((code, role, n1, n2))
    assert len(overlaps) <= 5, overlaps


def test_institution_heads_and_coreference() -> None:
    doc = make_doc(
        [
            ("Iran", "Iran", "PROPN", "NNP", "poss", 3),
            ("'s", "'s", "PART", "POS", "case", 0),
            ("foreign", "foreign", "ADJ", "JJ", "amod", 3),
            ("minister", "minister", "NOUN", "NN", "nsubj", 4),
            ("spoke", "speak", "VERB", "VBD", "ROOT", 4),
            (".", ".", "PUNCT", ".", "punct", 4),
            ("He", "he", "PRON", "PRP", "nsubj", 7, True),
            ("left", "leave", "VERB", "VBD", "ROOT", 7),
            (".", ".", "PUNCT", ".", "punct", 7),
        ]
    )
    actors = DocActors(doc, "2014-09-25")
    (minister,) = actors.resolve(doc[3])
    assert minister.entry.code == "IRN" and minister.rule.startswith("institution")
    assert actors.resolve(doc[6]) == []  # "He": no person was named before, only a role


def test_companies_take_their_home_country() -> None:
    for name, code in [
        ("Halkbank", "TUR"),
        ("Telmex", "MEX"),
        ("Kaupthing", "ISL"),
        ("Petrotrin", "TTO"),
        ("Royal Jordanian", "JOR"),
        ("Bank Melli", "IRN"),
        ("Merrill Lynch", "USA"),
        ("Gazprom", "RUS"),
    ]:
        entry = _resolve(name)
        assert (entry.code, entry.kind, entry.sector) == (code, "org", "BUS"), name


def test_ambiguous_bare_words_are_left_out() -> None:
    # Listed as deliberate exclusions in the data-file headers: common words, places and other meanings.
    for word in ["Shell", "Target", "Suez", "Jersey", "Orange", "Sprint", "Continental", "Land Rover"]:
        assert not load_dictionary().lookup(tokenize(word)), word


def test_people_of_the_second_version_resolve_by_role_and_date() -> None:
    assert _resolve("Le Pen", "2005-05-01").name == "Jean-Marie Le Pen"
    assert _resolve("Le Pen", "2015-05-01").name == "Marine Le Pen"
    assert _resolve("Carney", "2010-05-01").code == "CAN"
    assert _resolve("Carney", "2015-05-01").code == "GBR"
    assert _resolve("Carney", "2025-06-01").role == "Prime Minister"
    navalny = _resolve("Navalny", "2012-01-01")
    assert (navalny.code, navalny.sector) == ("RUS", "OPP")
    prosecutor = _resolve("Luis Moreno Ocampo", "2008-01-01")
    assert (prosecutor.code, prosecutor.sector) == ("ICC", "JUD")
    assert _resolve("Hashim Thaçi", "2010-01-01").code == "XKX"


def test_small_territories_have_everyday_names() -> None:
    for name, code in [
        ("Pitcairn Islands", "PCN"),
        ("St Helena", "SHN"),
        ("Guernsey", "GGY"),
        ("Åland", "ALA"),
    ]:
        entry = _resolve(name)
        assert (entry.code, entry.kind) == (code, "state"), name


def test_companies_carry_an_iso3_home_country_and_dates_are_well_formed() -> None:
    for path, line, row in read_tsv("actors/organizations.tsv"):
        if row["sector"] == "BUS":
            assert pycountry.countries.get(alpha_3=row["code"]), f"{path}:{line}"
    date = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    for path, line, row in read_tsv("actors/people.tsv"):
        for key in ("start", "end"):
            assert not row[key] or date.match(row[key]), f"{path}:{line} {key}={row[key]!r}"


def test_organisation_rows_have_known_sectors_and_no_phrase_names_two_codes() -> None:
    sectors = {
        "IGO",
        "NGO",
        "REB",
        "MIL",
        "GOV",
        "LEG",
        "JUD",
        "POL",
        "SPY",
        "OPP",
        "PTY",
        "MED",
        "BUS",
        "CVL",
        "REL",
    }
    codes: dict[str, set[str]] = defaultdict(set)
    for path, line, row in read_tsv("actors/organizations.tsv"):
        assert row["sector"] in sectors, f"{path}:{line} sector={row['sector']!r}"
        for phrase in [row["name"], *split_multi(row["aliases"])]:
            codes[phrase].add(row["code"])
    assert {phrase: found for phrase, found in codes.items() if len(found) > 1} == {}


def test_national_agencies_resolve_without_a_country_word() -> None:
    for name, code, sector in [
        ("Securities and Exchange Commission", "USA", "GOV"),
        ("FEMA", "USA", "GOV"),
        ("ATF", "USA", "POL"),
        ("U.S. Coast Guard", "USA", "MIL"),
        ("Ofcom", "GBR", "GOV"),
        ("Crown Prosecution Service", "GBR", "JUD"),
        ("Bundeskriminalamt", "DEU", "POL"),
        ("Central Bureau of Investigation", "IND", "POL"),
        ("National Accountability Bureau", "PAK", "POL"),
        ("Conseil d'Etat", "FRA", "JUD"),
        ("Japan Coast Guard", "JPN", "MIL"),
        ("Comelec", "PHL", "GOV"),
        ("INEC", "NGA", "GOV"),
        ("China CDC", "CHN", "GOV"),  # the longer name outranks the bare US "CDC"
        ("South Korea's Joint Chiefs of Staff", "KOR", "MIL"),
    ]:
        entry = _resolve(name)
        assert (entry.code, entry.kind, entry.sector) == (code, "org", sector), name
    assert _resolve("CDC").code == "USA"
    # shared by several states (or another meaning): left out, so that a state word can place them
    for word in [
        "Coast Guard",
        "National Guard",
        "CBI",
        "NRC",
        "Department of Education",
        "Investigative Committee",
    ]:
        assert not load_dictionary().lookup(tokenize(word)), word
    assert _resolve("AFP").code == "FRA"  # the news agency, not the Australian Federal Police


def test_a_generic_coast_guard_is_placed_by_its_adjective() -> None:
    doc = make_doc(
        [
            ("The", "the", "DET", "DT", "det", 3),
            ("Japanese", "japanese", "ADJ", "JJ", "amod", 3),
            ("Coast", "coast", "PROPN", "NNP", "compound", 3),
            ("Guard", "guard", "PROPN", "NNP", "nsubj", 4),
            ("seized", "seize", "VERB", "VBD", "ROOT", 4),
            ("a", "a", "DET", "DT", "det", 6),
            ("boat", "boat", "NOUN", "NN", "dobj", 4),
            (".", ".", "PUNCT", ".", "punct", 4),
        ]
    )
    (guard,) = DocActors(doc, "2010-09-08").resolve(doc[3])
    assert (guard.entry.code, guard.sector) == ("JPN", "MIL")


def test_common_words_are_lower_case_actor_names() -> None:
    # every listed word is a one-word actor name when capitalised (else the row guards nothing)
    d = load_dictionary()
    assert d.common_words
    for word in d.common_words:
        assert word == word.lower() and word.isalpha(), word
        assert d.lookup((word.capitalize(),)), f"{word!r} names no actor"
