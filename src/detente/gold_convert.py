"""Convert external gold sets to the gold format of ``shared/gold/FORMAT.md``.

Two sources, both coded with older Phoenix/CAMEO actor codes, are brought to FORMAT.md's
country/IGO level (see ``docs/evaluation.md`` for the commands and figures):

* **PETR2** (``PETR2_GSR_validation.xml`` of UniversalPetrarch): :func:`convert_petr2`;
* **PLOVER GSR** (``PLOVER_GSR_CAMEO.txt`` of openeventdata/PLOVER): :func:`convert_plover`.

Every choice that is not a plain copy is a rule below, and every record, event or actor that
cannot be converted is reported as a :class:`~detente.models.Skip` with its reason, never
dropped silently.

Actor codes (both sources), :func:`actor_code`:

* a three-letter ISO 3166-1 alpha-3 code (or ``XKX``) is kept; Phoenix codes such as
  ``USAGOV`` or ``PSEREBHMSGOV`` keep their first three letters (the country);
* older three-letter codes that are not ISO become their ISO3 successor (:data:`OLD_CODES`:
  ``JAP`` -> ``JPN``, ``ITL`` -> ``ITA``, ``VTN`` -> ``VNM``, ``YUG`` -> ``SRB`` ...);
* ``IGO...`` codes: the code after ``IGO`` is read in three-letter groups and the first group
  naming an organisation gives its FORMAT.md code (:data:`IGO_GROUPS`: ``IGOEUREEC`` -> ``EU``,
  ``IGOUNO``/``IGOUNOMIL`` -> ``UN``, ``NAT`` -> ``NATO``, ``ARL`` -> ``ARL``, ``OAU`` -> ``AU``,
  ``ITP`` -> ``INTERPOL`` ...); region groups (``EUR``, ``AFR`` ...) are passed over;
* ``IMG...`` (international militarised groups): ``ISI``/``ISL`` -> ``IS``, ``ALQ`` -> ``AQ``;
* a bare ``IGO``/``IMG`` code (PLOVER) is placed by the actor's text (:data:`ORG_NAMES`:
  "United Nations", "Security Council", "U.N. war crimes court" -> ``UN``, "European
  Community" -> ``EU``, "Amnesty International" -> ``NGO``, "al-Qaeda" -> ``AQ`` ...);
  ``NGO`` stays ``NGO``;
* anything else (``---REB``, ``---`` and similar roles without a country, ``ISM``, an IGO
  code or text naming no known organisation) is *unplaceable*: FORMAT.md codes no such actor
  and an event needs both actors, so the event is dropped (reported); a unit left with no
  event because of this is skipped, since it is neither a recall test nor a no-event test.

``INTERPOL`` and ``APEC`` are not in FORMAT.md's list; they are the codes the actor dictionary
(``data/actors/organizations.tsv``) gives these organisations.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations, product
from pathlib import Path
from typing import Any

from .errors import InputError
from .gold_sources import (
    IGO_GROUPS,
    OLD_CODES,
    ORG_NAMES,
    PETR2_SYMMETRIC_PREFIXES,
    PLOVER_MODE_ALSO,
    PLOVER_ROOTS,
    PLOVER_SYMMETRIC,
    parse_petr2,
)
from .models import Skip

__all__ = [
    "IGO_GROUPS",
    "OLD_CODES",
    "ORG_NAMES",
    "Conversion",
    "actor_code",
    "convert_petr2",
    "convert_plover",
    "write_units",
]

_USER_ASSIGNED = frozenset({"XKX"})  # Kosovo, FORMAT.md's code outside ISO 3166-1


@cache
def _is_iso3(code: str) -> bool:
    import pycountry

    return code in _USER_ASSIGNED or pycountry.countries.get(alpha_3=code) is not None


def _org_from_groups(rest: str) -> str | None:
    for i in range(0, len(rest) - 2, 3):
        found = IGO_GROUPS.get(rest[i : i + 3])
        if found:
            return found
    return None


def actor_code(code: str, text: str = "") -> str | None:
    """FORMAT.md's actor code for a Phoenix/CAMEO code (and the actor's text), or ``None``.

    ``None`` means the actor cannot be placed (see the module docstring for the rules).
    """
    code = code.strip().upper()
    if len(code) < 3:
        return None
    head, rest = code[:3], code[3:]
    if head in ("IGO", "IMG"):
        if rest:
            return _org_from_groups(rest)
        for org, pattern in ORG_NAMES:
            if pattern.search(text):
                return org
        return None
    if head == "NGO":
        return "NGO"
    if head in OLD_CODES:
        return OLD_CODES[head]
    if head.isalpha() and _is_iso3(head):
        return head
    return None


@dataclass
class Conversion:
    """The converted units (FORMAT.md dicts) and what could not be converted, with reasons.

    ``skips`` are source records not written as units; ``notes`` are events or actors left
    out of written units, and other changes (a date that could not be read ...).
    """

    units: list[dict[str, Any]] = field(default_factory=list)
    skips: list[Skip] = field(default_factory=list)
    notes: list[Skip] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(len(unit["events"]) for unit in self.units)

    def summary(self) -> str:
        empty = sum(1 for unit in self.units if not unit["events"])
        return (
            f"{len(self.units)} units ({empty} without events), {self.events} events; "
            f"{len(self.skips)} records skipped, {len(self.notes)} notes"
        )


def _event(source: str, target: str, cameo: str, symmetric: bool, **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "source": source,
        "target": target,
        "cameo": cameo,
        "symmetric": symmetric,
        "negated": False,
        "hypothetical": False,
    }
    event.update({k: v for k, v in extra.items() if v})
    return event


def _dedupe(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """FORMAT.md rule 1: one event per (source, target, root); both directions if symmetric."""
    kept: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for event in events:
        root = event["cameo"][:2]
        keys = {(event["source"], event["target"], root)}
        if event["symmetric"]:
            keys.add((event["target"], event["source"], root))
        if keys & seen:
            continue
        seen |= keys
        kept.append(event)
    return kept


def _unique_id(uid: str, taken: set[str], where: str, notes: list[Skip]) -> str:
    if uid not in taken:
        taken.add(uid)
        return uid
    n = 2
    while f"{uid}#{n}" in taken:
        n += 1
    notes.append(Skip(where, "duplicate id", f"{uid} written as {uid}#{n}"))
    taken.add(f"{uid}#{n}")
    return f"{uid}#{n}"


# ---------------------------------------------------------------------------------------------
# PETR2
# ---------------------------------------------------------------------------------------------


def _petr2_symmetric(code: str) -> bool:
    return code.startswith(PETR2_SYMMETRIC_PREFIXES) and not code.startswith("045")


def convert_petr2(path: str | Path) -> Conversion:
    """Convert a PETRARCH-2 validation file (``PETR2_GSR_validation.xml``) to FORMAT.md units.

    One unit per ``<Sentence>``: its ``id``, its ``<Text>`` with white space collapsed (rebuilt
    from the ``<Parse>`` tokens when the text is empty), its ``date`` (``YYYYMMDD``) as ISO; a
    sentence with ``evaluate="false"`` is skipped. Each ``<EventCoding>`` gives an event: the
    CAMEO code as given, the actors by :func:`actor_code`, ``symmetric`` for the mutual codes
    (consult 04 except mediation 045, sign agreement 057, material cooperation 06, small-arms
    fighting 193: firefights, clashes), never negated or hypothetical (the file does not mark
    modality). ``noevents="True"`` and sentences without a coding are no-event units.
    """
    where = str(path)
    conversion = Conversion()
    taken: set[str] = set()
    for record in parse_petr2(path):
        ref = f"{where}#{record.id}"
        if record.evaluate is False:
            conversion.skips.append(Skip(ref, "evaluate=false in the source"))
            continue
        text = record.text or record.parse_text
        if not text:
            conversion.skips.append(Skip(ref, "no text"))
            continue
        if not record.text:
            conversion.notes.append(Skip(ref, "text rebuilt from the parse", "the <Text> element is empty"))
        for problem in record.problems:
            conversion.notes.append(Skip(ref, "event dropped: unreadable coding", problem))
        events: list[dict[str, Any]] = []
        for coding in record.codings:
            source = actor_code(coding.source)
            target = actor_code(coding.target)
            if source is None or target is None:
                bad = coding.source if source is None else coding.target
                detail = f"{coding.code} {coding.source}->{coding.target} ({bad!r})"
                conversion.notes.append(Skip(ref, "event dropped: actor cannot be placed", detail))
                continue
            events.append(_event(source, target, coding.code, _petr2_symmetric(coding.code)))
        if (record.codings or record.problems) and not events:
            conversion.skips.append(
                Skip(
                    ref,
                    "every event has an actor that cannot be placed",
                    "neither a recall nor a no-event test",
                )
            )
            continue
        unit: dict[str, Any] = {"id": _unique_id(record.id, taken, ref, conversion.notes), "text": text}
        date = _iso_date(record.date)
        if date:
            unit["date"] = date
        elif record.date:
            conversion.notes.append(Skip(ref, "date left out", f"{record.date!r} is not YYYYMMDD"))
        unit["ref"] = f"{Path(path).name}#id={record.id}"
        unit["events"] = _dedupe(events)
        conversion.units.append(unit)
    return conversion


def _iso_date(raw: str | None) -> str | None:
    if raw and re.fullmatch(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])", raw):
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"
    return None


# ---------------------------------------------------------------------------------------------
# PLOVER GSR
# ---------------------------------------------------------------------------------------------


def _actors(value: Any, ref: str, notes: list[Skip]) -> list[str]:
    """The placed codes of a PLOVER actor list (unplaceable actors are noted and left out)."""
    if not isinstance(value, list):
        return []
    codes: list[str] = []
    for actor in value:
        if not isinstance(actor, dict) or not isinstance(actor.get("code"), str):
            notes.append(Skip(ref, "actor left out: not an actor object", repr(actor)[:80]))
            continue
        text = str(actor.get("actorText") or "")
        code = actor_code(actor["code"], text)
        if code is None:
            notes.append(Skip(ref, "actor left out: cannot be placed", f"{actor['code']} {text!r}"))
        elif code not in codes:
            codes.append(code)
    return codes


def convert_plover(path: str | Path) -> Conversion:
    """Convert the PLOVER gold-standard records (``PLOVER_GSR_CAMEO.txt``) to FORMAT.md units.

    One unit per record with a ``text`` (the ``DOCUMENT`` header is skipped); duplicate ids
    get ``#2``. The record's ``date`` is a placeholder (2000-01-01 for every record, says the
    readme) and is left out. The PLOVER event name gives the CAMEO root and the ``also`` roots
    (:data:`~detente.gold_sources.PLOVER_ROOTS`). Events: every placed source x placed target
    pair; a record with no target and two or more sources (CAMEO's reciprocal SRC/TAR
    coding) gives every pair of sources, symmetric. Records with no source or no target (15
    one-actor records: resignations, ceasefires ...) are skipped: the gold has no dyad to
    test. The file marks no negation or hypothetical event (``mode`` holds the event
    sub-type), so both flags are false.
    """
    where = str(path)
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError("not a PLOVER GSR JSON file", f"{where}: {exc}") from exc
    if not isinstance(records, list):
        raise InputError("not a PLOVER GSR JSON file", f"{where}: the top level is not a list")
    conversion = Conversion()
    taken: set[str] = set()
    for index, record in enumerate(records):
        rid = str(record.get("id") or f"record-{index}") if isinstance(record, dict) else f"record-{index}"
        ref = f"{where}#{rid}"
        if not isinstance(record, dict):
            conversion.skips.append(Skip(ref, "not a JSON object"))
            continue
        name = str(record.get("event") or "")
        if name == "DOCUMENT":
            conversion.skips.append(Skip(ref, "documentation record"))
            continue
        text = str(record.get("text") or "").strip()
        if text.startswith("{") and text.endswith("}"):
            text = text[1:-1].strip()  # a few texts keep the CAMEO manual's braces
        if not text:
            conversion.skips.append(Skip(ref, "no text"))
            continue
        if name not in PLOVER_ROOTS:
            conversion.skips.append(Skip(ref, "unknown PLOVER event", name))
            continue
        named = [part for part in rid.split("-") if part in PLOVER_ROOTS and part != name]
        if named:  # two records of the file: the event field is the coding, the id its section
            conversion.notes.append(
                Skip(ref, "event differs from the id", f"coded as {name}, not {named[0]}")
            )
        mode = str(record.get("mode") or "")
        root, also = PLOVER_ROOTS[name]
        also = also + PLOVER_MODE_ALSO.get((name, mode), ())
        sources = _actors(record.get("source"), ref, conversion.notes)
        targets = _actors(record.get("target"), ref, conversion.notes)
        if sources and not targets and len(sources) > 1:
            pairs = list(combinations(sources, 2))
            symmetric = True
        else:
            pairs = [(s, t) for s, t in product(sources, targets)]
            symmetric = name in PLOVER_SYMMETRIC
        if not pairs:
            conversion.skips.append(
                Skip(ref, "no source and target pair", f"{len(sources)} source(s), {len(targets)} target(s)")
            )
            continue
        trigger = str(record.get("eventText") or "")
        events = [_event(s, t, root, symmetric, also=list(also), trigger=trigger) for s, t in pairs]
        unit: dict[str, Any] = {"id": _unique_id(rid, taken, ref, conversion.notes), "text": text}
        unit["ref"] = f"{Path(path).name}#id={rid}"
        unit["events"] = _dedupe(events)
        conversion.units.append(unit)
    return conversion


def write_units(units: list[dict[str, Any]], path: str | Path) -> None:
    """Write FORMAT.md units as JSON Lines."""
    with open(path, "w", encoding="utf-8") as handle:
        for unit in units:
            handle.write(json.dumps(unit, ensure_ascii=False) + "\n")
