"""The Python API over a store: query methods that return pandas DataFrames.

>>> import detente
>>> with detente.open_store("detente.duckdb", read_only=True) as store:     # doctest: +SKIP
...     store.events(dyad=("USA", "IRN"), factual=True)
...     store.timeline("USA", "IRN", interval="month")
...     store.network(start="2014")

Every method goes through the one query layer (``detente.query`` and ``detente.evidence``), the
same the command line and the HTTP API use. Filters are those of ``detente events``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import evidence, query
from .query import EventFilter
from .store import Store

if TYPE_CHECKING:
    import pandas as pd


def _frame(cols: list[str], rows: list[tuple]) -> pd.DataFrame:
    import pandas as pd  # imported on first use: the command line does not need it

    return pd.DataFrame.from_records(rows, columns=cols)


def _pair(dyad: tuple[str, str] | str | None) -> tuple[str, str] | None:
    if dyad is None:
        return None
    if isinstance(dyad, str):
        parts = [p.strip().upper() for p in dyad.replace("-", ",").split(",") if p.strip()]
        if len(parts) != 2:
            raise query.QueryError(f"dyad {dyad!r}: give two actor codes, e.g. 'USA,IRN'")
        return parts[0], parts[1]
    a, b = dyad
    return a.upper(), b.upper()


def make_filter(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    dyad: tuple[str, str] | str | None = None,
    cameo: str | None = None,
    start: str | None = None,
    end: str | None = None,
    factual: bool = False,
    modality: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    sort: str = "-date",
) -> EventFilter:
    """An ``EventFilter`` from keyword arguments (actor codes upper-cased, a dyad as "USA,IRN")."""

    def up(v: str | None) -> str | None:
        return v.upper() if v else None

    return EventFilter(
        actor=up(actor),
        source=up(source),
        target=up(target),
        dyad=_pair(dyad),
        cameo=cameo,
        start=start,
        end=end,
        factual=factual,
        limit=limit,
        offset=offset,
        modality=modality,
        sort=sort,
    )


class EventStore(Store):
    """A store with DataFrame query methods; writes (``write_batch`` ...) are those of ``Store``."""

    def __enter__(self) -> EventStore:
        return self

    def events(self, **filters: Any) -> pd.DataFrame:
        """Events with their evidence; keywords as ``make_filter`` (actor, dyad, cameo, start ...)."""
        return _frame(*query.events(self.con, make_filter(**filters)))

    def dyads(self, **filters: Any) -> pd.DataFrame:
        """Per directed dyad: factual events per QuadClass, mean Goldstein, modal counts apart."""
        return _frame(*query.dyads(self.con, make_filter(**filters)))

    def timeline(
        self,
        a: str | None = None,
        b: str | None = None,
        interval: str = "month",
        directed: bool = False,
        **filters: Any,
    ) -> pd.DataFrame:
        """Dyad time series: per day/week/month/year, factual counts per QuadClass, Goldstein sum
        and mean; covert, hypothetical and negated events in their own columns.

        ``a`` and ``b`` give the pair (both directions unless ``directed``, then ``a`` -> ``b``);
        without them the series covers every event matching ``filters``.
        """
        if a and b:
            filters.update({"source": a, "target": b} if directed else {"dyad": (a, b)})
        df = _frame(*query.timeline(self.con, make_filter(**filters), interval))
        df["period"] = df["period"].astype("datetime64[ns]")
        return df

    def network(self, limit: int = 200, **filters: Any) -> pd.DataFrame:
        """Actor network edges (directed): factual events per QuadClass, dominant QuadClass."""
        return _frame(*query.network(self.con, make_filter(**filters), limit))

    def pairs(self, limit: int = 500) -> pd.DataFrame:
        """Undirected actor pairs by number of events."""
        return _frame(*query.pairs(self.con, limit))

    def articles(self, limit: int = 1000, offset: int = 0) -> pd.DataFrame:
        """Stored articles with their number of events."""
        return _frame(*query.articles(self.con, limit, offset))

    def article(self, doc_id: str) -> dict[str, Any] | None:
        """One article: coded text, paragraphs (offsets into that text), turns, captions."""
        return evidence.article(self.con, doc_id)

    def evidence(self, event_id: str) -> dict[str, Any] | None:
        """An event with its article, paragraph, interview turn and quote."""
        return evidence.event_context(self.con, event_id)

    def quotes(
        self,
        speaker: str | None = None,
        about: str | None = None,
        kind: str | None = None,
        limit: int | None = None,
    ) -> pd.DataFrame:
        """Quotes (who said what, the cue verb, the content); empty when the store has none.

        ``speaker`` matches the speaker as written, the name or the code; ``about`` an actor code.
        """
        if not query.has_table(self.con, "quotes"):
            return _frame(list(query.QUOTE_VIEW_COLUMNS), [])
        return _frame(*query.search_quotes(self.con, speaker, about, kind, limit))

    def skips(self, limit: int = 1000) -> pd.DataFrame:
        """Inputs that were not stored, and why."""
        return _frame(*query.skips(self.con, limit))

    def status(self) -> dict[str, Any]:
        """Counts, the last runs and the skips per reason."""
        return evidence.status(self.con)


def open_store(path: str | None = None, read_only: bool = False) -> EventStore:
    """Open (creating if needed, unless ``read_only``) the store at ``path`` (default
    ``DETENTE_DB`` or ``./detente.duckdb``), with DataFrame query methods."""
    from .settings import Settings

    return EventStore(path or Settings().db, read_only=read_only)
