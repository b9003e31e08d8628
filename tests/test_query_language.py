"""The query language: parsing, dates, views of queries, saved queries and `list --query`."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsread.cli import main
from newsread.config import SavedQuery
from newsread.errors import NewsreadError
from newsread.library import ArticleFilter, Library, ViewQuery
from newsread.library.query_dates import date_start
from newsread.library.query_language import (
    QueryError,
    QueryTerm,
    TermKind,
    parse_query,
    query_problem,
)
from newsread.library.saved_queries import expand_saved, saved_query_views
from newsread.library.source_labels import SourceLabels
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

NOW = datetime(2025, 6, 15, 12, 30, tzinfo=UTC)

# --- parsing -----------------------------------------------------------------------------


def test_keywords_fields_and_words_become_terms_in_order() -> None:
    parsed = parse_query(
        'unread source:"Harbour News" -tag:sport entity:nvidia chips -"stock market"'
    )
    assert parsed.terms == (
        QueryTerm(TermKind.UNREAD),
        QueryTerm(TermKind.SOURCE, "Harbour News"),
        QueryTerm(TermKind.TAG, "sport", negated=True),
        QueryTerm(TermKind.ENTITY, "nvidia"),
        QueryTerm(TermKind.TEXT, "chips"),
        QueryTerm(TermKind.TEXT, '"stock market"', negated=True),
    )
    assert parsed.search_text == 'chips -"stock market"'


def test_keywords_and_field_names_ignore_case_and_a_quoted_keyword_is_a_word() -> None:
    assert parse_query("UNREAD Bookmarked -Watched READ").terms == (
        QueryTerm(TermKind.UNREAD),
        QueryTerm(TermKind.BOOKMARKED),
        QueryTerm(TermKind.WATCHED, negated=True),
        QueryTerm(TermKind.READ),
    )
    assert parse_query("SOURCE:bbc").terms == (QueryTerm(TermKind.SOURCE, "bbc"),)
    assert parse_query('"read"').terms == (QueryTerm(TermKind.TEXT, '"read"'),)


def test_quoted_values_may_hold_spaces_and_colons_and_may_be_left_open() -> None:
    assert parse_query('entity:"Jensen Huang"').terms == (
        QueryTerm(TermKind.ENTITY, "Jensen Huang"),
    )
    assert parse_query('source:"News: Daily').terms == (QueryTerm(TermKind.SOURCE, "News: Daily"),)


def test_words_keep_the_search_bar_semantics() -> None:
    # The last plain word is a prefix, as when typing in the search bar.
    search = parse_query("unread rail stri").search
    assert [(term.words, term.prefix) for term in search.terms] == [
        (("rail",), False),
        (("stri",), True),
    ]
    assert parse_query("a lone - and * or :").search_text == "a lone and or"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("colour:red", "unknown field 'colour:'"),
        ("after:2025-13-01", "bad date in 'after:2025-13-01'"),
        ("before:someday", "bad date"),
        ("after:2025-02-30", "bad date"),
        ("source:", "source: needs a name"),
        ('tag:""', "tag: needs a name"),
        ("after:", "after: needs a date"),
    ],
)
def test_malformed_terms_are_one_line_errors_naming_the_term(text: str, fragment: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    message = str(raised.value)
    assert fragment in message
    assert "\n" not in message
    assert isinstance(raised.value, NewsreadError)
    assert query_problem(text) == message
    assert query_problem("unread tag:x") is None


def test_errors_show_hostile_terms_on_one_short_line() -> None:
    with pytest.raises(QueryError) as raised:
        parse_query("evil:\x1b[31m" + "x" * 500 + "\n")
    message = str(raised.value)
    assert "\x1b" not in message and "\n" not in message
    assert len(message) < 200


def test_hostile_input_never_raises_anything_but_query_error() -> None:
    alphabet = ['"', "-", ":", "*", " ", "\t", "\n", "\x00", "\x1b", "é", "@", "(", ")", "a", "Z"]
    alphabet += ["source", "tag", "entity", "after", "before", "unread", "7d", "2025-01", "\ud800"]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 12)))
        try:
            parsed = parse_query(text)
        except QueryError as error:
            assert "\n" not in str(error)
            continue
        parsed.search.match_expression()  # and the search text is always usable


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("2025-03-07", "2025-03-07T00:00:00Z"),
        ("2025-3", "2025-03-01T00:00:00Z"),
        ("2024", "2024-01-01T00:00:00Z"),
        ("today", "2025-06-15T00:00:00Z"),
        ("Yesterday", "2025-06-14T00:00:00Z"),
        ("7d", "2025-06-08T12:30:00Z"),
        ("2w", "2025-06-01T12:30:00Z"),
        ("3m", "2025-03-15T12:30:00Z"),
        ("1y", "2024-06-15T12:30:00Z"),
        ("99999y", "0001-01-01T00:00:00Z"),
    ],
)
def test_dates_stand_for_the_first_instant_of_the_period(text: str, start: str) -> None:
    assert date_start(text, NOW) == start


def test_months_back_clamp_the_day() -> None:
    assert date_start("1m", datetime(2025, 3, 31, tzinfo=UTC)) == "2025-02-28T00:00:00Z"


@pytest.mark.parametrize("text", ["2025-00", "0000", "12d3", "1x", "2025-01-01T10:00", ""])
def test_malformed_dates_are_none(text: str) -> None:
    assert date_start(text, NOW) is None


# --- views -------------------------------------------------------------------------------

HARBOUR = Source("https://harbour.example/feed", SourceKind.FEED, "Harbour News")
VALLEY = Source("https://valley.example/rss", SourceKind.FEED, "Valley Tech Daily")


def story(key: str, title: str, body: str, published: str | None) -> ParsedArticle:
    return ParsedArticle(title=title, body=body, key=key, published=published)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(database_path(ensure_config_dir(tmp_path / "lib"))) as opened:
        opened.ingest(
            HARBOUR,
            [
                story("h1", "Ferry strike ends", "The ferry runs again.", "2025-01-10T08:00:00Z"),
                story("h2", "Harbour fish market", "Fresh fish daily.", "2024-12-30T08:00:00Z"),
                story("h3", "Undated notice", "The harbour office is closed.", None),
            ],
        )
        opened.ingest(
            VALLEY,
            [
                story(
                    "v1",
                    "Nvidia chips sell out",
                    "Nvidia said on Monday its chips sold out. Jensen Huang spoke.",
                    "2025-02-01T09:00:00Z",
                ),
                story("v2", "Ferry app launches", "A ferry booking app.", "2025-01-20T09:00:00Z"),
            ],
        )
        opened.apply_source_labels(
            lambda key: SourceLabels(tags=("tech",) if key == VALLEY.key else ("local", "sea"))
        )
        yield opened


def titles(library: Library, text: str = "", **fields: object) -> list[str]:
    view = library.view(ViewQuery(query=text, **fields))  # type: ignore[arg-type]
    return [row.title for row in library.summaries(view.rowids)]


def test_an_empty_query_lists_everything_newest_first(library: Library) -> None:
    assert titles(library, "   ") == [
        "Nvidia chips sell out",
        "Ferry app launches",
        "Ferry strike ends",
        "Harbour fish market",
        "Undated notice",
    ]


def test_marks_and_their_negations(library: Library) -> None:
    [ferry] = [
        row.id for row in library.list_articles(ViewQuery()) if row.title.startswith("Ferry s")
    ]
    library.set_read([ferry], True)
    library.set_bookmarked([ferry], True)
    assert "Ferry strike ends" not in titles(library, "unread")
    assert titles(library, "read") == ["Ferry strike ends"]
    assert titles(library, "-unread") == ["Ferry strike ends"]
    assert titles(library, "bookmarked") == ["Ferry strike ends"]
    assert len(titles(library, "-bookmarked")) == 4


def test_source_names_match_titles_keys_and_title_starts(library: Library) -> None:
    harbour = ["Ferry strike ends", "Harbour fish market", "Undated notice"]
    assert titles(library, 'source:"Harbour News"') == harbour
    assert titles(library, "source:harbour") == harbour
    assert titles(library, f"source:{VALLEY.key}") == [
        "Nvidia chips sell out",
        "Ferry app launches",
    ]
    assert titles(library, "-source:harbour") == ["Nvidia chips sell out", "Ferry app launches"]
    assert titles(library, "source:nowhere") == []
    assert len(titles(library, "-source:nowhere")) == 5


def test_tags_come_from_the_config_labels_ignoring_case(library: Library) -> None:
    assert titles(library, "tag:TECH") == ["Nvidia chips sell out", "Ferry app launches"]
    assert titles(library, "tag:sea -tag:tech") == titles(library, "source:harbour")
    assert titles(library, "tag:unknown") == []


def test_dates_bound_the_publication_time_and_negations_include_undated(library: Library) -> None:
    assert titles(library, "after:2025-01-15") == ["Nvidia chips sell out", "Ferry app launches"]
    assert titles(library, "after:2025-01 before:2025-02") == [
        "Ferry app launches",
        "Ferry strike ends",
    ]
    assert titles(library, "before:2025") == ["Harbour fish market"]
    assert titles(library, "-after:2025") == ["Harbour fish market", "Undated notice"]


def test_words_search_and_negated_words_exclude(library: Library) -> None:
    assert titles(library, "ferry") == ["Ferry app launches", "Ferry strike ends"] or titles(
        library, "ferry"
    ) == ["Ferry strike ends", "Ferry app launches"]
    assert titles(library, "ferry source:harbour") == ["Ferry strike ends"]
    assert titles(library, "-ferry") == [
        "Nvidia chips sell out",
        "Harbour fish market",
        "Undated notice",
    ]
    assert titles(library, '-ferry -"fish market" -source:valley') == ["Undated notice"]


def test_entities_match_by_name_key_or_close_name(library: Library) -> None:
    library.tag_pending()
    assert titles(library, "entity:nvidia") == ["Nvidia chips sell out"]
    assert titles(library, "entity:NVIDIA unread after:2025") == ["Nvidia chips sell out"]
    assert titles(library, 'entity:"jensen huang"') == ["Nvidia chips sell out"]
    assert "Nvidia chips sell out" not in titles(library, "-entity:nvidia")
    assert titles(library, "entity:nvidia -unread") == []
    assert titles(library, "entity:nobody-at-all") == []


def test_watched_follows_the_watchlist(library: Library) -> None:
    library.tag_pending()
    assert titles(library, "watched") == []
    library.watch("Nvidia")
    assert titles(library, "watched") == ["Nvidia chips sell out"]
    assert len(titles(library, "-watched")) == 4


def test_a_query_composes_with_the_other_view_fields(library: Library) -> None:
    library.tag_pending()
    assert titles(library, "ferry", filter=ArticleFilter.UNREAD, source_key=HARBOUR.key) == [
        "Ferry strike ends"
    ]
    assert titles(library, "tag:tech", search="nvid") == ["Nvidia chips sell out"]
    assert titles(library, "after:2025", entity_key="nvidia") == ["Nvidia chips sell out"]
    assert titles(library, "source:harbour", entity_key="nvidia") == []


def test_a_malformed_query_raises_query_error_from_view(library: Library) -> None:
    with pytest.raises(QueryError):
        library.view(ViewQuery(query="colour:red"))


def test_large_query_views_read_a_screen_at_a_time(tmp_path: Path) -> None:
    with Library.open(database_path(ensure_config_dir(tmp_path / "big"))) as big:
        big.ingest(
            HARBOUR,
            [
                story(
                    f"n{n:04}",
                    f"Story {n:04}",
                    "Plain text.",
                    f"2025-01-01T00:{n // 60 % 60:02}:{n % 60:02}Z",
                )
                for n in range(1500)
            ],
            extract_entities=False,
        )
        view = big.view(ViewQuery(query="unread source:harbour after:2024"))
        assert len(view) == 1500
        assert view.rowids.loaded < 1500  # type: ignore[attr-defined]
        rows = big.summaries(view.rowids[:3])
        assert [row.title for row in rows] == ["Story 1499", "Story 1498", "Story 1497"]
        assert big.summaries([view.rowids[-1]])[0].title == "Story 0000"


@pytest.mark.parametrize(
    "text",
    ["unread", "unread after:2025-01-01", "source:harbour after:2025-01-01", "bookmarked"],
)
def test_plain_query_views_read_an_index_in_list_order_without_sorting(
    library: Library, text: str
) -> None:
    from newsread.library import query_views
    from newsread.library.query_language import parse_query as parse

    with sqlite3.connect(library.path) as raw:
        plan = query_views._plan(raw, ViewQuery(query=text), parse(text))
        where = " AND ".join(plan.conditions)
        sql = (
            f"SELECT a.rowid, published, seq FROM articles AS a WHERE +seq <= 99 AND {where} "
            "AND published IS NOT NULL ORDER BY published DESC, seq LIMIT 128"
        )
        steps = " ".join(
            row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", plan.parameters)
        )
    assert "USING" in steps and "INDEX" in steps
    assert "TEMP B-TREE" not in steps


# --- saved queries -----------------------------------------------------------------------

SAVED = (
    SavedQuery("Tech", "tag:tech"),
    SavedQuery("Harbour ferries", "source:harbour ferry"),
    SavedQuery("Broken", "colour:red"),
)


def test_saved_queries_are_views_with_counts_and_errors(library: Library) -> None:
    views = saved_query_views(library, SAVED)
    assert [(view.name, view.count, view.error is None) for view in views] == [
        ("Tech", 2, True),
        ("Harbour ferries", 1, True),
        ("Broken", 0, False),
    ]
    assert "colour:" in (views[2].error or "")
    assert titles(library, views[0].query.query) == ["Nvidia chips sell out", "Ferry app launches"]


def test_at_name_stands_for_a_saved_query() -> None:
    assert expand_saved("@tech unread", SAVED) == "tag:tech  unread"
    assert expand_saved('@"harbour FERRIES"', SAVED) == "source:harbour ferry"
    assert expand_saved("mail@example", SAVED) == "mail@example"
    with pytest.raises(QueryError, match="no saved query named 'nope'"):
        expand_saved("@nope", SAVED)
    with pytest.raises(QueryError, match="may not use another"):
        expand_saved("@loop", [SavedQuery("loop", "@loop")])


# --- command line ------------------------------------------------------------------------


@pytest.fixture
def cli_dir(config_dir: Path) -> Path:
    with Library.open(database_path(ensure_config_dir(config_dir))) as opened:
        opened.ingest(
            HARBOUR,
            [story("h1", "Ferry strike ends", "The ferry runs again.", "2025-01-10T08:00:00Z")],
        )
        opened.ingest(
            VALLEY,
            [story("v1", "Chips sell out", "Chips sold out.", "2025-02-01T09:00:00Z")],
        )
    (config_dir / "config.toml").write_text(
        '[queries]\nvalley = "source:valley"\n', encoding="utf-8"
    )
    return config_dir


def listed(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[str]:
    assert main(["list", "--json", *arguments]) == 0
    return [row["title"] for row in json.loads(capsys.readouterr().out)]


def test_list_query_combines_with_the_other_flags(
    cli_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert listed(capsys, "--query", "source:harbour") == ["Ferry strike ends"]
    assert listed(capsys, "--query=-source:harbour", "--unread") == ["Chips sell out"]
    assert listed(capsys, "--query", "after:2025-02", "--search", "ferry") == []
    assert listed(capsys, "--query", "@valley") == ["Chips sell out"]


def test_list_with_a_bad_query_fails_with_one_line(
    cli_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--query", "after:someday"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("newsread: error: bad date in 'after:someday'")
    assert captured.err.count("\n") == 1
    assert main(["list", "--query", "@missing"]) == 2
    assert "no saved query named 'missing'" in capsys.readouterr().err
