"""detente: political event data from raw news: who did what to whom, when, and how we know.

>>> import detente
>>> events = detente.code_text("Iran's foreign minister met his Iraqi counterpart in Baghdad on Sunday.",
...                            date="2014-09-25")                                   # doctest: +SKIP
>>> with detente.open_store("detente.duckdb") as store: ...                          # doctest: +SKIP
"""

__version__ = "0.1.0"

from .api import EventStore, open_store
from .errors import (
    ConfigError,
    DataFileError,
    DetenteError,
    InputError,
    ModelNotFoundError,
    StoreError,
    StoreInUseError,
)
from .models import ActorMention, Article, Event, Evidence, RawDocument, Skip, Turn, event_record
from .pipeline import Pipeline, code_text, ingest
from .store import Store

__all__ = [
    "ActorMention",
    "Article",
    "ConfigError",
    "DataFileError",
    "DetenteError",
    "Event",
    "EventStore",
    "Evidence",
    "InputError",
    "ModelNotFoundError",
    "Pipeline",
    "RawDocument",
    "Skip",
    "Store",
    "StoreError",
    "StoreInUseError",
    "Turn",
    "__version__",
    "code_text",
    "event_record",
    "ingest",
    "open_store",
]
