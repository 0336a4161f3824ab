"""Near-duplicate articles linked into stories with MinHash LSH (datasketch).

The same wire story printed by several outlets, or a page stored as HTML and as a text dump,
has near-identical bodies. Each article gets a MinHash signature of its word 3-shingles when it
is stored; :func:`link_stories` groups articles whose estimated Jaccard similarity reaches the
threshold (LSH candidates, then union-find) and names each story by its smallest document id.
Event counts per story (NumMentions, NumArticles, NumSources) are a query:
:func:`detente.query.story_events`.
"""

from __future__ import annotations

import re

import duckdb
import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3
MIN_TOKENS = 20  # shorter bodies are too small to compare: each is its own story
THRESHOLD = 0.6
SCHEME = "affine32"  # datasketch's hashing scheme; stored signatures are only comparable within one
_TOKEN_RE = re.compile(r"\w+")


def minhash(text: str) -> MinHash | None:
    """MinHash of the lowercased word 3-shingles of ``text``; None when it is too short."""
    tokens = _TOKEN_RE.findall(text.lower())
    if len(tokens) < MIN_TOKENS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    m.update_batch([" ".join(tokens[i : i + SHINGLE]).encode() for i in range(len(tokens) - SHINGLE + 1)])
    return m


def signature(text: str) -> bytes | None:
    """The stored form of :func:`minhash` (``NUM_PERM`` little-endian uint64), or None."""
    m = minhash(text)
    return None if m is None else m.hashvalues.astype("<u8").tobytes()


def _from_bytes(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(blob, dtype="<u8"), scheme=SCHEME)


def clusters(signatures: dict[str, bytes | None], threshold: float = THRESHOLD) -> dict[str, str]:
    """doc_id -> story_id (the smallest doc id of its group of near-duplicates)."""
    parent = {d: d for d in signatures}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {d: _from_bytes(b) for d, b in sorted(signatures.items()) if b}
    for doc_id, m in hashes.items():
        for other in lsh.query(m):
            if m.jaccard(hashes[other]) >= threshold:
                a, b = find(doc_id), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(doc_id, m)
    return {d: find(d) for d in signatures}


def link_stories(con: duckdb.DuckDBPyConnection, threshold: float = THRESHOLD) -> tuple[int, int]:
    """Recompute every article's story from the stored signatures; returns (articles, stories).

    Articles stored before signatures existed get one now."""
    missing = con.execute(
        "SELECT a.doc_id, a.body FROM articles a LEFT JOIN stories s USING (doc_id) WHERE s.doc_id IS NULL"
    ).fetchall()
    if missing:
        con.executemany(
            "INSERT OR IGNORE INTO stories VALUES (?, ?, ?)", [(d, d, signature(b or "")) for d, b in missing]
        )
    rows = con.execute("SELECT doc_id, minhash FROM stories").fetchall()
    story = clusters({d: b for d, b in rows}, threshold)
    changed = [(s, d) for d, s in story.items()]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE TEMP TABLE IF NOT EXISTS _story_map (story_id VARCHAR, doc_id VARCHAR)")
        con.execute("DELETE FROM _story_map")
        if changed:
            con.executemany("INSERT INTO _story_map VALUES (?, ?)", changed)
        con.execute(
            "UPDATE stories SET story_id = m.story_id FROM _story_map m WHERE stories.doc_id = m.doc_id"
        )
        con.execute("COMMIT")
    except duckdb.Error:
        con.execute("ROLLBACK")
        raise
    return len(story), len(set(story.values()))
