"""Actor resolution on a parsed document: dictionary phrases, institutions, coreference.

``DocActors(doc, date)`` finds every dictionary mention (longest match, case-sensitive) and then
answers, for an argument token chosen by the event coder, which actor(s) it denotes:

1. a token inside a dictionary mention ("Kerry", "the Islamic State", "Tehran");
2. an institution head modified by a state word ("Iran's foreign minister", "Iraqi Shia
   militias", "the Revolutionary Guards of Iran") -> the state, with the institution's sector;
3. a pronoun, "the two sides", or a bare definite institution ("the government") -> the last
   compatible actor(s) named before it in the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import ActorMention
from .dictionary import ActorDictionary, ActorEntry, Institution, choose, end_bound, load_dictionary, tokenize
from .places import city_country

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PLURAL_PRONOUNS = {"they", "them", "their", "themselves"}
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "himself", "herself"}
THING_PRONOUNS = {"it", "its", "itself"}
PAIR_NOUNS = {
    "sides",
    "countries",
    "nations",
    "states",
    "governments",
    "neighbours",
    "neighbors",
    "parties",
}
MODIFIER_DEPS = {"poss", "compound", "amod", "nmod", "appos", "npadvmod"}
# Heads that name an organisation by its compound ("the al-Qaeda network", "the Hamas leadership").
ORG_HEADS = {
    "network",
    "movement",
    "group",
    "organisation",
    "organization",
    "leadership",
    "wing",
    "faction",
    "cell",
}
LINK_VERBS = {"link", "tie", "ally", "affiliate", "connect", "loyal"}
# Modifiers that place an institution outside the story's state without naming one ("a foreign
# leader", "European officials", "Western diplomats"): not resolved by the story's context.
FOREIGN_WORDS = {
    "foreign",
    "overseas",
    "international",
    "european",
    "western",
    "african",
    "asian",
    "arab",
    "latin",
    "nordic",
    "baltic",
    "balkan",
    "other",  # "other countries", "neighbouring states", "rich nations": not the story's own
    "neighbouring",
    "neighboring",
    "rich",
    "richer",
    "poor",
    "poorer",
    "developing",
}
OF_PREPS = {"of", "from", "in", "at"}  # "executives at China Aviation Oil Singapore"
# Kinds whose mention can stand alone as an actor argument (adjectives need a head noun).
STANDALONE = {"state", "region", "org", "person", "metonym", "demonym"}
COREF_WINDOW_SENTS = 3
# Name particles that never identify a person alone.
NAME_PARTICLES = {"abu", "bin", "ibn", "al", "el", "van", "von", "der", "den", "de", "del", "della", "mac"}
NAME_TITLES = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "president", "minister", "general", "sheikh"}
TIME_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# Nouns of places inside a state ("the mayor of the city of Nablus").
PLACE_NOUNS = {"city", "town", "village", "capital", "province", "region", "district", "camp"}
# Nouns that stand for a state named by their own modifier ("the republic of Belarus").
STATE_NOUNS = {"republic", "kingdom", "country", "nation", "state", "emirate", "federation", "island"}


@dataclass
class Mention:
    start: int  # token indices [start, end)
    end: int
    entry: ActorEntry
    sector: str | None
    rule: str
    role: str | None = None

    def to_actor(self, doc: Doc, text: str | None = None) -> ActorMention:
        span = doc[self.start : self.end]
        return ActorMention(
            text=(text if text is not None else doc.text)[span.start_char : span.end_char],
            start=span.start_char,
            end=span.end_char,
            code=self.entry.code,
            sector=self.sector,
            name=self.entry.name,
            role=self.role or self.entry.role,
            rule=self.rule,
        )


class DocActors:
    """The actors of one parsed document."""

    def __init__(
        self,
        doc: Doc,
        date: str | None = None,
        dictionary: ActorDictionary | None = None,
        excluded: list[tuple[int, int]] | None = None,
        places: list[str] | None = None,
    ):
        self.doc = doc
        self.date = date
        self.d = dictionary or load_dictionary()
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.excluded = excluded or []  # character spans that are news furniture (datelines)
        self._placed: dict[str, Mention | None] = {}  # group word -> the state placing it elsewhere
        self._match()
        if date is None:
            self._date_people_by_each_other()
        self._match_ill_cased()
        self._match_name_parts()
        self.context = self._context_country(places or [])
        # no state or place named at all: the one home state of the people and bodies named
        # places the story ("Blunkett apologised to MPs": British MPs)
        self.home = self.context or self._home_of_named()
        self.context = self.context or self._home_of_named(political=True)

    # -- dictionary matching -------------------------------------------------------------
    def _match(self) -> None:
        doc, i, n = self.doc, 0, len(self.doc)
        # once, from the ORTH column: slicing the Doc (or making Token objects) costs more
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array("ORTH").tolist()]
        lengths = self.d.lengths
        while i < n:
            found = None
            for length in lengths.get(words[i], ()):  # only lengths of phrases starting here
                if length > n - i:
                    continue
                key = tuple(words[i : i + length])
                entries = self.d.lookup(key)
                if entries:
                    found = (length, choose(entries, self.date))
                    break
            if found is None:
                i += 1
                continue
            length, entry = found
            if self._in_furniture(doc[i].idx, doc[i + length - 1].idx + 1):
                i += length
                continue
            if length == 1 and entry.kind == "org" and self._inside_longer_name(i):
                i += 1  # "the Trades Union Congress" is not the US Congress
                continue
            m = Mention(i, i + length, entry, entry.sector, f"dictionary:{entry.source}")
            self.mentions.append(m)
            for k in range(i, i + length):
                self.by_token[k] = m
            i += length

    def _date_people_by_each_other(self) -> None:
        """An undated text: the people it names with one tenure date it ("Schwarzenegger",
        governor 2003-11, places "John Kerry" in his Senate years, not his later office); a name
        with several tenures takes the one that overlaps every single-tenure person named."""
        lo, hi = "", "9999"
        ambiguous: list[tuple[int, list[ActorEntry]]] = []
        for k, m in enumerate(self.mentions):
            if m.entry.kind != "person":
                continue
            key = tuple(t.text for t in self.doc[m.start : m.end])
            people = [e for e in self.d.lookup(key) if e.kind == "person"]
            if len(people) == 1 and people[0].start:
                lo = max(lo, people[0].start[:10])
                hi = min(hi, end_bound(people[0].end) if people[0].end else "9999")
            elif len(people) > 1:
                ambiguous.append((k, people))
        if not lo or lo > hi or not ambiguous:
            return
        for k, people in ambiguous:
            overlapping = [
                e
                for e in people
                if (not e.start or e.start[:10] <= hi) and (not e.end or end_bound(e.end) >= lo)
            ]
            if len(overlapping) == 1 and overlapping[0] != self.mentions[k].entry:
                old = self.mentions[k]
                entry = overlapping[0]
                new = Mention(
                    old.start, old.end, entry, entry.sector, old.rule + " (dated by the people named)"
                )
                self.mentions[k] = new
                for t in range(old.start, old.end):
                    self.by_token[t] = new

    def _inside_longer_name(self, i: int) -> bool:
        """A one-word organisation name ending an unknown longer name ("Trades Union Congress",
        "Kansas State Senate"): the capitalised words before it are compounds of it and not
        themselves a known actor (so "the US Congress" stays Congress)."""
        if i == 0:
            return False
        prev = self.doc[i - 1]
        return (
            prev.pos_ == "PROPN"
            and prev.dep_ == "compound"
            and prev.head.i == i
            and prev.is_title
            and prev.i not in self.by_token
            and prev.lower_.rstrip(".") not in NAME_TITLES
        )

    def _match_ill_cased(self) -> None:
        """Names typed in the wrong case: a one-word state, nationality or region written with
        odd capitals ("iSrael") or in lower case ("tunisian rioters"), and a person's name in lower
        case after a title ("President obama"), unless the lower-case word is an ordinary English
        word (``common_words.tsv``: "turkey", "french fries", "bush")."""
        for tok in self.doc:
            text = tok.text
            if tok.i in self.by_token or not text.isalpha() or len(text) < 4:
                continue
            if text.istitle() or text.isupper():
                continue
            mixed = not text.islower()
            if not mixed and text.lower() in self.d.common_words:
                continue
            entries = self.d.lookup((text.capitalize(),))
            if not entries:
                continue
            entry = choose(entries, self.date)
            prev = self.doc[tok.i - 1].lower_.rstrip(".") if tok.i > 0 else ""
            titled = entry.kind == "person" and prev in NAME_TITLES
            placed = entry.kind in ("state", "adjective", "demonym", "region") and (
                mixed or tok.pos_ != "VERB"
            )
            if not (titled or placed):
                continue
            if self._in_furniture(tok.idx, tok.idx + len(text)):
                continue
            m = Mention(tok.i, tok.i + 1, entry, entry.sector, f"ill-cased:{entry.source}")
            self.mentions.append(m)
            self.by_token[tok.i] = m
        self.mentions.sort(key=lambda m: m.start)

    def _match_name_parts(self) -> None:
        """ "Anwar Ibrahim ... Mr Anwar was freed": a part of a person's full name, used alone
        elsewhere in the document, is that person (when no other person shares the part)."""
        owners: dict[str, set[ActorEntry]] = {}
        for m in self.mentions:
            if m.entry.kind != "person" or m.end - m.start < 2:
                continue
            for tok in self.doc[m.start : m.end]:
                if tok.is_title and len(tok.text) >= 3 and tok.lower_ not in NAME_PARTICLES:
                    owners.setdefault(tok.text, set()).add(m.entry)
        if not owners:
            return
        for tok in self.doc:
            if tok.i in self.by_token or tok.pos_ != "PROPN":
                continue
            entries = owners.get(tok.text)
            if entries is None or len(entries) != 1:
                continue
            nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
            prv = self.doc[tok.i - 1] if tok.i > 0 else None
            if (nxt is not None and nxt.pos_ == "PROPN") or (
                prv is not None and prv.pos_ == "PROPN" and prv.lower_.rstrip(".") not in NAME_TITLES
            ):
                continue  # "David" in "David Davis" is another person's first name
            if self._in_furniture(tok.idx, tok.idx + 1):
                continue
            entry = next(iter(entries))
            m = Mention(tok.i, tok.i + 1, entry, entry.sector, "coref:name part")
            self.mentions.append(m)
            self.by_token[tok.i] = m
        self.mentions.sort(key=lambda m: m.start)

    def _in_furniture(self, start: int, end: int) -> bool:
        return any(a <= start < b or a < end <= b for a, b in self.excluded)

    def _context_country(self, places: list[str]) -> Mention | None:
        """The story's country: its dateline's place, else the state named most often."""
        for place in places:
            entry = self.place_state(place)
            if entry is not None:
                return Mention(0, 0, entry, "GOV", f"context:dateline {place}")
        counts: dict[str, int] = {}
        first: dict[str, Mention] = {}
        for m in self.mentions:
            if (
                m.entry.kind in ("state", "adjective", "demonym", "metonym", "region")
                and len(m.entry.code) == 3
            ):
                counts[m.entry.code] = counts.get(m.entry.code, 0) + 1
                first.setdefault(m.entry.code, m)
        if not counts:  # no state named: a city the story happens in ("in Vancouver")
            for tok in self.doc:
                if (
                    tok.pos_ == "PROPN"
                    and tok.head.dep_ == "prep"
                    and tok.head.lower_ in ("in", "near", "at")
                ):
                    entry = self.place_state(tok.text)
                    if entry is not None:
                        return Mention(0, 0, entry, "GOV", f"context:city {tok.text}")
            return None
        code = max(counts, key=lambda c: (counts[c], -first[c].start))
        m = first[code]
        return Mention(0, 0, m.entry, "GOV", f"context:most named {m.entry.name}")

    def _home_of_named(self, political: bool = False) -> Mention | None:
        """No state and no place named: the one home state of the people and bodies named
        ("Eugene Terreblanche is detained" happens in South Africa). ``political``: only
        people and bodies outside business and the media count (a story naming Google and
        Northwest Airlines is market news, not one placed in the US)."""
        codes = {
            m.entry.code
            for m in self.mentions
            if m.entry.kind in ("person", "org")
            and m.entry.code in self.d.state_names
            and not (political and (m.sector or m.entry.sector) in ("BUS", "MED"))
        }
        if len(codes) != 1:
            return None
        code = codes.pop()
        name = self.d.state_names[code]
        return Mention(0, 0, ActorEntry(code, "state", name, "GOV"), "GOV", f"context:home of named {name}")

    def place_state(self, place: str) -> ActorEntry | None:
        """The state a place name belongs to: a state/region/capital name, else a known city."""
        words = place.split()
        variants = [place, place.title(), *(w.title() for w in words[:1])]
        for variant in variants:
            entries = self.d.lookup(tokenize(variant))
            states = [e for e in entries if e.kind in ("state", "metonym", "region") and len(e.code) == 3]
            if states:
                return states[0]
        code = city_country(place)
        if code is None:
            return None
        return ActorEntry(code, "state", self.d.state_names.get(code, code), "GOV", source="geonames")

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def all_mentions(self) -> list[ActorMention]:
        return [m.to_actor(self.doc) for m in self.mentions]

    def codes(self) -> set[str]:
        """Every actor code found in the document: named mentions and what any token resolves to."""
        found = {m.entry.code for m in self.mentions}
        for token in self.doc:
            found.update(m.entry.code for m in self.resolve(token))
        return found

    # -- argument resolution -------------------------------------------------------------
    def resolve(self, token: Token) -> list[Mention]:
        """The actor(s) an argument head token denotes; empty when it names no actor."""
        m = self.by_token.get(token.i)
        if m is not None:
            if m.entry.kind == "adjective" and token.dep_ in ("amod", "compound"):
                return []
            return [m]
        if token.lower_ in TIME_WORDS:  # "met with Syrian President Bashar Assad Tuesday": the
            for c in token.children:  # date was parsed as the head of the name
                named = self.by_token.get(c.i) if c.dep_ == "compound" and c.i == token.i - 1 else None
                if named is not None and named.entry.kind in STANDALONE:
                    return [named]
        for appos in token.children:  # "the Basque separatist group ETA", "the militant group Hamas"
            # (or in brackets: "The International Labor Office (ILO)")
            if appos.dep_ == "appos" and (
                appos.i == token.i + 1 or (appos.i == token.i + 2 and token.nbor().is_punct)
            ):
                named = self.by_token.get(appos.i)
                if named is not None and named.entry.kind in STANDALONE:
                    return [named]
        if token.lemma_.lower() in PLACE_NOUNS:  # "warned the rebel-held city of Falluja"
            named = self._named_place(token)
            if named is not None:
                return [named]
        if token.pos_ == "PROPN":  # "ChevronTexaco Corp., the number two US oil company"
            for appos in token.children:
                described = self.institution(appos) if appos.dep_ == "appos" and appos.i > token.i else None
                placed = self._modifier_actor(appos) if described is not None else None
                if described is not None and placed is not None:
                    return [self._institution_mention(appos, placed, described)]
        inst = self.institution(token)
        if inst is not None:
            found = self._location_actor(token) if inst.kind == "ally" else self._modifier_actor(token)
            if found is not None:
                return [self._institution_mention(token, found, inst)]
            named = self.by_token.get(token.head.i) if token.dep_ == "compound" else None
            if named is not None and named.entry.kind == "person":
                return [named]  # "a spokesman for Foreign Minister Alexander Downer": his title
            linked = self._linked_to(token)
            if linked is not None:
                return [self._institution_mention(token, linked, inst, rule="linked:" + inst.kind)]
            if any(
                c.dep_ in ("amod", "compound") and c.lower_ in FOREIGN_WORDS and c.i not in self.by_token
                for c in token.children
            ):
                return []  # "a meeting with a foreign leader": not the story's own state
            if self._is_definite(token) and inst.kind == "institution" and inst.sector == "REB":
                # "... Islamic State target ... the militant group that has seized parts of Iraq":
                # a definite armed-group noun is the armed organisation named last before it
                armed_orgs = [
                    m
                    for m in self.mentions
                    if m.end <= token.i and m.entry.kind == "org" and m.entry.sector in ("REB", "MIL")
                ]
                if armed_orgs:
                    return [armed_orgs[-1]]
            if self._is_definite(token) and inst.kind in ("institution", "role", "group"):
                prior = self._antecedents(token, want="state")
                if prior:
                    return [self._institution_mention(token, prior[0], inst, rule="coref:institution")]
            armed = inst.kind == "group" and inst.sector in ("MIL", "REB", "POL", "SPY")
            placed = self._placed_elsewhere(token) if armed else None
            if placed is not None:  # headline "Gurkha soldiers", body "Gurkha soldiers from Nepal"
                return [self._institution_mention(token, placed, inst, rule="coref:placed group")]
            if self.context is not None and inst.kind in ("institution", "role", "group"):
                # an unnamed group placed only by the story ("soldiers withdrew", "police arrested")
                return [self._institution_mention(token, self.context, inst, rule="context:institution")]
            return []
        lower = token.lower_
        if token.pos_ == "PRON" or lower in PLURAL_PRONOUNS | PERSON_PRONOUNS | THING_PRONOUNS:
            if lower in PERSON_PRONOUNS:
                return self._antecedents(token, want="person")[:1]
            if lower in THING_PRONOUNS:
                return self._antecedents(token, want="thing")[:1]
            if lower in PLURAL_PRONOUNS:
                return self._antecedents(token, want="group")
            return []
        if lower in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in token.children):
            return self._antecedents(token, want="pair")
        if token.pos_ == "PROPN":
            return self._titled_name(token)
        last = self.by_token.get(token.i - 1)
        if (
            last is not None
            and last.entry.kind == "org"
            and any(c.i == token.i - 1 and c.dep_ == "compound" for c in token.children)
        ):
            return [last]  # "the Islamic Jihad movement", "the Hamas leadership"
        if token.lemma_.lower() in ORG_HEADS:  # "Osama bin Laden's al-Qaeda terror network"
            for c in token.children:
                named = self.by_token.get(c.i) if c.dep_ in ("compound", "nmod") else None
                if named is not None and named.entry.kind == "org":
                    return [named]
        return []

    def _placed_elsewhere(self, token: Token) -> Mention | None:
        """The one state that places the same group word elsewhere in the document."""
        key = token.lower_
        if key not in self._placed:
            found: set[str] = set()
            first: Mention | None = None
            for other in self.doc:
                if other.lower_ != key:  # the asker itself adds nothing: order-independent cache
                    continue
                m = self._modifier_actor(other) or self._location_actor(other)
                if m is not None:
                    found.add(m.entry.code)
                    first = first or m
            self._placed[key] = first if len(found) == 1 else None
        return self._placed[key]

    def _place_of(self, noun: Token) -> Mention | None:
        """The state of "the (West Bank) city of Nablus": a named state modifier, else the city."""
        for c in noun.children:
            m = self.by_token.get(c.i) if c.dep_ in ("compound", "amod", "nmod") else None
            if m is not None and m.entry.kind in ("state", "region", "adjective"):
                return m
        return self._named_place(noun)

    def _linked_to(self, token: Token) -> Mention | None:
        """The named organisation an unplaced group is tied to: "terrorists linked to the al-Qaeda
        terrorist network", "militants loyal to Sadr"."""
        for mod in token.children:  # "Al-Qaeda-linked rebels": the name hyphened to the participle
            if mod.dep_ == "amod" and mod.lemma_.lower() in LINK_VERBS and mod.i < token.i:
                for c in mod.children:
                    m = self.by_token.get(c.i) if c.dep_ in ("npadvmod", "compound") else None
                    if m is not None and m.entry.kind == "org":
                        return m
        for acl in token.children:
            if acl.dep_ != "acl" or acl.lemma_.lower() not in LINK_VERBS:
                continue
            for prep in acl.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                    continue
                for pobj in prep.children:
                    for tok in [pobj, *[c for c in pobj.children if c.dep_ in ("nmod", "compound", "poss")]]:
                        m = self.by_token.get(tok.i)
                        if m is not None and m.entry.kind in ("org", "person", "state"):
                            return m
        return None

    def _named_place(self, noun: Token) -> Mention | None:
        """The state of the place a place noun names by its "of" or "in", or by a city name
        compounded on it: "the city of Falluja", "a refugee camp in Gaza", "the Jenin camp"."""
        for of in noun.children:
            if of.dep_ == "prep" and of.lower_ in ("of", "in"):
                for name in of.children:
                    if name.dep_ != "pobj" or name.pos_ != "PROPN":
                        continue
                    m = self.by_token.get(name.i)
                    if m is not None and m.entry.kind in ("state", "region", "metonym"):
                        return m
                    entry = self.place_state(name.text)
                    if entry is not None:
                        return Mention(name.i, name.i + 1, entry, "GOV", "place:city")
        for name in noun.children:  # "the Jenin refugee camp", "the Falluja district"
            if name.dep_ == "compound" and name.pos_ == "PROPN" and name.i not in self.by_token:
                entry = self.place_state(name.text)
                if entry is not None:
                    return Mention(name.i, name.i + 1, entry, "GOV", "place:city")
        return None

    def _titled_name(self, token: Token) -> list[Mention]:
        """A name the dictionaries do not know, headed by its title: "Prime Minister General Khin
        Nyunt", "Indonesian militant cleric Abu Bakar Bashir" are the title's actor."""
        titles = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        found: list[Mention] = []
        last = self.by_token.get(token.i - 1)
        if (
            last is not None
            and last.entry.kind in ("org", "person")
            and any(c.i == token.i - 1 for c in titles)
        ):
            return [last]  # "Pernod Ricard SA", "Rite Aid Corp.": a named body with a legal suffix
        for child in titles:
            if self.institution(child) is None:
                continue
            for m in self.resolve(child):
                if not found or (found[0].rule.startswith("context") and not m.rule.startswith("context")):
                    found = [m]
        return found

    def institution(self, token: Token) -> Institution | None:
        """The institution head ending at ``token`` ("minister" in "foreign minister")."""
        doc = self.doc
        for width in (3, 2, 1):
            start = token.i - width + 1
            if start < 0:
                continue
            words = tuple(t.lower_ for t in doc[start : token.i + 1])
            inst = self.d.institutions.get(words)
            if inst is None and width == 1:
                inst = self.d.institutions.get((token.lemma_.lower(),))
            if inst is not None and inst.kind != "sports":
                return inst
        # "the US Secretary of State": the parser makes the first word the head of an "of" title
        if token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            inst = self.d.institutions.get(tuple(t.lower_ for t in doc[token.i : token.i + 3]))
            if inst is not None and inst.kind != "sports":
                return inst
        return None

    def _modifier_actor(self, token: Token, depth: int = 0) -> Mention | None:
        if depth > 3:
            return None
        for child in sorted(token.children, key=lambda c: c.i):
            if child.dep_ in MODIFIER_DEPS:
                m = self.by_token.get(child.i)
                if m is not None:
                    return m
                if child.dep_ == "poss" and child.pos_ == "PRON" and depth == 0:
                    owners = self.resolve(child)  # "his country", "their foreign minister"
                    if owners:
                        return owners[0]
                if m is None and self.institution(child) is not None:
                    nested = self._modifier_actor(child, depth + 1)
                    if nested is not None:
                        return nested
            elif child.dep_ == "prep" and child.lower_ in OF_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        m = self.by_token.get(pobj.i)
                        if m is not None and m.entry.kind in STANDALONE | {"adjective"}:
                            return m
                        if m is None and depth < 2 and self.institution(pobj) is not None:
                            nested = self._modifier_actor(pobj, depth + 1)  # "leaders of Romania's
                            if nested is not None:  # new government"
                                return nested
                        if m is None and pobj.lemma_.lower() in PLACE_NOUNS:
                            place = self._place_of(pobj)  # "the mayor of the West Bank city of Nablus"
                            if place is not None:
                                return place
                        if m is None and pobj.lemma_.lower() in STATE_NOUNS:
                            # "leaders of the former Soviet republic of Belarus": the state named
                            # by the noun's own "of" (not the "Soviet" of its history)
                            for of in pobj.children:
                                if of.dep_ == "prep" and of.lower_ == "of":
                                    for name in of.children:
                                        named = self.by_token.get(name.i)
                                        if named is not None and named.entry.kind in ("state", "region"):
                                            return named
        # Unparsed (hand-built) docs: an adjacent state word to the left ("Iraqi Shia militias").
        for k in range(token.i - 1, max(-1, token.i - 4), -1):
            m = self.by_token.get(k)
            if m is not None and m.entry.kind in ("adjective", "state", "demonym", "region"):
                return m
            if self.doc[k].pos_ in ("VERB", "ADP", "PUNCT", "PRON", "AUX"):
                break
        return None

    def _location_actor(self, token: Token) -> Mention | None:
        """The state an "in X" modifier places a group in ("their allies in Iraq")."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "inside"):
                for pobj in child.children:
                    m = self.by_token.get(pobj.i)
                    if pobj.dep_ == "pobj" and m is not None and m.entry.kind in ("state", "region"):
                        return m
        return None

    def _institution_mention(
        self, token: Token, base: Mention, inst: Institution, rule: str = "institution"
    ) -> Mention:
        # the span covers the modifier when it is inside the phrase ("Iraq's government"), never
        # a pronoun's antecedent sentences away ("his supporters")
        inside = base.start >= token.left_edge.i
        start = min(base.start, token.i) if rule == "institution" and inside else token.i
        return Mention(
            start,
            token.i + 1,
            base.entry,
            inst.sector or base.sector,
            f"{rule}:{inst.head}",
            role=inst.head.title() if inst.kind == "role" else None,
        )

    @staticmethod
    def _is_definite(token: Token) -> bool:
        return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)

    def _antecedents(self, token: Token, want: str) -> list[Mention]:
        """Most recent compatible mention(s) before ``token``, preferring clause subjects."""
        sent_starts = [s.start for s in self.doc.sents] if self.doc.has_annotation("SENT_START") else [0]
        current = max((s for s in sent_starts if s <= token.i), default=0)
        idx = sent_starts.index(current) if current in sent_starts else 0
        window_start = sent_starts[max(0, idx - COREF_WINDOW_SENTS)]
        seen: set[int] = set()
        candidates: list[Mention] = []
        for m in reversed(self.mentions):
            if m.start >= token.i or m.start < window_start or id(m) in seen:
                continue
            seen.add(id(m))
            kind = m.entry.kind
            if kind == "adjective" and want != "group":
                continue  # "the Iranian perspective ... they": a national adjective can set a plural topic
            if want == "person" and kind != "person":
                continue
            if want in ("thing", "pair") and kind == "person":
                continue
            if want == "state" and kind not in ("state", "metonym", "region"):
                continue
            candidates.append(m)
        if want == "group":  # "Three gunmen pose with a hostage, who they threatened": the gunmen
            candidates += self._group_subjects(window_start, token.i)
            candidates.sort(key=lambda m: -m.start)
        if not candidates:
            return []
        subjects = [m for m in candidates if self.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")]
        same_sentence = [m for m in candidates if m.start >= current]
        if want == "state" and same_sentence:
            best = same_sentence[0]  # "are in Iraq, ... coordinate the militias": the nearest state
        else:
            best = subjects[0] if subjects and subjects[0].start >= window_start else candidates[0]
        if want in ("group", "pair"):
            group = self._conjoined(best)
            if want == "pair" and len(group) < 2:
                distinct: list[Mention] = []
                for m in candidates:
                    if all(m.entry.code != d.entry.code for d in distinct):
                        distinct.append(m)
                    if len(distinct) == 2:
                        break
                return distinct
            return group
        return [best]

    def _group_subjects(self, start: int, end: int) -> list[Mention]:
        """Plural institution subjects ("gunmen", "Iraqi troops") between two tokens, placed by a
        modifier or the story's country (never by coreference, to stay finite)."""
        out = []
        for tok in self.doc[start:end]:
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NNS" or tok.i in self.by_token:
                continue
            inst = self.institution(tok)
            if inst is None or inst.kind not in ("group", "institution"):
                continue
            base = self._modifier_actor(tok)
            if base is not None:
                out.append(self._institution_mention(tok, base, inst))
            elif self.context is not None:
                out.append(self._institution_mention(tok, self.context, inst, rule="context:institution"))
        return out

    def _conjoined(self, m: Mention) -> list[Mention]:
        head = self.doc[m.end - 1]
        root = head
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        group: list[Mention] = []
        for tok in [root, *root.conjuncts]:
            found = self.by_token.get(tok.i)
            if found is not None and found not in group:
                group.append(found)
        return group or [m]
