"""Ignore rules (the killfile): hide or mark read at ingest, and come back when rules change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from feed_server import FeedServer, Item, rss, running_server, serve
from newsread.config import Config, IgnoreRule
from newsread.ingest.fetch import FetchLimits
from newsread.library import Library, ViewQuery
from newsread.library.ignore_rules import ArrivingArticle, Killfile, query_matches
from newsread.library.query_language import parse_query
from newsread.library.query_names import SourceNames
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir
from newsread.refresh import refresh

QUICK = FetchLimits(connect_timeout=1, read_timeout=0.5, deadline=3, max_bytes=512 * 1024)
FEED = Source("https://harbour.example/feed", SourceKind.FEED, "Harbour News")


def story(
    key: str, title: str, body: str = "Plain text.", published: str | None = None
) -> ParsedArticle:
    return ParsedArticle(title=title, body=body, key=key, published=published)


def killfile(*rules: tuple[str, str]) -> Killfile:
    return Killfile.from_rules([IgnoreRule(query, action) for query, action in rules])  # type: ignore[arg-type]


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(database_path(ensure_config_dir(tmp_path / "lib"))) as opened:
        yield opened


def titles(library: Library, query: ViewQuery | None = None) -> list[str]:
    return [row.title for row in library.list_articles(query or ViewQuery())]


# --- matching an arriving article --------------------------------------------------------


def arriving(article: ParsedArticle, tags: frozenset[str] = frozenset()) -> ArrivingArticle:
    return ArrivingArticle(article, SourceNames(FEED.key, FEED.title), tags=tags)


@pytest.mark.parametrize(
    ("query", "matches"),
    [
        ("sponsored", True),
        ("SPONSO", True),  # the last word is a prefix, as in the search bar
        ('"sponso"', False),  # a quoted word is only that word
        ("café", True),
        ("cafe", True),  # accents are ignored, as in the search index
        ('"paid partner"', True),
        ('"partner paid"', False),
        ("sponsored -café", False),
        ("source:harbour sponsored", True),
        ("-source:harbour", False),
        ("tag:ads", True),
        ("tag:news", False),
        ("after:2025-01-01", True),
        ("before:2025-01-01", False),
        ("unread", True),
        ("read", False),
        ("-bookmarked", True),
        ("harbour", True),  # the source title is searched, as in the index
    ],
)
def test_rules_match_an_arriving_article_like_a_view_would(query: str, matches: bool) -> None:
    article = story(
        "s1",
        "Sponsored: Café deals",
        "A paid partner post.",
        published="2025-03-01T10:00:00Z",
    )
    assert query_matches(parse_query(query), arriving(article, frozenset({"ads"}))) is matches


def test_unusable_rules_are_left_out_and_reported() -> None:
    rules = killfile(("colour:red", "hide"), ("   ", "hide"), ("ads", "explode"), ("ads", "hide"))
    assert [rule.text for rule in rules.rules] == ["ads"]
    assert len(rules.problems) == 3
    assert "ignore rule 1: unknown field 'colour:'" in rules.problems[0]
    assert "empty" in rules.problems[1]
    assert "unknown action" in rules.problems[2]


# --- storing through the rules -----------------------------------------------------------


def test_hidden_articles_are_in_no_view_count_or_search(library: Library) -> None:
    rules = killfile(('"sponsored"', "hide"))
    result = library.ingest(
        FEED,
        [story("a", "Ferry strike ends"), story("b", "Sponsored: best loans", "Loans loans.")],
        killfile=rules,
    )
    assert (result.new, result.unchanged) == (1, 1)
    assert titles(library) == ["Ferry strike ends"]
    assert titles(library, ViewQuery(search="loans")) == []
    assert library.counts().total == 1
    assert library.source(FEED.key).articles == 1
    assert library.hidden_count() == 1


def test_a_hidden_article_listed_again_is_not_new(library: Library) -> None:
    rules = killfile(('"sponsored"', "hide"))
    batch = [story("a", "Ferry strike ends"), story("b", "Sponsored: best loans")]
    library.ingest(FEED, batch, killfile=rules)
    again = library.ingest(FEED, batch, killfile=rules)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)
    assert library.hidden_count(FEED.key) == 1


def test_mark_read_rules_store_new_articles_read(library: Library) -> None:
    rules = killfile(("source:harbour weather", "mark-read"))
    library.ingest(
        FEED, [story("w", "Weather for Tuesday"), story("f", "Ferry strike ends")], killfile=rules
    )
    assert titles(library, ViewQuery(query="unread")) == ["Ferry strike ends"]
    assert titles(library, ViewQuery(query="read")) == ["Weather for Tuesday"]


def test_hide_wins_over_mark_read(library: Library) -> None:
    rules = killfile(("weather", "mark-read"), ("weather sponsored", "hide"))
    library.ingest(FEED, [story("w", "Weather sponsored by Acme")], killfile=rules)
    assert titles(library) == []


def test_articles_already_stored_keep_their_place_and_marks(library: Library) -> None:
    library.ingest(FEED, [story("w", "Weather for Tuesday")])
    rules = killfile(("weather", "hide"))
    library.ingest(FEED, [story("w", "Weather for Tuesday, updated")], killfile=rules)
    assert titles(library) == ["Weather for Tuesday, updated"]
    assert library.hidden_count() == 0


def test_a_removed_rule_brings_hidden_articles_back_with_their_usual_id(tmp_path: Path) -> None:
    plain_dir = ensure_config_dir(tmp_path / "plain")
    with Library.open(database_path(plain_dir)) as plain:
        plain.ingest(FEED, [story("b", "Sponsored: best loans")])
        usual_id = plain.list_articles(ViewQuery())[0].id
    with Library.open(database_path(ensure_config_dir(tmp_path / "ruled"))) as library:
        library.ingest(
            FEED, [story("b", "Sponsored: best loans")], killfile=killfile(("loans", "hide"))
        )
        assert titles(library) == []
        # The source no longer lists it, and the rule is gone: it comes back all the same.
        result = library.ingest(FEED, [], killfile=killfile(("unrelated", "hide")))
        assert result.new == 1
        assert [row.id for row in library.list_articles(ViewQuery())] == [usual_id]
        assert library.hidden_count() == 0


def test_entity_rules_use_the_entities_of_arriving_articles(library: Library) -> None:
    rules = killfile(("entity:nvidia", "hide"))
    library.ingest(
        FEED,
        [
            story("n", "Chip news", "Nvidia said on Monday that its chips sold out."),
            story("f", "Ferry news", "The ferry runs again on Monday."),
        ],
        extract_entities=False,
        killfile=rules,
    )
    assert titles(library) == ["Ferry news"]


# --- refresh and add with config.toml's rules ---------------------------------------------


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        yield started


ITEMS = [
    Item("g1", "Ferry strike ends", "The ferry runs again.", datetime(2025, 3, 2, tzinfo=UTC)),
    Item("g2", "Sponsored: win a cruise", "Paid content.", datetime(2025, 3, 3, tzinfo=UTC)),
    Item("g3", "Weather for Tuesday", "Rain.", datetime(2025, 3, 1, tzinfo=UTC)),
]


def test_refresh_applies_the_configs_rules_and_follows_changes(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed"] = serve(rss("Harbour News", ITEMS))
    url = server.url("/feed")
    library.add_source(Source(url, SourceKind.FEED, "Harbour News"))
    config = Config(ignore=(IgnoreRule('"sponsored"', "hide"), IgnoreRule("weather", "mark-read")))
    [result] = refresh(library, [url], limits=QUICK, config=config)
    assert result.error is None and result.new == 2
    assert titles(library) == ["Ferry strike ends", "Weather for Tuesday"]
    assert titles(library, ViewQuery(query="unread")) == ["Ferry strike ends"]

    [again] = refresh(library, [url], limits=QUICK, config=config)
    assert again.new == 0

    # The user drops the hide rule: the sponsored item shows on the next refresh.
    relaxed = Config(ignore=(IgnoreRule("weather", "mark-read"),))
    [after] = refresh(library, [url], limits=QUICK, config=relaxed)
    assert after.new == 1
    assert titles(library)[0] == "Sponsored: win a cruise"


def test_add_applies_the_rules_with_the_tags_the_config_gives(
    tmp_path: Path, library: Library
) -> None:
    from newsread.config import SourceSettings
    from newsread.sources.adding import add_sources

    page = tmp_path / "ads.md"
    page.write_text("# Sponsored loans\n\nBorrow now.\n", encoding="utf-8")
    config = Config(
        ignore=(IgnoreRule("tag:promo", "hide"),),
        sources=(SourceSettings(key=str(page), tags=("promo",)),),
    )
    [added] = add_sources(library, [str(page)], config=config)
    assert added.error is None
    assert titles(library) == []
    assert library.hidden_count() == 1
