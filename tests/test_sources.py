"""Sources in the library and on disk: adding files and folders, OPML, finding, removing, pruning,
the schema migration, and entities tagged after storing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsread.errors import SourceError
from newsread.ingest.opml import OpmlFeed, write_opml
from newsread.library import Library, ViewQuery, migrations
from newsread.library.connection import Database
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.sources.adding import add_sources
from newsread.sources.classify import ArgumentKind, classify
from newsread.sources.opml_io import export_opml, import_opml

FEED_SOURCE = Source("https://news.example/feed", SourceKind.FEED, "Harbour News")


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Library]:
    """A library with no articles at all (no samples)."""
    with Library.open(database_path(ensure_config_dir(tmp_path / "lib"))) as library:
        yield library


def story(key: str, title: str = "", published: str | None = None) -> ParsedArticle:
    return ParsedArticle(
        title=title or f"Story {key}",
        body=f"Maria Lopez visited Lisbon on Monday for story {key}.",
        key=key,
        published=published,
    )


def titles(library: Library) -> set[str]:
    return {summary.title for summary in library.list_articles(ViewQuery())}


def ids_by_title(library: Library) -> dict[str, str]:
    return {summary.title: summary.id for summary in library.list_articles(ViewQuery())}


# --- classifying SOURCE arguments ---


def test_arguments_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.\n")
    assert classify("https://news.example/feed").kind is ArgumentKind.URL
    assert classify(str(tmp_path)).kind is ArgumentKind.FOLDER
    file_argument = classify(str(tmp_path / "a.md"))
    assert file_argument.kind is ArgumentKind.FILE
    assert file_argument.path == (tmp_path / "a.md").resolve()
    assert classify((tmp_path / "a.md").as_uri()).kind is ArgumentKind.FILE


@pytest.mark.parametrize(
    ("argument", "reason"),
    [
        ("/no/such/place", "no such file or folder"),
        ("ftp://news.example/feed", "only http and https URLs, files and folders can be added"),
        ("https://", "only http and https URLs can be fetched"),
    ],
)
def test_bad_arguments_are_one_line_errors(argument: str, reason: str) -> None:
    with pytest.raises(SourceError) as raised:
        classify(argument)
    assert str(raised.value).endswith(reason)


# --- adding files and folders ---


def test_a_folder_is_one_source_and_skips_what_it_cannot_read(
    empty: Library, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    (folder / "deep").mkdir(parents=True)
    (folder / "one.md").write_text("# Same headline\n\nFirst file about Oslo.\n")
    (folder / "deep" / "two.md").write_text("# Same headline\n\nSecond file about Bergen.\n")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    [result] = add_sources(empty, [str(folder)])
    assert result.error is None
    assert len(result.skipped) == 1 and "photo.jpg" in result.skipped[0]
    assert "\n" not in result.skipped[0]
    [info] = empty.sources()
    assert (info.key, info.kind, info.title) == (str(folder.resolve()), SourceKind.FOLDER, "notes")
    # The same headline in two files is two articles.
    assert info.articles == 2
    assert result.sources[0].new == 2


def test_a_folder_read_again_keeps_its_article_ids(empty: Library, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "one.md").write_text("# Harbour plans\n\nText.\n")
    add_sources(empty, [str(folder)])
    before = ids_by_title(empty)
    [again] = add_sources(empty, [str(folder)])
    assert again.sources[0].unchanged == 1 and again.sources[0].new == 0
    assert ids_by_title(empty) == before


def test_a_single_unreadable_file_is_an_error_and_adds_nothing(
    empty: Library, tmp_path: Path
) -> None:
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    [result] = add_sources(empty, [str(binary)])
    assert result.error is not None and "data.bin" in result.error
    assert "\n" not in result.error
    assert empty.sources() == []


def test_a_feed_file_is_a_file_source_titled_like_the_feed(empty: Library, tmp_path: Path) -> None:
    from feed_server import rss, sample_items

    path = tmp_path / "saved.xml"
    path.write_bytes(rss("Saved Harbour Feed", sample_items(3)))
    [result] = add_sources(empty, [str(path)])
    assert result.error is None
    [info] = empty.sources()
    assert (info.kind, info.title, info.articles) == (SourceKind.FILE, "Saved Harbour Feed", 3)


def test_added_articles_are_stored_untagged_and_tagged_on_demand(
    empty: Library, tmp_path: Path
) -> None:
    (tmp_path / "a.md").write_text("# Visit\n\nMaria Lopez flew to Lisbon with Acme Corp.\n")
    add_sources(empty, [str(tmp_path / "a.md")])
    assert empty.untagged_count() == 1
    [summary] = empty.list_articles(ViewQuery())
    found = empty.entities(summary.id)
    assert any(entity.text == "Lisbon" for entity in found)
    assert empty.untagged_count() == 0
    assert empty.entities(summary.id) == found


def test_tag_pending_tags_in_batches(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story(str(n)) for n in range(5)], extract_entities=False)
    assert empty.untagged_count() == 5
    assert empty.tag_pending(limit=3) == 3
    assert empty.untagged_count() == 2
    assert empty.tag_pending() == 2
    assert empty.tag_pending() == 0
    some_id = next(iter(ids_by_title(empty).values()))
    assert any(entity.text == "Lisbon" for entity in empty.entities(some_id))


def test_an_updated_article_stored_untagged_loses_its_old_entities(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story("1")])
    article_id = ids_by_title(empty)["Story 1"]
    changed = ParsedArticle(title="Story 1", body="Now about Madrid only.", key="1")
    empty.ingest(FEED_SOURCE, [changed], extract_entities=False)
    assert empty.untagged_count() == 1
    assert [entity.text for entity in empty.entities(article_id)] == ["Madrid"]


# --- OPML ---

NESTED = [
    OpmlFeed("Loose feed", "https://loose.example/rss", "https://loose.example/"),
    OpmlFeed("Kernel news", "https://kernel.example/atom", "", ("Tech", "Linux")),
    OpmlFeed("Chip news", "https://chips.example/rss", "https://chips.example/", ("Tech",)),
    OpmlFeed("Local paper", "https://paper.example/feed", "", ("Home",)),
]


def test_opml_import_files_feeds_under_their_folders(empty: Library) -> None:
    imported = import_opml(empty, write_opml(NESTED).encode(), origin="subs.opml")
    assert imported.keys == tuple(feed.xml_url for feed in NESTED)
    by_key = {info.key: info for info in empty.sources()}
    assert by_key["https://kernel.example/atom"].folder == ("Tech", "Linux")
    assert by_key["https://chips.example/rss"].url == "https://chips.example/"
    assert by_key["https://paper.example/feed"].title == "Local paper"
    assert {info.kind for info in by_key.values()} == {SourceKind.FEED}


def test_opml_export_gives_back_what_was_imported(empty: Library) -> None:
    from newsread.ingest.opml import parse_opml

    import_opml(empty, write_opml(NESTED).encode(), origin="subs.opml")
    empty.ingest(Source("/tmp/x.md", SourceKind.FILE, "Not a feed"), [story("1")])
    document, count = export_opml(empty)
    assert count == len(NESTED)
    assert parse_opml(document.encode()) == NESTED


def test_opml_outlines_that_are_not_http_are_skipped(empty: Library) -> None:
    feeds = [OpmlFeed("Good", "https://good.example/rss"), OpmlFeed("Bad", "file:///etc/passwd")]
    imported = import_opml(empty, write_opml(feeds).encode(), origin="subs.opml")
    assert imported.keys == ("https://good.example/rss",)
    assert len(imported.skipped) == 1 and imported.skipped[0].startswith("skipped Bad:")


def test_a_broken_opml_file_is_a_one_line_error_naming_it(empty: Library) -> None:
    with pytest.raises(SourceError) as raised:
        import_opml(empty, b"<opml><body><outline", origin="subs.opml")
    assert str(raised.value).startswith("subs.opml: ")
    assert "\n" not in str(raised.value)


# --- finding and listing ---


def test_sources_are_found_by_key_url_path_title_and_prefix(empty: Library, tmp_path: Path) -> None:
    empty.add_source(FEED_SOURCE, url="https://news.example/")
    empty.add_source(Source(str(tmp_path.resolve()), SourceKind.FOLDER, "My notes"))
    assert empty.find_source("https://news.example/feed").title == "Harbour News"
    assert empty.find_source("https://news.example/").title == "Harbour News"
    assert empty.find_source(str(tmp_path)).title == "My notes"
    assert empty.find_source("harbour news").key == FEED_SOURCE.key
    assert empty.find_source("My").key == str(tmp_path.resolve())


def test_ambiguous_or_unknown_names_are_one_line_errors(empty: Library) -> None:
    empty.add_source(Source("https://a.example/rss", SourceKind.FEED, "Daily Planet"))
    empty.add_source(Source("https://b.example/rss", SourceKind.FEED, "Daily Bugle"))
    with pytest.raises(SourceError, match=r"'Daily' matches 2 sources: .*give its key"):
        empty.find_source("Daily")
    with pytest.raises(SourceError, match="no source matches 'Weekly'"):
        empty.find_source("Weekly")


def test_source_counts_follow_reading(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story("1"), story("2"), story("3")])
    empty.set_read([ids_by_title(empty)["Story 1"]], True)
    [info] = empty.sources()
    assert (info.articles, info.unread) == (3, 2)


def test_source_counts_use_the_per_source_index(empty: Library, tmp_path: Path) -> None:
    database = Database.connect(empty.path)
    with database.reading() as conn:
        plan = " ".join(
            str(row[-1])
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT source_id, count(*), sum(read = 0) "
                "FROM articles GROUP BY source_id"
            )
        )
    database.close()
    assert "articles_by_source" in plan


# --- removing and pruning ---


def test_remove_deletes_articles_but_keeps_bookmarks(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story("1"), story("2"), story("3")])
    kept_id = ids_by_title(empty)["Story 2"]
    empty.set_bookmarked([kept_id], True)
    removed = empty.remove_source(FEED_SOURCE.key)
    assert (removed.deleted, removed.kept) == (2, 1)
    assert empty.sources() == []
    assert titles(empty) == {"Story 2"}
    kept = empty.get(kept_id)
    assert kept.bookmarked and kept.source == "Harbour News"
    assert empty.counts().total == 1


def test_a_removed_source_added_again_does_not_duplicate_kept_bookmarks(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story("1"), story("2")])
    kept_id = ids_by_title(empty)["Story 2"]
    empty.set_bookmarked([kept_id], True)
    empty.remove_source(FEED_SOURCE.key)
    empty.add_source(FEED_SOURCE)
    empty.ingest(FEED_SOURCE, [story("1"), story("2")])
    assert ids_by_title(empty)["Story 2"] == kept_id
    assert empty.counts().total == 2
    assert empty.get(kept_id).bookmarked


def test_remove_without_bookmarks_deletes_the_source_row(empty: Library) -> None:
    empty.ingest(FEED_SOURCE, [story("1")])
    empty.remove_source(FEED_SOURCE.key)
    with sqlite3.connect(empty.path) as raw:
        assert raw.execute("SELECT count(*) FROM sources").fetchone()[0] == 0


def test_prune_by_count_keeps_the_newest_and_every_bookmark(empty: Library) -> None:
    dated = [story(str(day), published=f"2025-03-{day:02d}T09:00:00Z") for day in range(1, 11)]
    empty.ingest(FEED_SOURCE, dated)
    oldest = ids_by_title(empty)["Story 1"]
    empty.set_bookmarked([oldest], True)
    assert empty.prune(FEED_SOURCE.key, max_items=3, max_age_days=None) == 6
    assert titles(empty) == {"Story 10", "Story 9", "Story 8", "Story 1"}


def test_prune_by_age_never_touches_bookmarks(empty: Library) -> None:
    now = datetime.now(UTC)
    old = (now - timedelta(days=40)).strftime("%Y-%m-%dT%H:%M:%SZ")
    recent = (now - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    empty.ingest(
        FEED_SOURCE,
        [story("old", published=old), story("kept", published=old), story("new", published=recent)],
    )
    empty.set_bookmarked([ids_by_title(empty)["Story kept"]], True)
    assert empty.prune(FEED_SOURCE.key, max_items=None, max_age_days=30) == 1
    assert titles(empty) == {"Story kept", "Story new"}
    assert empty.prune(FEED_SOURCE.key, max_items=0, max_age_days=0) == 1
    assert titles(empty) == {"Story kept"}


# --- the schema migration ---


def test_a_version_1_library_is_migrated_keeping_articles_tagged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = database_path(ensure_config_dir(tmp_path / "old"))
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    database = Database.connect(path)
    migrations.migrate(database)
    with database.writing() as conn:
        conn.execute(
            "INSERT INTO sources (id, key, kind, title, added_at) "
            "VALUES (1, 'https://news.example/feed', 'feed', 'Harbour News', '2025-01-01')"
        )
        conn.execute(
            "INSERT INTO articles (rowid, id, source_id, origin_key, content_hash, seq, "
            "ingested_at, bookmarked) VALUES (1, 'abcdef123456', 1, 'k', 'h', 1, '2025-01-01', 1)"
        )
        conn.execute(
            "INSERT INTO article_texts (article_rowid, title, body) "
            "VALUES (1, 'Old story', 'Lisbon again.')"
        )
        conn.execute(
            'INSERT INTO entities (article_rowid, start, "end", label, text) '
            "VALUES (1, 0, 6, 'PLACE', 'Lisbon')"
        )
    database.close()
    monkeypatch.undo()
    with Library.open(path) as library:
        # Tagged by an older extractor: counted as pending until tagged again.
        assert library.untagged_count() == (0 if Library.entities_version == 1 else 1)
        assert library.get("abcdef123456").bookmarked
        [info] = library.sources()
        assert (info.folder, info.url, info.last_refresh, info.last_error) == ((), "", None, None)
        assert [entity.text for entity in library.entities("abcdef123456")] == ["Lisbon"]
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
