"""What the article list shows: a filter, a search, and an ordered snapshot of matching rows.

A snapshot of 100,000 rows must not cost 100,000 rows before the first
screen is drawn, so `LazyRowids` knows its length from an indexed count and
reads row numbers from the library a chunk at a time, from the top or from
the bottom, only as far as someone looks.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final, overload

FIRST_CHUNK: Final = 128
"""Rows read with the count: more than any screen shows."""

MAX_CHUNK: Final = 16_384
"""Largest number of rows read by one query when no position far ahead was asked for."""

NO_ARTICLE: Final = 0
"""The row number standing in for a row deleted before it was read (SQLite rowids start at 1)."""


class ArticleFilter(StrEnum):
    """Which articles a view shows; `f` in the TUI cycles through them in this order."""

    ALL = "all"
    UNREAD = "unread"
    BOOKMARKED = "bookmarked"

    def next(self) -> ArticleFilter:
        """The filter after this one, wrapping around."""
        members = list(ArticleFilter)
        return members[(members.index(self) + 1) % len(members)]


class SortOrder(StrEnum):
    """The order of a list that is not a search (a search lists its best matches first)."""

    DATE = "date"
    """Newest first, undated last."""
    UNREAD_FIRST = "unread-first"
    """Unread articles newest first, then read ones newest first."""
    SOURCE = "source"
    """By source title, each source's articles newest first."""
    TITLE = "title"
    """By title, A to Z (ignoring case)."""

    @property
    def label(self) -> str:
        """How the order is named on screen: `unread first`."""
        return self.value.replace("-", " ")

    def next(self) -> SortOrder:
        """The order after this one, wrapping around."""
        members = list(SortOrder)
        return members[(members.index(self) + 1) % len(members)]


@dataclass(frozen=True, slots=True)
class ViewQuery:
    """A request for a list of articles: which ones, and (through `search`) in what order."""

    filter: ArticleFilter = ArticleFilter.ALL
    search: str = ""
    """What to search for (see `newsread.library.search`); empty for no search.

    A search lists the best matches first; otherwise the list is newest first.
    """
    source_key: str = ""
    """Only articles of the source with this key; empty for every source."""
    entity_key: str = ""
    """Only articles mentioning the entity with this index key (see `entity_views`)."""
    watched: bool = False
    """Only articles mentioning an entity on the watchlist."""
    query: str = ""
    """A query in the query language (see `query_language`), ANDed with everything above;
    empty for none. Running a malformed one raises `QueryError`."""
    sort: SortOrder = SortOrder.DATE
    """The list's order (see `sorting`); a search keeps its best-first order."""
    clustered: bool = False
    """List each story (reports of one event from different sources) once, at its first
    article in the list (see `story_views`: some lists cannot be grouped)."""
    story_article: str = ""
    """Only the story of the article with this ID, newest first (the article alone when
    it is in none); every other part of the query is ignored."""


OrderKey = tuple[str | None, int]
"""Where a row sits in list order: `(published, seq)`, newest first, undated last, then seq."""

KeyedRow = tuple[int, str | None, int]
"""`(rowid, published, seq)`: a row number with its place in list order.

Plain tuples, not dataclasses: a view may read 100,000 of them at once.
"""


def precedes(key: OrderKey, other: OrderKey) -> bool:
    """True when a row with `key` is listed before one with `other`."""
    published, seq = key
    other_published, other_seq = other
    if published == other_published:
        return seq < other_seq
    if published is None:
        return False
    return other_published is None or published > other_published


RowReader = Callable[[OrderKey | None, bool, int], list[KeyedRow]]
"""`read(key, forward, limit)`: up to `limit` rows next to `key` in list order.

Forward reads the rows after `key` (from the top when None), in list order;
backward reads the rows before it (from the bottom when None), nearest first.
The reader takes care of locking and of the view's filter and snapshot bound.
"""


class LazyRowids(Sequence[int]):
    """The row numbers of a view, in list order, read only as far as they are used.

    Rows are read in chunks from the top (`head`) and from the bottom (`tail`)
    toward the position asked for, so the first screen, the last screen and
    anything near them cost one small query each. The length is fixed when the
    snapshot is taken; a row deleted before it was read becomes `NO_ARTICLE`,
    so every other row keeps its position.
    """

    def __init__(
        self,
        length: int,
        head: Sequence[KeyedRow],
        read: RowReader,
        *,
        order: Callable[[OrderKey, OrderKey], bool] = precedes,
    ) -> None:
        """A snapshot of `length` rows whose first rows are `head`, the rest coming from `read`.

        `order(key, other)` says whether a row with `key` is listed before one
        with `other` (list order, `precedes`, unless the view is sorted otherwise).
        """
        self._length = length
        self._read = read
        self._precedes = order
        self._head = array("q", (row[0] for row in head[:length]))
        self._head_key: OrderKey | None = (
            (head[len(self._head) - 1][1], head[len(self._head) - 1][2]) if self._head else None
        )
        self._tail = array("q")
        """The bottom rows, nearest the middle last (reversed list order)."""
        self._tail_key: OrderKey | None = None
        self._next_chunk = FIRST_CHUNK
        self._complete = len(self._head) == length

    def __len__(self) -> int:
        return self._length

    @property
    def loaded(self) -> int:
        """How many row numbers have been read so far."""
        return self._length if self._complete else len(self._head) + len(self._tail)

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...

    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return array("q", (self._at(p) for p in range(*index.indices(self._length))))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("view position out of range")
        return self._at(index)

    def __iter__(self) -> Iterator[int]:
        self.load_all()
        return iter(self._head)

    def __contains__(self, value: object) -> bool:
        self.load_all()
        return value in self._head

    def index(self, value: Any, start: int = 0, stop: int = sys.maxsize) -> int:
        """The first position of `value` (from `start`, before `stop`); `ValueError` if absent."""
        self.load_all()
        return self._head.index(value, start, stop)

    def load_all(self) -> None:
        """Read every row number not read yet."""
        if not self._complete:
            self._extend_head(self._length - self.loaded)

    def _at(self, position: int) -> int:
        """The row number at `position` (in range), reading it first if needed."""
        self._load_through(position)
        return self._item(position)

    def _item(self, position: int) -> int:
        if position < len(self._head):
            return self._head[position]
        return self._tail[self._length - 1 - position]

    def _load_through(self, position: int) -> None:
        """Make sure `position` has been read, extending whichever end is nearer."""
        if self._complete:
            return
        head_gap = position - len(self._head) + 1
        tail_gap = self._length - len(self._tail) - position
        if head_gap <= 0 or tail_gap <= 0:
            return
        if head_gap <= tail_gap:
            self._extend_head(max(head_gap, self._grow()))
        else:
            self._extend_tail(max(tail_gap, self._grow()))

    def _grow(self) -> int:
        """The next chunk size: doubling, so scrolling through costs few queries."""
        size = self._next_chunk
        self._next_chunk = min(size * 2, MAX_CHUNK)
        return size

    def _extend_head(self, wanted: int) -> None:
        self._extend(True, wanted)

    def _extend_tail(self, wanted: int) -> None:
        self._extend(False, wanted)

    def _extend(self, forward: bool, wanted: int) -> None:
        """Read up to `wanted` more rows at the top (forward) or the bottom of the unread middle."""
        limit = min(wanted, self._length - self.loaded)
        rows = self._read(self._head_key if forward else self._tail_key, forward, limit)
        kept = self._inside_gap(rows)
        if kept:
            rowids = self._head if forward else self._tail
            rowids.extend(row[0] for row in rows[:kept])
            _rowid, published, seq = rows[kept - 1]
            if forward:
                self._head_key = (published, seq)
            else:
                self._tail_key = (published, seq)
        if kept < limit:
            # The middle ran out before the count said it would: rows were deleted.
            self._close_gap()
        elif self.loaded == self._length:
            self._join()

    def _inside_gap(self, rows: list[KeyedRow]) -> int:
        """How many of `rows` (read toward one end) lie before the rows read from that end."""
        head_key, tail_key = self._head_key, self._tail_key
        before = self._precedes

        def inside(row: KeyedRow) -> bool:
            key = (row[1], row[2])
            after_head = head_key is None or before(head_key, key)
            return after_head and (tail_key is None or before(key, tail_key))

        if not rows or inside(rows[-1]):
            # Rows come in order, so when the last is inside, all are.
            return len(rows)
        return next(index for index, row in enumerate(rows) if not inside(row))

    def _close_gap(self) -> None:
        """The middle has fewer rows than counted (some were deleted): pad it so positions hold."""
        self._head.extend([NO_ARTICLE] * (self._length - self.loaded))
        self._join()

    def _join(self) -> None:
        self._tail.reverse()
        self._head.extend(self._tail)
        self._tail = array("q")
        self._complete = True


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An ordered snapshot of the articles matching a query.

    Holds only row numbers, and (as a `LazyRowids`) only those that have been
    looked at, so taking a view of 100,000 articles costs a count and one
    small query; the list widget asks the library for the few rows it draws.
    The snapshot does not change when state changes: an article marked read
    stays in an `unread` view until the view is taken again, and articles
    added since are not in it, as in any mail or news reader.
    """

    query: ViewQuery
    rowids: Sequence[int] = field(default_factory=lambda: array("q"))

    def __len__(self) -> int:
        return len(self.rowids)
