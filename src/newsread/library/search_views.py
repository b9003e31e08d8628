"""Search views: count the matches, then rank them or list them newest first.

The rule users see: a search that finds at most `RANKED_LIMIT` articles lists
the best matches first (title matches weigh most), equally good ones newest
first; a search that finds more lists them all newest first.

Why: ranking has to score every match before the first row is known, which
costs about as much as the search itself at 1,000 matches and takes half a
second at 70,000. Past a thousand matches no one reads the ranking anyway,
and newest first is what the search index gives for free: its row numbers
are the articles' search keys (see migration 6), which grow with the
publication date, so FTS5 hands out matches newest first and a large view is
read a screen at a time, like the plain list.
"""

from __future__ import annotations

import re
import sqlite3
from array import array
from collections.abc import Sequence
from typing import Final

from newsread.library.connection import guarded
from newsread.library.search import ParsedSearch, SearchTerm
from newsread.library.views import FIRST_CHUNK, KeyedRow, LazyRowids, OrderKey

RANKED_LIMIT: Final = 1000
"""Searches finding at most this many articles are ranked by relevance; larger ones are by date."""

BM25_WEIGHTS: Final = "10.0, 4.0, 1.0, 2.0"
"""How much a match counts in the title, deck, body and source title: title matches rank first."""

_IN_SEARCH_ORDER: Final = ""
"""The `published` part of a search view's order keys.

`LazyRowids` orders rows by `(published, seq)`; a date-ordered search view
keys every row `(_IN_SEARCH_ORDER, -search_key)`, so its list order is
simply descending search key.
"""

EXPANDED_PREFIX_MIN: Final = 4
"""The shortest prefix spelled out as the words it starts (three-letter ones are indexed)."""

EXPANSION_LIMIT: Final = 12
"""Prefixes starting more words than this are left to FTS5 (it merges them up front)."""

_FOLDED_WORD: Final = re.compile(r"[a-z0-9]+")
"""A word the tokenizer stores as typed once lower-cased (no diacritics, no separators)."""

_NEXT_WORD: Final = (
    "SELECT term FROM articles_fts_words WHERE term >= ? AND term < ? ORDER BY term LIMIT 1"
)

_MATCHED: Final = (
    "FROM articles_fts CROSS JOIN articles AS a ON a.search_key = articles_fts.rowid "
    "WHERE articles_fts MATCH ?"
)
"""The matching articles. `CROSS JOIN` keeps the index outermost: driven from a
filter's index instead, SQLite would run the whole match again for every
candidate article (seconds for a common word in one source)."""


def search_rowids(
    conn: sqlite3.Connection,
    parsed: ParsedSearch,
    conditions: Sequence[str],
    parameters: Sequence[str],
) -> Sequence[int] | None:
    """The rowids of the articles matching `parsed` and `conditions`, in the order the rule gives.

    `conditions` are SQL conditions on the `articles` columns (the view's
    filter and source), with their `parameters`. None when `parsed` has no
    wanted term (a search of only `-word`s): the caller lists the rest.
    """
    match = parsed.match_expression(prefix_expansions(conn, parsed))
    if match is None:
        return None
    if conditions:
        return _filtered(conn, match, conditions, parameters)
    # Without a filter the index alone counts the matches, and one statement
    # gives the count and the snapshot bound from one read of the database.
    newest_seq, count = conn.execute(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        "(SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?)",
        (match,),
    ).fetchone()
    bound = (match, int(newest_seq))
    if count <= RANKED_LIMIT:
        ranked = conn.execute(
            f"SELECT a.rowid {_MATCHED} AND a.seq <= ? "
            f"ORDER BY bm25(articles_fts, {BM25_WEIGHTS}), articles_fts.rowid DESC",
            bound,
        )
        return array("q", (rowid for (rowid,) in ranked))
    reader = _SearchKeyReader(conn, " AND a.seq <= ?", bound)
    return LazyRowids(int(count), reader(None, True, FIRST_CHUNK), reader)


def prefix_expansions(
    conn: sqlite3.Connection, parsed: ParsedSearch
) -> dict[SearchTerm, tuple[str, ...]]:
    """For each prefix term worth it, every word of the index it starts.

    FTS5 answers a prefix it has no index for by merging the lists of every
    word with that prefix before returning a first row, and again for the
    count: most of a common word's search went there, since the last word
    typed is always a prefix. The same words asked for by name are read
    lazily, so the first screen costs what a plain word's does. Prefixes of
    three letters are indexed, shorter or non-ASCII ones (the tokenizer folds
    those) and ones starting many words are left to FTS5.
    """
    found: dict[SearchTerm, tuple[str, ...]] = {}
    for term in parsed.terms:
        word = (term.prefix_word or "").lower()
        if len(word) < EXPANDED_PREFIX_MIN or not _FOLDED_WORD.fullmatch(word):
            continue
        words = _words_starting(conn, word)
        if words:
            found[term] = words
    return found


def _words_starting(conn: sqlite3.Connection, prefix: str) -> tuple[str, ...] | None:
    """The index's words starting with `prefix`; None past `EXPANSION_LIMIT`."""
    end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    words: list[str] = []
    start = prefix
    while len(words) <= EXPANSION_LIMIT:
        row = conn.execute(_NEXT_WORD, (start, end)).fetchone()
        if row is None:
            return tuple(words)
        words.append(str(row[0]))
        # No indexed word holds a control character: this is the next possible word.
        start = words[-1] + "\x01"
    return None


def _filtered(
    conn: sqlite3.Connection, match: str, conditions: Sequence[str], parameters: Sequence[str]
) -> Sequence[int]:
    """A search with a filter or a source, in one pass over the matches when it finds few.

    Every match has to be looked up to be filtered, which is what costs; so
    the matches are read newest first with their scores, and when no more
    than `RANKED_LIMIT` pass, they are ranked here instead of searched again.
    """
    newest_seq = int(conn.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0])
    where = "".join(f" AND {condition}" for condition in conditions) + " AND a.seq <= ?"
    bound: tuple[str | int, ...] = (match, *parameters, newest_seq)
    cursor = conn.execute(
        f"SELECT a.rowid, articles_fts.rowid, bm25(articles_fts, {BM25_WEIGHTS}) "
        f"{_MATCHED}{where} ORDER BY articles_fts.rowid DESC",
        bound,
    )
    try:
        first = cursor.fetchmany(RANKED_LIMIT + 1)
    finally:
        cursor.close()  # an unfinished statement would hold its read snapshot open
    if len(first) <= RANKED_LIMIT:
        first.sort(key=lambda row: (row[2], -row[1]))
        return array("q", (rowid for rowid, _search_key, _score in first))
    count = int(conn.execute(f"SELECT count(*) {_MATCHED}{where}", bound).fetchone()[0])
    head = [(rowid, _IN_SEARCH_ORDER, -key) for rowid, key, _score in first[:FIRST_CHUNK]]
    return LazyRowids(count, head, _SearchKeyReader(conn, where, bound))


class _SearchKeyReader:
    """Reads a date-ordered search view's rows next to a known row, in search-key order.

    FTS5 walks its matches in row-number order, either way and from any row
    number, so each read costs the rows it returns. Articles added after the
    snapshot (a larger `seq`) are left out.
    """

    def __init__(
        self, conn: sqlite3.Connection, where: str, parameters: tuple[str | int, ...]
    ) -> None:
        self._conn = conn
        self._where = where
        self._parameters = parameters

    def __call__(self, key: OrderKey | None, forward: bool, limit: int) -> list[KeyedRow]:
        where = self._where
        parameters: tuple[str | int, ...] = self._parameters
        if key is not None:
            where += " AND articles_fts.rowid < ?" if forward else " AND articles_fts.rowid > ?"
            parameters = (*parameters, -key[1])
        order = "DESC" if forward else "ASC"
        with guarded(self._conn) as conn:
            rows = conn.execute(
                f"SELECT a.rowid, articles_fts.rowid {_MATCHED}{where} "
                f"ORDER BY articles_fts.rowid {order} LIMIT ?",
                (*parameters, limit),
            ).fetchall()
        return [(rowid, _IN_SEARCH_ORDER, -search_key) for rowid, search_key in rows]
