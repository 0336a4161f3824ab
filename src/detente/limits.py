"""Per-document limits: wall-clock time, text size, memory and HTML nesting depth.

Every limit turns a hostile document into a recorded ``Skip`` (see ``pipeline.prepare``) so the
batch goes on:

| limit | setting | default | what happens |
|---|---|---|---|
| time per document (decode + extraction) | ``DETENTE_DOC_TIMEOUT`` seconds | 60 | Skip "timed out" |
| characters handed to spaCy | ``MAX_TEXT_CHARS`` | 900,000 | Skip "too long" |
| HTML nesting depth | ``MAX_NESTING`` | 255 | Skip "truncated" |
| address space of the process | ``DETENTE_MAX_MEMORY`` MB | off | MemoryError -> Skip |

The time limit uses ``SIGALRM`` (``setitimer``): it works in the main thread on Unix only and is a
no-op elsewhere (Windows, Dask worker threads). A signal is handled between Python bytecodes, so
one long call inside a C library (libxml2 parsing a single huge tree) runs to its end before the
document is abandoned; the timer then keeps firing every ``REPEAT_S`` until the guarded block
exits, so third-party code that swallows the exception once (``except Exception: pass``) is
interrupted again, and a swallowed timeout still ends as ``DocumentTimeout`` when the block exits.
A hang the signal cannot reach (a C loop that never returns) needs a process-level limit: run
ingest under ``timeout``/a supervisor; a rerun resumes after the stored batches.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from .errors import ConfigError, DetenteError

DEFAULT_DOC_TIMEOUT = 60.0
REPEAT_S = 0.05
MAX_TEXT_CHARS = 900_000  # below spaCy's nlp.max_length of 1,000,000 (see nlp.MAX_CHARS)
MAX_NESTING = 255  # libxml2 drops the content of elements nested deeper than this
TRUNCATED_DETAIL = "elements nested deeper than 256: the HTML parser would drop the deeper content"

# Elements that never nest (void) or whose end tag is optional and that the HTML parser closes by
# itself: they do not add depth in the cheap scan below.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen "
    "p li dt dd tr td th option optgroup thead tbody tfoot colgroup rb rt rp".split()
)
_OPAQUE = re.compile(r"<!--.*?-->|<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


class DocumentTimeout(DetenteError, TimeoutError):
    """One document took longer than the per-document time limit."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the per-document limit of {seconds:g} s")
        self.seconds = seconds


def doc_timeout() -> float:
    """Seconds allowed per document (``DETENTE_DOC_TIMEOUT``; 0 disables the limit)."""
    raw = os.environ.get("DETENTE_DOC_TIMEOUT", "")
    if raw == "":
        return DEFAULT_DOC_TIMEOUT
    try:
        value = float(raw)
    except ValueError as exc:
        raise ConfigError(f"DETENTE_DOC_TIMEOUT must be a number of seconds, got {raw!r}") from exc
    if value < 0:
        raise ConfigError(f"DETENTE_DOC_TIMEOUT must not be negative, got {value}")
    return value


def can_time_limit() -> bool:
    """True where ``time_limit`` is enforced (Unix, main thread)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``DocumentTimeout`` inside the block once it has run ``seconds`` of wall-clock time.

    ``None`` or 0 means no limit. An enclosing ``ITIMER_REAL`` timer is suspended for the block's
    duration and re-armed with its remaining time afterwards.
    """
    if not seconds or seconds <= 0 or not can_time_limit():
        yield
        return
    fired = False

    def _alarm(signum: int, frame: FrameType | None) -> None:
        nonlocal fired
        fired = True
        raise DocumentTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _alarm)
    outer, _interval = signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # an enclosing timer (pytest-timeout, a caller's alarm): re-arm what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 0.001))
    if fired:  # the exception was swallowed by the guarded code: the result is not trusted
        raise DocumentTimeout(seconds)


def nesting_depth(html: str, stop_at: int = MAX_NESTING + 1) -> int:
    """Maximum element nesting depth of ``html``, counted cheaply with a regular expression.

    Comments and the content of script/style/textarea/title are ignored; void elements and
    elements with optional end tags (``p``, ``li``, ``td`` ...) do not count. The count stops at
    ``stop_at``. An approximation of the parser's tree depth: exact for well-formed nesting.
    """
    if html.count("<") < stop_at:  # fewer tags than the depth asked about
        return min(html.count("<"), stop_at)
    depth = deepest = 0
    for match in _TAG.finditer(_OPAQUE.sub("", html)):
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            continue
        if closing:
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > deepest:
            deepest = depth
            if deepest >= stop_at:
                break
    return deepest


def too_deep(html: str, limit: int = MAX_NESTING) -> bool:
    """True when ``html`` nests elements deeper than the HTML parser keeps (content would be lost)."""
    return nesting_depth(html, limit + 1) > limit


def apply_memory_limit(megabytes: int | None = None) -> int | None:
    """Cap the process's address space (``RLIMIT_AS``) at ``megabytes`` or ``DETENTE_MAX_MEMORY``.

    Off unless set. Past the cap allocations fail with ``MemoryError``: in extraction that is a
    recorded Skip; elsewhere the run stops with the error (and a rerun resumes). Returns the cap
    in bytes, or None when none was set. Unix only.
    """
    if megabytes is None:
        raw = os.environ.get("DETENTE_MAX_MEMORY", "")
        if not raw:
            return None
        try:
            megabytes = int(raw)
        except ValueError as exc:
            raise ConfigError(f"DETENTE_MAX_MEMORY must be megabytes (an integer), got {raw!r}") from exc
    if megabytes <= 0:
        raise ConfigError(f"DETENTE_MAX_MEMORY must be positive, got {megabytes}")
    import resource

    cap = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    return cap


def start_limits() -> None:
    """Check the limit settings at the start of a run and apply the memory cap, if one is set."""
    doc_timeout()
    apply_memory_limit()
