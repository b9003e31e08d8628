"""Sources in the reader: r refreshes, s groups by source, d removes, search syntax."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from feed_server import FeedServer, rss, running_server, sample_items, send, serve
from newsread.library import Library, ViewQuery
from newsread.model import Source, SourceKind
from newsread.refresh import refresh
from newsread.tui.app import NewsreadApp
from newsread.tui.screens.reader import ReaderScreen
from newsread.tui.screens.remove_source import RemoveSourceScreen
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.source_list import SourceList
from pilot_wait import wait_for

SIZE = (120, 40)


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with running_server() as started:
        yield started


def make_app(library: Library) -> NewsreadApp:
    return NewsreadApp(library, library.path.parent)


def reader(app: NewsreadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def notifications(app: NewsreadApp) -> list[tuple[str, str, str]]:
    """(title, message, severity) of every notification shown so far."""
    return [(note.title, note.message, note.severity) for note in app._notifications]


def subscribe(library: Library, url: str, title: str) -> str:
    library.add_source(Source(url, SourceKind.FEED, title))
    return url


async def wait_until(pilot: Pilot[None], done: object, seconds: float = 10.0) -> None:
    assert callable(done)
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def test_r_with_only_samples_says_there_is_nothing_to_refresh(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("r")
        await wait_for(pilot, lambda: bool(notifications(app)))
        messages = [message for _title, message, _severity in notifications(app)]
        assert messages == ["Nothing to refresh: add a feed with newsread add URL"]


async def test_r_refreshes_with_progress_keeps_marks_and_the_cursor(
    library: Library, server: FeedServer
) -> None:
    release = threading.Event()
    feed = rss("Harbour News", sample_items(3))

    def slow_feed(handler: BaseHTTPRequestHandler) -> None:
        release.wait(5)
        send(handler, feed)

    server.routes["/slow.xml"] = slow_feed
    server.routes["/gone.xml"] = serve(b"missing", status=404, content_type="text/plain")
    subscribe(library, server.url("/slow.xml"), "Harbour News")
    subscribe(library, server.url("/gone.xml"), "Gone Gazette")
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        articles = screen.query_one(ArticleList)
        await pilot.press("j")
        kept_id = articles.current_id
        assert kept_id is not None
        await pilot.press("r")
        await wait_until(pilot, lambda: "Refreshing 1/2" in str(screen.refresh_status.render()))
        assert screen.refresh_status.display
        await pilot.press("r")
        await pilot.pause()
        assert ("", "Already refreshing.", "information") in notifications(app)
        # Marked while the slow feed is still being fetched: the refresh must not undo it.
        await pilot.press("m", "b")
        await pilot.pause()
        release.set()
        await wait_until(pilot, lambda: not screen.refresh_status.display)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = notifications(app)
        assert (
            "Refresh",
            "2 sources refreshed: 3 new, 0 updated, 1 failed",
            "information",
        ) in shown
        failures = [note for note in shown if note[2] == "error"]
        assert len(failures) == 1
        assert failures[0][0] == "Gone Gazette failed"
        assert "404" in failures[0][1]
        assert articles.current_id == kept_id
        assert len(articles.view) == 8
        marked = library.get(kept_id)
        assert marked.read and marked.bookmarked
        assert library.untagged_count() == 0


async def test_s_groups_by_source_and_enter_filters_the_river(
    library: Library, server: FeedServer
) -> None:
    server.routes["/feed.xml"] = serve(rss("Harbour News", sample_items(4)))
    key = subscribe(library, server.url("/feed.xml"), "Harbour News")
    await asyncio.to_thread(refresh, library, [key])
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        await pilot.press("s")
        await pilot.pause()
        sources = screen.query_one(SourceList)
        assert sources.display and sources.has_focus
        assert not screen.query_one(ArticleList).display
        assert [info.title for info in sources.sources][-1] == "Harbour News"
        lines = [str(option.prompt) for option in sources.options]
        assert lines[-1].startswith("Harbour News") and lines[-1].endswith(" 4")
        await pilot.press("end", "enter")
        await pilot.pause()
        articles = screen.query_one(ArticleList)
        assert articles.display and articles.has_focus
        assert screen.view_query.source_key == key
        assert len(articles.view) == 4
        assert "source: Harbour News" in screen.sub_title
        await pilot.press("f", "enter", "tab", "f", "f")
        await pilot.pause()
        assert screen.view_query.source_key == key, "filters compose with the source"
        await pilot.press("tab", "escape")
        await pilot.pause()
        assert sources.display and sources.has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert screen.view_query == ViewQuery(screen.view_query.filter)
        assert len(articles.view) == 9 or screen.view_query.filter.value != "all"


@pytest.mark.parametrize("answer", ["n", "y"])
async def test_d_asks_before_removing_a_source(
    library: Library, server: FeedServer, answer: str
) -> None:
    server.routes["/feed.xml"] = serve(rss("Harbour News", sample_items(3)))
    key = subscribe(library, server.url("/feed.xml"), "Harbour News")
    await asyncio.to_thread(refresh, library, [key])
    [first, *_rest] = library.list_articles(ViewQuery(source_key=key))
    library.set_bookmarked([first.id], True)
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("s", "end", "d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RemoveSourceScreen)
        question = str(dialog.query_one("#remove-question").render())
        assert question == "Remove Harbour News? Its 3 articles go; 1 bookmarked one is kept."
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        titles = {info.title for info in library.sources()}
        if answer == "y":
            assert titles == {"Samples"}
            listed = {info.title for info in app.screen.query_one(SourceList).sources}
            assert listed == {"Samples"}
            assert library.get(first.id).bookmarked, "bookmarked articles are kept"
            assert len(library.list_articles(ViewQuery())) == 6
        else:
            assert titles == {"Samples", "Harbour News"}
            assert len(library.list_articles(ViewQuery())) == 8


async def test_search_syntax_in_the_search_bar(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        articles = screen.query_one(ArticleList)
        everything = len(articles.view)
        for typed, expected in [
            ("nvidia", 3),
            ("musk -xai", 3),
            ('"natural gas"', 1),
            ("cyber*", 1),
            ("-tesla", 2),
            ('"tesla', len(library.list_articles(ViewQuery(search="tesla")))),
            ("*", everything),
            ("-", everything),
            (":", everything),
            ("NEAR AND", len(library.list_articles(ViewQuery(search='"near" "and"')))),
        ]:
            await pilot.press("slash")
            screen.search_bar.value = typed
            await pilot.press("enter")
            await pilot.pause(0.1)
            assert len(articles.view) == expected, typed
            await pilot.press("slash", "escape")
            await pilot.pause()
        assert not notifications(app), "no input may raise an error"


async def test_search_words_are_highlighted_in_the_article(library: Library) -> None:
    app = make_app(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = reader(app)
        match = screen.article_view.get_component_rich_style(
            "article-view--search-match", partial=True
        )

        def title_matches() -> list[str]:
            title = screen.article_view.query_one("#article-title", Static).content
            assert isinstance(title, Text)
            return [
                title.plain[span.start : span.end] for span in title.spans if span.style == match
            ]

        await pilot.press("slash")
        screen.search_bar.value = "nvidia"
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert [word.lower() for word in title_matches()] == ["nvidia"]
        await pilot.press("slash", "escape")
        await pilot.pause(0.3)
        assert title_matches() == []
