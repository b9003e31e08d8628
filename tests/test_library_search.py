"""Search syntax, ranking, source titles in the index, and the source filter."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.library.search import SearchTerm, parse_search
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

WIRE = Source("https://wire.example/feed.xml", SourceKind.FEED, "Example Wire")
HARBOUR = Source("https://harbour.example/rss", SourceKind.FEED, "Harbour Gazette")


def article(key: str, title: str, body: str, published: str, deck: str = "") -> ParsedArticle:
    return ParsedArticle(title=title, body=body, key=key, deck=deck, published=published)


@pytest.fixture
def news(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(database_path(ensure_config_dir(tmp_path / "news")))
    library.ingest(
        WIRE,
        [
            article("a", "Ferry timetable changes", "The harbour ferry runs later.", "2025-03-01"),
            article("b", "Council budget", "The ferry gets a new engine.", "2025-03-05"),
            article("c", "Weather warning", "Storm over the north sea coast.", "2025-03-03"),
        ],
    )
    library.ingest(
        HARBOUR,
        [
            article("d", "Fish market reopens", "Ferry passengers welcome.", "2025-03-04"),
            article("e", "North Sea wind farm", "Turbines rise off the coast.", "2025-03-02"),
        ],
    )
    yield library
    library.close()


def titles(library: Library, query: ViewQuery) -> list[str]:
    return [summary.title for summary in library.list_articles(query)]


def assert_index_sound(library: Library) -> None:
    with sqlite3.connect(library.path) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_words_must_all_match(news: Library) -> None:
    assert titles(news, ViewQuery(search="ferry engine")) == ["Council budget"]
    assert titles(news, ViewQuery(search="ferry storm")) == []


def test_a_quoted_phrase_matches_only_those_words_together(news: Library) -> None:
    assert sorted(titles(news, ViewQuery(search='"north sea"'))) == [
        "North Sea wind farm",
        "Weather warning",
    ]
    assert titles(news, ViewQuery(search='"sea north"')) == []


def test_a_star_makes_a_prefix_and_only_the_last_plain_word_is_one_by_itself(
    news: Library,
) -> None:
    assert titles(news, ViewQuery(search="turb* coast")) == ["North Sea wind farm"]
    assert titles(news, ViewQuery(search="turb coast")) == []
    assert titles(news, ViewQuery(search="coast turb")) == ["North Sea wind farm"]


def test_a_minus_excludes_words_and_phrases(news: Library) -> None:
    assert titles(news, ViewQuery(search="ferry -engine -passengers")) == [
        "Ferry timetable changes"
    ]
    assert titles(news, ViewQuery(search='coast -"north sea"')) == []
    assert sorted(titles(news, ViewQuery(search="-ferry"))) == [
        "North Sea wind farm",
        "Weather warning",
    ]


def test_title_matches_rank_first(news: Library) -> None:
    ranked = titles(news, ViewQuery(search="ferry"))
    assert ranked[0] == "Ferry timetable changes", "the title match comes first"
    assert set(ranked[1:]) == {"Council budget", "Fish market reopens"}


def test_equally_good_matches_are_newest_first(news: Library) -> None:
    news.ingest(
        WIRE,
        [
            article("x", "Tide report", "Tide.", "2025-03-10"),
            article("y", "Tide report", "Tide.", "2025-03-12"),
        ],
    )
    listed = news.list_articles(ViewQuery(search="tide"))
    assert [summary.published for summary in listed][:2] == ["2025-03-12", "2025-03-10"]


def test_the_source_title_is_searched_and_follows_a_rename(news: Library) -> None:
    assert sorted(titles(news, ViewQuery(search="gazette"))) == [
        "Fish market reopens",
        "North Sea wind farm",
    ]
    news.add_source(Source(HARBOUR.key, HARBOUR.kind, "Quay Courier"))
    assert titles(news, ViewQuery(search="gazette")) == []
    assert len(titles(news, ViewQuery(search="courier"))) == 2
    assert_index_sound(news)


def test_the_index_stays_sound_through_updates_and_removal(news: Library) -> None:
    news.ingest(WIRE, [article("a", "Ferry cancelled", "No ferry today.", "2025-03-01")])
    assert titles(news, ViewQuery(search="timetable")) == []
    assert titles(news, ViewQuery(search="cancelled")) == ["Ferry cancelled"]
    news.remove_source(HARBOUR.key)
    assert titles(news, ViewQuery(search="turbines")) == []
    assert_index_sound(news)


def test_the_source_filter_lists_one_source_newest_first(news: Library) -> None:
    assert titles(news, ViewQuery(source_key=HARBOUR.key)) == [
        "Fish market reopens",
        "North Sea wind farm",
    ]
    assert len(news.view(ViewQuery(source_key=HARBOUR.key))) == 2
    assert titles(news, ViewQuery(source_key="https://nowhere.example/")) == []


def test_search_unread_and_source_compose(news: Library) -> None:
    [fish] = [s for s in news.list_articles(ViewQuery()) if s.title == "Fish market reopens"]
    news.set_read([fish.id], True)
    query = ViewQuery(ArticleFilter.UNREAD, search="ferry", source_key=WIRE.key)
    assert titles(news, query) == ["Ferry timetable changes", "Council budget"]
    assert (
        titles(news, ViewQuery(ArticleFilter.UNREAD, search="ferry", source_key=HARBOUR.key)) == []
    )
    assert titles(news, ViewQuery(search="-ferry", source_key=HARBOUR.key)) == [
        "North Sea wind farm"
    ]


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("ferry", (SearchTerm(("ferry",), prefix=True),)),
        ("ferry coast", (SearchTerm(("ferry",)), SearchTerm(("coast",), prefix=True))),
        ('"north sea"', (SearchTerm(("north", "sea")),)),
        ('"north sea', (SearchTerm(("north", "sea")),)),
        ("turb*", (SearchTerm(("turb",), prefix=True),)),
        ("-ferry", (SearchTerm(("ferry",), excluded=True),)),
        ('-"north sea"', (SearchTerm(("north", "sea"), excluded=True),)),
        ("o'brien", (SearchTerm(("o", "brien"), prefix=True),)),
        ('* - : " ( )', ()),
        ("AND", (SearchTerm(("AND",), prefix=True),)),
    ],
)
def test_parsing_each_syntax_element(typed: str, terms: tuple[SearchTerm, ...]) -> None:
    assert parse_search(typed).terms == terms


@pytest.mark.parametrize(
    "hostile", ['"', '""', "-", "*", ":", "AND", "NEAR", "NEAR(a b)", "a:b", '-"', "--x", "x**"]
)
def test_any_input_is_a_query_or_no_search(news: Library, hostile: str) -> None:
    news.list_articles(ViewQuery(search=hostile))
    news.list_articles(ViewQuery(ArticleFilter.UNREAD, search=hostile, source_key=WIRE.key))
