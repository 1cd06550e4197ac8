"""Numbered schema migrations, tracked with ``PRAGMA user_version``.

Migration N is ``MIGRATIONS[N-1]``; each runs in one transaction together with setting
``user_version = N`` (both are transactional, so a failed step leaves the file as it was). A
migration is never edited once shipped: add a new one. A database newer than this code is refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from annotator.errors import DatabaseTooNew

MIGRATIONS: list[Callable[[Database], None]] = []


def migration(fn: Callable[[Database], None]) -> Callable[[Database], None]:
    """Register ``fn`` as the next numbered migration."""
    MIGRATIONS.append(fn)
    return fn


SCHEMA_V1 = """
CREATE TABLE project (
    project_id INTEGER PRIMARY KEY CHECK (project_id = 1),
    name TEXT NOT NULL,
    label_schema TEXT NOT NULL,          -- the label schema as JSON (see annotator.schema)
    schema_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE imports (
    import_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    paths TEXT NOT NULL,                  -- JSON list of the paths given
    articles_added INTEGER NOT NULL,
    duplicates INTEGER NOT NULL
) STRICT;

CREATE TABLE articles (
    article_id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,                   -- exactly as decoded (LF newlines)
    text_hash TEXT NOT NULL UNIQUE,       -- sha256 of the normalised text: finds re-imports
    meta TEXT NOT NULL DEFAULT '{}',
    import_id INTEGER REFERENCES imports(import_id),
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE sentences (
    sentence_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position >= 0),
    char_start INTEGER NOT NULL CHECK (char_start >= 0),
    char_end INTEGER NOT NULL CHECK (char_end > char_start),
    paragraph INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL DEFAULT 0 CHECK (boilerplate IN (0, 1)),
    text TEXT NOT NULL,                   -- = articles.text[char_start:char_end]
    UNIQUE (article_id, position)
) STRICT;

CREATE TABLE annotators (
    annotator_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'human' CHECK (kind IN ('human', 'gold')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE annotations (
    sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(annotator_id) ON DELETE CASCADE,
    labels TEXT NOT NULL DEFAULT '[]',    -- JSON list of label ids, in schema order
    fields TEXT NOT NULL DEFAULT '{}',    -- JSON {label id: {field id: value}}
    note TEXT NOT NULL DEFAULT '',
    decided INTEGER NOT NULL DEFAULT 0 CHECK (decided IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (sentence_id, annotator_id)
) STRICT;

CREATE TABLE spans (
    span_id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(annotator_id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    char_start INTEGER NOT NULL CHECK (char_start >= 0),   -- offsets into the sentence text
    char_end INTEGER NOT NULL CHECK (char_end > char_start),
    fields TEXT NOT NULL DEFAULT '{}',
    UNIQUE (sentence_id, annotator_id, label, char_start, char_end)
) STRICT;

CREATE TABLE article_annotations (
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(annotator_id) ON DELETE CASCADE,
    fields TEXT NOT NULL DEFAULT '{}',    -- the article-level form (date, outlet, ...)
    updated_at TEXT NOT NULL,
    PRIMARY KEY (article_id, annotator_id)
) STRICT;

CREATE TABLE suggestions (
    suggestion_id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    label TEXT NOT NULL,
    score REAL NOT NULL,
    spans TEXT NOT NULL DEFAULT '[]',     -- JSON list of {start, end, fields} in the sentence
    fields TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE suggestion_reviews (
    review_id INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    annotator_id INTEGER NOT NULL REFERENCES annotators(annotator_id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'changed', 'rejected')),
    created_at TEXT NOT NULL
) STRICT;

CREATE TABLE adjudications (
    sentence_id INTEGER PRIMARY KEY REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    adjudicator_id INTEGER NOT NULL REFERENCES annotators(annotator_id),
    method TEXT NOT NULL CHECK (method IN ('manual', 'auto_agreed')),
    source_annotators TEXT NOT NULL DEFAULT '[]',  -- JSON list of names whose version was taken
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE positions (
    annotator_id INTEGER PRIMARY KEY REFERENCES annotators(annotator_id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(sentence_id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX sentences_article ON sentences (article_id, position);
CREATE INDEX annotations_annotator ON annotations (annotator_id, sentence_id);
CREATE INDEX spans_sentence ON spans (sentence_id, annotator_id);
CREATE INDEX suggestions_sentence ON suggestions (sentence_id, extractor);
CREATE INDEX suggestions_extractor ON suggestions (extractor);

-- Summaries that the GUI's article list and `annotator stats` both read.
CREATE VIEW article_counts AS
    SELECT article_id,
           count(*) AS sentences,
           sum(boilerplate) AS boilerplate
    FROM sentences GROUP BY article_id;

CREATE VIEW article_progress AS
    SELECT s.article_id, a.annotator_id, an.name AS annotator,
           sum(a.decided AND NOT s.boilerplate) AS decided
    FROM annotations a
    JOIN sentences s ON s.sentence_id = a.sentence_id
    JOIN annotators an ON an.annotator_id = a.annotator_id
    GROUP BY s.article_id, a.annotator_id;
"""


@migration
def m001_initial(db: Database) -> None:
    """Create the version 1 tables, indexes and views."""
    # sqlite-utils' executescript splits and runs the statements inside the open transaction
    # (the raw sqlite3 executescript would COMMIT first).
    db.executescript(SCHEMA_V1)


ANNOTATION_VERSIONS = """
ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 0;

-- One clock for the whole table: every write to an annotation row takes the next value, so a
-- version is never reused, not even after a row was deleted and written again.
CREATE TABLE version_clock (
    clock_id INTEGER PRIMARY KEY CHECK (clock_id = 1),
    value INTEGER NOT NULL
) STRICT;

UPDATE annotations SET version = rowid;
INSERT INTO version_clock (clock_id, value)
    VALUES (1, coalesce((SELECT max(version) FROM annotations), 0));

-- Triggers, so every writer (the workbench, merge, import-labels, gold) moves the version.
CREATE TRIGGER annotations_version_insert AFTER INSERT ON annotations BEGIN
    UPDATE version_clock SET value = value + 1 WHERE clock_id = 1;
    UPDATE annotations SET version = (SELECT value FROM version_clock WHERE clock_id = 1)
        WHERE sentence_id = NEW.sentence_id AND annotator_id = NEW.annotator_id;
END;

CREATE TRIGGER annotations_version_update
AFTER UPDATE OF labels, fields, note, decided, updated_at ON annotations BEGIN
    UPDATE version_clock SET value = value + 1 WHERE clock_id = 1;
    UPDATE annotations SET version = (SELECT value FROM version_clock WHERE clock_id = 1)
        WHERE sentence_id = NEW.sentence_id AND annotator_id = NEW.annotator_id;
END;
"""


@migration
def m002_annotation_versions(db: Database) -> None:
    """Give every annotation row a version, so two windows' edits are compared, never blind."""
    db.executescript(ANNOTATION_VERSIONS)


ANNOTATOR_ROLES = """
ALTER TABLE annotators ADD COLUMN role TEXT NOT NULL DEFAULT 'annotator'
    CHECK (role IN ('annotator', 'reviewer'));
"""


@migration
def m003_annotator_roles(db: Database) -> None:
    """Record each annotator's role (annotator or reviewer). A file keeps it for when the
    project moves to a server, where row-level security enforces it (pg_migrations V3)."""
    db.executescript(ANNOTATOR_ROLES)


def current_version(db: Database) -> int:
    """Return the database's schema version (0 for a new, empty file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, path: str | Path) -> int:
    """Bring ``db`` up to the newest version, one transaction per step; return the version."""
    current = current_version(db)
    if current > len(MIGRATIONS):
        raise DatabaseTooNew(path, current, len(MIGRATIONS))
    for version, fn in enumerate(MIGRATIONS[current:], start=current + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return len(MIGRATIONS)
