"""The Python API (``detente.open_store``): DataFrames from the one query layer."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import detente
from detente import evidence, query
from detente.models import Article, Event, Evidence, Paragraph, RawDocument, Turn

TITLE = "Talks"
BODY = "Iran met Iraq on Monday.\n\nThe US secretly helped Iran. Will Iran attack Iraq?"
TEXT = Article(title=TITLE, body=BODY).text_for_coding  # "Talks.\n\n" + BODY


def _event(
    source: str,
    target: str,
    cameo: str,
    quad: int,
    gold: float,
    sentence: str,
    trigger: str,
    when: str | None = None,
    **kw: object,
) -> Event:
    start = TEXT.index(sentence)
    t = TEXT.index(trigger, start)
    ev = Evidence(
        sentence, start, start + len(sentence), trigger, t, t + len(trigger), f"test:{cameo}", source, target
    )
    return Event(
        source,
        target,
        cameo,
        cameo[:2],
        gold,
        quad,
        "X",
        ev,
        when=when,  # type: ignore[arg-type]
        when_precision="day" if when else None,
        **kw,
    )


def _items() -> list[tuple[RawDocument, Article, str, list[Event]]]:
    art = Article(
        title=TITLE,
        body=BODY,
        date="2014-09-25",
        genre="interview",
        paragraphs=(Paragraph(0, 24, "question", "DW"), Paragraph(26, len(BODY), "answer", "Expert")),
        turns=(Turn("Iran met Iraq on Monday.", "The US secretly helped Iran. Will Iran attack Iraq?"),),
    )
    events = [
        _event("IRN", "IRQ", "040", 1, 1.0, "Iran met Iraq on Monday.", "met", when="2014-09-22"),
        _event("USA", "IRN", "070", 2, 7.0, "The US secretly helped Iran.", "helped", covert=True),
        _event("IRN", "IRQ", "190", 4, -10.0, "Will Iran attack Iraq?", "attack", hypothetical=True),
        _event("IRN", "IRQ", "120", 3, -4.0, "Iran met Iraq on Monday.", "Iraq", when="2014-08"),
    ]
    raw = RawDocument("/tmp/talks.txt", BODY.encode(), "doc1", "text")
    return [(raw, art, "utf-8", events)]


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "api.duckdb")
    with detente.open_store(path) as store:
        store.write_batch(_items(), [], "run1")
    return path


def test_open_store_returns_event_store_that_still_writes(db: str) -> None:
    with detente.open_store(db) as store:
        assert isinstance(store, detente.EventStore)
        assert isinstance(store, detente.Store)
        assert store.write_batch(_items(), [], "run2") == (0, 0)  # idempotent, as before
        assert store.counts()["events"] == 4


def test_events_dataframe_with_filters(db: str) -> None:
    with detente.open_store(db, read_only=True) as store:
        df = store.events()
        assert list(df.columns) == list(query.EVENT_VIEW_COLUMNS)
        assert len(df) == 4
        assert set(store.events(dyad="IRQ,IRN")["cameo"]) == {"040", "190", "120"}
        assert list(store.events(modality="covert")["cameo"]) == ["070"]
        assert list(store.events(modality="hypothetical")["cameo"]) == ["190"]
        assert len(store.events(factual=True)) == 3
        assert list(store.events(cameo="04")["cameo"]) == ["040"]
        assert list(store.events(sort="goldstein")["goldstein"]) == [-10.0, -4.0, 1.0, 7.0]
        page = store.events(sort="goldstein", limit=2, offset=1)
        assert list(page["goldstein"]) == [-4.0, 1.0]
        with pytest.raises(query.QueryError):
            store.events(sort="goldstein; DROP TABLE events")
        with pytest.raises(query.QueryError):
            store.events(modality="maybe")


def test_timeline_separates_modal_events(db: str) -> None:
    with detente.open_store(db, read_only=True) as store:
        month = store.timeline("IRN", "IRQ", interval="month")
        assert [str(p.date()) for p in month["period"]] == ["2014-08-01", "2014-09-01"]
        aug, sep = month.to_dict("records")
        assert (aug["events"], aug["verbal_conflict"], aug["goldstein_sum"]) == (1, 1, -4.0)
        assert (sep["events"], sep["verbal_coop"], sep["hypothetical"]) == (1, 1, 1)
        assert sep["hypothetical_goldstein_sum"] == -10.0
        assert sep["goldstein_mean"] == 1.0  # the hypothetical attack is not in the mean
        week = store.timeline("IRN", "IRQ", interval="week")
        assert str(week["period"].iloc[-1].date()) == "2014-09-22"  # a Monday
        usa = store.timeline("USA", "IRN", directed=True)
        assert usa["covert"].sum() == 1 and usa["material_coop"].sum() == 1
        assert store.timeline("IRN", "USA", directed=True).empty
        with pytest.raises(query.QueryError):
            store.timeline("IRN", "IRQ", interval="decade")


def test_network_pairs_articles_quotes(db: str) -> None:
    with detente.open_store(db, read_only=True) as store:
        net = store.network()
        edges = {(r["source"], r["target"]): r for r in net.to_dict("records")}
        assert edges[("IRN", "IRQ")]["events"] == 2  # factual only
        assert edges[("IRN", "IRQ")]["quad_class"] == 1  # tie 1 vs 3 goes to the lower class
        assert edges[("USA", "IRN")]["quad_class"] == 2
        assert list(store.pairs()[["a", "b"]].itertuples(index=False, name=None)) == [
            ("IRN", "IRQ"),
            ("IRN", "USA"),
        ]
        arts = store.articles()
        assert list(arts["events"]) == [4]
        assert isinstance(store.quotes(), type(arts))


def test_evidence_context_offsets_paragraph_and_turn(db: str) -> None:
    with detente.open_store(db, read_only=True) as store:
        ev = store.events(modality="covert").iloc[0]
        ctx = store.evidence(ev["event_id"])
        assert ctx is not None
        text = ctx["article"]["text"]
        assert text == TEXT
        e = ctx["event"]
        assert text[e["sentence_start"] : e["sentence_end"]] == "The US secretly helped Iran."
        assert text[e["trigger_start"] : e["trigger_end"]] == "helped"
        assert ctx["paragraph"]["role"] == "answer" and ctx["paragraph"]["speaker"] == "Expert"
        para = ctx["paragraph"]
        assert text[para["start"] : para["end"]] == BODY[26:]
        assert ctx["turn"]["answer"].startswith("The US secretly")
        assert store.evidence("no-such-event") is None
        assert evidence.status(store.con)["counts"]["events"] == 4


def test_api_modules_do_not_load_spacy() -> None:
    code = "import sys, detente.api, detente.evidence, detente.web; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "flt",
    [
        query.EventFilter(),
        query.EventFilter(dyad=("IRN", "IRQ")),
        query.EventFilter(actor="IRN", modality="factual"),
        query.EventFilter(source="USA", start="2014-09"),
        query.EventFilter(end="2014-08", modality="hypothetical"),
        query.EventFilter(cameo="19"),
    ],
)
def test_summaries_give_the_same_numbers(db: str, flt: query.EventFilter) -> None:
    import duckdb

    con = duckdb.connect()
    con.execute("ATTACH ? AS store (READ_ONLY)", [db])
    con.execute("USE store")
    query.build_summaries(con, "memory.main")
    for interval in query.INTERVALS:
        assert query.timeline(con, flt, interval) == query.timeline(con, flt, interval, "memory.main")
    assert query.network(con, flt) == query.network(con, flt, summary="memory.main")
    assert query.count_events(con, flt) == query.count_events(con, flt, "memory.main")
    assert query.pairs(con) == query.pairs(con, summary="memory.main")
    for sort in ("-date", "date"):
        for limit, offset in ((1, 0), (2, 1), (1, 3), (5, 0), (2, 9)):
            page = dataclasses.replace(flt, limit=limit, offset=offset, sort=sort)
            want = con.execute(
                f"SELECT e.event_id FROM events e{page.where()[0]} ORDER BY {query.EVENT_SORTS[sort]} "
                "LIMIT ? OFFSET ?",
                [*page.where()[1], limit, offset],
            ).fetchall()
            for summary in (None, "memory.main"):
                got = [r[0] for r in query.events(con, page, summary)[1]]
                assert got == [w[0] for w in want], (sort, limit, offset, summary)


def test_make_big_store_repeats_events_with_shifted_dates(db: str, tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_big_store", Path(__file__).resolve().parents[1] / "scripts" / "make_big_store.py"
    )
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    big = str(tmp_path / "big.duckdb")
    assert mod.make_big_store(db, big, 10, shift_days=7) == 10
    with detente.open_store(big, read_only=True) as store:
        df = store.events(sort="date")
        assert df["event_id"].is_unique and len(df) == 10
        dates = set(df["event_date"].dropna())
        assert {"2014-08", "2014-09-22", "2014-09-29", "2014-10-06"} <= dates  # day: +7, +14 days
        assert len(store.articles()) == 1  # copies share their article and evidence
    # deep pages (where a page ends is found from the summaries' counts per date) stay exact
    big3k = str(tmp_path / "big3k.duckdb")
    mod.make_big_store(db, big3k, 3000, shift_days=3)
    import duckdb

    con = duckdb.connect()
    con.execute("ATTACH ? AS store (READ_ONLY)", [big3k])
    con.execute("USE store")
    query.build_summaries(con, "memory.main")
    for flt in (
        query.EventFilter(),
        query.EventFilter(dyad=("IRN", "IRQ")),
        query.EventFilter(modality="covert"),
    ):
        for sort in ("-date", "date"):
            page = dataclasses.replace(flt, limit=40, offset=1300, sort=sort)
            want = query.events(con, dataclasses.replace(page, limit=1340, offset=0))[1][1300:]
            assert query.events(con, page, "memory.main")[1] == want
            assert query.events(con, page)[1] == want
