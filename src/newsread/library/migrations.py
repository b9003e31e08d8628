"""Numbered schema migrations: `PRAGMA user_version` says which have been applied.

A migration is never edited once released; a schema change is a new entry at
the end of `MIGRATIONS`. All pending steps run in one transaction together
with the `user_version` bump, so a failure or a crash leaves the version it had.
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

_V5_ENTITY_INDEX = _statements(
    # The identity key of each body mention (see `newsread.entities.identity`).
    "ALTER TABLE entities ADD COLUMN key TEXT NOT NULL DEFAULT ''",
    # One row per named entity per article, title and body together: the
    # entity index. Date and seq are copied from the article so that "every
    # article mentioning X, newest first" is one index range, read a screen
    # at a time like the plain list.
    """
    CREATE TABLE entity_mentions (
        key TEXT NOT NULL,
        article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        published TEXT,
        seq INTEGER NOT NULL,
        PRIMARY KEY (key, article_rowid)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entity_mentions_by_key_date ON entity_mentions (key, published DESC, seq)",
    # Per article; with the label (and the key every index of this table holds)
    # it covers an article's counts by type.
    "CREATE INDEX entity_mentions_by_article ON entity_mentions (article_rowid, label)",
    # Per key: document frequency (the weight of a shared name), total mentions,
    # and its most common written form, kept current by the triggers below.
    """
    CREATE TABLE entity_keys (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    ) WITHOUT ROWID
    """,
    "CREATE INDEX entity_keys_by_articles ON entity_keys (articles DESC, mentions DESC)",
    "CREATE INDEX entity_keys_by_label ON entity_keys (label, articles DESC, mentions DESC)",
    # How many articles write a key in each form: what picks `entity_keys.name`.
    """
    CREATE TABLE entity_forms (
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        label TEXT NOT NULL,
        articles INTEGER NOT NULL,
        PRIMARY KEY (key, name, label)
    ) WITHOUT ROWID
    """,
    # Counts only ever move by one article at a time, so a form takes the
    # lead exactly when it passes the current leader.
    """
    CREATE TRIGGER entity_mentions_after_insert AFTER INSERT ON entity_mentions BEGIN
        INSERT INTO entity_forms (key, name, label, articles)
        VALUES (new.key, new.name, new.label, 1)
        ON CONFLICT (key, name, label) DO UPDATE SET articles = articles + 1;
        INSERT INTO entity_keys (key, name, label, articles, mentions)
        VALUES (new.key, new.name, new.label, 1, new.mentions)
        ON CONFLICT (key) DO UPDATE
        SET articles = articles + 1, mentions = mentions + excluded.mentions;
        UPDATE entity_keys SET name = new.name, label = new.label
        WHERE key = new.key AND (name != new.name OR label != new.label)
        AND (SELECT articles FROM entity_forms
             WHERE key = new.key AND name = new.name AND label = new.label)
          > (SELECT f.articles FROM entity_forms AS f
             WHERE f.key = new.key AND f.name = entity_keys.name AND f.label = entity_keys.label);
    END
    """,
    # Also runs for rows deleted with their article (ON DELETE CASCADE).
    """
    CREATE TRIGGER entity_mentions_after_delete AFTER DELETE ON entity_mentions BEGIN
        UPDATE entity_forms SET articles = articles - 1
        WHERE key = old.key AND name = old.name AND label = old.label;
        DELETE FROM entity_forms
        WHERE key = old.key AND name = old.name AND label = old.label AND articles <= 0;
        UPDATE entity_keys SET articles = articles - 1, mentions = mentions - old.mentions
        WHERE key = old.key;
        DELETE FROM entity_keys WHERE key = old.key AND articles <= 0;
        UPDATE entity_keys SET (name, label) = (
            SELECT name, label FROM entity_forms WHERE key = old.key
            ORDER BY articles DESC LIMIT 1
        )
        WHERE key = old.key AND name = old.name AND label = old.label;
    END
    """,
    """
    CREATE TRIGGER articles_after_redate_entity_mentions AFTER UPDATE OF published ON articles
    WHEN old.published IS NOT new.published BEGIN
        UPDATE entity_mentions SET published = new.published WHERE article_rowid = new.rowid;
    END
    """,
    # Followed entities, by key; a key no article mentions yet is allowed.
    """
    CREATE TABLE watchlist (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
    ) WITHOUT ROWID
    """,
)

_SEARCH_KEY = """
    coalesce(min(max(CAST(strftime('%s', published) AS INTEGER), 0), 34359738366) + 1, 0)
    * 134217728 + (134217727 - seq)
"""
"""An article's place in "newest first" order as one integer: larger is newer.

The publication time in seconds (clamped to 1970 … year 3058; unparsable or
missing dates count as undated, below every dated article) in the high bits,
and the ingest sequence number reversed in the low 27 bits, so equal times
list in ingest order and every article has its own key (for the first 134
million ingests).
"""

_KEYED_SEARCH_ROW = """
    SELECT a.search_key, t.title, t.deck, t.body, s.title
    FROM article_texts AS t
    JOIN articles AS a ON a.rowid = t.article_rowid
    JOIN sources AS s ON s.id = a.source_id
"""
"""What the search index holds for each article, under the article's search key."""

_V6_SEARCH_IN_DATE_ORDER = _statements(
    "DROP TRIGGER article_texts_after_insert",
    "DROP TRIGGER articles_before_delete",
    "DROP TRIGGER article_texts_before_update",
    "DROP TRIGGER article_texts_after_update",
    "DROP TRIGGER sources_before_retitle",
    "DROP TRIGGER sources_after_retitle",
    "DROP TABLE articles_fts",
    "DROP VIEW article_search",
    # The index's row numbers are search keys, so FTS5 hands out matches newest
    # first (its rowid order) without looking at the articles: the first screen
    # of a search finding 80,000 articles costs as little as one finding 80.
    f"ALTER TABLE articles ADD COLUMN search_key INTEGER GENERATED ALWAYS AS ({_SEARCH_KEY})",
    # From a search key to the article, with what the filters and the view's
    # snapshot bound look at, without reading the table.
    """
    CREATE INDEX articles_by_search_key
    ON articles (search_key, seq, read, bookmarked, source_id)
    """,
    f"""
    CREATE VIEW article_search (search_key, title, deck, body, source) AS {_KEYED_SEARCH_ROW}
    """,
    # Only three-letter prefixes are indexed: they are what the search asks
    # for while a word is typed (see `newsread.library.search`); longer ones
    # cover few enough words to merge, and each indexed length makes storing
    # an article markedly slower.
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, deck, body, source,
        content = 'article_search', content_rowid = 'search_key',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3'
    )
    """,
    f"""
    CREATE TRIGGER article_texts_after_insert AFTER INSERT ON article_texts BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    f"""
    CREATE TRIGGER articles_before_delete BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_KEYED_SEARCH_ROW} WHERE t.article_rowid = old.rowid)
        AS search;
    END
    """,
    # A new date (or sequence number) moves the article to another key.
    f"""
    CREATE TRIGGER articles_before_rekey BEFORE UPDATE OF published, seq ON articles
    WHEN old.published IS NOT new.published OR old.seq IS NOT new.seq BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_KEYED_SEARCH_ROW} WHERE t.article_rowid = old.rowid)
        AS search;
    END
    """,
    f"""
    CREATE TRIGGER articles_after_rekey AFTER UPDATE OF published, seq ON articles
    WHEN old.published IS NOT new.published OR old.seq IS NOT new.seq BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.rowid;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_before_update BEFORE UPDATE ON article_texts BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM (
            {_KEYED_SEARCH_ROW} WHERE t.article_rowid = old.article_rowid
        ) AS search;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_after_update AFTER UPDATE ON article_texts BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    f"""
    CREATE TRIGGER sources_before_retitle BEFORE UPDATE OF title ON sources
    WHEN old.title IS NOT new.title BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_KEYED_SEARCH_ROW} WHERE a.source_id = old.id) AS search;
    END
    """,
    f"""
    CREATE TRIGGER sources_after_retitle AFTER UPDATE OF title ON sources
    WHEN old.title IS NOT new.title BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE a.source_id = new.id;
    END
    """,
    # A 16 MiB buffer before the index writes a segment (1 MiB by default)
    # leaves fewer segments to merge: storing a large feed is a fifth faster.
    "INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216)",
    "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
)

_V7_SOURCE_TITLES_AND_TAGS = _statements(
    # The title config.toml gives a source, shown instead of its own `title`
    # (which stays what search by source matches: a new name costs no re-indexing).
    "ALTER TABLE sources ADD COLUMN config_title TEXT",
    # Tags from config.toml, for `tag:` queries and grouping by tag.
    """
    CREATE TABLE source_tags (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        tag TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (source_id, tag)
    ) WITHOUT ROWID
    """,
    "CREATE INDEX source_tags_by_tag ON source_tags (tag, source_id)",
)

_V8_HIDDEN_ARTICLES = _statements(
    # Articles an ignore rule hid when they arrived, kept whole outside `articles`
    # so no list, count, search or entity index ever sees them, yet a refresh
    # knows them (they are not new again), and a config change can bring them back.
    """
    CREATE TABLE hidden_articles (
        source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        origin_key TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        title TEXT NOT NULL,
        section TEXT NOT NULL DEFAULT '',
        author TEXT NOT NULL DEFAULT '',
        deck TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        rule TEXT NOT NULL,
        hidden_at TEXT NOT NULL,
        PRIMARY KEY (source_id, origin_key)
    )
    """,
)

_V9_SORT_ORDERS = _statements(
    # Titles A to Z (ignoring ASCII case, as the list compares them), a screen at a time.
    "CREATE INDEX article_texts_by_title ON article_texts (title COLLATE NOCASE)",
    # Read articles newest first: the second half of "unread first", mirroring the unread index.
    """
    CREATE INDEX articles_read_by_date ON articles (published DESC, seq, read)
    WHERE read = 1
    """,
)

_V10_STORY_TABLE = _statements(
    # Which story (an integer of its own) an article belongs to; articles in
    # no story have no row. Kept as entities are stored (`clusters.place`).
    # The article's source, place in list order and marks are copied here
    # (and kept by the trigger below), so a clustered list's count, and the
    # check for an earlier member of a row's story, read this small table alone.
    """
    CREATE TABLE story_members (
        article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        story INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        published TEXT NOT NULL,
        seq INTEGER NOT NULL,
        read INTEGER NOT NULL,
        bookmarked INTEGER NOT NULL
    )
    """,
    # Covers every read of a story's members: its size, its unread count, the
    # check for an earlier member in a list, a clustered list's count.
    """
    CREATE INDEX story_members_by_story
    ON story_members (story, published, seq, source_id, read, bookmarked)
    """,
    # A story of one is no story: the last member goes with the one before it
    # (also when articles are deleted with their source or pruned).
    """
    CREATE TRIGGER story_members_after_delete AFTER DELETE ON story_members
    WHEN (SELECT count(*) FROM story_members WHERE story = old.story) < 2 BEGIN
        DELETE FROM story_members WHERE story = old.story;
    END
    """,
    """
    CREATE TRIGGER articles_after_change_story_members
    AFTER UPDATE OF read, bookmarked, published, seq ON articles
    WHEN old.read IS NOT new.read OR old.bookmarked IS NOT new.bookmarked
    OR old.published IS NOT new.published OR old.seq IS NOT new.seq BEGIN
        UPDATE story_members SET read = new.read, bookmarked = new.bookmarked,
        published = coalesce(new.published, ''), seq = new.seq
        WHERE article_rowid = new.rowid;
    END
    """,
)


def _v10_stories(conn: sqlite3.Connection) -> None:
    """The story table, filled in for the articles already tagged."""
    # Imported here: the backfill needs the entity index's queries, not the schema's.
    from newsread.library.story_backfill import backfill

    _V10_STORY_TABLE(conn)
    backfill(conn)


_SEARCH_NOT_PAUSED = "NOT EXISTS (SELECT 1 FROM search_index_paused)"
"""True unless the transaction running the trigger maintains the search index itself."""

_V11_SEARCH_INDEXED_PER_BATCH = _statements(
    # A row here, only ever inside an ingest's own transaction (it is deleted
    # before the commit), makes the triggers below step aside: the ingest
    # indexes all its articles with one statement, in search-key order. Row
    # by row (a statement per article, its trigger writing the index), FTS5
    # writes its pending terms out after every article, and again whenever a
    # search key is lower than the last: storing a feed cost three to six
    # times what indexing it in one go does.
    """
    CREATE TABLE search_index_paused (
        paused INTEGER PRIMARY KEY CHECK (paused = 1)
    )
    """,
    "DROP TRIGGER article_texts_after_insert",
    "DROP TRIGGER articles_before_rekey",
    "DROP TRIGGER articles_after_rekey",
    "DROP TRIGGER article_texts_before_update",
    "DROP TRIGGER article_texts_after_update",
    f"""
    CREATE TRIGGER article_texts_after_insert AFTER INSERT ON article_texts
    WHEN {_SEARCH_NOT_PAUSED} BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    f"""
    CREATE TRIGGER articles_before_rekey BEFORE UPDATE OF published, seq ON articles
    WHEN (old.published IS NOT new.published OR old.seq IS NOT new.seq)
    AND {_SEARCH_NOT_PAUSED} BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM ({_KEYED_SEARCH_ROW} WHERE t.article_rowid = old.rowid)
        AS search;
    END
    """,
    f"""
    CREATE TRIGGER articles_after_rekey AFTER UPDATE OF published, seq ON articles
    WHEN (old.published IS NOT new.published OR old.seq IS NOT new.seq)
    AND {_SEARCH_NOT_PAUSED} BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.rowid;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_before_update BEFORE UPDATE ON article_texts
    WHEN {_SEARCH_NOT_PAUSED} BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)
        SELECT 'delete', search.* FROM (
            {_KEYED_SEARCH_ROW} WHERE t.article_rowid = old.article_rowid
        ) AS search;
    END
    """,
    f"""
    CREATE TRIGGER article_texts_after_update AFTER UPDATE ON article_texts
    WHEN {_SEARCH_NOT_PAUSED} BEGIN
        INSERT INTO articles_fts (rowid, title, deck, body, source)
        {_KEYED_SEARCH_ROW} WHERE t.article_rowid = new.article_rowid;
    END
    """,
    # The index's words in order, read one at a time from any starting point
    # (it stores nothing): how a search spells out a prefix as the few words
    # it stands for (see `newsread.library.search_views`).
    "CREATE VIRTUAL TABLE articles_fts_words USING fts5vocab(articles_fts, instance)",
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
    Migration(5, "entity index: keys, mentions per article, watchlist", _V5_ENTITY_INDEX),
    Migration(6, "search index keyed by date; three-letter prefixes", _V6_SEARCH_IN_DATE_ORDER),
    Migration(7, "source titles and tags from config.toml", _V7_SOURCE_TITLES_AND_TAGS),
    Migration(8, "articles hidden by ignore rules, kept aside", _V8_HIDDEN_ARTICLES),
    Migration(9, "sort by title; read articles by date", _V9_SORT_ORDERS),
    Migration(10, "stories: reports of one event from different sources", _v10_stories),
    Migration(
        11, "search index written a batch at a time; its words", _V11_SEARCH_INDEXED_PER_BATCH
    ),
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
    """Refuse, without writing anything, a file newsread must not touch.

    That is an SQLite database of another application (another application ID,
    or none but tables of its own) or one written by a newer newsread.
    """
    with database.reading() as conn:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        has_tables = conn.execute("SELECT 1 FROM sqlite_schema LIMIT 1").fetchone() is not None
    other_application = f"{database.path} is an SQLite database of another application"
    if application_id not in (0, APPLICATION_ID):
        raise LibraryError(other_application)
    stored, known = stored_version(database), latest_version()
    if stored > known:
        raise LibraryError(
            f"{database.path} was written by a newer newsread "
            f"(schema {stored}, this one knows {known}); not modifying it"
        )
    # Every newsread schema sets the application ID with its first table.
    if application_id == 0 and has_tables:
        raise LibraryError(other_application)


def migrate(database: Database, *, before: Callable[[int], object] | None = None) -> int:
    """Bring the schema up to date in one transaction; return the new version.

    Every pending step and the `user_version` bump commit together, so a
    failure (or a crash) leaves the file exactly as it was. `before(stored)`
    runs first when an existing library (version > 0) is about to change,
    e.g. to back it up.
    """
    check_compatible(database)
    stored, known = stored_version(database), latest_version()
    if stored >= known:
        return stored
    if before is not None and stored > 0:
        before(stored)
    with database.writing() as conn:
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = int(conn.execute("PRAGMA user_version").fetchone()[0])
        for migration in MIGRATIONS:
            if migration.version > current:
                migration.apply(conn)
        if known > current:
            conn.execute(f"PRAGMA user_version = {int(known)}")
    return stored_version(database)
