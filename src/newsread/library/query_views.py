"""Views of a query (`ViewQuery.query`): the query language run as SQL, composed with the rest.

Every part of a `ViewQuery` (filter, source, entity, watched, search, query)
is one more condition, all of which must hold. What reads the rows:

- with a word or phrase to find: the search, by the search rule (at most
  1,000 matches ranked best first, more newest first; see `search_views`),
  every other term filtering its matches;
- else with an entity: that entity's range of the mentions index, newest
  first, a screen at a time, the other terms checked per row;
- else the articles in list order (`published DESC, seq`), a screen at a
  time, through whichever index fits the conditions best.

So a view costs a count and its first screen however large the library;
the count is the part that grows with it (an index scan, never a sort).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from newsread.library.queries import KeysetReader
from newsread.library.query_language import ParsedQuery, QueryTerm, TermKind, parse_query
from newsread.library.query_names import entity_key_named, source_ids_named, source_ids_tagged
from newsread.library.search import parse_search
from newsread.library.search_views import search_rowids
from newsread.library.views import (
    FIRST_CHUNK,
    ArticleFilter,
    LazyRowids,
    ViewQuery,
)

_MENTIONING: Final = "a.rowid {}IN (SELECT article_rowid FROM entity_mentions WHERE key = ?)"
_WATCHED: Final = (
    "a.rowid {}IN (SELECT article_rowid FROM entity_mentions "
    "WHERE key IN (SELECT key FROM watchlist))"
)
_NOT_MATCHING: Final = (
    "a.search_key NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
)
_FLAG_CONDITIONS: Final = {
    # (when the term holds, when it is negated); written as the partial indexes' WHERE clauses.
    TermKind.UNREAD: ("a.read = 0", "a.read = 1"),
    TermKind.READ: ("a.read = 1", "a.read = 0"),
    TermKind.BOOKMARKED: ("a.bookmarked = 1", "a.bookmarked = 0"),
}
_DATE_CONDITIONS: Final = {
    # Undated articles are neither after nor before a date, so a negation includes them.
    TermKind.AFTER: ("a.published >= ?", "(a.published IS NULL OR a.published < ?)"),
    TermKind.BEFORE: ("a.published < ?", "(a.published IS NULL OR a.published >= ?)"),
}


@dataclass
class _Plan:
    """A view as SQL: conditions on `articles AS a`, an optional entity range, search text."""

    conditions: list[str] = field(default_factory=list)
    parameters: list[str] = field(default_factory=list)
    entity_range: str | None = None
    """The entity key whose index range lists the view, if any."""
    search_text: list[str] = field(default_factory=list)

    def add(self, condition: str, *parameters: str) -> None:
        self.conditions.append(condition)
        self.parameters.extend(parameters)

    def add_entity(self, key: str, negated: bool) -> None:
        if not negated and self.entity_range is None:
            self.entity_range = key
        else:
            self.add(_MENTIONING.format("NOT " if negated else ""), key)


def _among(column: str, ids: Sequence[int], negated: bool) -> str:
    """`column` is (or is not) one of `ids` (integers from the database, safe to inline)."""
    if not ids:
        return "1" if negated else "0"
    listed = ", ".join(str(int(value)) for value in ids)
    return f"{column} {'NOT ' if negated else ''}IN ({listed})"


def _add_term(plan: _Plan, conn: sqlite3.Connection, term: QueryTerm) -> None:
    kind, negated = term.kind, term.negated
    if kind in _FLAG_CONDITIONS:
        plan.add(_FLAG_CONDITIONS[kind][negated])
    elif kind in _DATE_CONDITIONS:
        plan.add(_DATE_CONDITIONS[kind][negated], term.value)
    elif kind is TermKind.WATCHED:
        plan.add(_WATCHED.format("NOT " if negated else ""))
    elif kind is TermKind.SOURCE:
        plan.add(_among("a.source_id", source_ids_named(conn, term.value), negated))
    elif kind is TermKind.TAG:
        plan.add(_among("a.source_id", source_ids_tagged(conn, term.value), negated))
    elif kind is TermKind.ENTITY:
        plan.add_entity(entity_key_named(conn, term.value), negated)
    elif kind is TermKind.TEXT:
        plan.search_text.append(("-" if negated else "") + term.value)


def _plan(conn: sqlite3.Connection, view: ViewQuery, parsed: ParsedQuery) -> _Plan:
    plan = _Plan()
    if view.entity_key:
        plan.add_entity(view.entity_key, negated=False)
    for term in parsed.terms:
        _add_term(plan, conn, term)
    if view.filter is ArticleFilter.UNREAD:
        plan.add("a.read = 0")
    elif view.filter is ArticleFilter.BOOKMARKED:
        plan.add("a.bookmarked = 1")
    if view.source_key:
        plan.add("a.source_id = (SELECT id FROM sources WHERE key = ?)", view.source_key)
    if view.watched:
        plan.add(_WATCHED.format(""))
    if view.search.strip():
        # Last, so the word being typed in the search bar is the one read as a prefix.
        plan.search_text.append(view.search)
    return plan


def view_rowids(conn: sqlite3.Connection, view: ViewQuery) -> Sequence[int]:
    """The rowids of the articles `view` (with a `query`) asks for, in its list order.

    `QueryError` when the query is malformed.
    """
    plan = _plan(conn, view, parse_query(view.query))
    search = parse_search(" ".join(plan.search_text))
    if search.wanted:
        if plan.entity_range is not None:
            plan.add(_MENTIONING.format(""), plan.entity_range)
        found = search_rowids(conn, search, plan.conditions, plan.parameters)
        if found is not None:
            return found
    exclude = search.exclude_expression()
    if exclude is not None:
        plan.conditions.insert(0, _NOT_MATCHING)
        plan.parameters.insert(0, exclude)
    if plan.entity_range is not None:
        return _entity_range(conn, plan, plan.entity_range)
    return _article_range(conn, plan)


def _article_range(conn: sqlite3.Connection, plan: _Plan) -> LazyRowids:
    """Articles in list order, through the index SQLite picks for the conditions."""
    where = " AND ".join(plan.conditions) or "1"
    newest_seq, count = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM articles AS a WHERE {where})",
        plan.parameters,
    ).fetchone()
    reader = KeysetReader(
        conn,
        "SELECT a.rowid, published, seq FROM articles AS a",
        # Unary `+` keeps SQLite from choosing the seq index over the list-order index.
        f"+seq <= ? AND {where}",
        tuple(plan.parameters),
        int(newest_seq),
    )
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader)


def _entity_range(conn: sqlite3.Connection, plan: _Plan, key: str) -> LazyRowids:
    """One entity's mentions in list order (one index range), the other terms checked per row."""
    where = "key = ?"
    if plan.conditions:
        where += (
            " AND EXISTS (SELECT 1 FROM articles AS a "
            "WHERE a.rowid = entity_mentions.article_rowid AND "
            + " AND ".join(plan.conditions)
            + ")"
        )
    parameters = (key, *plan.parameters)
    newest_seq, count = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"(SELECT count(*) FROM entity_mentions WHERE {where})",
        parameters,
    ).fetchone()
    reader = KeysetReader(
        conn,
        "SELECT article_rowid, published, seq FROM entity_mentions",
        f"+seq <= ? AND {where}",
        parameters,
        int(newest_seq),
    )
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader)
