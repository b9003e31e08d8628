"""Storing a batch indexes it for search at once: right after an ingest, search finds it all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsread.errors import LibraryError
from newsread.library import Library, ViewQuery, ingesting, migrations
from newsread.library.connection import Database
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

WIRE = Source("https://wire.example/feed.xml", SourceKind.FEED, "Example Wire")

WORDS = ("alder", "birch", "cedar", "damson", "elder", "fig", "ginkgo", "hazel", "juniper")


def word(number: int) -> str:
    """A word of its own for each article number (letters only, as the tokenizer keeps them)."""
    return "".join(chr(ord("a") + int(digit)) for digit in f"{number:04d}") + "tree"


def newest_first(count: int) -> list[ParsedArticle]:
    """`count` articles the way feeds list them, newest first, each with a word of its own."""
    start = datetime(2025, 1, 1, tzinfo=UTC)
    return [
        ParsedArticle(
            title=f"Grove report {number}",
            body=f"The {word(number)} stood by the {WORDS[number % len(WORDS)]}.",
            key=f"item-{number}",
            published=(start + timedelta(hours=number)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        )
        for number in reversed(range(count))
    ]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(database_path(ensure_config_dir(tmp_path / "cfg"))) as opened:
        yield opened


def found(library: Library, text: str) -> list[str]:
    return [summary.title for summary in library.list_articles(ViewQuery(search=text))]


def index_is_sound(library: Library) -> None:
    """FTS5's own check of the index against the texts, and no pause left behind."""
    with sqlite3.connect(library.path) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM search_index_paused").fetchone() == (0,)


def test_every_article_of_a_newest_first_feed_is_found_right_after_storing(
    library: Library,
) -> None:
    assert library.ingest(WIRE, newest_first(300), extract_entities=False).new == 300
    for number in (0, 1, 150, 298, 299):
        assert found(library, word(number)) == [f"Grove report {number}"]
    assert len(found(library, "grove")) == 300
    assert len(found(library, "wire")) == 300  # the source's title is indexed too
    index_is_sound(library)


def test_changed_articles_are_found_by_their_new_words_only(library: Library) -> None:
    library.ingest(WIRE, newest_first(40), extract_entities=False)
    changed = [
        ParsedArticle(
            title=f"Orchard note {number}",
            body=f"The {word(number)} was felled.",
            key=f"item-{number}",
            published=f"2024-12-{1 + number:02d}T06:00:00Z",  # a new date: a new search key
        )
        for number in (3, 17)
    ]
    fresh = [ParsedArticle(title="Nursery opens", body="Saplings for sale.", key="item-new")]
    result = library.ingest(WIRE, [*changed, *fresh], extract_entities=False)
    assert (result.new, result.updated) == (1, 2)
    assert found(library, word(3)) == ["Orchard note 3"]
    assert found(library, "felled") == ["Orchard note 17", "Orchard note 3"]
    assert found(library, '"grove report 17"') == []
    assert found(library, "saplings") == ["Nursery opens"]
    assert len(found(library, "grove")) == 38
    index_is_sound(library)


def test_an_unchanged_refresh_leaves_the_index_as_it_was(library: Library) -> None:
    library.ingest(WIRE, newest_first(25), extract_entities=False)
    again = library.ingest(WIRE, newest_first(25), extract_entities=False)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 25)
    assert len(found(library, "grove")) == 25
    index_is_sound(library)


def test_a_failed_ingest_stores_nothing_and_leaves_indexing_to_the_triggers(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> list[int]:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patched:
        patched.setattr(ingesting, "_insert_articles", broken)
        with pytest.raises(LibraryError, match="disk I/O error"):
            library.ingest(WIRE, newest_first(5), extract_entities=False)
    assert library.counts().total == 0
    # Writers other than ingest (an import re-creating a bookmark) rely on the triggers.
    library.ingest(WIRE, newest_first(1), extract_entities=False)
    with sqlite3.connect(library.path) as conn:
        conn.execute(
            "INSERT INTO articles (rowid, id, source_id, origin_key, content_hash, seq, "
            "ingested_at, published) VALUES (99, 'abcdefabcdef', 1, 'by-hand', 'h', 99, "
            "'2025-01-01', '2025-06-01T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO article_texts (article_rowid, title, body) "
            "VALUES (99, 'Written by hand', 'A quince.')"
        )
        conn.execute("UPDATE article_texts SET body = 'A medlar.' WHERE article_rowid = 99")
    assert found(library, "medlar") == ["Written by hand"]
    assert found(library, "quince") == []
    index_is_sound(library)


def test_migrating_to_batch_indexing_keeps_the_index_and_its_triggers(tmp_path: Path) -> None:
    path = tmp_path / "v10.db"
    database = Database.connect(path)
    database.enable_wal()
    with database.writing() as conn:
        for migration in migrations.MIGRATIONS[:10]:
            migration.apply(conn)
        conn.execute("PRAGMA user_version = 10")
        conn.execute(
            "INSERT INTO sources (id, key, kind, title, added_at) "
            "VALUES (1, 'file:x', 'file', 'Old Wire', '2024-01-01')"
        )
        conn.execute(
            "INSERT INTO articles (rowid, id, source_id, origin_key, content_hash, seq, "
            "ingested_at, published) VALUES (1, '000000000001', 1, 'k1', 'h', 1, "
            "'2024-01-01', '2024-03-01T00:00:00Z')"
        )
        conn.execute(
            "INSERT INTO article_texts (article_rowid, title, body) "
            "VALUES (1, 'Canal report', 'Barges on the canal.')"
        )
    database.close()
    with Library.open(path) as library:
        assert found(library, "barges") == ["Canal report"]
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE articles SET published = '2024-04-01T00:00:00Z' WHERE rowid = 1")
        listed = library.list_articles(ViewQuery(search="canal"))
        assert [summary.published for summary in listed] == ["2024-04-01T00:00:00Z"]
        library.ingest(WIRE, newest_first(3), extract_entities=False)
        assert len(found(library, "grove")) == 3
        index_is_sound(library)
