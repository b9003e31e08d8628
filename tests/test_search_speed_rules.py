"""The search order rule (ranked when small, newest first when large) and the date-keyed index."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsread.library import ArticleFilter, Library, ViewQuery, migrations, search_views
from newsread.library.connection import Database
from newsread.library.search import parse_search
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

WIRE = Source("https://wire.example/feed.xml", SourceKind.FEED, "Example Wire")
HARBOUR = Source("https://harbour.example/rss", SourceKind.FEED, "Harbour Gazette")


def article(key: str, title: str, body: str, published: str | None) -> ParsedArticle:
    return ParsedArticle(title=title, body=body, key=key, published=published)


def day(number: int) -> str:
    """A distinct date per number, later numbers later."""
    return f"2025-{1 + number // 28:02d}-{1 + number % 28:02d}T08:00:00Z"


@pytest.fixture
def news(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(database_path(ensure_config_dir(tmp_path / "news")))
    library.ingest(
        WIRE,
        [
            article("old-title", "Ferry strike", "Talks go on.", day(1)),
            article("mid-body", "Port news", "The ferry strike ended.", day(5)),
            article("new-body", "Harbour notes", "A ferry was late.", day(9)),
            article("undated", "Ferry archive", "Old ferry photos.", None),
            article("odd-date", "Ferry rumours", "A ferry maybe.", "sometime soon"),
        ],
    )
    library.ingest(HARBOUR, [article("h1", "Quay works", "The ferry quay shut.", day(7))])
    yield library
    library.close()


def titles(library: Library, query: ViewQuery) -> list[str]:
    return [summary.title for summary in library.list_articles(query)]


def index_is_sound(library: Library) -> None:
    with sqlite3.connect(library.path) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


@pytest.fixture
def small_ranked_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat a search finding more than three articles as large."""
    monkeypatch.setattr(search_views, "RANKED_LIMIT", 3)


def test_a_small_result_lists_the_best_matches_first(news: Library) -> None:
    ranked = titles(news, ViewQuery(search="strike"))
    assert ranked == ["Ferry strike", "Port news"], "the title match first, though older"


@pytest.mark.usefixtures("small_ranked_limit")
def test_a_large_result_lists_newest_first_with_undated_last(news: Library) -> None:
    assert titles(news, ViewQuery(search="ferry")) == [
        "Harbour notes",
        "Quay works",
        "Port news",
        "Ferry strike",
        "Ferry archive",
        "Ferry rumours",
    ]


def test_the_rule_switches_just_past_the_limit(
    news: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    matches = len(titles(news, ViewQuery(search="ferry")))
    monkeypatch.setattr(search_views, "RANKED_LIMIT", matches)
    assert titles(news, ViewQuery(search="ferry"))[0] != "Harbour notes", "ranked"
    monkeypatch.setattr(search_views, "RANKED_LIMIT", matches - 1)
    assert titles(news, ViewQuery(search="ferry"))[0] == "Harbour notes", "by date"


def test_a_thousand_and_one_matches_are_listed_by_date(tmp_path: Path) -> None:
    with Library.open(tmp_path / "big.db") as library:
        library.ingest(
            WIRE,
            [
                article(f"k{number}", f"Tide table {number}", "Tide.", day(number % 300))
                for number in range(search_views.RANKED_LIMIT + 1)
            ],
        )
        library.ingest(WIRE, [article("best", "Tide tide tide", "Tide tide.", day(0))])
        view = library.view(ViewQuery(search="tide"))
        assert len(view) == search_views.RANKED_LIMIT + 2
        first, last = library.summaries([view.rowids[0], view.rowids[-1]])
        assert first.published == day(299)
        assert last.published == day(0)


@pytest.mark.usefixtures("small_ranked_limit")
def test_a_large_view_reads_the_same_rows_from_either_end(news: Library) -> None:
    everything = list(news.view(ViewQuery(search="ferry")).rowids)
    from_the_end = news.view(ViewQuery(search="ferry")).rowids
    backwards = [from_the_end[position] for position in reversed(range(len(from_the_end)))]
    assert backwards == everything[::-1]


@pytest.mark.usefixtures("small_ranked_limit")
def test_filters_and_source_compose_with_a_large_result(news: Library) -> None:
    [late] = [row for row in news.list_articles(ViewQuery()) if row.title == "Harbour notes"]
    news.set_read([late.id], True)
    news.set_bookmarked([late.id], True)
    unread = ViewQuery(ArticleFilter.UNREAD, search="ferry")
    assert titles(news, unread)[:2] == ["Quay works", "Port news"]
    assert len(news.view(unread)) == 5
    assert titles(news, ViewQuery(ArticleFilter.BOOKMARKED, search="ferry")) == ["Harbour notes"]
    assert titles(news, ViewQuery(search="ferry", source_key=HARBOUR.key)) == ["Quay works"]


@pytest.mark.usefixtures("small_ranked_limit")
def test_a_large_view_is_a_snapshot(news: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_views, "FIRST_CHUNK", 2)  # the rest is read after the ingest
    view = news.view(ViewQuery(search="ferry"))
    news.ingest(WIRE, [article("later", "Ferry again", "Another ferry.", day(20))])
    listed = [row.title for row in news.summaries(view.rowids)]
    assert "Ferry again" not in listed
    assert len(listed) == len(view) == 6


@pytest.mark.usefixtures("small_ranked_limit")
def test_a_new_date_moves_the_article_and_keeps_the_index_sound(news: Library) -> None:
    news.ingest(WIRE, [article("old-title", "Ferry strike", "Talks go on.", day(30))])
    assert titles(news, ViewQuery(search="ferry"))[0] == "Ferry strike"
    assert titles(news, ViewQuery(search="talks")) == ["Ferry strike"]
    news.add_source(Source(HARBOUR.key, HARBOUR.kind, "Quay Courier"))
    assert titles(news, ViewQuery(search="courier")) == ["Quay works"]
    news.remove_source(WIRE.key)
    assert titles(news, ViewQuery(search="ferry")) == ["Quay works"]
    index_is_sound(news)


@pytest.mark.parametrize("hostile", ['"', "-", "*", "NEAR(a b)", "a:b", "ferry -", "\x00ferry"])
@pytest.mark.usefixtures("small_ranked_limit")
def test_hostile_input_on_the_large_path_never_raises(news: Library, hostile: str) -> None:
    news.list_articles(ViewQuery(search=hostile))
    news.list_articles(ViewQuery(ArticleFilter.UNREAD, search=hostile, source_key=WIRE.key))


def test_migrating_keys_the_index_by_date_and_keeps_it_sound(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    database = Database.connect(path)
    for migration in migrations.MIGRATIONS[:5]:
        with database.writing() as conn:
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {migration.version}")
    with database.writing() as conn:
        conn.execute(
            "INSERT INTO sources (id, key, kind, title, added_at) "
            "VALUES (1, 'file:x', 'file', 'Old Wire', '2024-01-01')"
        )
        for rowid, published in ((1, "2024-03-01T00:00:00Z"), (2, "2024-05-01T00:00:00Z")):
            conn.execute(
                "INSERT INTO articles (rowid, id, source_id, origin_key, content_hash, seq, "
                "ingested_at, published) VALUES (?, ?, 1, ?, 'h', ?, '2024-01-01', ?)",
                (rowid, f"{rowid:012x}", f"k{rowid}", rowid, published),
            )
            conn.execute(
                "INSERT INTO article_texts (article_rowid, title, body) VALUES (?, ?, ?)",
                (rowid, f"Canal report {rowid}", "Barges on the canal."),
            )
    database.close()
    with Library.open(path) as library:
        assert titles(library, ViewQuery(search="wire")) == ["Canal report 2", "Canal report 1"]
        assert titles(library, ViewQuery(search='"on the canal"')) == [
            "Canal report 2",
            "Canal report 1",
        ]
        index_is_sound(library)


@pytest.fixture
def shoppers(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(database_path(ensure_config_dir(tmp_path / "shops")))
    library.ingest(
        WIRE,
        [
            article("m1", "Market day", "Stalls open.", day(1)),
            article("m2", "Markets rally", "Shares up.", day(2)),
            article("m3", "Ad spend", "Marketing budgets grow.", day(3)),
            article("m4", "Breakfast", "Marmalade on toast.", day(4)),
            article("m5", "Café opens", "Crème brûlée served.", day(5)),
        ],
    )
    yield library
    library.close()


@pytest.mark.parametrize("limit", [search_views.EXPANSION_LIMIT, 1])
def test_a_typed_prefix_finds_every_word_it_starts_spelled_out_or_not(
    shoppers: Library, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    monkeypatch.setattr(search_views, "EXPANSION_LIMIT", limit)
    everything = ["Ad spend", "Market day", "Markets rally"]
    assert sorted(titles(shoppers, ViewQuery(search="MARKE"))) == everything
    assert titles(shoppers, ViewQuery(search="markets")) == ["Markets rally"]
    assert sorted(titles(shoppers, ViewQuery(search="marke* -stalls"))) == everything[::2]
    assert titles(shoppers, ViewQuery(search="-marmal* toast")) == []
    assert titles(shoppers, ViewQuery(search="marketx")) == []
    assert titles(shoppers, ViewQuery(search="crem")) == ["Café opens"]  # folded by the index
    unread = ViewQuery(ArticleFilter.UNREAD, search="marke")
    assert sorted(titles(shoppers, unread)) == everything


def test_only_prefixes_of_a_few_plain_words_are_spelled_out(shoppers: Library) -> None:
    with sqlite3.connect(shoppers.path) as conn:
        expanded = search_views.prefix_expansions(conn, parse_search("marke* mar* brûl* tak* day"))
    assert {term.words[0]: words for term, words in expanded.items()} == {
        "marke": ("market", "marketing", "markets")
    }
