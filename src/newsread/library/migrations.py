"""Numbered schema migrations: `PRAGMA user_version` says which have been applied.

A migration is never edited once released; a schema change is a new entry at
the end of `MIGRATIONS`. Each runs in its own transaction together with the
`user_version` bump, so a crash leaves the database at a whole version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from newsread.errors import LibraryError
from newsread.library.connection import Database

APPLICATION_ID: Final = 0x6E777264
"""`PRAGMA application_id` of a newsread library ("nwrd"), so other SQLite files are recognised."""


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema's history."""

    version: int
    """The `user_version` the database has once this step is applied."""
    summary: str
    apply: Callable[[sqlite3.Connection], None]
    """Runs the step inside an open transaction (must not commit)."""


def _statements(*sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration step that executes `sql` one statement at a time.

    `executescript` is not used because it commits any open transaction first.
    """

    def apply(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return apply


_V1_SCHEMA = _statements(
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        key TEXT UNIQUE NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        added_at TEXT NOT NULL
    )
    """,
    # One narrow row per article: identity, ordering, list columns and the user's
    # marks. Long text lives in `article_texts`, because SQLite rewrites a whole
    # row on every UPDATE: marking read must not rewrite (and re-log) the body.
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT UNIQUE NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        origin_key TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        content_hash TEXT NOT NULL,
        seq INTEGER UNIQUE NOT NULL,
        ingested_at TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0 CHECK (read IN (0, 1)),
        read_at TEXT,
        bookmarked INTEGER NOT NULL DEFAULT 0 CHECK (bookmarked IN (0, 1)),
        bookmarked_at TEXT,
        UNIQUE (source_id, origin_key)
    )
    """,
    # SQLite sorts NULL lowest, so `published DESC` already puts undated articles last.
    "CREATE INDEX articles_by_date ON articles (published DESC, seq)",
    # The flag column is repeated inside each partial index so that it covers
    # the filtered list and count queries without touching the table.
    """
    CREATE INDEX articles_unread_by_date ON articles (published DESC, seq, read)
    WHERE read = 0
    """,
    """
    CREATE INDEX articles_bookmarked_by_date ON articles (published DESC, seq, bookmarked)
    WHERE bookmarked = 1
    """,
    # Title first: the list reads it without loading the rest of a long row.
    """
    CREATE TABLE article_texts (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        title TEXT NOT NULL,
        section TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        deck TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE entities (
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL
    )
    """,
    "CREATE INDEX entities_by_article ON entities (article_rowid, start)",
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, deck, body,
        content = 'article_texts', content_rowid = 'article_rowid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    )
    """,
    """
    CREATE TRIGGER article_texts_after_insert AFTER INSERT ON article_texts BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body)
        VALUES (new.article_rowid, new.title, new.deck, new.body);
    END
    """,
    """
    CREATE TRIGGER article_texts_after_delete AFTER DELETE ON article_texts BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body)
        VALUES ('delete', old.article_rowid, old.title, old.deck, old.body);
    END
    """,
    """
    CREATE TRIGGER article_texts_after_update AFTER UPDATE ON article_texts BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body)
        VALUES ('delete', old.article_rowid, old.title, old.deck, old.body);
        INSERT INTO articles_fts (rowid, title, deck, body)
        VALUES (new.article_rowid, new.title, new.deck, new.body);
    END
    """,
)

_V2_SOURCES_AND_DEFERRED_ENTITIES = _statements(
    # Where a source lives on the web, how the user grouped it, and what its last refresh did.
    "ALTER TABLE sources ADD COLUMN url TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sources ADD COLUMN folder TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE sources ADD COLUMN etag TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sources ADD COLUMN last_modified TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE sources ADD COLUMN last_refresh TEXT",
    "ALTER TABLE sources ADD COLUMN last_error TEXT",
    # A removed source whose bookmarked articles are kept stays as a row with this set.
    "ALTER TABLE sources ADD COLUMN removed_at TEXT",
    # Which entity extractor tagged the article; 0 means not yet (stored untagged).
    "ALTER TABLE articles ADD COLUMN entities_version INTEGER NOT NULL DEFAULT 0",
    # Articles of a version 1 library were tagged when stored, by extractor version 1.
    "UPDATE articles SET entities_version = 1",
    "CREATE INDEX articles_by_entities_version ON articles (entities_version)",
    # Per-source counts (GROUP BY source_id) and per-source deletes read this index only.
    "CREATE INDEX articles_by_source ON articles (source_id, read, bookmarked)",
)

_SEARCH_ROW = """
    SELECT t.article_rowid, t.title, t.deck, t.body, s.title
    FROM article_texts AS t
    JOIN articles AS a ON a.rowid = t.article_rowid
    JOIN sources AS s ON s.id = a.source_id
"""
"""What the search index holds for each article: its texts and its source's title."""

_V3_SEARCH_SOURCE_TITLES = _statements(
    "DROP TRIGGER article_texts_after_insert",
    "DROP TRIGGER article_texts_after_delete",
    "DROP TRIGGER article_texts_after_update",
    "DROP TABLE articles_fts",
    # The index reads its texts through this view, so the source title is
    # searchable without storing a second copy of every article.
    f"CREATE VIEW article_search (article_rowid, title, deck, body, source) AS {_SEARCH_ROW}",
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, deck, body, source,
        content = 'article_search', content_rowid = 'article_rowid',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    )
    """,
    f"""
    CREATE TRIGGER article_texts_after_insert AFTER INSERT ON article_texts BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    # An article's texts go with it (ON DELETE CASCADE), by which time its
    # source can no longer be looked up: its index entry goes before it.
    f"""
    CREATE TRIGGER articles_before_delete BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_SEARCH_ROW} WHERE t.article_rowid = old.rowid) AS search;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_before_update BEFORE UPDATE ON article_texts BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_SEARCH_ROW} WHERE t.article_rowid = old.article_rowid)
        AS search;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_after_update AFTER UPDATE ON article_texts BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    f"""
    CREATE TRIGGER sources_before_retitle BEFORE UPDATE OF title ON sources
    WHEN old.title IS NOT new.title BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_SEARCH_ROW} WHERE a.source_id = old.id) AS search;
    END
    """,
    f"""
    CREATE TRIGGER sources_after_retitle AFTER UPDATE OF title ON sources
    WHEN old.title IS NOT new.title BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_SEARCH_ROW} WHERE a.source_id = new.id;
    END
    """,
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
    # One source's articles in list order, for the sidebar's source filter.
    "CREATE INDEX articles_by_source_and_date ON articles (source_id, published DESC, seq)",
)

_V4_PREFERENCES = _statements(
    """
    CREATE TABLE preferences (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID
    """,
)

MIGRATIONS: list[Migration] = [
    Migration(1, "sources, articles with state, texts, entities, search", _V1_SCHEMA),
    Migration(
        2,
        "source details and refresh state; entities tagged after storing",
        _V2_SOURCES_AND_DEFERRED_ENTITIES,
    ),
    Migration(3, "search source titles too; list one source by date", _V3_SEARCH_SOURCE_TITLES),
    Migration(4, "preferences the app remembers between runs", _V4_PREFERENCES),
]
"""Every migration, in order; versions are 1, 2, 3, … with no gaps."""


def latest_version() -> int:
    """The schema version this code writes."""
    return MIGRATIONS[-1].version if MIGRATIONS else 0


def stored_version(database: Database) -> int:
    """The schema version recorded in the database file (0 for a new file)."""
    with database.reading() as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(database: Database) -> None:
    """Refuse, without writing anything, a file newsread must not touch."""
    with database.reading() as conn:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if application_id not in (0, APPLICATION_ID):
        raise LibraryError(f"{database.path} is an SQLite database of another application")
    stored, known = stored_version(database), latest_version()
    if stored > known:
        raise LibraryError(
            f"{database.path} was written by a newer newsread "
            f"(schema {stored}, this one knows {known}); not modifying it"
        )


def migrate(database: Database) -> int:
    """Apply every migration newer than the stored version, in order; return the new version."""
    check_compatible(database)
    stored = stored_version(database)
    for migration in MIGRATIONS:
        if migration.version <= stored:
            continue
        with database.writing() as conn:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            current = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if current >= migration.version:
                continue
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
    return stored_version(database)
