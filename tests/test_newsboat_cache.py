"""bench/newsboat_cache.py: newsboat's cache holds the same collection as the bench library."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from newsread.library import Library
from newsread.model import ParsedArticle, Source, SourceKind

BENCH = Path(__file__).resolve().parents[1] / "bench"

pytestmark = pytest.mark.skipif(
    shutil.which("newsboat") is None, reason="newsboat writes the cache's schema"
)


@pytest.fixture(scope="module")
def bench_modules() -> Iterator[tuple[ModuleType, ModuleType]]:
    """`make_library` and `newsboat_cache` from bench/."""
    sys.path.insert(0, str(BENCH))
    try:
        import make_library
        import newsboat_cache
    finally:
        sys.path.remove(str(BENCH))
    yield make_library, newsboat_cache


def build_library(bench_modules: tuple[ModuleType, ModuleType], folder: Path, count: int) -> Path:
    """A bench library of `count` articles in config directory `folder`."""
    bench_library, _ = bench_modules
    bench_library.build(count, folder)
    return folder


def rows(database: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_the_cache_holds_every_article_as_an_item(
    bench_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, newsboat_cache = bench_modules
    library = build_library(bench_modules, tmp_path / "library", 10)
    cache = newsboat_cache.newsboat_cache(library)

    ours = rows(
        library / "newsread.db",
        "SELECT a.id, t.title, a.url, t.author, 1 - a.read, "
        "CAST(strftime('%s', coalesce(a.published, a.ingested_at)) AS INTEGER) "
        "FROM articles AS a JOIN article_texts AS t ON t.article_rowid = a.rowid ORDER BY a.id",
    )
    theirs = rows(
        cache.cache,
        "SELECT guid, title, url, author, unread, pubDate FROM rss_item "
        "WHERE deleted = 0 ORDER BY guid",
    )
    assert len(ours) == 10
    assert theirs == ours
    assert any(unread for *_, unread, _date in theirs), "the newest articles stay unread"
    assert not all(unread for *_, unread, _date in theirs), "older articles are read"


def test_feeds_match_the_sources_and_their_unread_counts(
    bench_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, newsboat_cache = bench_modules
    library = build_library(bench_modules, tmp_path / "library", 200)
    cache = newsboat_cache.newsboat_cache(library)

    sources = rows(
        library / "newsread.db",
        "SELECT s.key, s.title, count(a.rowid), sum(a.read = 0) FROM sources AS s "
        "JOIN articles AS a ON a.source_id = s.id GROUP BY s.id ORDER BY s.id",
    )
    feeds = [
        (feed.url, feed.title, feed.total, feed.unread)
        for feed in newsboat_cache.feed_counts(cache)
    ]
    assert len(sources) > 1
    assert feeds == sources
    assert cache.urls.read_text().splitlines() == [key for key, *_ in sources]
    assert newsboat_cache.library_feed_counts(library) == newsboat_cache.feed_counts(cache)


def test_bodies_become_html_paragraphs_showing_markup_as_text(
    bench_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, newsboat_cache = bench_modules
    library = build_library(bench_modules, tmp_path / "library", 10)
    source = Source(key="https://odd.invalid/feed", kind=SourceKind.FEED, title="Odd <Source>")
    article = ParsedArticle(
        title="Fish & <chips>",
        body="First <b>not bold</b> & more.\n\nSecond paragraph.",
        key="odd/1",
        deck="A deck",
        url="https://odd.invalid/1",
    )
    with Library.open(library / "newsread.db") as opened:
        opened.add_source(source, url="https://odd.invalid/")
        opened.ingest(source, [article], extract_entities=False)
    cache = newsboat_cache.newsboat_cache(library)

    [(title, content)] = rows(
        cache.cache, "SELECT title, content FROM rss_item WHERE url = 'https://odd.invalid/1'"
    )
    assert title == "Fish & <chips>"
    assert content == (
        "<p><em>A deck</em></p><p>First &lt;b&gt;not bold&lt;/b&gt; &amp; more.</p>"
        "<p>Second paragraph.</p>"
    )
    assert newsboat_cache.feed_counts(cache)[-1].title == "Odd <Source>"


def test_the_cache_is_rebuilt_only_when_the_library_changed(
    bench_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    _, newsboat_cache = bench_modules
    library = build_library(bench_modules, tmp_path / "library", 10)
    cache = newsboat_cache.newsboat_cache(library)
    built = cache.cache.stat().st_mtime_ns
    assert newsboat_cache.newsboat_cache(library).cache.stat().st_mtime_ns == built

    unread_before = newsboat_cache.feed_counts(cache)[0].unread
    (unread_id,) = rows(library / "newsread.db", "SELECT id FROM articles WHERE read = 0")[0]
    with Library.open(library / "newsread.db") as opened:
        opened.set_read([str(unread_id)], True)

    rebuilt = newsboat_cache.newsboat_cache(library)
    assert newsboat_cache.feed_counts(rebuilt)[0].unread == unread_before - 1
