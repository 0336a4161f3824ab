"""Readers and code tables of the external gold sets (used by :mod:`detente.gold_convert`).

* :func:`parse_petr2` reads PETRARCH-2 validation files. They are not well-formed XML (the
  ``<Sentence .../>`` start tag is self-closing but followed by ``</Sentence>``, and a block
  of ``#`` comments precedes the records), so the records are read tag by tag.
* :data:`OLD_CODES`, :data:`IGO_GROUPS` and :data:`ORG_NAMES` are the actor-code tables of
  :func:`detente.gold_convert.actor_code` (its docstring gives the rules).
* :data:`PLOVER_ROOTS` maps the PLOVER v0.5 event names of the gold-standard records to CAMEO
  roots, after the CAMEO -> PLOVER table of openeventdata/PLOVER (``cameo/CAMEO-PLOV.txt``)
  and the categories of v0.5 (where FIGHT was still apart from ASSAULT and DEMAND also held
  CAMEO's appeals).

=============  =====  =====  ===========================================================
PLOVER v0.5    root   also   why
=============  =====  =====  ===========================================================
AGREE          03            CAMEO 03x (intent to cooperate; "agreed to" is 031)
CONSULT        04            CAMEO 04x (visits, hosting, talks, mediation)
SUPPORT        05            CAMEO 05x (praise, recognition, apology, signed agreement)
COOPERATE      06            CAMEO 06x
AID            07            CAMEO 07x
CONCEDE        08            CAMEO 080-083
RETREAT        08            CAMEO 084-087
INVESTIGATE    09            CAMEO 09x
DEMAND         10     02     v0.5 has no APPEAL/REQUEST: DEMAND holds CAMEO 10 and 02
DISAPPROVE     11            CAMEO 11x
REJECT         12            CAMEO 12x
THREATEN       13            CAMEO 13x
PROTEST        14            CAMEO 14x
MOBILIZE       15            CAMEO 15x
SANCTION       16            CAMEO 16x
COERCE         17     19     CAMEO 17x and 191-192 (blockade, occupation)
  mode detain         18     abduction and human shields (CAMEO 181, 184) coded COERCE
ASSAULT        18     20     CAMEO 18x and 20x (mass violence)
FIGHT          19     20     CAMEO 19x and 20x (ethnic cleansing is coded FIGHT)
=============  =====  =====  ===========================================================

Symmetric (direction ignored): CONSULT and COOPERATE, as FORMAT.md's meetings, talks and
cooperation, and every reciprocal (SRC/TAR) record whatever its event.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

__all__ = [
    "IGO_GROUPS",
    "OLD_CODES",
    "ORG_NAMES",
    "PETR2_SYMMETRIC_PREFIXES",
    "PLOVER_MODE_ALSO",
    "PLOVER_ROOTS",
    "PLOVER_SYMMETRIC",
    "Petr2Coding",
    "Petr2Sentence",
    "parse_petr2",
]

#: PLOVER v0.5 event name -> (CAMEO root, other acceptable roots).
PLOVER_ROOTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "AGREE": ("03", ()),
    "CONSULT": ("04", ()),
    "SUPPORT": ("05", ()),
    "COOPERATE": ("06", ()),
    "AID": ("07", ()),
    "CONCEDE": ("08", ()),
    "RETREAT": ("08", ()),
    "INVESTIGATE": ("09", ()),
    "DEMAND": ("10", ("02",)),
    "DISAPPROVE": ("11", ()),
    "REJECT": ("12", ()),
    "THREATEN": ("13", ()),
    "PROTEST": ("14", ()),
    "MOBILIZE": ("15", ()),
    "SANCTION": ("16", ()),
    "COERCE": ("17", ("19",)),
    "ASSAULT": ("18", ("20",)),
    "FIGHT": ("19", ("20",)),
}

#: (PLOVER event, mode) -> further acceptable roots.
PLOVER_MODE_ALSO: dict[tuple[str, str], tuple[str, ...]] = {
    ("COERCE", "detain"): ("18",),
}

#: PLOVER events coded symmetric.
PLOVER_SYMMETRIC: frozenset[str] = frozenset({"CONSULT", "COOPERATE"})

#: CAMEO code prefixes of mutual events in PETR2 (045, mediation, is excluded by the converter).
PETR2_SYMMETRIC_PREFIXES: tuple[str, ...] = ("04", "057", "06", "193")

#: Non-ISO three-letter country codes of older Phoenix/CAMEO dictionaries -> ISO3 (FORMAT.md
#: gives former states their successor).
OLD_CODES: dict[str, str] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "BUR": "MMR",
    "YUG": "SRB",
    "SCG": "SRB",
    "CSK": "CZE",
    "SUN": "RUS",
    "USR": "RUS",
    "DDR": "DEU",
    "KSV": "XKX",
    "KOS": "XKX",
}

#: Three-letter organisation groups of CAMEO/Phoenix ``IGO``/``IMG`` codes -> FORMAT.md code.
IGO_GROUPS: dict[str, str] = {
    "UNO": "UN",
    "HCR": "UN",  # UNHCR
    "HCH": "UN",  # UN High Commissioner for Human Rights
    "WFP": "UN",
    "WHO": "UN",
    "FAO": "UN",
    "ILO": "UN",
    "ICJ": "UN",
    "EEC": "EU",
    "NAT": "NATO",
    "OAU": "AU",
    "AFU": "AU",
    "ARL": "ARL",
    "IAE": "IAEA",
    "OPE": "OPEC",
    "WTO": "WTO",
    "IMF": "IMF",
    "WBK": "WB",
    "ASN": "ASEAN",
    "GCC": "GCC",
    "OAS": "OAS",
    "ICC": "ICC",
    "OSC": "OSCE",
    "CRC": "ICRC",
    "IRC": "ICRC",
    "ITP": "INTERPOL",
    "APC": "APEC",
    "AMN": "NGO",  # Amnesty International
    "HRW": "NGO",
    "MSF": "NGO",
    "ISI": "IS",
    "ISL": "IS",
    "ALQ": "AQ",
}

#: Organisation names in an actor's text (PLOVER's bare ``IGO``/``IMG`` codes), tried in order.
ORG_NAMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (code, re.compile(pattern, re.IGNORECASE))
    for code, pattern in (
        ("ICC", r"International Criminal Court"),
        ("IAEA", r"\bIAEA\b|International Atomic Energy Agency"),
        ("NATO", r"\bNATO\b|North Atlantic Treaty"),
        ("ARL", r"Arab League"),
        ("AU", r"African Union|Organi[sz]ation of African Unity|\bOAU\b"),
        ("OSCE", r"\bOSCE\b|Organi[sz]ation for Security and Co-?operation"),
        ("ICRC", r"Red Cross|Red Crescent|\bICRC\b"),
        ("NGO", r"Amnesty International|Human Rights Watch|M[ée]decins Sans Fronti[èe]res"),
        ("APEC", r"\bAPEC\b|Asia-Pacific Economic Cooperation"),
        ("INTERPOL", r"Interpol"),
        ("OPEC", r"\bOPEC\b"),
        ("WB", r"World Bank"),
        ("IMF", r"\bIMF\b|International Monetary Fund"),
        ("WTO", r"\bWTO\b|World Trade Organi[sz]ation"),
        ("ASEAN", r"\bASEAN\b"),
        ("GCC", r"\bGCC\b|Gulf Cooperation Council"),
        ("OAS", r"\bOAS\b|Organi[sz]ation of American States"),
        ("EU", r"European (Community|Union|Commission|common market)|\bEU\b|\bEC\b"),
        (
            "UN",
            r"\bU\.?N\.?(?=\W|$)|United Nations|Security Council|Secretary-General|Kofi Annan"
            r"|International Labou?r (Office|Organi[sz]ation)|refugee agency|UNHCR"
            r"|World Food Program|war crimes (court|tribunal)|\bUN[A-Z]{2,6}\b",
        ),
        ("AQ", r"al[- ]?Qa['e]?i?da"),
        ("IS", r"Islamic State|\bISIS\b|\bISIL\b|Daesh"),
    )
)

_CAMEO_CODE = re.compile(r"^(0[1-9]|1\d|20)\d{0,2}$")
_ATTR = re.compile(r'([\w:-]+)\s*=\s*"([^"]*)"')
_SENTENCE = re.compile(r"<Sentence\b([^>]*)>")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Petr2Coding:
    """One ``<EventCoding>``: CAMEO code and Phoenix source and target codes, as given."""

    code: str
    source: str
    target: str


@dataclass
class Petr2Sentence:
    """One ``<Sentence>`` record of a PETR2 validation file."""

    id: str
    date: str | None = None
    category: str | None = None
    evaluate: bool | None = None
    text: str = ""
    parse_text: str = ""  # the sentence rebuilt from its CoNLL-U parse
    no_events: bool = False
    codings: list[Petr2Coding] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # codings that could not be read


def _attrs(raw: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in _ATTR.findall(raw)}


def _parse_text(conllu: str) -> str:
    """The sentence of a CoNLL-U block: forms joined, honouring ``SpaceAfter=No``."""
    out: list[str] = []
    for line in conllu.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].isdigit():
            continue
        form = cols[1]
        if out and form in {".", ",", ";", ":", "!", "?", "'s", "n't"} and out[-1] == " ":
            out.pop()
        out.append(form)
        out.append("" if len(cols) > 9 and "SpaceAfter=No" in cols[9] else " ")
    return html.unescape("".join(out).strip())


def parse_petr2(path: str | Path) -> list[Petr2Sentence]:
    """Read the ``<Sentence>`` records of a PETR2 validation file.

    Raises :class:`~detente.errors.InputError` when the file cannot be read or holds no
    ``<Sentence>``.
    """
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("cannot read a PETR2 validation file", f"{path}: {exc}") from exc
    starts = list(_SENTENCE.finditer(raw))
    if not starts:
        raise InputError("not a PETR2 validation file", f"{path}: no <Sentence> element")
    sentences: list[Petr2Sentence] = []
    for n, match in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(raw)
        body = raw[match.end() : end]
        attrs = _attrs(match.group(1))
        evaluate = attrs.get("evaluate", "").strip().lower()
        sentence = Petr2Sentence(
            id=attrs.get("id") or f"sentence-{n + 1}",
            date=attrs.get("date"),
            category=attrs.get("category"),
            evaluate={"true": True, "false": False}.get(evaluate),
        )
        text = _TEXT.search(body)
        if text:
            sentence.text = _WS.sub(" ", html.unescape(text.group(1))).strip()
        parse = _PARSE.search(body)
        if parse:
            sentence.parse_text = _parse_text(parse.group(1))
        for coding in _CODING.finditer(body):
            fields = _attrs(coding.group(1))
            if fields.get("noevents", "").lower() == "true":
                sentence.no_events = True
                continue
            code = fields.get("eventcode", "").strip()
            if not _CAMEO_CODE.match(code):
                sentence.problems.append(f"eventcode {code!r} is not a CAMEO code")
                continue
            sentence.codings.append(
                Petr2Coding(code, fields.get("sourcecode", "").strip(), fields.get("targetcode", "").strip())
            )
        sentences.append(sentence)
    return sentences
