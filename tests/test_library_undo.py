"""Undoable marks: the library says exactly which articles a change touched, and puts them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsread.library import Library, ViewQuery
from newsread.library.state import Flag, StateChange
from newsread.model import ParsedArticle, Source, SourceKind

FEED = Source("https://example.org/feed.xml", SourceKind.FEED, "Example")
OTHER = Source("https://example.org/other.xml", SourceKind.FEED, "Other")


def stories(*keys: str, body: str = "Text.") -> list[ParsedArticle]:
    return [ParsedArticle(title=f"Story {key}", body=body, key=key) for key in keys]


def ids(library: Library, query: ViewQuery | None = None) -> list[str]:
    return [summary.id for summary in library.list_articles(query or ViewQuery())]


def read_ids(library: Library) -> set[str]:
    return {summary.id for summary in library.list_articles(ViewQuery()) if summary.read}


def stamps(library: Library, column: str) -> dict[str, str | None]:
    with sqlite3.connect(library.path) as raw:
        return {str(row[0]): row[1] for row in raw.execute(f"SELECT id, {column} FROM articles")}


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "newsread.db")
    opened.ingest(FEED, stories(*"abcde"), extract_entities=False)
    return opened


def test_a_change_lists_only_the_articles_that_changed(library: Library) -> None:
    everything = ids(library)
    library.set_read(everything[:2], True)
    change = library.change_read(everything, True)
    assert change.flag is Flag.READ and change.on
    assert sorted(change.article_ids) == sorted(everything[2:])
    assert change.count == 3
    assert library.change_read(everything, True).count == 0
    assert library.change_read([], True) == StateChange(Flag.READ, True)


def test_restore_undoes_a_mark_all_exactly(library: Library) -> None:
    everything = ids(library)
    library.set_read(everything[:2], True)
    before = stamps(library, "read_at")
    change = library.change_read_in_view(library.view(ViewQuery()), True)
    assert change.count == 3
    assert library.counts().unread == 0
    assert library.restore(change) == 3
    assert read_ids(library) == set(everything[:2])
    assert stamps(library, "read_at") == before, "the earlier reads keep their times"


def test_restore_gives_back_the_old_time_of_a_cleared_mark(library: Library) -> None:
    first = ids(library)[0]
    library.set_bookmarked([first], True)
    with sqlite3.connect(library.path) as raw:
        raw.execute("UPDATE articles SET bookmarked_at = '2020-01-01T00:00:00+00:00'")
    change = library.change_bookmarked([first], False)
    assert change.previous_stamps == ("2020-01-01T00:00:00+00:00",)
    assert not library.get(first).bookmarked
    assert library.restore(change) == 1
    assert library.get(first).bookmarked
    assert stamps(library, "bookmarked_at")[first] == "2020-01-01T00:00:00+00:00"


def test_restore_after_a_refresh_touches_only_the_changed_articles(library: Library) -> None:
    change = library.change_read_in_view(library.view(ViewQuery()), True)
    # A refresh: one article updated in place, new ones arrive, one of them read already.
    library.ingest(FEED, stories("a", body="Updated text."), extract_entities=False)
    library.ingest(OTHER, stories("x", "y"), extract_entities=False)
    arrived = ids(library, ViewQuery(source_key=OTHER.key))
    library.set_read(arrived[:1], True)
    assert library.restore(change) == 5
    assert read_ids(library) == set(arrived[:1])


def test_restore_skips_deleted_articles_and_marks_changed_again(library: Library) -> None:
    everything = ids(library)
    change = library.change_read(everything, True)
    library.set_read(everything[:1], False)  # changed again since: left alone
    library.remove_source(FEED.key)  # every article goes (none is bookmarked)
    library.ingest(FEED, stories("a"), extract_entities=False)  # comes back unread, same ID
    assert library.restore(change) == 0
    assert library.counts().unread == 1


def test_undoing_a_mark_all_of_thousands_is_one_restore(library: Library) -> None:
    library.ingest(
        OTHER, stories(*(f"n{number}" for number in range(2345))), extract_entities=False
    )
    change = library.change_read_in_view(library.view(ViewQuery()), True)
    assert change.count == 2350
    assert library.restore(change) == 2350
    assert library.counts().unread == 2350


def test_the_plain_setters_still_count(library: Library) -> None:
    everything = ids(library)
    assert library.set_read(everything, True) == 5
    assert library.set_read_in_view(library.view(ViewQuery()), False) == 5
    assert library.set_bookmarked(everything[:1], True) == 1
