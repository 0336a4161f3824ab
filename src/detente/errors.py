"""The exception tree. Every error detente raises on purpose derives from DetenteError.

A skipped input document is not an exception that escapes: it becomes a ``Skip`` record
(see ``models.Skip``) with the path and the reason, and the batch goes on.
"""

from __future__ import annotations


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""


class ConfigError(DetenteError):
    """A setting has an invalid value."""


class ModelNotFoundError(DetenteError):
    """No usable spaCy model is installed."""


class DataFileError(DetenteError):
    """A dictionary, pattern or ontology data file is malformed (names file and line)."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class InputError(DetenteError):
    """An input cannot be read as a document (binary, empty, undecodable ...)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class StoreError(DetenteError):
    """The event store cannot be opened or written."""


class StoreInUseError(StoreError):
    """Another process holds the write lock on the store file."""
