"""Lazy view snapshots: the list sees every row in order while only the rows looked at are read."""

from __future__ import annotations

import random
import sqlite3
from functools import cmp_to_key
from pathlib import Path

import pytest

from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.library.views import NO_ARTICLE, KeyedRow, LazyRowids, OrderKey, precedes
from newsread.model import ParsedArticle, Source, SourceKind

SOURCE = Source(key="test:views", kind=SourceKind.FILE, title="Views")


class FakeRows:
    """A sorted table of keyed rows answering `RowReader` calls, counting the rows it hands out."""

    def __init__(self, rows: list[KeyedRow]) -> None:
        self.rows = rows
        self.handed_out = 0

    def __call__(self, key: OrderKey | None, forward: bool, limit: int) -> list[KeyedRow]:
        if forward:
            found = [row for row in self.rows if key is None or precedes(key, row[1:])]
        else:
            found = [row for row in reversed(self.rows) if key is None or precedes(row[1:], key)]
        self.handed_out += min(limit, len(found))
        return found[:limit]


def keyed_rows(count: int, seed: int = 1) -> list[KeyedRow]:
    """`count` rows in list order: dates with ties, then a few undated ones."""
    rng = random.Random(seed)
    keys: list[OrderKey] = [
        (None if rng.random() < 0.1 else f"2024-01-{rng.randint(1, 28):02}", seq)
        for seq in range(1, count + 1)
    ]
    keys.sort(key=cmp_to_key(lambda a, b: -1 if precedes(a, b) else 1))
    return [(1000 + seq, published, seq) for published, seq in keys]


def snapshot(rows: list[KeyedRow]) -> tuple[LazyRowids, FakeRows]:
    reader = FakeRows(rows)
    return LazyRowids(len(rows), reader(None, True, 128), reader), reader


def test_order_keys_put_newest_first_and_undated_last() -> None:
    newer, older, undated = ("2024-05-02", 9), ("2024-05-01", 1), (None, 2)
    assert precedes(newer, older) and precedes(older, undated) and precedes(newer, undated)
    assert precedes(("2024-05-01", 1), ("2024-05-01", 2))
    assert not precedes(undated, older)


@pytest.mark.parametrize("count", [0, 1, 127, 128, 129, 5000])
def test_reading_everything_gives_every_row_in_order(count: int) -> None:
    rows = keyed_rows(count)
    lazy, _ = snapshot(rows)
    assert len(lazy) == count
    assert list(lazy) == [row[0] for row in rows]


def test_the_first_and_last_screens_read_only_a_few_rows() -> None:
    rows = keyed_rows(100_000 // 20)
    lazy, reader = snapshot(rows)
    assert lazy[0] == rows[0][0]
    assert list(lazy[len(rows) - 40 :]) == [row[0] for row in rows[-40:]]
    assert lazy[-1] == rows[-1][0]
    assert reader.handed_out < 400


def test_random_jumps_agree_with_the_full_list() -> None:
    rows = keyed_rows(3000, seed=2)
    lazy, _ = snapshot(rows)
    rng = random.Random(3)
    for _ in range(300):
        position = rng.randrange(len(rows))
        assert lazy[position] == rows[position][0]
    assert lazy.index(rows[1234][0]) == 1234
    assert list(lazy) == [row[0] for row in rows]


def test_rows_deleted_before_they_are_read_become_gaps_keeping_positions() -> None:
    rows = keyed_rows(1000, seed=4)
    lazy, reader = snapshot(rows)
    last = lazy[-1]
    del reader.rows[500:510]
    everything = list(lazy)
    assert len(everything) == 1000
    assert everything[-1] == last
    assert everything.count(NO_ARTICLE) == 10
    assert [rowid for rowid in everything if rowid != NO_ARTICLE] == [row[0] for row in reader.rows]


def test_out_of_range_positions_raise_index_error() -> None:
    lazy, _ = snapshot(keyed_rows(5))
    with pytest.raises(IndexError):
        lazy[5]
    assert lazy[-5] == lazy[0]


def articles(count: int, rng: random.Random) -> list[ParsedArticle]:
    """Articles whose dates repeat and are sometimes missing, so ties and undated rows occur."""
    return [
        ParsedArticle(
            title=f"Story {number}",
            body=f"Body {number}.",
            key=f"story-{number}",
            published=None if rng.random() < 0.15 else f"2024-03-{rng.randint(1, 9):02}T12:00:00Z",
        )
        for number in range(count)
    ]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "newsread.db")
    opened.ingest(SOURCE, articles(700, random.Random(5)), extract_entities=False)
    return opened


def plain_order(library: Library, where: str = "") -> list[str]:
    """Article IDs in list order, computed the obvious way."""
    connection = sqlite3.connect(library.path)
    try:
        return [
            str(article_id)
            for (article_id,) in connection.execute(
                f"SELECT id FROM articles {where} ORDER BY published DESC, seq"
            )
        ]
    finally:
        connection.close()


def ids_of(library: Library, rowids: list[int]) -> list[str]:
    return [row.id for row in library.summaries(rowids)]


def test_a_library_view_lists_newest_first_with_undated_last(library: Library) -> None:
    view = library.view(ViewQuery())
    assert len(view) == 700
    # Read from the bottom first, so both ends and the middle are exercised.
    bottom = list(view.rowids[600:])
    assert ids_of(library, list(view.rowids)) == plain_order(library)
    assert list(view.rowids[600:]) == bottom


def test_an_unread_view_keeps_articles_marked_read_after_it_was_taken(library: Library) -> None:
    library.set_read(plain_order(library)[::3], True)
    unread = library.view(ViewQuery(ArticleFilter.UNREAD))
    expected = plain_order(library, "WHERE read = 0")
    first_page = list(unread.rowids[:10])
    library.set_read(ids_of(library, first_page), True)
    assert len(unread) == len(expected)
    assert ids_of(library, list(unread.rowids)) == expected


def test_articles_added_after_the_view_was_taken_are_not_in_it(library: Library) -> None:
    view = library.view(ViewQuery())
    newcomers = [
        ParsedArticle(title=f"Late {n}", body="Late.", key=f"late-{n}", published="2030-01-01")
        for n in range(3)
    ]
    library.ingest(SOURCE, newcomers, extract_entities=False)
    listed = ids_of(library, list(view.rowids))
    assert len(listed) == 700
    assert not any(row.title.startswith("Late") for row in library.summaries(view.rowids[:5]))
    assert len(library.view(ViewQuery())) == 703


def test_next_unread_and_mark_all_work_on_a_view_read_only_in_part(library: Library) -> None:
    order = plain_order(library)
    library.set_read(order[:-1], True)
    view = library.view(ViewQuery())
    assert library.next_unread(view, 0, 1) == 699
    assert library.set_read_in_view(view, True) == 1
    assert library.counts().unread == 0
