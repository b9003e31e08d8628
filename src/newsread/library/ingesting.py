"""Storing a source's parsed articles: insert the new, update the changed, skip the rest.

Entity extraction can be slow, so it happens before the write transaction
for every article whose content is not already stored; the transaction itself
only writes rows, keeping the database's write lock short. Bulk ingest (adding
and refreshing sources) skips extraction altogether and stores articles
untagged; `tagging` catches up afterwards.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from newsread.errors import LibraryError
from newsread.library import ids
from newsread.library.clock import utc_now
from newsread.library.connection import Database
from newsread.library.tagging import ENTITIES_VERSION, UNTAGGED, replace_entities
from newsread.library.tagging import extract_entities as entities_of_body
from newsread.model import ParsedArticle, Source

MAX_ID_ATTEMPTS: Final = 1000
"""How many alternative IDs to try after a collision before giving up."""


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one ingest of a source changed."""

    new: int
    updated: int
    unchanged: int


def _first_per_key(articles: Sequence[ParsedArticle]) -> list[ParsedArticle]:
    """Drop later articles repeating a key within one batch: they would overwrite the first."""
    seen: set[str] = set()
    unique: list[ParsedArticle] = []
    for article in articles:
        if article.key not in seen:
            seen.add(article.key)
            unique.append(article)
    return unique


def _stored_hashes(database: Database, source_key: str) -> dict[str, str]:
    with database.reading() as conn:
        rows = conn.execute(
            """
            SELECT a.origin_key, a.content_hash
            FROM articles AS a JOIN sources AS s ON s.id = a.source_id
            WHERE s.key = ?
            """,
            (source_key,),
        ).fetchall()
    return {str(origin_key): str(digest) for origin_key, digest in rows}


def _upsert_source(conn: sqlite3.Connection, source: Source) -> int:
    conn.execute(
        """
        INSERT INTO sources (key, kind, title, added_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, title = excluded.title
        """,
        (source.key, source.kind.value, source.title, utc_now()),
    )
    row = conn.execute("SELECT id FROM sources WHERE key = ?", (source.key,)).fetchone()
    return int(row[0])


def _free_article_id(conn: sqlite3.Connection, source_key: str, origin_key: str) -> str:
    """The article's usual ID, or the first deterministic alternative not already taken."""
    for attempt in range(MAX_ID_ATTEMPTS):
        candidate = ids.article_id(source_key, origin_key, attempt)
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone() is None:
            return candidate
    raise LibraryError(f"no free article ID for {origin_key!r} in {source_key!r}")


def _text_values(article: ParsedArticle) -> tuple[str, ...]:
    return (article.title, article.section, article.author, article.deck, article.body)


def _insert_article(
    conn: sqlite3.Connection,
    source: Source,
    source_id: int,
    article: ParsedArticle,
    digest: str,
    seq: int,
    entities_version: int,
) -> int:
    """Insert a new article and its text (the search index follows by trigger); return its rowid."""
    cursor = conn.execute(
        """
        INSERT INTO articles (
            id, source_id, origin_key, url, published, content_hash, seq, ingested_at,
            entities_version
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            _free_article_id(conn, source.key, article.key),
            source_id,
            article.key,
            article.url,
            article.published,
            digest,
            seq,
            utc_now(),
            entities_version,
        ),
    )
    rowid = cursor.lastrowid
    if rowid is None:
        raise LibraryError(f"could not store article {article.key!r} of {source.key!r}")
    conn.execute(
        """
        INSERT INTO article_texts (article_rowid, title, section, author, deck, body)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        (rowid, *_text_values(article)),
    )
    return rowid


def _update_article(
    conn: sqlite3.Connection,
    rowid: int,
    article: ParsedArticle,
    digest: str,
    entities_version: int,
) -> None:
    """Rewrite an article's content in place, leaving its ID, sequence and state alone."""
    conn.execute(
        """
        UPDATE articles SET url = ?, published = ?, content_hash = ?, entities_version = ?
        WHERE rowid = ?
        """,
        (article.url, article.published, digest, entities_version, rowid),
    )
    conn.execute(
        """
        UPDATE article_texts SET title = ?, section = ?, author = ?, deck = ?, body = ?
        WHERE article_rowid = ?
        """,
        (*_text_values(article), rowid),
    )


def ingest_articles(
    database: Database,
    source: Source,
    articles: Sequence[ParsedArticle],
    *,
    extract_entities: bool = True,
) -> IngestResult:
    """Store `articles` of `source` in one transaction and report what changed.

    A new article gets an ID, the next ingest sequence number, its entities and
    a place in the search index; a changed one is updated in place (same row,
    same ID, read and bookmark state kept); an identical one is left alone.
    Later articles repeating an earlier one's key in the same batch are ignored.
    With `extract_entities` False, new and changed articles are stored untagged
    (their old entities dropped) for `tagging.tag_pending` to fill in later.
    """
    batch = _first_per_key(articles)
    digests = {article.key: ids.content_hash(article) for article in batch}
    stored = _stored_hashes(database, source.key)
    extracted = {
        article.key: entities_of_body(article.body)
        for article in batch
        if extract_entities and stored.get(article.key) != digests[article.key]
    }
    version = ENTITIES_VERSION if extract_entities else UNTAGGED
    new = updated = unchanged = 0
    with database.writing() as conn:
        source_id = _upsert_source(conn, source)
        next_seq = int(conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()[0])
        for article in batch:
            digest = digests[article.key]
            row = conn.execute(
                "SELECT rowid, content_hash FROM articles WHERE source_id = ? AND origin_key = ?",
                (source_id, article.key),
            ).fetchone()
            if row is not None and row[1] == digest:
                unchanged += 1
                continue
            if row is None:
                rowid = _insert_article(conn, source, source_id, article, digest, next_seq, version)
                next_seq += 1
                new += 1
            else:
                rowid = int(row[0])
                _update_article(conn, rowid, article, digest, version)
                updated += 1
            if not extract_entities:
                if row is not None:
                    replace_entities(conn, rowid, ())
                continue
            found = extracted.get(article.key)
            if found is None:  # stored by another process since the first look
                found = entities_of_body(article.body)
            replace_entities(conn, rowid, found)
    return IngestResult(new=new, updated=updated, unchanged=unchanged)
