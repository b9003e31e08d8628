"""Entity views: the articles mentioning one entity, or any followed one, newest first.

One entity is one range of the index `entity_mentions (key, published DESC,
seq)`, so its view is a `LazyRowids` read a screen at a time exactly like the
plain list: a count and the first rows, however common the name. The
watched view joins several keys' ranges and drops duplicates, so it is read
in full; followed entities are a few names, not the whole library. With a
search, the search ranks and the entity only filters.
"""

from __future__ import annotations

import heapq
import sqlite3
from array import array
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from newsread.library.connection import chunked, placeholders
from newsread.library.queries import KeysetReader, view_statement
from newsread.library.search import is_search
from newsread.library.views import (
    FIRST_CHUNK,
    ArticleFilter,
    KeyedRow,
    LazyRowids,
    ViewQuery,
)

_ARTICLE_FILTERS: Final = {
    ArticleFilter.ALL: None,
    ArticleFilter.UNREAD: "a.read = 0",
    ArticleFilter.BOOKMARKED: "a.bookmarked = 1",
}

WATCHED_CONDITION: Final = (
    "EXISTS (SELECT 1 FROM entity_mentions AS w JOIN watchlist USING (key) "
    "WHERE w.article_rowid = entity_mentions.article_rowid)"
)
"""True for an `entity_mentions` row whose article mentions any followed entity."""


def _conditions(query: ViewQuery) -> tuple[list[str], list[str]]:
    """WHERE conditions on `entity_mentions` rows for the query's filter, source and watchlist."""
    on_article: list[str] = []
    parameters: list[str] = []
    state = _ARTICLE_FILTERS[query.filter]
    if state is not None:
        on_article.append(state)
    if query.source_key:
        on_article.append("a.source_id = (SELECT id FROM sources WHERE key = ?)")
        parameters.append(query.source_key)
    conditions: list[str] = []
    if on_article:
        conditions.append(
            "EXISTS (SELECT 1 FROM articles AS a WHERE a.rowid = entity_mentions.article_rowid "
            f"AND {' AND '.join(on_article)})"
        )
    if query.watched and query.entity_key:
        conditions.append(WATCHED_CONDITION)
    return conditions, parameters


def _key_condition(query: ViewQuery) -> tuple[str, list[str]]:
    """Which index rows the query reads: one key's range, or the watched keys' ranges."""
    if query.entity_key:
        return "key = ?", [query.entity_key]
    return "key IN (SELECT key FROM watchlist)", []


def view_rowids(conn: sqlite3.Connection, query: ViewQuery) -> Sequence[int]:
    """The rowids of the articles `query` asks for (it has an entity key or `watched`)."""
    if is_search(query.search):
        return _searched(conn, query)
    if not query.entity_key:
        return _watched(conn, query)
    conditions, parameters = _conditions(query)
    where = " AND ".join(["key = ?", *conditions])
    newest_seq, count = conn.execute(
        f"SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM entity_mentions WHERE {where})",
        (query.entity_key, *parameters),
    ).fetchone()
    reader = KeysetReader(
        conn,
        "SELECT article_rowid, published, seq FROM entity_mentions",
        f"seq <= ? AND {where}",
        (query.entity_key, *parameters),
        int(newest_seq),
    )
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader)


def _list_order(row: KeyedRow) -> tuple[bool, str, int]:
    """Sorts rows into list order with `reverse=True`: dated before undated, newest, then seq."""
    _rowid, published, seq = row
    return (published is not None, published or "", -seq)


def _watched(conn: sqlite3.Connection, query: ViewQuery) -> array[int]:
    """Every article mentioning a followed entity, newest first, each once.

    Each followed key's rows come in list order straight from the index, so
    merging them costs no sort in SQLite.
    """
    conditions, parameters = _conditions(query)
    where = " AND ".join(["key = ?", *conditions])
    ranges = [
        conn.execute(
            f"SELECT article_rowid, published, seq FROM entity_mentions WHERE {where} "
            "ORDER BY published DESC, seq",
            (key, *parameters),
        ).fetchall()
        for (key,) in conn.execute("SELECT key FROM watchlist").fetchall()
    ]
    seen: set[int] = set()
    rowids = array("q")
    for rowid, _published, _seq in heapq.merge(*ranges, key=_list_order, reverse=True):
        if rowid not in seen:
            seen.add(rowid)
            rowids.append(rowid)
    return rowids


def _searched(conn: sqlite3.Connection, query: ViewQuery) -> array[int]:
    """The search's ranked results that also mention the entity (or a followed one)."""
    sql, parameters = view_statement(replace(query, entity_key="", watched=False))
    key_condition, key_parameters = _key_condition(query)
    if query.watched and query.entity_key:
        key_condition += f" AND {WATCHED_CONDITION}"
    mentioning = {
        int(rowid)
        for (rowid,) in conn.execute(
            f"SELECT article_rowid FROM entity_mentions WHERE {key_condition}", key_parameters
        )
    }
    ranked = conn.execute(sql, parameters)
    return array("q", (int(rowid) for (rowid,) in ranked if rowid in mentioning))


def mention_counts(conn: sqlite3.Connection, rowids: Sequence[int], key: str) -> dict[int, int]:
    """How often each of `rowids` mentions the entity `key` (rows that never do are left out)."""
    counts: dict[int, int] = {}
    for chunk in chunked(rowids):
        rows = conn.execute(
            "SELECT article_rowid, mentions FROM entity_mentions "
            f"WHERE key = ? AND article_rowid IN ({placeholders(len(chunk))})",
            (key, *chunk),
        )
        counts.update((int(rowid), int(mentions)) for rowid, mentions in rows)
    return counts


def watched_among(conn: sqlite3.Connection, rowids: Sequence[int]) -> set[int]:
    """Those of `rowids` whose articles mention a followed entity."""
    if not rowids or conn.execute("SELECT 1 FROM watchlist LIMIT 1").fetchone() is None:
        # Following nobody is the common case: no need to look at any mention.
        return set()
    found: set[int] = set()
    for chunk in chunked(rowids):
        rows = conn.execute(
            "SELECT DISTINCT article_rowid FROM entity_mentions "
            f"WHERE article_rowid IN ({placeholders(len(chunk))}) "
            "AND key IN (SELECT key FROM watchlist)",
            chunk,
        )
        found.update(int(rowid) for (rowid,) in rows)
    return found
