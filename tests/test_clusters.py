"""Stories: reports of one event from different sources, filed as articles are tagged."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from newsread.library import (
    ArticleFilter,
    Library,
    ViewQuery,
    clusters,
    migrations,
    story_backfill,
)
from newsread.model import ParsedArticle, Source, SourceKind
from newsread.paths import database_path, ensure_config_dir

WIRE = Source("test:wire", SourceKind.FILE, "Wire")
HERALD = Source("test:herald", SourceKind.FILE, "Herald")
GAZETTE = Source("test:gazette", SourceKind.FILE, "Gazette")

CAPSULE_WIRE = ParsedArticle(
    title="Starliner to return to Cape Canaveral",
    body=(
        "Boeing chief executive Kelly Ortberg told reporters in Seattle that the Starliner "
        "capsule would return to Cape Canaveral next month. NASA officials said Ortberg had "
        "briefed them."
    ),
    key="capsule",
    published="2025-03-02T09:00:00Z",
)
CAPSULE_HERALD = ParsedArticle(
    title="Boeing capsule heads home",
    body=(
        "NASA said on Tuesday that Starliner, the Boeing capsule, will fly back to Cape "
        "Canaveral. Kelly Ortberg, who runs Boeing, spoke in Seattle."
    ),
    key="capsule-herald",
    published="2025-03-02T20:00:00Z",
)
FISHING = ParsedArticle(
    title="Quotas talks in Lisbon",
    body="Angela Merkel visited Lisbon to meet Portuguese ministers about fishing quotas.",
    key="fishing",
    published="2025-03-02T12:00:00Z",
)
ORCHESTRA = ParsedArticle(
    title="Vienna Philharmonic tours Japan",
    body="The Vienna Philharmonic will play in Osaka and Tokyo under Riccardo Muti.",
    key="orchestra",
    published="2025-03-01T12:00:00Z",
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library.open(database_path(ensure_config_dir(tmp_path / "config")))
    yield opened
    opened.close()


def titles(library: Library, query: ViewQuery) -> list[str]:
    return [summary.title for summary in library.list_articles(query)]


def listed(library: Library, query: ViewQuery) -> list[str]:
    view = library.view(query)
    return [summary.title for summary in library.summaries(view.rowids)]


def story_titles(library: Library, title: str) -> list[str]:
    article = next(s for s in library.list_articles(ViewQuery()) if s.title == title)
    return [summary.title for summary in library.stored_story(article.id)]


def add(library: Library, source: Source, *articles: ParsedArticle) -> None:
    library.ingest(source, articles)


def rowid_of(library: Library, title: str) -> int:
    view = library.view(ViewQuery())
    for rowid, summary in zip(view.rowids, library.summaries(view.rowids), strict=True):
        if summary.title == title:
            return rowid
    raise AssertionError(title)


def stories(library: Library) -> list[list[str]]:
    """Every story of the library, each as its titles newest first."""
    found: list[list[str]] = []
    for title in titles(library, ViewQuery()):
        members = story_titles(library, title)
        if len(members) > 1 and members not in found:
            found.append(members)
    return found


CLUSTERED = ViewQuery(clustered=True)


def test_two_sources_reporting_one_event_are_one_story(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    assert stories(library) == [[CAPSULE_HERALD.title, CAPSULE_WIRE.title]]
    # The river lists the story once, at its newest report, with everything else as before.
    assert listed(library, CLUSTERED) == [CAPSULE_HERALD.title, FISHING.title, ORCHESTRA.title]
    assert len(library.view(CLUSTERED)) == 3
    # Without clustering nothing changes.
    assert len(library.view(ViewQuery())) == 4
    sizes = library.story_sizes([rowid_of(library, CAPSULE_HERALD.title)])
    assert list(sizes.values()) == [clusters.StorySize(articles=2, unread=2)]
    assert library.story_sizes([rowid_of(library, FISHING.title)]) == {}


def test_the_same_source_never_makes_a_story(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, CAPSULE_HERALD, FISHING)
    add(library, HERALD, ORCHESTRA)
    assert stories(library) == []
    assert len(library.view(CLUSTERED)) == 4


def test_reports_more_than_36_hours_apart_are_two_stories(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, replace(CAPSULE_HERALD, published="2025-03-04T09:00:01Z"), ORCHESTRA)
    assert stories(library) == []
    # A report within 36 hours of each joins them: coverage that goes on is one story.
    bridge = replace(
        CAPSULE_HERALD, key="g", title="Capsule latest", published="2025-03-03T20:00:00Z"
    )
    add(library, GAZETTE, bridge)
    assert stories(library) == [[CAPSULE_HERALD.title, bridge.title, CAPSULE_WIRE.title]]


def test_undated_articles_never_join_a_story(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, replace(CAPSULE_HERALD, published=None), ORCHESTRA)
    assert stories(library) == []
    assert len(library.view(CLUSTERED)) == 4


def test_a_name_every_article_mentions_is_not_a_story(library: Library) -> None:
    everywhere = " Reporting from Geneva for the United Nations."
    add(
        library,
        WIRE,
        replace(FISHING, body=FISHING.body + everywhere),
        replace(CAPSULE_WIRE, body=CAPSULE_WIRE.body + everywhere),
    )
    add(
        library,
        HERALD,
        replace(ORCHESTRA, body=ORCHESTRA.body + everywhere, published="2025-03-02T10:00:00Z"),
    )
    assert stories(library) == []


def test_removing_a_source_dissolves_its_stories(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    library.remove_source(HERALD.key)
    assert stories(library) == []
    assert listed(library, CLUSTERED) == [FISHING.title, CAPSULE_WIRE.title]
    assert library.story_sizes([rowid_of(library, CAPSULE_WIRE.title)]) == {}


def test_a_third_report_joins_the_story(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    third = replace(CAPSULE_WIRE, key="gazette", title="Capsule return date set")
    add(library, GAZETTE, replace(third, published="2025-03-02T15:00:00Z"))
    assert stories(library) == [[CAPSULE_HERALD.title, third.title, CAPSULE_WIRE.title]]
    assert len(library.view(CLUSTERED)) == 3
    (size,) = library.story_sizes([rowid_of(library, CAPSULE_HERALD.title)]).values()
    assert size.articles == 3


def test_each_list_shows_the_story_at_its_first_report_in_that_list(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    newest = next(s for s in library.list_articles(ViewQuery()) if s.title == CAPSULE_HERALD.title)
    library.set_read([newest.id], True)
    # The newest report is read: the unread list shows the story at the older one.
    unread = replace(CLUSTERED, filter=ArticleFilter.UNREAD)
    assert listed(library, unread) == [FISHING.title, CAPSULE_WIRE.title, ORCHESTRA.title]
    assert len(library.view(unread)) == 3
    # One source's list never loses its report to another source's.
    wire_only = replace(CLUSTERED, source_key=WIRE.key)
    assert listed(library, wire_only) == [FISHING.title, CAPSULE_WIRE.title]
    # A ranked search shows the story once, at its best match (the title naming Starliner).
    assert listed(library, replace(CLUSTERED, search="Starliner")) == [CAPSULE_WIRE.title]
    assert len(listed(library, ViewQuery(search="Starliner"))) == 2


def test_the_story_view_lists_every_report_newest_first(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    article = next(s for s in library.list_articles(ViewQuery()) if s.title == CAPSULE_WIRE.title)
    assert listed(library, ViewQuery(story_article=article.id)) == [
        CAPSULE_HERALD.title,
        CAPSULE_WIRE.title,
    ]


def test_marking_a_clustered_view_read_marks_the_folded_reports_too(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    change = library.change_read_in_view(library.view(CLUSTERED))
    assert change.count == 4
    assert library.counts().unread == 0


def test_stories_are_filed_when_untagged_articles_are_tagged(library: Library) -> None:
    library.ingest(WIRE, [CAPSULE_WIRE, FISHING], extract_entities=False)
    library.ingest(HERALD, [CAPSULE_HERALD, ORCHESTRA], extract_entities=False)
    assert stories(library) == []
    while library.tag_pending(1):
        pass
    assert stories(library) == [[CAPSULE_HERALD.title, CAPSULE_WIRE.title]]


def test_a_rewritten_report_leaves_the_story(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    add(library, HERALD, replace(CAPSULE_HERALD, body=ORCHESTRA.body), ORCHESTRA)
    assert stories(library) == []


def test_backfill_files_the_same_stories_as_tagging(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    third = replace(CAPSULE_WIRE, key="gazette", title="Capsule return date set")
    add(library, GAZETTE, third)
    filed = stories(library)
    with library._database.writing() as conn:
        conn.execute("DELETE FROM story_members")
    assert stories(library) == []
    with library._database.writing() as conn:
        assert story_backfill.backfill(conn) == 1
    assert stories(library) == filed


def test_migration_10_files_an_older_librarys_articles_under_stories(library: Library) -> None:
    add(library, WIRE, CAPSULE_WIRE, FISHING)
    add(library, HERALD, CAPSULE_HERALD, ORCHESTRA)
    (stories_step,) = [step for step in migrations.MIGRATIONS if step.version == 10]
    with library._database.writing() as conn:
        # As a library of schema 9 was: tagged, with no story table.
        conn.execute("DROP TABLE story_members")
        conn.execute("DROP TRIGGER articles_after_change_story_members")
        stories_step.apply(conn)
    assert stories(library) == [[CAPSULE_HERALD.title, CAPSULE_WIRE.title]]
    assert len(library.view(CLUSTERED)) == 3


def test_the_sample_articles_make_no_story(library: Library) -> None:
    # One source holds all five samples, and a story needs two.
    assert library.add_sample_articles() == 5
    assert stories(library) == []
    assert len(library.view(CLUSTERED)) == len(library.view(ViewQuery())) == 5


def test_finding_stories_while_tagging_never_keeps_a_read_mark_waiting(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Looking for a batch's stories takes the library one article at a time.

    The reader's tagging worker shares the library's connection with the
    screen: a read mark made meanwhile goes in after one lookup, not after all.
    """
    library.ingest(WIRE, [CAPSULE_WIRE, FISHING], extract_entities=False)
    library.ingest(HERALD, [CAPSULE_HERALD, ORCHESTRA], extract_entities=False)
    looking = threading.Event()
    lookups: list[int] = []
    real_story_of = clusters.story_of

    def slow_story_of(conn: sqlite3.Connection, rowid: int, total: int) -> list[int]:
        looking.set()
        time.sleep(0.5)
        lookups.append(rowid)
        return real_story_of(conn, rowid, total)

    monkeypatch.setattr(clusters, "story_of", slow_story_of)
    tagger = threading.Thread(target=library.tag_pending)
    tagger.start()
    assert looking.wait(60)
    fishing = next(s for s in library.list_articles(ViewQuery()) if s.title == FISHING.title)
    assert library.set_read([fishing.id], True) == 1
    assert len(lookups) < 4, "the read mark waited for every article's lookup"
    tagger.join(60)
    assert len(lookups) == 4
    assert stories(library) == [[CAPSULE_HERALD.title, CAPSULE_WIRE.title]]
    assert FISHING.title not in titles(library, ViewQuery(filter=ArticleFilter.UNREAD))
