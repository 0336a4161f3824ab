"""Versioned store schema. A new version appends a migration; never edit an applied one."""

from __future__ import annotations

SCHEMA_VERSION = 3

MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
            command VARCHAR, seen INTEGER, stored INTEGER, duplicates INTEGER,
            skipped INTEGER, events INTEGER)""",
        """CREATE TABLE IF NOT EXISTS documents (
            doc_id VARCHAR PRIMARY KEY, path VARCHAR, unit_id VARCHAR, source_format VARCHAR,
            bytes BIGINT, encoding VARCHAR, ingested_at TIMESTAMP, run_id VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS document_paths (
            doc_id VARCHAR, path VARCHAR, run_id VARCHAR, seen_at TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS articles (
            doc_id VARCHAR PRIMARY KEY, title VARCHAR, published VARCHAR, authors VARCHAR,
            publisher VARCHAR, language VARCHAR, genre VARCHAR, body VARCHAR, captions VARCHAR,
            turns VARCHAR, paragraphs VARCHAR, removed VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, unit_id VARCHAR,
            source VARCHAR, target VARCHAR, source_name VARCHAR, target_name VARCHAR,
            source_sector VARCHAR, target_sector VARCHAR,
            cameo VARCHAR, root VARCHAR, goldstein DOUBLE, quad_class INTEGER, plover VARCHAR,
            "symmetric" BOOLEAN, negated BOOLEAN, hypothetical BOOLEAN, covert BOOLEAN,
            event_date VARCHAR, date_precision VARCHAR, published VARCHAR,
            sentence VARCHAR, sentence_start INTEGER, sentence_end INTEGER,
            trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER, pattern VARCHAR,
            source_text VARCHAR, target_text VARCHAR, paragraph_role VARCHAR,
            coder_version VARCHAR)""",
        "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target)",
        "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
        """CREATE TABLE IF NOT EXISTS skips (
            path VARCHAR, reason VARCHAR, detail VARCHAR, content_hash VARCHAR,
            run_id VARCHAR, skipped_at TIMESTAMP)""",
    ],
    # Article intelligence: quotes (who said what) and near-duplicate stories.
    2: [
        """CREATE TABLE IF NOT EXISTS quotes (
            quote_id VARCHAR PRIMARY KEY, doc_id VARCHAR, kind VARCHAR,
            speaker VARCHAR, speaker_code VARCHAR, speaker_name VARCHAR, speaker_role VARCHAR,
            speaker_sector VARCHAR, cue VARCHAR, cue_text VARCHAR, content VARCHAR,
            content_start INTEGER, content_end INTEGER, sentence_start INTEGER, sentence_end INTEGER,
            paragraph_role VARCHAR, published VARCHAR)""",
        "CREATE INDEX IF NOT EXISTS quotes_doc ON quotes (doc_id)",
        """CREATE TABLE IF NOT EXISTS stories (
            doc_id VARCHAR PRIMARY KEY, story_id VARCHAR, minhash BLOB)""",
    ],
    3: [
        # who claimed a reported event ("X said Y attacked Z": X), from the coder's evidence
        "ALTER TABLE events ADD COLUMN reported_by VARCHAR",
        "ALTER TABLE events ADD COLUMN reported_by_text VARCHAR",
    ],
}
