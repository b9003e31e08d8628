"""Read-only queries: list views, list rows, whole articles, entities and ID lookup.

The list order is newest first (`published DESC`, undated last), then ingest
order; each filter has a matching index in that order, so taking a view is an
index scan with no sort.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Sequence
from typing import Final

from newsread.errors import ArticleNotFound
from newsread.library import ids
from newsread.library.connection import chunked, placeholders
from newsread.library.search import fts_match_expression
from newsread.library.views import ArticleFilter, ViewQuery
from newsread.model import Article, ArticleSummary, Entity

_FILTER_CONDITIONS: Final = {
    ArticleFilter.ALL: None,
    ArticleFilter.UNREAD: "read = 0",
    ArticleFilter.BOOKMARKED: "bookmarked = 1",
}
"""Written exactly as the partial indexes' WHERE clauses, so SQLite picks those indexes."""

_SEARCH_CONDITION: Final = "rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"


def view_statement(query: ViewQuery) -> tuple[str, tuple[str, ...]]:
    """The SQL (and its parameters) listing the rowids matching `query`, in list order."""
    conditions: list[str] = []
    parameters: list[str] = []
    filter_condition = _FILTER_CONDITIONS[query.filter]
    if filter_condition is not None:
        conditions.append(filter_condition)
    match = fts_match_expression(query.search)
    if match is not None:
        conditions.append(_SEARCH_CONDITION)
        parameters.append(match)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return (
        f"SELECT rowid FROM articles {where} ORDER BY published DESC, seq",
        tuple(parameters),
    )


def _first_column(_cursor: sqlite3.Cursor, row: tuple[int]) -> int:
    return row[0]


def view_rowids(conn: sqlite3.Connection, query: ViewQuery) -> array[int]:
    """Every rowid matching `query`, in list order."""
    sql, parameters = view_statement(query)
    cursor = conn.cursor()
    cursor.row_factory = _first_column
    return array("q", cursor.execute(sql, parameters).fetchall())


_SUMMARY_COLUMNS: Final = """
    a.rowid, a.id, t.title, s.title, a.published, a.url, a.read, a.bookmarked
    FROM articles AS a
    JOIN article_texts AS t ON t.article_rowid = a.rowid
    JOIN sources AS s ON s.id = a.source_id
"""


def summaries(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[ArticleSummary]:
    """List rows for `rowids`, in their order; rowids with no article are skipped."""
    by_rowid: dict[int, ArticleSummary] = {}
    for chunk in chunked(rowids):
        rows = conn.execute(
            f"SELECT {_SUMMARY_COLUMNS} WHERE a.rowid IN ({placeholders(len(chunk))})", chunk
        )
        for rowid, article_id, title, source, published, url, read, bookmarked in rows:
            by_rowid[rowid] = ArticleSummary(
                id=article_id,
                title=title,
                source=source,
                published=published,
                url=url,
                read=bool(read),
                bookmarked=bool(bookmarked),
            )
    return [by_rowid[rowid] for rowid in rowids if rowid in by_rowid]


def rowid_of(conn: sqlite3.Connection, article_id: str) -> int:
    """The rowid of the article with exactly this ID (any case); `ArticleNotFound` if none."""
    row = conn.execute(
        "SELECT rowid FROM articles WHERE id = ?", (ids.normalize_id(article_id),)
    ).fetchone()
    if row is None:
        raise ArticleNotFound(f"no article with ID {article_id!r}")
    return int(row[0])


def article(conn: sqlite3.Connection, article_id: str) -> Article:
    """The whole stored article with this ID; `ArticleNotFound` if none."""
    row = conn.execute(
        """
        SELECT a.id, t.title, t.body, s.title, t.section, t.deck, a.url, t.author,
               a.published, a.read, a.bookmarked
        FROM articles AS a
        JOIN article_texts AS t ON t.article_rowid = a.rowid
        JOIN sources AS s ON s.id = a.source_id
        WHERE a.id = ?
        """,
        (ids.normalize_id(article_id),),
    ).fetchone()
    if row is None:
        raise ArticleNotFound(f"no article with ID {article_id!r}")
    found_id, title, body, source, section, deck, url, author, published, read, bookmarked = row
    return Article(
        id=found_id,
        title=title,
        body=body,
        source=source,
        section=section,
        deck=deck,
        url=url,
        author=author,
        published=published,
        read=bool(read),
        bookmarked=bool(bookmarked),
    )


def entities(conn: sqlite3.Connection, article_id: str) -> list[Entity]:
    """The stored entities of the article's body, sorted by offset."""
    rowid = rowid_of(conn, article_id)
    rows = conn.execute(
        'SELECT start, "end", label, text FROM entities WHERE article_rowid = ? '
        'ORDER BY start, "end"',
        (rowid,),
    )
    return [
        Entity(start=start, end=end, label=label, text=text) for start, end, label, text in rows
    ]


def resolve_id(conn: sqlite3.Connection, id_or_prefix: str) -> str:
    """The full ID for an ID or a unique prefix of at least four hex digits, like git."""
    wanted = ids.normalize_id(id_or_prefix)
    if not ids.is_id_like(wanted):
        raise ArticleNotFound(f"no article with ID {id_or_prefix!r}")
    exact = conn.execute("SELECT id FROM articles WHERE id = ?", (wanted,)).fetchone()
    if exact is not None:
        return str(exact[0])
    if len(wanted) < ids.MIN_PREFIX_LENGTH:
        raise ArticleNotFound(
            f"no article with ID {id_or_prefix!r} "
            f"(give at least {ids.MIN_PREFIX_LENGTH} characters of an ID)"
        )
    # IDs are lowercase hex, and "g" sorts after every hex digit: a range scan on the ID index.
    matches = [
        str(found)
        for (found,) in conn.execute(
            "SELECT id FROM articles WHERE id > ? AND id < ? ORDER BY id", (wanted, wanted + "g")
        )
    ]
    if not matches:
        raise ArticleNotFound(f"no article with ID {id_or_prefix!r}")
    if len(matches) > 1:
        raise ArticleNotFound(
            f"ID prefix {id_or_prefix!r} is ambiguous: {len(matches)} articles start with it"
        )
    return matches[0]
