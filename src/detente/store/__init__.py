"""The event store: DuckDB by default (one file, ``detente.duckdb``)."""

from .duckdb_store import Store, open_store

__all__ = ["Store", "open_store"]
