"""Duplicate stories: MinHash LSH links near-duplicate articles; events are counted per story."""

from __future__ import annotations

from detente import query
from detente.models import Article, Event, Evidence, RawDocument
from detente.query import EventFilter
from detente.store import Store
from detente.stories import clusters, link_stories, minhash, signature

WIRE = (
    "The foreign ministers of the two neighbouring states agreed on Tuesday to reopen the northern "
    "border crossing, which has been closed to trade for more than a year after a dispute over "
    "tariffs. Officials said the first lorries would pass through the checkpoint next week, and that "
    "customs staff on both sides had been told to prepare for a surge of traffic in the first days."
)
REWRITE = WIRE.replace("on Tuesday", "on Tuesday evening") + " Negotiators meet again in April."
OTHER = (
    "Heavy rain flooded the river valley overnight and forced hundreds of families to leave their "
    "homes, while engineers worked to shore up a dam that the regional authorities said was at risk "
    "of failing if the water kept rising through the weekend, according to the emergency services."
)


def test_short_texts_get_no_signature() -> None:
    assert minhash("too short to compare") is None
    assert signature("too short") is None
    assert len(signature(WIRE) or b"") == 128 * 8


def test_near_duplicates_share_a_story() -> None:
    story = clusters({"b": signature(REWRITE), "a": signature(WIRE), "c": signature(OTHER), "d": None})
    assert story["a"] == story["b"] == "a"
    assert story["c"] == "c" and story["d"] == "d"


def _event(trigger_start: int, role: str) -> Event:
    ev = Evidence("x", 0, 1, "agreed", trigger_start, trigger_start + 6, "p", "A", "B", role)
    return Event("AAA", "BBB", "030", "03", 4.0, 1, "COOPERATE", ev)


def _item(path: str, body: str, publisher: str, events: list[Event]):  # type: ignore[no-untyped-def]
    data = body.encode()
    raw = RawDocument(path, data, path.replace("/", "_"), "text")
    return raw, Article(title="T", body=body, date="2021-03-03", publisher=publisher), "utf-8", events


def test_events_counted_once_per_story_with_mentions_articles_sources() -> None:
    with Store(":memory:") as store:
        items = [
            # headline and body of the same article: one event, two mentions
            _item("/a.txt", WIRE, "Paper A", [_event(0, "headline"), _event(50, "body")]),
            _item("/b.txt", REWRITE, "Paper B", [_event(40, "body")]),
            _item("/c.txt", OTHER, "Paper A", [_event(10, "body")]),
        ]
        store.write_batch(items, [], "run")
        assert link_stories(store.con) == (3, 2)
        cols, rows = query.story_events(store.con, EventFilter())
        got = sorted(
            (r[cols.index("num_mentions")], r[cols.index("num_articles")], r[cols.index("num_sources")])
            for r in rows
        )
        assert got == [(1, 1, 1), (3, 2, 2)]
        # the stored rows are untouched
        assert store.counts()["events"] == 4


def test_articles_stored_before_signatures_get_one_when_linked() -> None:
    with Store(":memory:") as store:
        store.write_batch([_item("/a.txt", WIRE, "A", []), _item("/b.txt", REWRITE, "B", [])], [], "run")
        store.con.execute("DELETE FROM stories")  # as in a store written before schema version 2
        assert link_stories(store.con) == (2, 1)
        rows = store.con.execute("SELECT count(*) FROM stories WHERE minhash IS NOT NULL").fetchone()
        assert rows is not None and rows[0] == 2


def test_signatures_given_to_the_store_are_stored_as_given() -> None:
    """Workers compute the signature of what they code; the store computes only those it lacks."""
    a, b = _item("/a.txt", WIRE, "A", []), _item("/b.txt", OTHER, "B", [])
    given = {a[0].content_hash: signature(WIRE)}
    with Store(":memory:") as store, Store(":memory:") as ref:
        store.write_batch([a, b], [], "run", signatures=given)
        ref.write_batch([a, b], [], "run")
        sql = "SELECT doc_id, story_id, minhash FROM stories ORDER BY doc_id"
        assert store.con.execute(sql).fetchall() == ref.con.execute(sql).fetchall()
    marker = {a[0].content_hash: b"given", b[0].content_hash: None}  # taken as they are
    with Store(":memory:") as store:
        store.write_batch([a, b], [], "run", signatures=marker)
        rows = dict(store.con.execute("SELECT doc_id, minhash FROM stories").fetchall())
        assert rows == marker
