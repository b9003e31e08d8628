"""Entities computed after storing: which articles still need them, and filling them in.

Bulk ingest stores articles untagged so that adding a 10,000-item feed is
quick; `tag_pending` then tags them a batch at a time, and `ensure_entities`
tags one on demand so an article is never shown without its entities. Each
article records the extractor version that tagged it: raising
`ENTITIES_VERSION` makes every stored article count as untagged again.
Every write of an article's entities also writes its rows of the entity
index (`entity_index`) and takes it out of its old story, in the same
transaction; `clusters.file_articles` files it under its new one afterwards.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Final

from newsread.library import clusters, queries
from newsread.library.connection import Database
from newsread.library.entity_index import ArticleEntities, index_rows, write_index
from newsread.model import Entity


def extract_entities(body: str, title: str = "") -> ArticleEntities:
    """The entities of an article's body, and of its title for the entity index.

    Tagged with the backend config.toml chose (`entities.backends.use_backend`);
    the builtin one reads the title together with the body, so its names get
    the labels the body decides. Imported on first use so that opening a
    library (and the reader's first paint) never pays for compiling the
    extractor's patterns.
    """
    from newsread.entities.backends import extract_article

    title_entities, body_entities = extract_article(title, body)
    if not title.strip():
        return ArticleEntities(body=body_entities)
    return ArticleEntities(body=body_entities, title=title_entities)


ENTITIES_VERSION: Final = 28
"""The version of entity extraction this code stores; bump it when `extract` changes.

2: identity keys stored with each mention, and the entity index filled in.
6: mixed-case names ("xAI") repeated through the article; "Jane Doe's Acme"
reads the owner as a person.
15: rules for modern news (appositions, one-word names no one introduces as a
person, versions and editions of products, joined and hyphened names).
16: the tagger's features include word clusters learned from its training text.
22: modern wire copy: story credits, kinds of company before names, lists opening
sentences, possessive owners, titles inside a run of names.
23: lists and `and` vote for their names' kind; names ending in 's (Lloyd's)
take it in; web names, stock indexes, plus-sign names, buyers, kinds of company.
"""

UNTAGGED: Final = 0
"""`entities_version` of an article stored without entities."""


def replace_entities(
    conn: sqlite3.Connection, rowid: int, found: ArticleEntities | Sequence[Entity]
) -> None:
    """Swap an article's stored entities and index rows for `found` (call inside a transaction).

    The article leaves its story: file it again with `clusters.file_articles`
    once the transaction is committed. A plain sequence is
    a body's entities with no title entities (`()` clears both).
    """
    if not isinstance(found, ArticleEntities):
        found = ArticleEntities(body=found)
    conn.execute("DELETE FROM entities WHERE article_rowid = ?", (rowid,))
    conn.executemany(
        'INSERT INTO entities (article_rowid, start, "end", label, text, key) '
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (rowid, entity.start, entity.end, entity.label, entity.text, entity.key)
            for entity in found.body
        ],
    )
    write_index(conn, rowid, index_rows(found))
    clusters.leave(conn, rowid)


def _store_if_unchanged(
    conn: sqlite3.Connection, rowid: int, digest: str, found: ArticleEntities
) -> bool:
    """Store entities unless the article changed since its body was read; True if stored."""
    cursor = conn.execute(
        "UPDATE articles SET entities_version = ? WHERE rowid = ? AND content_hash = ?",
        (ENTITIES_VERSION, rowid, digest),
    )
    if cursor.rowcount == 0:
        return False
    replace_entities(conn, rowid, found)
    return True


def untagged_count(database: Database) -> int:
    """How many articles have no entities from the current extractor (an index count)."""
    with database.reading() as conn:
        row = conn.execute(
            "SELECT count(*) FROM articles WHERE entities_version < ?", (ENTITIES_VERSION,)
        ).fetchone()
    return int(row[0])


def tag_pending(database: Database, limit: int = 200) -> int:
    """Tag up to `limit` untagged articles; return how many were stored.

    Extraction runs with no lock held and no transaction open; the results go
    in with one short write transaction. An article changed meanwhile is left
    for the next call.
    """
    if limit <= 0:
        return 0
    with database.reading() as conn:
        pending = conn.execute(
            """
            SELECT a.rowid, a.content_hash, t.body, t.title
            FROM articles AS a JOIN article_texts AS t ON t.article_rowid = a.rowid
            WHERE a.entities_version < ?
            LIMIT ?
            """,
            (ENTITIES_VERSION, limit),
        ).fetchall()
    if not pending:
        return 0
    tagged = [
        (int(rowid), str(digest), extract_entities(body, title))
        for rowid, digest, body, title in pending
    ]
    with database.writing() as conn:
        stored = [
            rowid
            for rowid, digest, found in tagged
            if _store_if_unchanged(conn, rowid, digest, found)
        ]
    clusters.file_articles(database, stored)
    return len(stored)


def stored_entities(database: Database, article_id: str) -> list[Entity] | None:
    """The article's stored entities, or None while it waits to be tagged (never tags)."""
    with database.reading() as conn:
        rowid = queries.rowid_of(conn, article_id)
        (version,) = conn.execute(
            "SELECT entities_version FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()
        if version < ENTITIES_VERSION:
            return None
        return queries.entities(conn, article_id)


def ensure_entities(database: Database, article_id: str) -> list[Entity]:
    """The article's entities, computing and storing them first if it is untagged."""
    with database.reading() as conn:
        rowid = queries.rowid_of(conn, article_id)
        version, digest, body, title = conn.execute(
            """
            SELECT a.entities_version, a.content_hash, t.body, t.title
            FROM articles AS a JOIN article_texts AS t ON t.article_rowid = a.rowid
            WHERE a.rowid = ?
            """,
            (rowid,),
        ).fetchone()
        if version >= ENTITIES_VERSION:
            return queries.entities(conn, article_id)
    found = extract_entities(body, title)
    with database.writing() as conn:
        if not _store_if_unchanged(conn, rowid, digest, found):
            return list(found.body)  # changed meanwhile: these belong to the body that was read
        # Read back what was stored, so this answer equals every later one.
        entities = queries.entities(conn, article_id)
    clusters.file_articles(database, [rowid])
    return entities
