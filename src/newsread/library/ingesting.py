"""Storing a source's parsed articles: insert the new, update the changed, skip the rest.

Entity extraction can be slow, so it happens before the write transaction
for every article whose content is not already stored; the transaction itself
only writes rows, keeping the database's write lock short. Bulk ingest (adding
and refreshing sources) skips extraction altogether and stores articles
untagged; `tagging` catches up afterwards.

The search index is written for the whole batch at once (see
`_indexed_as_batch`): row by row it cost several times what parsing the
feed does.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Final

from newsread.errors import LibraryError
from newsread.library import clusters, ids
from newsread.library.clock import utc_now
from newsread.library.connection import Database, chunked, placeholders
from newsread.library.tagging import ENTITIES_VERSION, UNTAGGED, replace_entities
from newsread.library.tagging import extract_entities as entities_of_body
from newsread.model import ParsedArticle, Source

MAX_ID_ATTEMPTS: Final = 1000
"""How many alternative IDs to try after a collision before giving up."""

_SEARCH_ROWS: Final = """
    SELECT {delete} a.search_key, t.title, t.deck, t.body, s.title
    FROM articles AS a
    JOIN article_texts AS t ON t.article_rowid = a.rowid
    JOIN sources AS s ON s.id = a.source_id
    WHERE a.rowid IN (SELECT value FROM json_each(?))
    ORDER BY a.search_key
"""
"""The search index's rows for a list of articles, in the order FTS5 writes fastest."""

_INDEX: Final = "INSERT INTO articles_fts (rowid, title, deck, body, source)" + _SEARCH_ROWS.format(
    delete=""
)
_UNINDEX: Final = (
    "INSERT INTO articles_fts (articles_fts, rowid, title, deck, body, source)"
    + _SEARCH_ROWS.format(delete="'delete',")
)


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


def _stored_rows(conn: sqlite3.Connection, source_id: int) -> dict[str, tuple[int, str, bool]]:
    """The source's stored articles, read in one query: origin key → (rowid, content hash,
    whether it is tagged)."""
    rows = conn.execute(
        "SELECT origin_key, rowid, content_hash, entities_version != ? FROM articles "
        "WHERE source_id = ?",
        (UNTAGGED, source_id),
    )
    return {
        str(origin_key): (int(rowid), str(digest), bool(tagged))
        for origin_key, rowid, digest, tagged in rows
    }


def _free_article_ids(
    conn: sqlite3.Connection, source_key: str, origin_keys: Sequence[str]
) -> list[str]:
    """Each article's usual ID, or the first deterministic alternative not taken.

    Taken means stored already or given to an earlier article of the same
    batch. The usual IDs are looked up together; alternatives (after a
    collision of 48-bit hashes, so practically never) one at a time.
    """
    usual = [ids.article_id(source_key, key) for key in origin_keys]
    taken: set[str] = set()
    for chunk in chunked(usual):
        found = conn.execute(
            f"SELECT id FROM articles WHERE id IN ({placeholders(len(chunk))})", chunk
        )
        taken.update(str(article_id) for (article_id,) in found)
    chosen: list[str] = []
    for origin_key, candidate in zip(origin_keys, usual, strict=True):
        attempt = 0
        while candidate in taken:
            attempt += 1
            if attempt == MAX_ID_ATTEMPTS:
                raise LibraryError(f"no free article ID for {origin_key!r} in {source_key!r}")
            candidate = ids.article_id(source_key, origin_key, attempt)
            if conn.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
                taken.add(candidate)
        taken.add(candidate)
        chosen.append(candidate)
    return chosen


def _text_values(article: ParsedArticle) -> tuple[str, ...]:
    return (article.title, article.section, article.author, article.deck, article.body)


@contextmanager
def _indexed_as_batch(conn: sqlite3.Connection, changed: Sequence[int]) -> Iterator[list[int]]:
    """Write articles with the search index's triggers paused, then index them in one go.

    Inside, the caller inserts and updates rows and appends the rowids of the
    articles it inserted to the list it is given. The old index entries of
    `changed` (rowids about to be updated) go first; afterwards, the entries of
    the changed and the new articles are written with one statement each, in
    search-key order, which is what FTS5 writes fastest (it writes its pending
    terms out at every trigger's statement and whenever a key is lower than the
    last). The pause is a row of `search_index_paused` that lives only inside
    this transaction, so no other writer ever sees it.
    """
    inserted: list[int] = []
    conn.execute("INSERT INTO search_index_paused (paused) VALUES (1)")
    if changed:
        conn.execute(_UNINDEX, (json.dumps(list(changed)),))
    yield inserted
    written = [*changed, *inserted]
    if written:
        conn.execute(_INDEX, (json.dumps(written),))
    conn.execute("DELETE FROM search_index_paused")


def _insert_articles(
    conn: sqlite3.Connection,
    source: Source,
    source_id: int,
    articles: Sequence[ParsedArticle],
    digests: dict[str, str],
    entities_version: int,
) -> list[int]:
    """Insert new articles and their texts with one statement each; return their rowids.

    Rowids and sequence numbers continue from the largest stored (the write
    lock is held), so no row has to be read back. Call inside
    `_indexed_as_batch`, which indexes them.
    """
    next_seq, next_rowid = conn.execute(
        "SELECT coalesce(max(seq), 0) + 1, coalesce(max(rowid), 0) + 1 FROM articles"
    ).fetchone()
    rowids = list(range(int(next_rowid), int(next_rowid) + len(articles)))
    article_ids = _free_article_ids(conn, source.key, [article.key for article in articles])
    now = utc_now()
    conn.executemany(
        """
        INSERT INTO articles (
            rowid, id, source_id, origin_key, url, published, content_hash, seq, ingested_at,
            entities_version
        ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            (
                rowid,
                article_id,
                source_id,
                article.key,
                article.url,
                article.published,
                digests[article.key],
                int(next_seq) + offset,
                now,
                entities_version,
            )
            for offset, (rowid, article_id, article) in enumerate(
                zip(rowids, article_ids, articles, strict=True)
            )
        ],
    )
    conn.executemany(
        """
        INSERT INTO article_texts (article_rowid, title, section, author, deck, body)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [(rowid, *_text_values(article)) for rowid, article in zip(rowids, articles, strict=True)],
    )
    return rowids


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
        article.key: entities_of_body(article.body, article.title)
        for article in batch
        if extract_entities and stored.get(article.key) != digests[article.key]
    }
    version = ENTITIES_VERSION if extract_entities else UNTAGGED
    with database.writing() as conn:
        source_id = _upsert_source(conn, source)
        stored_rows = _stored_rows(conn, source_id)
        fresh: list[ParsedArticle] = []
        changed: list[tuple[int, ParsedArticle]] = []
        tagged: list[int] = []
        for article in batch:
            row = stored_rows.get(article.key)
            if row is None:
                fresh.append(article)
            elif row[1] != digests[article.key]:
                changed.append((row[0], article))
                if row[2]:
                    tagged.append(row[0])
        with _indexed_as_batch(conn, [rowid for rowid, _article in changed]) as inserted:
            for rowid, article in changed:
                _update_article(conn, rowid, article, digests[article.key], version)
            inserted += _insert_articles(conn, source, source_id, fresh, digests, version)
        if not extract_entities:
            # An untagged article has no entities (nor a story) to drop.
            for rowid in tagged:
                replace_entities(conn, rowid, ())
        else:
            for rowid, article in [*changed, *zip(inserted, fresh, strict=True)]:
                found = extracted.get(article.key)
                if found is None:  # stored by another process since the first look
                    found = entities_of_body(article.body, article.title)
                replace_entities(conn, rowid, found)
    if extract_entities:
        clusters.file_articles(database, [*(rowid for rowid, _ in changed), *inserted])
    return IngestResult(
        new=len(fresh), updated=len(changed), unchanged=len(batch) - len(fresh) - len(changed)
    )
