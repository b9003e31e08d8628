"""Sorted views (`ViewQuery.sort`): unread first, by source, by title.

Each order costs about what the date order costs, whatever the library's size:

- unread first: the view's unread articles, then its read ones, each a
  date-ordered view of its own (each through a partial index by date);
- by source: one date-ordered view per source, sources by title (counted
  with one query, each source's rows read when the list reaches them);
- by title: keyset pagination over the title index, a screen at a time,
  for views narrowed only by a filter; a view narrowed further (a source,
  a query, a name, followed names) is read whole and sorted when it has at
  most `MAX_SORTED_IN_MEMORY` rows; a larger one narrowed by more than a
  source stays newest first.

A search keeps its best-first order: its ranking is what it is for.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from typing import Any, Final, overload

from newsread.library.connection import chunked, placeholders
from newsread.library.queries import KeyRange, KeysetReader
from newsread.library.query_join import join_queries
from newsread.library.search import parse_search
from newsread.library.views import (
    FIRST_CHUNK,
    NO_ARTICLE,
    ArticleFilter,
    LazyRowids,
    OrderKey,
    SortOrder,
    ViewQuery,
)

MAX_SORTED_IN_MEMORY: Final = 10_000
"""The most rows of a narrowed view (or one source's) sorted by title in memory."""

_ASCII_FOLD: Final = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
"""SQLite's NOCASE: only ASCII letters are folded."""

_FILTER_CONDITIONS: Final = {
    ArticleFilter.ALL: None,
    ArticleFilter.UNREAD: "a.read = 0",
    ArticleFilter.BOOKMARKED: "a.bookmarked = 1",
}


def is_searching(query: ViewQuery) -> bool:
    """True when `query` looks for words (and so lists its best matches first)."""
    if parse_search(query.search).wanted:
        return True
    if not query.query.strip():
        return False
    # The query language loads with the first query: a plain list never needs it.
    from newsread.library.query_language import QueryError, TermKind, parse_query

    try:
        parsed = parse_query(query.query)
    except QueryError:
        return False
    return any(not term.negated for term in parsed.of_kind(TermKind.TEXT))


def sorted_rowids(conn: sqlite3.Connection, query: ViewQuery) -> Sequence[int]:
    """The rowids of `query` in its `sort` order (see the module)."""
    # Imported here: queries dispatches to this module.
    from newsread.library.queries import view_rowids

    base = replace(query, sort=SortOrder.DATE)
    if query.sort is SortOrder.DATE or is_searching(query):
        return view_rowids(conn, base)
    if query.sort is SortOrder.UNREAD_FIRST:
        if query.filter is ArticleFilter.UNREAD:
            return view_rowids(conn, base)
        return ChainedRowids(
            [
                view_rowids(conn, replace(base, query=join_queries(base.query, flag)))
                for flag in ("unread", "read")
            ]
        )
    narrowed = bool(base.query.strip() or base.entity_key or base.watched)
    if query.sort is SortOrder.SOURCE:
        if query.source_key:
            return view_rowids(conn, base)
        if narrowed:
            parts = [
                view_rowids(conn, replace(base, source_key=key))
                for _id, key in _sources_by_title(conn)
            ]
            return ChainedRowids([part for part in parts if len(part)])
        return _by_source(conn, base)
    if narrowed or base.source_key:
        rowids = view_rowids(conn, base)
        if len(rowids) <= MAX_SORTED_IN_MEMORY:
            return _title_sorted_in_memory(conn, rowids)
        if narrowed:
            return rowids
    return _title_range(conn, base)


def _by_source(conn: sqlite3.Connection, query: ViewQuery) -> ChainedRowids:
    """A filter's articles source by source: counted at once, each source read when reached."""
    from newsread.library.queries import view_rowids

    # Unqualified, so the per-source index (source_id, read, bookmarked) covers the count.
    where = (_FILTER_CONDITIONS[query.filter] or "1").removeprefix("a.")
    counts = dict(
        conn.execute(
            f"SELECT source_id, count(*) FROM articles WHERE {where} GROUP BY source_id"
        ).fetchall()
    )
    parts: list[Sequence[int]] = []
    for source_id, key in _sources_by_title(conn):
        if counts.get(source_id):
            take = partial(view_rowids, conn, replace(query, source_key=key))
            parts.append(_LaterPart(int(counts[source_id]), take))
    return ChainedRowids(parts)


class _LaterPart(Sequence[int]):
    """A view of known length, taken only when one of its rows is first wanted.

    Rows it lacks then (deleted since it was counted) read as `NO_ARTICLE`,
    so every position holds.
    """

    def __init__(self, length: int, take: Callable[[], Sequence[int]]) -> None:
        self._length = length
        self._take = take
        self._rowids: Sequence[int] | None = None

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("view position out of range")
        if self._rowids is None:
            self._rowids = self._take()
        return self._rowids[index] if index < len(self._rowids) else NO_ARTICLE


def _sources_by_title(conn: sqlite3.Connection) -> list[tuple[int, str]]:
    """`(id, key)` of every source, by displayed title (ignoring case), then key."""
    rows = conn.execute("SELECT id, key, coalesce(config_title, title) FROM sources").fetchall()
    rows.sort(key=lambda row: (str(row[2]).casefold(), str(row[1])))
    return [(int(source_id), str(key)) for source_id, key, _title in rows]


def title_precedes(key: OrderKey, other: OrderKey) -> bool:
    """True when a row keyed `(title, rowid)` is listed before one keyed `other` (A to Z)."""
    title, rowid = key
    other_title, other_rowid = other
    folded, other_folded = (
        (title or "").translate(_ASCII_FOLD),
        (other_title or "").translate(_ASCII_FOLD),
    )
    return (folded, rowid) < (other_folded, other_rowid)


def _title_sorted_in_memory(conn: sqlite3.Connection, rowids: Sequence[int]) -> Sequence[int]:
    if len(rowids) > MAX_SORTED_IN_MEMORY:
        return rowids
    titled: list[tuple[str, int]] = []
    for chunk in chunked(list(rowids)):
        titled.extend(
            conn.execute(
                "SELECT title, article_rowid FROM article_texts "
                f"WHERE article_rowid IN ({placeholders(len(chunk))})",
                chunk,
            )
        )
    titled.sort(key=lambda row: (row[0].translate(_ASCII_FOLD), row[1]))
    return [rowid for _title, rowid in titled]


def _title_range(conn: sqlite3.Connection, query: ViewQuery) -> LazyRowids:
    """A filter's (and source's) articles A to Z, read a screen at a time off the title index."""
    conditions: list[str] = []
    parameters: list[str] = []
    filter_condition = _FILTER_CONDITIONS[query.filter]
    if filter_condition is not None:
        conditions.append(filter_condition)
    if query.source_key:
        conditions.append("a.source_id = (SELECT id FROM sources WHERE key = ?)")
        parameters.append(query.source_key)
    where = " AND ".join(conditions) or "1"
    newest_seq, count = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM articles AS a WHERE {where})",
        parameters,
    ).fetchone()
    # CROSS JOIN keeps the title index as the outer loop: no sort, early stop.
    reader = KeysetReader(
        conn,
        "SELECT t.article_rowid, t.title, t.article_rowid FROM article_texts AS t "
        "CROSS JOIN articles AS a ON a.rowid = t.article_rowid",
        f"+a.seq <= ? AND {where}",
        tuple(parameters),
        int(newest_seq),
        ranges=_title_ranges,
    )
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader, order=title_precedes)


_UP: Final = "t.title COLLATE NOCASE, t.article_rowid"
_DOWN: Final = "t.title COLLATE NOCASE DESC, t.article_rowid DESC"


def _title_ranges(key: OrderKey | None, forward: bool) -> list[KeyRange]:
    """The title-index ranges after (or before) `key`, nearest first."""
    if key is None:
        return [("1", (), _UP if forward else _DOWN)]
    title, rowid = key
    if forward:
        return [
            ("t.title = ? COLLATE NOCASE AND t.article_rowid > ?", (title or "", rowid), _UP),
            ("t.title > ? COLLATE NOCASE", (title or "",), _UP),
        ]
    return [
        ("t.title = ? COLLATE NOCASE AND t.article_rowid < ?", (title or "", rowid), _DOWN),
        ("t.title < ? COLLATE NOCASE", (title or "",), _DOWN),
    ]


class ChainedRowids(Sequence[int]):
    """Several views' rowids one after another, each read only as far as it is used."""

    def __init__(self, parts: Sequence[Sequence[int]]) -> None:
        """Chain `parts` in order."""
        self._parts = list(parts)
        self._starts: list[int] = []
        total = 0
        for part in self._parts:
            self._starts.append(total)
            total += len(part)
        self._length = total

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return [self[position] for position in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("view position out of range")
        for start, part in zip(reversed(self._starts), reversed(self._parts), strict=True):
            if index >= start:
                return part[index - start]
        raise IndexError("view position out of range")

    def __iter__(self) -> Iterator[int]:
        for part in self._parts:
            yield from part

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        """The first position of `value` (from `start`, before `stop`); `ValueError` if absent."""
        end = self._length if stop is None else stop
        for offset, part in zip(self._starts, self._parts, strict=True):
            if offset + len(part) <= start or offset >= end:
                continue
            try:
                found = part.index(value)
            except ValueError:
                continue
            if start <= offset + found < end:
                return offset + found
        raise ValueError(f"{value!r} is not in the view")
