"""A refresh that rewrites the source the user is reading, marking and bookmarking in.

Between refreshes the server changes the feed: stories are edited, dropped and
added. The reader must keep running, keep the open article on screen, and
keep every mark made before and during the refresh.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

from textual.pilot import Pilot

from feed_server import Item, rss, running_server, sample_items, send
from newsread.library import Library, ViewQuery
from newsread.model import Source, SourceKind
from newsread.refresh import refresh
from newsread.tui.app import NewsreadApp
from newsread.tui.widgets.article_list import ArticleList
from newsread.tui.widgets.article_view import ArticleView

SIZE = (120, 40)


async def wait_until(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


def _marks(library: Library, article_id: str) -> tuple[bool, bool]:
    article = library.get(article_id)
    return article.read, article.bookmarked


def edited(items: list[Item], round_number: int) -> list[Item]:
    """Round `n` of the feed: the first story edited, the second dropped, a new one on top."""
    first, _dropped, *rest = items
    changed = Item(first.guid, f"{first.title} (update {round_number})", "Rewritten body.")
    new = Item(f"new-{round_number}", f"Breaking story {round_number}", "Fresh.")
    return [new, changed, *rest]


async def test_refreshes_that_rewrite_the_open_source_lose_no_mark(library: Library) -> None:
    items = sample_items(6)
    served = {"feed": rss("Harbour News", items)}
    release = threading.Event()
    release.set()

    def feed(handler: BaseHTTPRequestHandler) -> None:
        release.wait(10)
        send(handler, served["feed"])

    with running_server() as server:
        server.routes["/feed.xml"] = feed
        url = server.url("/feed.xml")
        library.add_source(Source(url, SourceKind.FEED, "Harbour News"))
        await asyncio.to_thread(refresh, library, [url])
        app = NewsreadApp(library, library.path.parent)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            articles = app.screen.query_one(ArticleList)
            view = app.screen.query_one(ArticleView)
            marks: dict[str, tuple[bool, bool]] = {}
            for round_number in range(1, 4):
                # Read and bookmark the current story, then start a refresh that is held back.
                await pilot.press("j", "enter")
                await pilot.pause()
                reading = articles.current_id
                assert reading is not None and view.shown_id == reading
                await pilot.press("b")
                await pilot.pause()
                marks[reading] = _marks(library, reading)
                items = edited(items, round_number)
                served["feed"] = rss("Harbour News", items)
                release.clear()
                await pilot.press("r")
                await pilot.pause(0.2)
                # While the refresh is under way: move, mark read/unread and bookmark.
                await pilot.press("tab", "j", "m", "b")
                await pilot.pause()
                during = articles.current_id
                assert during is not None
                marks[during] = _marks(library, during)
                release.set()
                await wait_until(
                    pilot,
                    lambda: any(note.title == "Refresh" for note in app._notifications),
                )
                await app.workers.wait_for_complete()
                await pilot.pause()
                app._notifications.clear()
                assert app.is_running
                assert articles.current_id == during
                for article_id, marked in marks.items():
                    assert _marks(library, article_id) == marked, article_id
                await pilot.press("tab")
            titles = [s.title for s in library.list_articles(ViewQuery(source_key=url))]
            assert "Breaking story 3" in titles
            assert any("(update 3)" in title for title in titles)
