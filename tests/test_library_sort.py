"""Sorted views: unread first, by source, by title; each with filters, sources and queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.library.sorting import ChainedRowids, title_precedes
from newsread.library.views import SortOrder
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir


def article(title: str, day: int) -> ParsedArticle:
    return ParsedArticle(
        title=title,
        body=f"{title} body text.",
        key=title,
        published=f"2025-01-{day:02d}T08:00:00+00:00",
    )


@pytest.fixture
def sorted_library(tmp_path: Path) -> Library:
    library = Library.open(database_path(ensure_config_dir(tmp_path / "sorting")))
    library.ingest(
        Source("test:zebra", SourceKind.FILE, "Zebra Times"),
        [article("banana split", 5), article("Apple pie", 3), article("cherry tart", 1)],
        extract_entities=False,
    )
    library.ingest(
        Source("test:alpha", SourceKind.FILE, "alpha wire"),
        [article("Date loaf", 4), article("apple crumble", 2)],
        extract_entities=False,
    )
    return library


def titles(library: Library, query: ViewQuery) -> list[str]:
    return [row.title for row in library.list_articles(query)]


def test_date_order_is_newest_first(sorted_library: Library) -> None:
    assert titles(sorted_library, ViewQuery()) == [
        "banana split",
        "Date loaf",
        "Apple pie",
        "apple crumble",
        "cherry tart",
    ]


def test_title_order_is_a_to_z_ignoring_case(sorted_library: Library) -> None:
    assert titles(sorted_library, ViewQuery(sort=SortOrder.TITLE)) == [
        "apple crumble",
        "Apple pie",
        "banana split",
        "cherry tart",
        "Date loaf",
    ]


def test_title_order_narrowed_by_source_filter_and_query(sorted_library: Library) -> None:
    by_title = ViewQuery(sort=SortOrder.TITLE, source_key="test:zebra")
    assert titles(sorted_library, by_title) == ["Apple pie", "banana split", "cherry tart"]
    queried = ViewQuery(sort=SortOrder.TITLE, query="-source:zebra")
    assert titles(sorted_library, queried) == ["apple crumble", "Date loaf"]


def test_unread_first_then_read_each_newest_first(sorted_library: Library) -> None:
    ids = {row.title: row.id for row in sorted_library.list_articles(ViewQuery())}
    sorted_library.set_read([ids["banana split"], ids["apple crumble"]], True)
    assert titles(sorted_library, ViewQuery(sort=SortOrder.UNREAD_FIRST)) == [
        "Date loaf",
        "Apple pie",
        "cherry tart",
        "banana split",
        "apple crumble",
    ]
    unread_view = ViewQuery(ArticleFilter.UNREAD, sort=SortOrder.UNREAD_FIRST)
    assert len(sorted_library.view(unread_view)) == 3


def test_source_order_groups_sources_by_title(sorted_library: Library) -> None:
    assert titles(sorted_library, ViewQuery(sort=SortOrder.SOURCE)) == [
        "Date loaf",
        "apple crumble",
        "banana split",
        "Apple pie",
        "cherry tart",
    ]


def test_a_search_keeps_its_best_first_order(sorted_library: Library) -> None:
    searched = ViewQuery(search="apple", sort=SortOrder.TITLE)
    assert titles(sorted_library, searched) == titles(sorted_library, ViewQuery(search="apple"))


def test_title_order_pages_through_a_long_list_both_ways(tmp_path: Path) -> None:
    library = Library.open(database_path(ensure_config_dir(tmp_path / "long")))
    names = [f"Story {number:04d}" for number in range(700)]
    library.ingest(
        Source("test:long", SourceKind.FILE, "Long"),
        [article(name, 1 + number % 28) for number, name in enumerate(reversed(names))],
        extract_entities=False,
    )
    rowids = library.view(ViewQuery(sort=SortOrder.TITLE)).rowids
    # Read the last screen first, then the middle: both ends meet without gaps or repeats.
    last = [row.title for row in library.summaries(list(rowids[-10:]))]
    everything = [row.title for row in library.summaries(list(rowids))]
    assert last == names[-10:]
    assert everything == names


def test_chained_rowids_index_and_slices() -> None:
    chained = ChainedRowids([[5, 6], [], [7, 8, 9]])
    assert len(chained) == 5
    assert list(chained) == [5, 6, 7, 8, 9]
    assert chained[-1] == 9 and chained[2] == 7
    assert list(chained[1:4]) == [6, 7, 8]
    assert chained.index(8) == 3
    with pytest.raises(ValueError):
        chained.index(1)


def test_title_comparison_folds_only_ascii_like_sqlite() -> None:
    assert title_precedes(("apple", 9), ("Banana", 1))
    assert title_precedes(("Apple", 1), ("apple", 2))
    assert not title_precedes(("Zebra", 1), ("apple", 1))
