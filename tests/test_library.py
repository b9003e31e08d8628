"""The SQLite library: storage, IDs, state, views, search, migrations and durability."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

import newsread.entities
from newsread.errors import ArticleNotFound, LibraryError
from newsread.library import ArticleFilter, Library, ViewQuery, ids, migrations
from newsread.library.search import fts_match_expression
from newsread.model import Entity, ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

FEED = Source(key="https://example.org/feed.xml", kind=SourceKind.FEED, title="Example Feed")
FOLDER = Source(key="/home/reader/news", kind=SourceKind.FOLDER, title="My Folder")


def article(
    key: str,
    *,
    title: str | None = None,
    body: str = "Plain body text.",
    published: str | None = None,
    deck: str = "",
) -> ParsedArticle:
    return ParsedArticle(
        title=title if title is not None else f"Headline {key}",
        body=body,
        key=key,
        deck=deck,
        url=f"https://example.org/{key}",
        published=published,
    )


@pytest.fixture
def db_path(config_dir: Path) -> Path:
    return database_path(ensure_config_dir(config_dir))


@pytest.fixture
def library(db_path: Path) -> Iterator[Library]:
    with Library.open(db_path) as opened:
        yield opened


def ids_in(library: Library, query: ViewQuery | None = None) -> list[str]:
    return [row.id for row in library.list_articles(query or ViewQuery())]


def titles_in(library: Library, query: ViewQuery | None = None) -> list[str]:
    return [row.title for row in library.list_articles(query or ViewQuery())]


def id_of(library: Library, title: str) -> str:
    (match,) = [row.id for row in library.list_articles(ViewQuery()) if row.title == title]
    return match


# --- opening, schema and migrations ------------------------------------------------------


def test_new_library_is_empty_wal_and_at_latest_schema(library: Library, db_path: Path) -> None:
    assert library.is_empty()
    assert library.counts().total == 0
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrations_are_numbered_one_to_n_without_gaps() -> None:
    versions = [migration.version for migration in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))


def test_version_zero_file_is_migrated_to_latest(db_path: Path) -> None:
    sqlite3.connect(db_path).close()  # an existing but empty SQLite file: user_version 0
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a")])
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()


def test_older_schema_is_migrated_keeping_articles_and_state(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a", title="Kept")])
        library.set_bookmarked([id_of(library, "Kept")], True)
    next_version = migrations.latest_version() + 1
    step_two = migrations.Migration(
        next_version,
        "a test column",
        lambda conn: conn.execute("ALTER TABLE articles ADD COLUMN note TEXT"),
    )
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, step_two])
    with Library.open(db_path) as library:
        assert library.counts().bookmarked == 1
        assert titles_in(library) == ["Kept"]
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == next_version
        raw.execute("SELECT note FROM articles").fetchall()


def test_newer_schema_is_refused_and_left_byte_identical(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("CREATE TABLE future (x)")
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = db_path.read_bytes()
    with pytest.raises(LibraryError) as caught:
        Library.open(db_path)
    message = str(caught.value)
    assert "newsread.db was written by a newer newsread (schema 99, this one knows" in message
    assert "not modifying it" in message
    assert db_path.read_bytes() == before


def test_file_that_is_not_sqlite_is_moved_aside_not_lost(db_path: Path) -> None:
    notes = "these are my notes, not a database\n" * 200
    db_path.write_text(notes, encoding="utf-8")
    with Library.open(db_path) as library:
        assert library.is_empty()
        (notice,) = library.notices
    (moved,) = db_path.parent.glob("newsread.db.corrupt-*")
    assert moved.read_text(encoding="utf-8") == notes
    assert str(db_path) in notice
    assert moved.name in notice
    assert "\n" not in notice


def test_sqlite_file_of_another_application_is_refused(db_path: Path) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA application_id = 1234")
        raw.execute("CREATE TABLE contacts (name)")
    raw.close()
    with pytest.raises(LibraryError, match="another application"):
        Library.open(db_path)


def test_unopenable_path_is_a_one_line_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError) as caught:
        Library.open(tmp_path / "missing-folder" / "newsread.db")
    assert "\n" not in str(caught.value)


def test_closed_library_reports_a_library_error(db_path: Path) -> None:
    library = Library.open(db_path)
    library.close()
    with pytest.raises(LibraryError):
        library.counts()


# --- ingest and stable IDs ---------------------------------------------------------------


def test_ingest_reports_new_then_unchanged(library: Library) -> None:
    first = library.ingest(FEED, [article("a"), article("b")])
    assert (first.new, first.updated, first.unchanged) == (2, 0, 0)
    again = library.ingest(FEED, [article("a"), article("b")])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert library.counts().total == 2


def test_ids_are_short_lowercase_hex_and_stable_across_databases(tmp_path: Path) -> None:
    with Library.open(tmp_path / "one.db") as one, Library.open(tmp_path / "two.db") as two:
        one.ingest(FEED, [article("a"), article("b")])
        two.ingest(FEED, [article("b")])
        two.ingest(FEED, [article("a")])
        assert sorted(ids_in(one)) == sorted(ids_in(two))
        for article_id in ids_in(one):
            assert re.fullmatch(r"[0-9a-f]{12}", article_id)


def test_ids_survive_reopen_and_reingest(db_path: Path) -> None:
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a")])
        before = ids_in(library)
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a", body="Rewritten body.")])
        assert ids_in(library) == before


def test_same_origin_key_in_two_sources_gets_two_articles(library: Library) -> None:
    library.ingest(FEED, [article("same")])
    library.ingest(FOLDER, [article("same")])
    assert len(set(ids_in(library))) == 2
    assert ids.article_id("ab", "c") != ids.article_id("a", "bc")


def _keys_with_colliding_ids(source_key: str) -> tuple[str, str]:
    """Two origin keys whose usual IDs are equal (call with a shortened ID length)."""
    seen: dict[str, str] = {}
    for number in range(100_000):
        key = f"story-{number}"
        usual = ids.article_id(source_key, key)
        if usual in seen:
            return seen[usual], key
        seen[usual] = key
    raise AssertionError("no collision found")


def test_id_collision_gets_a_deterministic_alternative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ids, "ID_LENGTH", 2)
    first, second = _keys_with_colliding_ids(FEED.key)
    batch = [article(first, title="First"), article(second, title="Second")]
    with Library.open(tmp_path / "one.db") as one, Library.open(tmp_path / "two.db") as two:
        one.ingest(FEED, batch)
        two.ingest(FEED, batch)
        assert id_of(one, "First") == ids.article_id(FEED.key, first)
        assert id_of(one, "Second") != id_of(one, "First")
        assert one.ingest(FEED, batch).unchanged == 2
        assert one.resolve_id(id_of(one, "Second")) == id_of(one, "Second")
        assert sorted(ids_in(one)) == sorted(ids_in(two))


def test_running_out_of_ids_stores_nothing(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ids, "ID_LENGTH", 1)  # only 16 IDs exist
    with pytest.raises(LibraryError, match="no free article ID"):
        library.ingest(FEED, [article(f"story-{number}") for number in range(17)])
    assert library.is_empty()


def test_changed_article_is_updated_in_place_keeping_id_and_state(library: Library) -> None:
    library.ingest(FEED, [article("a", title="Old headline", body="Original wording.")])
    article_id = id_of(library, "Old headline")
    library.set_read([article_id], True)
    library.set_bookmarked([article_id], True)

    result = library.ingest(FEED, [article("a", title="New headline", body="Corrected wording.")])

    assert (result.new, result.updated, result.unchanged) == (0, 1, 0)
    stored = library.get(article_id)
    assert (stored.title, stored.body) == ("New headline", "Corrected wording.")
    assert stored.read and stored.bookmarked
    assert library.counts().total == 1
    assert ids_in(library, ViewQuery(search="corrected")) == [article_id]
    assert ids_in(library, ViewQuery(search="original")) == []


def test_repeated_key_in_one_batch_keeps_the_first(library: Library) -> None:
    result = library.ingest(FEED, [article("a", title="First"), article("a", title="Second")])
    assert result.new == 1
    assert titles_in(library) == ["First"]


def test_source_title_change_shows_on_its_articles(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    renamed = Source(key=FEED.key, kind=FEED.kind, title="Renamed Feed")
    library.ingest(renamed, [article("a")])
    assert [row.source for row in library.list_articles(ViewQuery())] == ["Renamed Feed"]


def test_get_returns_the_whole_article_with_its_source(library: Library) -> None:
    parsed = ParsedArticle(
        title="Budget passes",
        body="The council voted.",
        key="budget",
        section="News",
        deck="A late vote.",
        url="https://example.org/budget",
        author="A. Writer",
        published="2024-05-01T09:00:00+00:00",
    )
    library.ingest(FEED, [parsed])
    stored = library.get(id_of(library, "Budget passes"))
    assert (stored.title, stored.body, stored.source) == (
        "Budget passes",
        "The council voted.",
        "Example Feed",
    )
    assert (stored.section, stored.deck, stored.url, stored.author, stored.published) == (
        "News",
        "A late vote.",
        "https://example.org/budget",
        "A. Writer",
        "2024-05-01T09:00:00+00:00",
    )
    assert not stored.read and not stored.bookmarked
    with pytest.raises(ArticleNotFound):
        library.get("000000000000")


# --- entities ----------------------------------------------------------------------------


def test_entities_are_extracted_on_ingest_and_again_on_change(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    bodies: list[str] = []

    def fake_extract(text: str) -> list[Entity]:
        bodies.append(text)
        found = list(re.finditer(r"[A-Z][a-z]+", text))
        return [Entity(m.start(), m.end(), "PERSON", m.group()) for m in reversed(found)]

    monkeypatch.setattr(newsread.entities, "extract", fake_extract)
    library.ingest(FEED, [article("a", body="met Alice and Bob")])
    article_id = ids_in(library)[0]
    assert library.entities(article_id) == [
        Entity(4, 9, "PERSON", "Alice"),
        Entity(14, 17, "PERSON", "Bob"),
    ]
    assert any("met Alice and Bob" in text for text in bodies)
    calls = len(bodies)
    library.ingest(FEED, [article("a", body="met Alice and Bob")])
    assert len(bodies) == calls  # unchanged: not extracted again
    library.ingest(FEED, [article("a", body="only Carol")])
    assert library.entities(article_id) == [Entity(5, 10, "PERSON", "Carol")]
    with pytest.raises(ArticleNotFound):
        library.entities("ffffffffffff")


# --- state -------------------------------------------------------------------------------


def test_state_survives_close_and_reopen(db_path: Path) -> None:
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a", title="A"), article("b", title="B")])
        library.set_read([id_of(library, "A")], True)
        library.set_bookmarked([id_of(library, "B")], True)
    with Library.open(db_path) as library:
        assert library.get(id_of(library, "A")).read
        assert not library.get(id_of(library, "A")).bookmarked
        assert library.get(id_of(library, "B")).bookmarked
        assert not library.get(id_of(library, "B")).read


def test_set_read_counts_only_real_changes_and_stamps_utc_time(
    library: Library, db_path: Path
) -> None:
    library.ingest(FEED, [article("a", title="A"), article("b", title="B")])
    both = [id_of(library, "A"), id_of(library, "B")]
    assert library.set_read(both[:1], True) == 1
    assert library.set_read(both, True) == 1
    assert library.set_read(both, True) == 0
    assert library.set_read([], True) == 0
    with sqlite3.connect(db_path) as raw:
        stamps = [row[0] for row in raw.execute("SELECT read_at FROM articles")]
    for stamp in stamps:
        assert datetime.fromisoformat(stamp).utcoffset() is not None
        assert datetime.fromisoformat(stamp).utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    assert library.set_read(both, False) == 2
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT count(*) FROM articles WHERE read_at IS NULL").fetchone() == (2,)


def test_ids_are_accepted_in_any_case(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    article_id = ids_in(library)[0]
    assert library.set_bookmarked([f" {article_id.upper()} "], True) == 1
    assert library.get(article_id.upper()).bookmarked


def test_unknown_id_raises_before_anything_is_written(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    known = ids_in(library)[0]
    with pytest.raises(ArticleNotFound, match="123456789abc"):
        library.set_read([known, "123456789abc"], True)
    with pytest.raises(ArticleNotFound):
        library.set_bookmarked([known, "123456789abc"], True)
    assert library.counts().unread == 1
    assert library.counts().bookmarked == 0


def test_counts(library: Library) -> None:
    library.ingest(FEED, [article(key) for key in "abcde"])
    all_ids = ids_in(library)
    library.set_read(all_ids[:2], True)
    library.set_bookmarked(all_ids[1:4], True)
    counts = library.counts()
    assert (counts.total, counts.unread, counts.bookmarked) == (5, 3, 3)


def test_mark_all_in_view_touches_only_that_view(library: Library) -> None:
    library.ingest(
        FEED,
        [article("a", body="about trains"), article("b", body="about trains"), article("c")],
    )
    trains = library.view(ViewQuery(search="trains"))
    assert library.set_read_in_view(trains) == 2
    assert library.set_read_in_view(trains) == 0
    assert library.counts().unread == 1
    assert library.set_read_in_view(trains, read=False) == 2
    assert library.counts().unread == 3


def test_mark_all_in_a_large_view(library: Library) -> None:
    library.ingest(FEED, [article(f"n{number}") for number in range(1203)])
    everything = library.view(ViewQuery())
    assert library.set_read_in_view(everything) == 1203
    assert library.counts().unread == 0


def test_state_change_is_visible_to_another_connection_at_once(
    library: Library, db_path: Path
) -> None:
    library.ingest(FEED, [article("a")])
    article_id = ids_in(library)[0]
    library.set_read([article_id], True)
    other = sqlite3.connect(db_path)
    try:
        row = other.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()
    finally:
        other.close()
    assert row == (1,)


def test_library_can_be_used_from_another_thread(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    changed: list[int] = []
    worker = threading.Thread(
        target=lambda: changed.append(library.set_read(ids_in(library), True))
    )
    worker.start()
    worker.join()
    assert changed == [1]
    assert library.counts().unread == 0


_CHILD = """
import sys, time
from pathlib import Path
from newsread.library import Library
library = Library.open(Path(sys.argv[1]))
library.set_bookmarked([sys.argv[2]], True)
print("done", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_bookmark_survives_the_process_being_killed(db_path: Path) -> None:
    with Library.open(db_path) as library:
        library.ingest(FEED, [article("a")])
        article_id = ids_in(library)[0]
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(db_path), article_id],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "done"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    with Library.open(db_path) as library:
        assert library.get(article_id).bookmarked


# --- views, order, filters ---------------------------------------------------------------


def test_view_is_newest_first_undated_last_then_ingest_order(library: Library) -> None:
    library.ingest(
        FEED,
        [
            article("u1", title="Undated first"),
            article("old", title="Old", published="2023-01-01T00:00:00+00:00"),
            article("t1", title="Tie first", published="2024-06-01T00:00:00+00:00"),
            article("new", title="New", published="2025-01-01T00:00:00+00:00"),
        ],
    )
    library.ingest(
        FOLDER,
        [
            article("t2", title="Tie second", published="2024-06-01T00:00:00+00:00"),
            article("u2", title="Undated second"),
        ],
    )
    assert titles_in(library) == [
        "New",
        "Tie first",
        "Tie second",
        "Old",
        "Undated first",
        "Undated second",
    ]


def test_filters(library: Library) -> None:
    library.ingest(FEED, [article(key, title=key.upper()) for key in "abcd"])
    library.set_read([id_of(library, "A"), id_of(library, "B")], True)
    library.set_bookmarked([id_of(library, "B"), id_of(library, "C")], True)
    assert titles_in(library, ViewQuery(ArticleFilter.ALL)) == ["A", "B", "C", "D"]
    assert titles_in(library, ViewQuery(ArticleFilter.UNREAD)) == ["C", "D"]
    assert titles_in(library, ViewQuery(ArticleFilter.BOOKMARKED)) == ["B", "C"]


def test_view_is_a_snapshot(library: Library) -> None:
    library.ingest(FEED, [article("a"), article("b")])
    unread = library.view(ViewQuery(ArticleFilter.UNREAD))
    library.set_read(ids_in(library), True)
    assert len(unread) == 2
    assert [row.read for row in library.summaries(unread.rowids)] == [True, True]
    assert len(library.view(ViewQuery(ArticleFilter.UNREAD))) == 0


@pytest.mark.parametrize("which", list(ArticleFilter))
def test_every_filter_reads_an_index_in_list_order_without_sorting(
    library: Library, db_path: Path, which: ArticleFilter
) -> None:
    from newsread.library.queries import view_statement

    sql, parameters = view_statement(ViewQuery(which))
    with sqlite3.connect(db_path) as raw:
        plan = " ".join(row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", parameters))
    assert "USING COVERING INDEX" in plan
    assert "TEMP B-TREE" not in plan


def test_summaries_follow_the_given_order_and_skip_missing(library: Library) -> None:
    library.ingest(
        FEED, [article(f"n{number:04}", title=f"T{number:04}") for number in range(1100)]
    )
    rowids = list(library.view(ViewQuery()).rowids)
    wanted = [*reversed(rowids), 987654321]
    rows = library.summaries(wanted)
    assert [row.title for row in rows] == [f"T{number:04}" for number in reversed(range(1100))]
    first = rows[-1]
    assert (first.source, first.url, first.read, first.bookmarked) == (
        "Example Feed",
        "https://example.org/n0000",
        False,
        False,
    )
    assert library.summaries([]) == []


# --- search ------------------------------------------------------------------------------


@pytest.fixture
def searchable(library: Library) -> Library:
    library.ingest(
        FEED,
        [
            article("rail", title="Rail strike ends", body="Trains run again on Monday."),
            article("cafe", title="Café prices", deck="Coffee costs more.", body="Beans."),
            article("rain", title="Weather", body="Heavy rain and wind in the north."),
        ],
    )
    return library


def test_search_needs_every_word_and_treats_the_last_as_a_prefix(searchable: Library) -> None:
    assert titles_in(searchable, ViewQuery(search="trains monday")) == ["Rail strike ends"]
    assert titles_in(searchable, ViewQuery(search="trains north")) == []
    assert sorted(titles_in(searchable, ViewQuery(search="ra"))) == ["Rail strike ends", "Weather"]
    assert titles_in(searchable, ViewQuery(search="RAIN")) == ["Weather"]


def test_search_covers_title_deck_and_body_ignoring_accents(searchable: Library) -> None:
    assert titles_in(searchable, ViewQuery(search="cafe")) == ["Café prices"]
    assert titles_in(searchable, ViewQuery(search="coffee")) == ["Café prices"]
    assert titles_in(searchable, ViewQuery(search="beans")) == ["Café prices"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        "AND",
        "NOT",
        "(",
        ")",
        "*",
        "-",
        ":",
        "rail AND",
        "NEAR(a b)",
        'a"b',
        "title:rail",
        "^rail",
        "rail OR",
        "\x00",
        "'; DROP TABLE articles; --",
        "{title}: x",
        "+",
        "a -b",
    ],
)
def test_search_never_raises_on_hostile_input(searchable: Library, hostile: str) -> None:
    searchable.list_articles(ViewQuery(search=hostile))
    searchable.list_articles(ViewQuery(ArticleFilter.UNREAD, search=hostile))
    assert searchable.counts().total == 3


def test_search_operators_are_plain_words(searchable: Library) -> None:
    assert titles_in(searchable, ViewQuery(search="rail AND")) == []
    assert titles_in(searchable, ViewQuery(search="title:rail")) == []


def test_punctuation_only_search_means_no_search(searchable: Library) -> None:
    assert len(titles_in(searchable, ViewQuery(search=' " ( * - : '))) == 3
    assert len(titles_in(searchable, ViewQuery(search="   "))) == 3
    assert fts_match_expression("-- !") is None
    assert fts_match_expression('say "hi"') == '"say" "hi"'


def test_search_combines_with_the_filter(searchable: Library) -> None:
    searchable.set_read([id_of(searchable, "Weather")], True)
    assert titles_in(searchable, ViewQuery(ArticleFilter.UNREAD, search="ra")) == [
        "Rail strike ends"
    ]
    assert titles_in(searchable, ViewQuery(ArticleFilter.BOOKMARKED, search="ra")) == []


# --- IDs the user types ------------------------------------------------------------------


def _two_keys_sharing_an_id_prefix() -> tuple[str, str]:
    seen: dict[str, str] = {}
    number = 0
    while True:
        key = f"k{number}"
        prefix = ids.article_id(FEED.key, key)[: ids.MIN_PREFIX_LENGTH]
        if prefix in seen:
            return seen[prefix], key
        seen[prefix] = key
        number += 1


def test_resolve_id_accepts_exact_ids_and_unique_prefixes(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    article_id = ids_in(library)[0]
    assert library.resolve_id(article_id) == article_id
    assert library.resolve_id(f"  {article_id.upper()}\n") == article_id
    assert library.resolve_id(article_id[:4]) == article_id
    assert library.resolve_id(article_id[:7].upper()) == article_id


def test_resolve_id_rejects_unknown_short_and_non_hex(library: Library) -> None:
    library.ingest(FEED, [article("a")])
    article_id = ids_in(library)[0]
    unknown = "0" * 12 if not article_id.startswith("0000") else "f" * 12
    for wrong in (unknown, article_id[:3], "", "zzzz", f"{article_id}0"):
        with pytest.raises(ArticleNotFound, match="no article with ID"):
            library.resolve_id(wrong)


def test_resolve_id_reports_an_ambiguous_prefix(library: Library) -> None:
    first, second = _two_keys_sharing_an_id_prefix()
    library.ingest(FEED, [article(first), article(second)])
    shared = ids.article_id(FEED.key, first)[: ids.MIN_PREFIX_LENGTH]
    with pytest.raises(ArticleNotFound, match=r"ambiguous.*2 articles"):
        library.resolve_id(shared)
    full = ids.article_id(FEED.key, second)
    assert library.resolve_id(full[:10]) == full


# --- next unread -------------------------------------------------------------------------


def test_next_unread_in_both_directions(library: Library) -> None:
    library.ingest(FEED, [article(f"n{number}") for number in range(6)])
    view = library.view(ViewQuery())
    in_order = [row.id for row in library.summaries(view.rowids)]
    library.set_read([in_order[i] for i in (0, 1, 3, 5)], True)  # unread: 2 and 4
    assert library.next_unread(view, -1, 1) == 2
    assert library.next_unread(view, 2, 1) == 4
    assert library.next_unread(view, 4, 1) is None
    assert library.next_unread(view, 4, -1) == 2
    assert library.next_unread(view, 2, -1) is None
    assert library.next_unread(view, len(view), -1) == 4
    with pytest.raises(ValueError):
        library.next_unread(view, 0, 2)


@pytest.mark.parametrize("size", [300, 3000])
def test_next_unread_finds_a_far_article_and_reports_none(library: Library, size: int) -> None:
    library.ingest(FEED, [article(f"n{number:05}") for number in range(size)])
    view = library.view(ViewQuery())
    last_position = size - 1
    library.set_read_in_view(view)
    assert library.next_unread(view, 0, 1) is None
    assert library.next_unread(view, last_position, -1) is None
    library.set_read([library.summaries(view.rowids[-1:])[0].id], False)
    assert library.next_unread(view, 0, 1) == last_position
    assert library.next_unread(view, last_position, -1) is None
    library.set_read([library.summaries(view.rowids[:1])[0].id], False)
    assert library.next_unread(view, last_position, -1) == 0
    assert library.next_unread(view, size + 5, -1) == last_position


def test_next_unread_agrees_with_a_plain_scan(library: Library) -> None:
    chooser = random.Random(7)
    library.ingest(FEED, [article(f"n{number:04}") for number in range(700)])
    view = library.view(ViewQuery())
    every_id = [row.id for row in library.summaries(view.rowids)]
    library.set_read_in_view(view)
    unread_positions = sorted(chooser.sample(range(700), 6))
    library.set_read([every_id[position] for position in unread_positions], False)
    for index in [-1, 0, 5, 63, 64, 65, 300, 699, 700, *unread_positions]:
        after = [p for p in unread_positions if p > index]
        before = [p for p in unread_positions if p < index]
        assert library.next_unread(view, index, 1) == (after[0] if after else None)
        assert library.next_unread(view, index, -1) == (before[-1] if before else None)


# --- first run ---------------------------------------------------------------------------


def test_sample_articles_fill_an_empty_library_once(library: Library) -> None:
    pytest.importorskip("newsread.ingest.text")
    assert library.add_sample_articles() == 5
    assert library.counts().total == 5
    assert {row.source for row in library.list_articles(ViewQuery())} == {"Samples"}
    assert library.add_sample_articles() == 0
    assert library.counts().total == 5


def test_preferences_survive_reopening_and_can_be_forgotten(tmp_path: Path) -> None:
    db_path = tmp_path / "newsread.db"
    with Library.open(db_path) as library:
        assert library.preference("theme") is None
        library.set_preference("theme", "nord")
        library.set_preference("theme", "gruvbox")
    with Library.open(db_path) as library:
        assert library.preference("theme") == "gruvbox"
        library.set_preference("theme", None)
        assert library.preference("theme") is None
