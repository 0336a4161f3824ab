"""HTTP API and dashboard (FastAPI). Never imports spaCy."""

from .app import create_app

__all__ = ["create_app"]
