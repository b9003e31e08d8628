"""Read-only queries: list views, list rows, whole articles, entities and ID lookup.

The list order is newest first (`published DESC`, undated last), then ingest
order; each filter has a matching index in that order, so taking a view is an
index scan with no sort.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Sequence
from typing import Final

from newsread.errors import ArticleNotFound
from newsread.library import ids
from newsread.library.connection import chunked, guarded, placeholders
from newsread.library.search import is_search, parse_search
from newsread.library.search_views import BM25_WEIGHTS, search_rowids
from newsread.library.views import (
    FIRST_CHUNK,
    ArticleFilter,
    KeyedRow,
    LazyRowids,
    OrderKey,
    SortOrder,
    ViewQuery,
)
from newsread.model import Article, ArticleSummary, Entity

_FILTER_CONDITIONS: Final = {
    ArticleFilter.ALL: None,
    ArticleFilter.UNREAD: "read = 0",
    ArticleFilter.BOOKMARKED: "bookmarked = 1",
}
"""Written exactly as the partial indexes' WHERE clauses, so SQLite picks those indexes."""

_SOURCE_CONDITION: Final = "source_id = (SELECT id FROM sources WHERE key = ?)"


def _conditions(query: ViewQuery) -> tuple[list[str], list[str]]:
    """The WHERE conditions (and their parameters) of `query`'s filter and source."""
    conditions: list[str] = []
    parameters: list[str] = []
    filter_condition = _FILTER_CONDITIONS[query.filter]
    if filter_condition is not None:
        conditions.append(filter_condition)
    if query.source_key:
        conditions.append(_SOURCE_CONDITION)
        parameters.append(query.source_key)
    return conditions, parameters


def view_statement(query: ViewQuery) -> tuple[str, tuple[str, ...]]:
    """The SQL (and its parameters) listing the rowids matching `query`, in list order.

    A search lists the best matches first (FTS5's bm25, title matches weighing
    most), then newest first, however many it finds (`Library.view` ranks
    only small results: see `search_views`); anything else is newest first.
    """
    conditions, parameters = _conditions(query)
    parsed = parse_search(query.search)
    match = parsed.match_expression()
    if match is not None:
        where = "".join(f" AND {condition}" for condition in conditions)
        return (
            "SELECT articles.rowid FROM articles_fts "
            "JOIN articles ON articles.search_key = articles_fts.rowid "
            f"WHERE articles_fts MATCH ?{where} "
            f"ORDER BY bm25(articles_fts, {BM25_WEIGHTS}), articles_fts.rowid DESC",
            (match, *parameters),
        )
    exclude = parsed.exclude_expression()
    if exclude is not None:
        conditions.insert(
            0, "search_key NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        )
        parameters.insert(0, exclude)
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return (
        f"SELECT rowid FROM articles {where} ORDER BY published DESC, seq",
        tuple(parameters),
    )


def _first_column(_cursor: sqlite3.Cursor, row: tuple[int]) -> int:
    return row[0]


def _all_rowids(conn: sqlite3.Connection, query: ViewQuery) -> array[int]:
    sql, parameters = view_statement(query)
    cursor = conn.cursor()
    cursor.row_factory = _first_column
    return array("q", cursor.execute(sql, parameters).fetchall())


def view_rowids(conn: sqlite3.Connection, query: ViewQuery) -> Sequence[int]:
    """Every rowid matching `query`, in list order, as a snapshot taken now.

    Without a search this is a `LazyRowids`: a count and the first rows, the
    rest read as they are used. A search is counted first: a small result is
    ranked and read at once, a large one is a `LazyRowids` too, newest first
    (see `search_views`). A search of only excluded words is read at once.
    """
    if query.sort is not SortOrder.DATE:
        # Imported here: sorting builds on this module.
        from newsread.library.sorting import sorted_rowids

        return sorted_rowids(conn, query)
    if query.query.strip():
        # Imported here: query_views builds on this module.
        from newsread.library import query_views

        return query_views.view_rowids(conn, query)
    if query.entity_key or query.watched:
        # Imported here: entity_views builds on this module.
        from newsread.library import entity_views

        return entity_views.view_rowids(conn, query)
    conditions, parameters = _conditions(query)
    if is_search(query.search):
        found = search_rowids(conn, parse_search(query.search), conditions, parameters)
        return _all_rowids(conn, query) if found is None else found
    condition = " AND ".join(conditions) or None
    where = f"WHERE {condition}" if condition else ""
    # One statement, so the count and the bound come from one read of the database.
    newest_seq, count = conn.execute(
        f"SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM articles {where})",
        parameters,
    ).fetchone()
    # Unary `+` keeps SQLite from choosing the seq index over the list-order index.
    bounded = "+seq <= ?" + (f" AND {condition}" if condition else "")
    reader = KeysetReader(
        conn,
        "SELECT rowid, published, seq FROM articles",
        bounded,
        tuple(parameters),
        int(newest_seq),
    )
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader)


class KeysetReader:
    """Reads a view's rows next to a known row, by index range scans (keyset pagination).

    `select` names the row number, the two order-key columns and the table
    (`SELECT rowid, published, seq FROM articles`); `where` starts with the
    snapshot's bound, `seq <= ?` (bound to `newest_seq`), then the view's own
    conditions, whose values are `parameters`; `ranges` gives the index
    ranges next to a key (list order by default). Rows added after the
    snapshot (a larger `seq`) are left out, so a view never shifts under the
    list while sources refresh.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        select: str,
        where: str,
        parameters: tuple[str, ...],
        newest_seq: int,
        ranges: Callable[[OrderKey | None, bool], list[KeyRange]] | None = None,
    ) -> None:
        self._conn = conn
        self._ranges = ranges or keyset_ranges
        self._select = select
        self._where = where
        self._parameters = parameters
        self._newest_seq = newest_seq

    def __call__(self, key: OrderKey | None, forward: bool, limit: int) -> list[KeyedRow]:
        rows: list[KeyedRow] = []
        with guarded(self._conn) as conn:
            for extra, parameters, order in self._ranges(key, forward):
                if len(rows) >= limit:
                    break
                found = conn.execute(
                    f"{self._select} WHERE {self._where} AND {extra} ORDER BY {order} LIMIT ?",
                    (self._newest_seq, *self._parameters, *parameters, limit - len(rows)),
                )
                rows.extend(found)
        return rows


_DOWN: Final = "published DESC, seq"
_UP: Final = "published ASC, seq DESC"


KeyRange = tuple[str, tuple[str | int, ...], str]
"""One index range to scan: (condition, its parameters, ORDER BY)."""


def keyset_ranges(key: OrderKey | None, forward: bool) -> list[KeyRange]:
    """The index ranges after (or before) `key`, nearest first: (condition, parameters, order).

    Undated rows come last in the list, so they are a range of their own;
    each range is a plain scan of the list-order index.
    """
    if forward:
        if key is None:
            return [("published IS NOT NULL", (), _DOWN), ("published IS NULL", (), "seq")]
        published, seq = key
        if published is None:
            return [("published IS NULL AND seq > ?", (seq,), "seq")]
        return [
            ("published = ? AND seq > ?", (published, seq), "seq"),
            ("published < ?", (published,), _DOWN),
            ("published IS NULL", (), "seq"),
        ]
    if key is None:
        return [("published IS NULL", (), "seq DESC"), ("published IS NOT NULL", (), _UP)]
    published, seq = key
    if published is None:
        return [
            ("published IS NULL AND seq < ?", (seq,), "seq DESC"),
            ("published IS NOT NULL", (), _UP),
        ]
    return [
        ("published = ? AND seq < ?", (published, seq), "seq DESC"),
        ("published > ?", (published,), _UP),
    ]


_SUMMARY_COLUMNS: Final = """
    a.rowid, a.id, t.title, coalesce(s.config_title, s.title), a.published, a.url, a.read,
    a.bookmarked
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
        SELECT a.id, t.title, t.body, coalesce(s.config_title, s.title), t.section, t.deck,
               a.url, t.author, a.published, a.read, a.bookmarked
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
        'SELECT start, "end", label, text, key FROM entities WHERE article_rowid = ? '
        'ORDER BY start, "end"',
        (rowid,),
    )
    return [
        Entity(start=start, end=end, label=label, text=text, key=key)
        for start, end, label, text, key in rows
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
